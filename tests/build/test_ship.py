"""What shipping relies on: valid workflow files, and a build that also works with ProperDocs."""
from __future__ import annotations

import os
import subprocess

import pytest
import yaml

from macros.handbook import load_handbook
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


def workflow() -> dict:
    with open(ROOT / ".github" / "workflows" / "deploy.yml", "rb") as f:
        return yaml.safe_load(f)


def test_every_make_command_the_workflow_runs_is_a_target_make_can_run():
    commands = [line.strip() for job in workflow()["jobs"].values() for step in job.get("steps", [])
                for line in step.get("run", "").splitlines() if line.strip().startswith("make ")]
    assert commands, "the workflow runs no make target"
    for command in commands:
        dry = subprocess.run(["make", "-n", *command.split()[1:]], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert dry.returncode == 0, f"{command}: {dry.stderr}"


def test_deploy_publishes_what_the_tested_build_made_with_the_official_pages_actions():
    jobs = workflow()["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    uses = {job: [step.get("uses", "").split("@")[0] for step in j["steps"]] for job, j in jobs.items()}
    assert "actions/upload-pages-artifact" in uses["build"]
    upload = next(step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert uses["deploy"] == ["actions/deploy-pages"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_properdocs_builds_the_same_site(tmp_path):
    out = tmp_path / "site"
    done = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert done.returncode == 0, done.stderr[-3000:]
    body = text(page(out, "pocket-checklist"))
    book = load_handbook(ROOT / "data")
    assert book.pocket_checklist[0].mistake in body
    assert " → ".join(w.word for w in book.one_pager.mantra) in body
    assert (out / "examples" / "url-shortener" / "index.html").is_file()
