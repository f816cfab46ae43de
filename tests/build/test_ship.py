"""What shipping relies on: valid workflow files, and a build that also works with ProperDocs."""
from __future__ import annotations

import os
import subprocess

import pytest

from tests.build.htmltext import page, text
from tests.conftest import BIN, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def check_workflow(path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_matches_the_github_schema(workflow):
    done = check_workflow(workflow)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: not-a-list\n")
    assert check_workflow(broken).returncode != 0


def test_deploy_uses_the_official_pages_actions():
    body = (ROOT / ".github" / "workflows" / "deploy.yml").read_text()
    for needed in ("actions/upload-pages-artifact@", "actions/deploy-pages@", "pages: write", "id-token: write",
                   "concurrency:", "make test", "make pdf", "make offline", "cache: pip", "cache: npm"):
        assert needed in body, needed


def test_properdocs_builds_the_same_site(tmp_path):
    out = tmp_path / "site"
    done = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert done.returncode == 0, done.stderr[-3000:]
    body = text(page(out, "pocket-checklist"))
    assert "Vague spec" in body and "SPEC → NUMBERS → FLOW → FAILURE → TRADE-OFFS → ROADMAP" in body
    assert (out / "examples" / "url-shortener" / "index.html").is_file()
