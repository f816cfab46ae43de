"""The mock interview's logic (mock-core.js) under Node: its own unit tests, run from pytest."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_node_unit_tests_pass():
    done = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js" / "mock-core.test.js")],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, HANDBOOK_PYTHON=sys.executable), cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_the_mock_times_nothing_with_the_wall_clock():
    # Elapsed time comes from performance.timeOrigin + performance.now(); Date is only for the
    # calendar date a mock is saved under and the export's file name.
    for name in ("mock.js", "mock-core.js"):
        text = re.sub(r"//.*", "", (SCRIPTS / name).read_text(encoding="utf-8"))  # code, not comments
        assert not re.search(r"Date\.now|getTime\(\)\s*-", text), name
    assert "performance.now()" in (SCRIPTS / "mock.js").read_text(encoding="utf-8")
