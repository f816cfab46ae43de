"""Worked examples: every file validates, every section is demanded, references are checked."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.example_page import SECTIONS, flow_diagram, worked_example

from tests.unit.conftest import error_of

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_TOPICS = {"chat", "rate-limiter", "news-feed", "search-autocomplete", "url-shortener", "notification-system",
                   "web-crawler", "unique-id-generator", "video-streaming", "file-sync", "proximity-location",
                   "document-pipeline"}


def test_the_twelve_topics_exist(examples):
    assert REQUIRED_TOPICS <= set(examples)
    for slug in examples:
        assert (ROOT / "docs" / "examples" / f"{slug}.md").is_file()


def test_every_example_renders_every_section_in_order(book, examples, here):
    for slug in examples:
        md = worked_example(book, here(f"examples/{slug}.md"), slug)
        positions = [md.index(f"## {title} {{#{ident}}}") for ident, title in SECTIONS]
        assert positions == sorted(positions), slug
        assert md.count("```mermaid") == 1
        assert "**Critical path:** arrows" in md


def test_flow_arrows_are_numbered(examples):
    we = examples["url-shortener"]
    diagram = flow_diagram(we)
    for i, arrow in enumerate(we.example.flow.arrows, 1):
        assert f'|"{i}. ' in diagram
    assert diagram.count("-->") + diagram.count("-.->") == len(we.example.flow.arrows)


def test_api_bodies_keep_their_braces(book, here):
    md = worked_example(book, here("examples/url-shortener.md"), "url-shortener")
    assert "`` 201 {code, short_url} ``" in md




def load_error(data: Path, book) -> str:
    return error_of(data)


def cut_section(path: Path, key: str) -> None:
    lines = path.read_text().splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.startswith(f"{key}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n", "")), len(lines))
    path.write_text("".join(lines[:start] + lines[end:]))


@pytest.mark.parametrize("section", ["opening", "api", "data_model", "flow", "failures", "tradeoffs", "roadmap", "red_team", "wrap_up"])
def test_a_missing_section_is_refused(data, book, section):
    cut_section(data / "examples" / "url-shortener.yml", section)
    message = load_error(data, book)
    assert "url-shortener.yml" in message and f"{section}" in message and "missing required field" in message


def test_unknown_red_team_question(data, book):
    path = data / "examples" / "url-shortener.yml"
    path.write_text(path.read_text().replace("  - question: shard-key", "  - question: shard-keys"))
    assert "red_team[0].question: unknown red-team question 'shard-keys'" in load_error(data, book)


def test_unknown_control(data, book):
    path = data / "examples" / "url-shortener.yml"
    path.write_text(path.read_text().replace("controls: [idempotency-keys]", "controls: [idempotence]"))
    assert "unknown control 'idempotence'" in load_error(data, book)


def test_three_pros_are_refused(data, book):
    path = data / "examples" / "url-shortener.yml"
    path.write_text(path.read_text().replace("      - No collisions, so no read-before-write.\n",
                                             "      - No collisions, so no read-before-write.\n      - A third pro.\n"))
    assert "tradeoffs[0].pros" in load_error(data, book)


def test_missing_scenario_file(data, book):
    (data / "scenarios" / "url-shortener.yml").unlink()
    assert "url-shortener.yml: scenario: unknown scenario (data/scenarios/) 'url-shortener'" in load_error(data, book)
