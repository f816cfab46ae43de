"""Loading data/: the real files validate, and every kind of bad file is refused with its place."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.handbook import load_handbook
from macros.schema import FILES

from tests.unit.conftest import error_of

ROOT = Path(__file__).resolve().parents[2]



def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))



def test_the_real_data_loads():
    book = load_handbook(ROOT / "data", ROOT / "docs")
    assert [s.number for s in book.framework.steps] == [1, 2, 3, 4]
    assert len(book.pocket_checklist) == 10
    assert len(book.red_team) == 10
    # The mantra's words open the one-pager's sections, in its order.
    titles = {s.id: s.title for s in book.one_pager.sections}
    assert all(titles[w.section].startswith(w.word + ":") for w in book.one_pager.mantra)


def test_every_data_file_has_a_schema():
    on_disk = {p.stem for p in (ROOT / "data").glob("*.yml")}
    assert on_disk == set(FILES)


# (file, text in it, what it becomes, what the message must say after "<file>: ")
BAD_EDITS = {
    "broken YAML": ("deep_keys.yml", "- id: one-queue-rule", "- id: [one-queue-rule", "broken YAML"),
    "unknown key": ("red_team.yml", "  strong_answer:", "  strong_answers:", "[0].strong_answers (line 4): unknown key (a typo?)"),
    "missing field": ("framework.yml", "    goal: >-\n      Turn a deliberately", "    objective: >-\n      Turn a deliberately", "steps[0].goal"),
    "wrong type": ("practice.yml", "    minutes: 15", "    minutes: fifteen", "blocks[1].minutes (line "),
    "duplicate id": ("pocket_checklist.yml", "- id: no-numbers", "- id: vague-spec", "[1].id (line 6): duplicate id 'vague-spec' (first at item [0])"),
    "duplicate key": ("numbers.yml", "  year: 2017\n", "  year: 2017\n  year: 2018\n", "appears twice"),
    "budget": ("framework.yml", "    minutes: 20", "    minutes: 21", "step minutes add up to 46, expected interview_minutes[0] = 45"),
    "unknown block": ("one_pager.yml", "      block: caching\n", "      block: cachin\n", "tradeoff_playbook.choices[2].block: unknown building block (data/blocks/) 'cachin'"),
    "red-team page": ("red_team.yml", "  see: framework/step-2-high-level.md", "  see: framework/step-9.md", "[0].see: no page docs/framework/step-9.md"),
    "pocket step": ("pocket_checklist.yml", "  step: scope", "  step: scoping", "unknown step 'scoping'"),
    "published range": ("framework.yml", "published_minutes: [3, 10]", "published_minutes: [10, 3]",
                        "steps[0].published_minutes (line 27): a range low <= high above 0, found 10-3"),
    "strip question": ("framework.yml", ', short: "Success in numbers?"', "", "each needs a short form for the one-pager's strip, missing for ['slos']"),
    "rubric level order": ("rubric.yml", "  - id: mid\n", "  - id: staff\n", "levels"),
    "rubric level": ("rubric.yml", "  - id: mid\n", "  - id: junior\n", "levels[0].id (line "),
    "rubric source": ("rubric.yml", "sources: [hellointerview-levels,", "sources: [hello-levels,", "sources[0]: unknown reference 'hello-levels'"),
    "drill trap": ("drills.yml", "  - id: retention\n", "  - id: retention-left-out\n", "traps[6].id (line "),
    "drill trap twice": ("drills.yml", "  - id: unit-step\n", "  - id: retention\n", "duplicate id 'retention'"),
    "drill question": ("drills.yml", "of: read, field: peak_qps", "of: read, field: stored_bytes_total", "questions[1].field (line "),
    "drill size": ("drills.yml", "payload: [200 KB, 500 KB, 2 MB]", "payload: [200 KB, 500 KB, 2 MiBs]", "themes[0].write.payload[2] (line "),
    "mock length": ("practice.yml", "lengths: [35, 45, 60]", "lengths: [45, 35, 60]", "mock.lengths (line "),
}


@pytest.mark.parametrize("case", list(BAD_EDITS))
def test_bad_data_is_refused_naming_the_file_and_the_place(data, case):
    name, old, new, expected = BAD_EDITS[case]
    edit(data / name, old, new)
    message = error_of(data)
    assert f"{data / name}: " in message
    assert expected in message.split(f"{data / name}: ", 1)[1]


def test_a_missing_file_is_named(data):
    (data / "glossary.yml").unlink()
    message = error_of(data)
    assert "glossary.yml" in message and "cannot be read" in message


def test_red_team_link_to_an_unnamed_section_is_refused(data):
    edit(data / "red_team.yml", "  see: one-pager.md#numbers", "  see: one-pager.md#nowhere")
    assert "[1].see: 'one-pager.md#nowhere' is not a step page, a one-pager section or a deep key" in error_of(data)


def test_a_drill_trap_left_out_is_refused(data):
    """drills.js names each trap by id, so the data must hold every one of them."""
    text = (data / "drills.yml").read_text()
    start = text.index("  - id: unit-step\n")
    end = text.index("  - id: retention\n")
    (data / "drills.yml").write_text(text[:start] + text[end:])
    message = error_of(data)
    assert f"{data / 'drills.yml'}: traps (line " in message and "each trap once: missing ['unit-step']" in message
