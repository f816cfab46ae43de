"""Loading data/: the real files validate, and every kind of bad file is refused with its place."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.handbook import load_handbook
from macros.schema import FILES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def error_of(data: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_handbook(data, ROOT / "docs")
    return str(caught.value)


def test_the_real_data_loads():
    book = load_handbook(ROOT / "data", ROOT / "docs")
    assert [s.number for s in book.framework.steps] == [1, 2, 3, 4]
    assert len(book.pocket_checklist) == 10
    assert len(book.red_team) == 10
    assert [w.word for w in book.one_pager.mantra] == ["SPEC", "NUMBERS", "FLOW", "FAILURE", "TRADE-OFFS", "ROADMAP"]


def test_every_data_file_has_a_schema():
    on_disk = {p.stem for p in (ROOT / "data").glob("*.yml")}
    assert on_disk == set(FILES)


def test_broken_yaml_names_file_and_line(data):
    edit(data / "deep_keys.yml", "- id: one-queue-rule", "- id: [one-queue-rule")
    message = error_of(data)
    assert "deep_keys.yml" in message and "broken YAML" in message
    assert "line " in message


def test_unknown_key_is_a_typo(data):
    edit(data / "red_team.yml", "  strong_answer:", "  strong_answers:")
    message = error_of(data)
    assert "red_team.yml" in message
    assert "[0].strong_answers (line 4): unknown key (a typo?)" in message


def test_missing_field(data):
    edit(data / "framework.yml", "    goal: >-\n      Turn a deliberately", "    objective: >-\n      Turn a deliberately")
    message = error_of(data)
    assert "framework.yml" in message
    assert "steps[0].goal" in message and "missing required field" in message


def test_wrong_type(data):
    edit(data / "practice.yml", "    minutes: 15", "    minutes: fifteen")
    message = error_of(data)
    assert "practice.yml" in message
    assert "blocks[1].minutes (line " in message and "integer" in message


def test_duplicate_id(data):
    edit(data / "pocket_checklist.yml", "- id: no-numbers", "- id: vague-spec")
    message = error_of(data)
    assert "pocket_checklist.yml" in message
    assert "[1].id (line 6): duplicate id 'vague-spec' (first at item [0])" in message


def test_duplicate_key_in_a_mapping(data):
    edit(data / "numbers.yml", "  year: 2017\n", "  year: 2017\n  year: 2018\n")
    message = error_of(data)
    assert "numbers.yml" in message and "appears twice" in message


def test_budget_must_add_up(data):
    edit(data / "framework.yml", "    minutes: 20", "    minutes: 21")
    assert "step minutes add up to 46, expected interview_minutes[0] = 45" in error_of(data)


def test_unknown_control_in_failure_inventory(data):
    edit(data / "one_pager.yml", "controls: [dlq]", "controls: [dead-letters]")
    message = error_of(data)
    assert "one_pager.yml" in message and "dead-letters" in message


def test_red_team_link_must_point_to_a_page(data):
    edit(data / "red_team.yml", "  see: framework/step-2-high-level.md", "  see: framework/step-9.md")
    message = error_of(data)
    assert "red_team.yml" in message and "[0].see: no page docs/framework/step-9.md" in message


def test_pocket_item_must_name_a_step(data):
    edit(data / "pocket_checklist.yml", "  step: scope", "  step: scoping")
    assert "unknown step 'scoping'" in error_of(data)


def test_a_missing_file_is_named(data):
    (data / "glossary.yml").unlink()
    message = error_of(data)
    assert "glossary.yml" in message and "cannot be read" in message


def test_red_team_link_to_an_unnamed_section_is_refused(data):
    edit(data / "red_team.yml", "  see: one-pager.md#numbers", "  see: one-pager.md#nowhere")
    assert "[1].see: 'one-pager.md#nowhere' is not a step page, a one-pager section or a deep key" in error_of(data)
