"""scripts/screenshots.py writes the 12 screenshots: 3 pages x phone/desktop x light/dark."""
from __future__ import annotations

import pytest

import hashlib
import struct
import subprocess
import sys

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGES = ["home", "one-pager", "url-shortener"]
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
SCHEMES = ["light", "dark"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshots_script(site, tmp_path):
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "scripts.screenshots", str(out), "--site", str(site)],
                          capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    expected = {f"{p}-{s}-{c}.png" for p in PAGES for s in SIZES for c in SCHEMES}
    assert {f.name for f in out.iterdir()} == expected
    digests = {}
    for name in expected:
        data = (out / name).read_bytes()
        size = SIZES[name.split("-")[-2]]
        assert png_size(data) == size, name
        assert 15_000 < len(data) < 5_000_000, (name, len(data))  # a drawn page, not a blank one
        digests[name] = hashlib.sha256(data).hexdigest()
    assert len(set(digests.values())) == 12, "two screenshots are identical"
