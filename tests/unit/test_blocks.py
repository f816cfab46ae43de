"""Building blocks and the capacity table: every block has every part, "Used in" is computed from the
examples' tags both ways, and capacity figures are printed from the table (one row, one place)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros import building_blocks, capacity, example_page, render

from tests.unit.conftest import error_of

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_TERMS = ["CDN", "Bloom filter", "geohash", "quadtree", "HNSW", "quorum", "consistent hashing", "CAP",
                  "PACELC", "CDC", "outbox", "saga", "two-phase commit", "SSE", "long polling", "RPO", "RTO",
                  "fencing token", "watermark", "vector clock"]


def test_at_least_eighteen_blocks_each_with_a_page(book):
    assert len(book.blocks) >= 18
    for slug in book.blocks:
        assert (ROOT / "docs" / "blocks" / f"{slug}.md").is_file(), slug


def test_every_block_page_has_every_part_in_order(book, here):
    for slug, b in book.blocks.items():
        md = building_blocks.building_block(book, here(f"blocks/{slug}.md"), slug)
        positions = [md.index(f"## {title} {{#{ident}}}") for ident, title in building_blocks.SECTIONS]
        assert positions == sorted(positions), slug
        assert md.startswith(b.idea)
        for o in b.options:
            assert f"**{o.name}**" in md and o.how in md and o.costs in md and o.gives_up in md
        for level in (b.levels.mid, b.levels.senior, b.levels.staff):
            assert level in md
        for ref in b.sources:
            assert book.reference(ref).url in md


def test_used_in_is_computed_from_the_examples_tags_both_ways(book, here):
    for slug in book.blocks:
        md = building_blocks.building_block(book, here(f"blocks/{slug}.md"), slug)
        used = md.split("{#used-in}", 1)[1].split("{#sources}", 1)[0]
        linked = set(re.findall(r"\(\.\./examples/([a-z0-9-]+)\.md\)", used))
        assert linked == {we.slug for we in book.examples.values() if slug in we.example.blocks}
    for slug, we in book.examples.items():
        md = example_page.worked_example(book, here(f"examples/{slug}.md"), slug)
        assert set(re.findall(r"\(\.\./blocks/([a-z0-9-]+)\.md\)", md)) >= set(we.example.blocks)
    assert all(book.used_in(slug) for slug in book.blocks), "a block no worked example relies on"


def test_capacity_figures_are_printed_from_the_table(book, here):
    rows = {r.id: r for r in book.capacity.rows}
    for slug, b in book.blocks.items():
        md = building_blocks.building_block(book, here(f"blocks/{slug}.md"), slug)
        for o in b.options:
            for row in o.capacity:
                assert f"{rows[row].measure}: **{capacity.figure(rows[row])}** ([" in md and "numbers.md#capacity)" in md
    assert capacity.figure(rows["redis-ops"]) == "100K/s"
    assert capacity.figure(rows["storage-usd-gb-month"]).startswith("$0.0")
    assert capacity.figure(rows["vector-hnsw-query-ms"]).endswith(" ms")


def test_every_capacity_row_has_a_source_a_year_and_a_kind(book):
    refs = {r.id for r in book.references}
    assert len(book.capacity.rows) >= 25
    for r in book.capacity.rows:
        assert r.source in refs and 1990 <= r.year <= 2100 and r.kind in capacity.KINDS


def test_the_capacity_table_shows_every_row_with_its_anchor(book, here):
    md = capacity.capacity_table(book, here("numbers.md"))
    for r in book.capacity.rows:
        assert f'id="capacity-{r.id}"' in md and r.workload in md


def test_the_glossary_has_the_terms_a_candidate_could_stumble_on(book):
    words = {t.term.lower() for t in book.glossary} | {(t.full or "").lower() for t in book.glossary}
    missing = [t for t in REQUIRED_TERMS if not any(t.lower() == w or w.startswith(t.lower() + " ") or
                                                     w.endswith(" " + t.lower()) for w in words)]
    assert missing == []


def test_step_three_and_the_trade_off_playbook_link_to_their_blocks(book, here):
    step = book.step("deep-dive")
    md = render.step_checklists(book, here(step.page), "deep-dive")
    for t in step.topics:
        if t.block:
            assert f"(../blocks/{t.block}.md)" in md
    md = render.tradeoff_playbook(book, here("one-pager.md"))
    for c in book.one_pager.tradeoff_playbook.choices:
        assert f"(blocks/{c.block}.md)" in md




@pytest.mark.parametrize("field", ["source", "year", "kind"])
def test_a_capacity_row_without_its_source_year_or_kind_is_refused(data, field):
    path = data / "capacity.yml"
    lines = path.read_text().splitlines(keepends=True)
    first = next(i for i, l in enumerate(lines) if l.startswith(f"    {field}:"))
    path.write_text("".join(lines[:first] + lines[first + 1:]))
    assert f"capacity.yml: rows[0].{field}" in error_of(data) and "missing required field" in error_of(data)


def test_an_unknown_capacity_row_in_a_block_is_refused(data):
    path = data / "blocks" / "caching.yml"
    path.write_text(path.read_text().replace("capacity: [postgres-point-reads]", "capacity: [postgres-reads]"))
    assert "caching.yml: options[0].capacity: unknown capacity row 'postgres-reads'" in error_of(data)


def test_a_search_term_the_block_never_says_is_refused(data):
    path = data / "blocks" / "caching.yml"
    path.write_text(path.read_text().replace("terms: [caching,", "terms: [caching, memoisation,"))
    assert "'memoisation' never appears in the block's text" in error_of(data)


def test_an_example_naming_an_unknown_block_is_refused(data):
    path = data / "examples" / "chat.yml"
    path.write_text(path.read_text().replace("blocks: [api-styles,", "blocks: [api-style,"))
    assert "chat.yml: blocks[0]: unknown building block (data/blocks/) 'api-style'" in error_of(data)
