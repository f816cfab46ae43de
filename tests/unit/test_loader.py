"""The one reader of data files: every kind of damage ends in one clear message naming the file,
the line and what was expected, never a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros import loader, schema
from macros.errors import DataError

from tests.unit.conftest import error_of

ROOT = Path(__file__).resolve().parents[2]




@pytest.mark.parametrize("name", ["glossary.yml", "blocks/caching.yml", "examples/chat.yml", "scenarios/chat.yml",
                                  "capacity.yml"])
def test_bytes_that_are_not_utf8_are_named_with_their_line(data, name):
    path = data / name
    raw = path.read_bytes().split(b"\n")
    raw[2] = raw[2] + b" \xff\xfe"
    path.write_bytes(b"\n".join(raw))
    assert f"{path}: line 3: is not UTF-8 text" in error_of(data)


@pytest.mark.parametrize("old,new,expected", [
    ("- {term: ANN, full:", "- {term: [ANN], full:", "[0].term (line 2): expected text, got a list"),
    ("- {term: ANN, full:", "- {term: {a: 1}, full:", "[0].term (line 2): expected text, got a mapping"),
    ("- {term: ANN, full:", "- {[x]: 1, term: ANN, full:", "line 2, column 4: broken YAML: a key must be text or a number, found a list"),
])
def test_a_term_or_key_of_the_wrong_kind_is_named(data, old, new, expected):
    path = data / "glossary.yml"
    path.write_text(path.read_text().replace(old, new, 1))
    assert f"{path}: {expected}" in error_of(data)


def test_a_list_as_an_id_is_named_not_a_traceback(data):
    path = data / "deep_keys.yml"
    path.write_text(path.read_text().replace("- id: two-store-rule", "- id: [two-store-rule]", 1))
    assert f"{path}: [0].id (line 2): expected text, got a list" in error_of(data)


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
              f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    path = tmp_path / "bomb.yml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"line 2, column \d+: broken YAML: aliases \(\*a\) are not allowed"):
        loader.read(path)


def test_broken_yaml_is_reported_on_the_line_of_the_mistake(data):
    path = data / "deep_keys.yml"
    text = path.read_text()
    line = text[:text.index("- id: one-queue-rule")].count("\n") + 1
    path.write_text(text.replace("- id: one-queue-rule", "- id: [one-queue-rule", 1))
    assert f"{path}: line {line}, column" in error_of(data)


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_says_so_once(data, content):
    path = data / "red_team.yml"
    path.write_text(content)
    message = error_of(data)
    assert message.count("\n") == 1 and f"{path}: the file is empty" in message


def test_a_runaway_text_value_is_refused_by_its_length(data):
    path = data / "red_team.yml"
    text = path.read_text()
    path.write_text(text.replace("  strong_answer:\n", "  strong_answer:\n    - " + "x" * 1_000_000 + "\n", 1))
    assert f"is 1,000,000 characters long; at most {schema.TEXT_LIMIT:,} are allowed" in error_of(data)


def test_a_scenario_file_whose_figures_overflow_stops_the_load_naming_it(data):
    path = data / "scenarios" / "url-shortener.yml"
    path.write_text(path.read_text().replace("    per_day: 100M", "    per_day: 1e306", 1))
    message = error_of(data)
    assert f"{path}: operations[0] (line " in message and "the figures overflow" in message
