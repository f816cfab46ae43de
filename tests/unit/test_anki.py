"""The Anki cards (macros/anki.py): built from data, enough of them, stable keys."""
import html
from pathlib import Path

import pytest

from macros import anki, numbers
from macros.render import budgets, slug

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cards(book):
    return anki.notes(book)


def by_key(cards):
    return {c.key: c for c in cards}


def test_enough_cards_with_unique_stable_keys(book, cards):
    assert len(cards) >= 60
    keys = [c.key for c in cards]
    assert len(set(keys)) == len(keys)
    assert keys == [c.key for c in anki.notes(book)]  # same order and keys on every build
    for c in cards:
        assert c.front.strip() and c.back.strip() and c.source and c.tags


def test_every_source_is_covered(book, cards):
    keys = by_key(cards)
    assert all(f"pocket/{m.id}" in keys for m in book.pocket_checklist)
    assert all(f"red-team/{q.id}" in keys for q in book.red_team)
    assert all(f"step/{s.id}" in keys for s in book.framework.steps)
    assert all(f"latency/{r.id}" in keys for r in book.numbers.latency.rows)
    assert all(f"nines/{n.replace('.', '-')}" in keys for n in book.numbers.availability.nines)
    assert all(f"baseline/{g.id}/{b.id}" in keys for g in book.baseline for b in g.items)
    assert all(f"deep-key/{k.id}" in keys for k in book.deep_keys)
    assert all(f"term/{slug(t.term)}" in keys for t in book.glossary)
    assert all(f"trap/{t.id}" in keys for t in book.drills.traps)
    assert all(f"rubric/{a.id}" in keys for a in book.rubric.abilities)
    assert all(f"rubric-level/{lv.id}" in keys for lv in book.rubric.levels)


def test_card_contents_come_from_the_data(book, cards):
    keys = by_key(cards)
    m = book.pocket_checklist[0]
    assert html.escape(m.mistake, quote=False) in keys[f"pocket/{m.id}"].front
    assert html.escape(m.fix, quote=False) in keys[f"pocket/{m.id}"].back
    q = book.red_team[0]
    card = keys[f"red-team/{q.id}"]
    assert html.escape(q.question, quote=False) in card.front
    assert all(html.escape(a, quote=False) in card.back for a in q.strong_answer)
    assert card.source == book.label(q.see)
    plan = budgets(book)
    for i, s in enumerate(book.framework.steps):
        back = keys[f"step/{s.id}"].back
        assert all(f"{plan[t][i]} min of {t}" in back for t in plan)
        assert all(html.escape(x.text, quote=False) in back for x in s.questions)
    for n in book.numbers.availability.nines:
        back = keys[f"nines/{n.replace('.', '-')}"].back
        for period in numbers.PERIODS:
            assert f"per {period}: {numbers.format_duration(numbers.downtime_seconds(n, period))}" in back
    row = book.numbers.latency.rows[0]
    assert numbers.format_ns(row.ns) in keys[f"latency/{row.id}"].back


def test_duplicate_keys_are_refused(book, monkeypatch):
    monkeypatch.setattr(anki, "deep_key_cards", lambda b: anki.pocket_cards(b)[:1])
    with pytest.raises(ValueError, match="share the key"):
        anki.notes(book)
