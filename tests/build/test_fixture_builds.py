"""Build a changed copy of the handbook: a data change reaches every page, bad data stops the build."""
from __future__ import annotations

import pytest

from tests.build.htmltext import page, text
from tests.conftest import build, copy_project


def replace(path, old, new):
    body = path.read_text()
    assert old in body
    path.write_text(body.replace(old, new, 1))


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """One checklist item and one time budget changed in data/, nothing else."""
    project = copy_project(tmp_path_factory.mktemp("changed"))
    replace(project / "data" / "pocket_checklist.yml", "  fix: Write down the goal, the non-goals and the SLOs.",
            "  fix: Say the goal, three non-goals and two SLOs before drawing.")
    replace(project / "data" / "framework.yml", "    minutes: 20", "    minutes: 18")
    replace(project / "data" / "framework.yml", "    minutes: 15", "    minutes: 17")
    done = build(project, project / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    return project / "site"


@pytest.mark.parametrize("url_path", ["pocket-checklist", "print_page"])
def test_changed_checklist_item_is_everywhere(changed_site, url_path):
    body = text(page(changed_site, url_path))
    assert "Say the goal, three non-goals and two SLOs before drawing." in body
    assert "Write down the goal, the non-goals and the SLOs." not in body


def test_changed_budget_is_everywhere(changed_site):
    assert "18 minutes of a 45-minute interview" in text(page(changed_site, "framework/step-2-high-level"))
    assert "17 minutes of a 45-minute interview" in text(page(changed_site, "framework/step-3-deep-dive"))
    overview = text(page(changed_site, "framework"))
    assert "18 min (minutes 5–23)" in overview and "17 min (minutes 23–40)" in overview


BAD = [
    ("broken YAML", "deep_keys.yml", "- id: one-queue-rule", "- id: [one-queue-rule", "broken YAML"),
    ("unknown key", "red_team.yml", "  strong_answer:", "  strong_answers:", "[0].strong_answers (line 4): unknown key"),
    ("missing field", "glossary.yml", '- {term: ANN, full: Approximate nearest neighbour, means:', '- {term: ANN, full: Approximate nearest neighbour, meaning:', "[0].means (line 2): missing required field"),
    ("wrong type", "practice.yml", "    minutes: 15", "    minutes: [15]", "blocks[1].minutes (line"),
    ("duplicate id", "pocket_checklist.yml", "- id: no-numbers", "- id: vague-spec", "duplicate id 'vague-spec'"),
]


@pytest.mark.parametrize("case, file, old, new, expected", BAD, ids=[b[0] for b in BAD])
def test_bad_data_stops_the_build(tmp_path, case, file, old, new, expected):
    project = copy_project(tmp_path / "project")
    replace(project / "data" / file, old, new)
    done = build(project, project / "site")
    assert done.returncode != 0
    assert f"data/{file}" in done.stderr and expected in done.stderr
    assert "Traceback" not in done.stderr
    assert not (project / "site").exists(), "a bad data file must not leave a half-built site"
