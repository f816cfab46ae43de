"""Render functions: computed figures, stable anchors and relative links, straight from data."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros import diagrams, numbers, render

ROOT = Path(__file__).resolve().parents[2]


def test_45_minute_budget_is_the_typed_one(book):
    assert render.budgets(book)[45] == [s.minutes for s in book.framework.steps]


@pytest.mark.parametrize("total", [30, 45, 50, 60, 90])
def test_scaled_budget_keeps_the_total_and_the_order(total):
    split = numbers.scaled_budget([5, 20, 15, 5], total)
    assert sum(split) == total
    exact = [m * total / 45 for m in (5, 20, 15, 5)]
    assert all(abs(s - e) < 1 for s, e in zip(split, exact))


def test_step_starts_give_the_phase_changes():
    assert numbers.step_starts([5, 20, 15, 5]) == [0, 5, 25, 40]


@pytest.mark.parametrize("percent, period, seconds", [
    ("99.9", "year", 0.001 * 365.25 * 86400),
    ("99.99", "month", 0.0001 * 365.25 * 86400 / 12),
    ("99", "week", 0.01 * 7 * 86400),
    ("99.999", "day", 0.00001 * 86400),
])
def test_downtime_from_definition(percent, period, seconds):
    assert numbers.downtime_seconds(percent, period) == pytest.approx(seconds)


def test_published_downtime_figures():
    # The System Design Primer's availability table: 99.9 % = 8h 45min 57s a year (57.6 s, rounded here).
    assert numbers.format_duration(numbers.downtime_seconds("99.9", "year")) == "8h 45m 58s"
    assert numbers.format_duration(numbers.downtime_seconds("99.99", "day")) == "9s"
    assert numbers.format_duration(numbers.downtime_seconds("99.9", "day")) == "1m 26s"


def test_series_and_parallel():
    assert numbers.series("99.9", "99.9") == "99.8001"
    assert numbers.parallel("99.9", "99.9") == "99.9999"


@pytest.mark.parametrize("ns, text", [(0.5, "0.5 ns"), (100, "100 ns"), (10_000, "10 µs"),
                                      (150_000, "150 µs"), (1_000_000, "1 ms"), (150_000_000, "150 ms")])
def test_format_ns(ns, text):
    assert numbers.format_ns(ns) == text


def test_powers_of_two_are_computed(book):
    md = render.powers_of_two(book)
    for row in book.numbers.powers_of_two.rows:
        assert f"| 2^{row.power} | {2 ** row.power:,} |" in md


def test_latency_table_shows_every_row_and_its_source(book, here):
    md = render.latency_table(book, here("numbers.md"))
    for row in book.numbers.latency.rows:
        assert row.what in md and f'id="latency-row-{row.id}"' in md
    assert f"[{book.reference(book.numbers.latency.source).title}](references.md)" in md
    assert str(book.numbers.latency.year) in md


def test_latency_budget_total_is_the_sum_of_synchronous_hops(book):
    hops = book.one_pager.back_of_envelope.latency_budget.hops
    total = sum(h.max_ms for h in hops if not h.asynchronous)
    assert f"**≤ {numbers.format_ns(total * 1e6)}**" in render.latency_budget(book)


def test_every_pocket_item_has_a_stable_anchor(book):
    md = render.pocket_checklist(book)
    ids = re.findall(r'id="pocket-([a-z0-9-]+)"', md)
    assert ids == [m.id for m in book.pocket_checklist]
    assert md.count("- [ ] ") == 10


def test_state_machine_item_shows_the_states_from_data(book):
    md = render.pocket_checklist(book)
    states = [s.label or s.id for s in book.one_pager.job_state_machine.states]
    line = next(l for l in md.splitlines() if "pocket-no-state-machine" in l)
    assert all(f"`{s}`" in line for s in states)


def test_links_are_relative_to_the_page(here):
    assert render.link("one-pager.md#numbers", here("framework/step-1-scope.md")) == "../one-pager.md#numbers"
    assert render.link("framework/step-1-scope.md", here("index.md")) == "framework/step-1-scope.md"
    assert render.link("red-team.md#shard-key", here("examples/chat.md")) == "../red-team.md#shard-key"


def test_red_team_page_has_a_heading_per_question(book, here):
    md = render.red_team(book, here("red-team.md"))
    for q in book.red_team:
        assert f"{{#{q.id}}}" in md
        for point in q.strong_answer:
            assert point in md


def test_job_state_machine_diagram_uses_every_transition(book):
    md = render.job_state_machine(book)
    assert md.count('<figure class="diagram"') == 1
    sm = book.one_pager.job_state_machine
    source = diagrams.states_source([(s.id, s.label or s.id, s.final) for s in sm.states],
                                    [(t.from_, t.to, t.event) for t in sm.transitions])
    for t in sm.transitions:
        assert f'"{t.from_}" -> "{t.to}": "{t.event}"' in source
    svg = md[md.index("<svg"):md.index("</figure>")]
    assert all(html.escape(t.event, quote=False).split()[0] in svg for t in sm.transitions)


def test_step_checklists_anchor_every_item(book, here):
    for step in book.framework.steps:
        md = render.step_checklists(book, here(step.page), step.id)
        for item in step.questions:
            assert f'id="step-{step.id}-q-{item.id}"' in md
        for item in step.pitfalls:
            assert item.text in md


def test_glossary_becomes_tooltips(book):
    tips = render.abbreviation_glossary(book)
    assert tips["p95"].startswith("95th-percentile latency")
    assert set(tips) == {t.term for t in book.glossary}


def test_baseline_embedding_size_is_computed(book, here):
    assert "768 × 4 B = 3,072 B" in render.baseline(book, here("numbers.md"))


def test_red_team_links_read_as_page_names(book, here):
    md = render.red_team(book, here("red-team.md"))
    assert "Read more: [Step 2: High-level design](framework/step-2-high-level.md)" in md
    assert "Read more: [One-pager: FAILURE](one-pager.md#failures)" in md
    assert "Read more: [Deep keys: Observability trinity](deep-keys.md#observability-trinity)" in md
    assert ".md]" not in md
