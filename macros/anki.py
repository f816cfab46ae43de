"""Flashcards from the handbook's data, for the Anki deck (scripts/export_anki.py writes the .apkg).

Pure: no MkDocs, no genanki. `notes(book)` returns Card tuples; each card's `key` is a stable string
built from the ids in data/ ("pocket/vague-spec"), which the exporter turns into the Anki guid, so
importing a newer deck updates the cards already there instead of adding copies.
"""
from __future__ import annotations

import html
import re
from typing import NamedTuple

from . import capacity, numbers, units
from .handbook import Handbook
from .render import budgets, slug

DECK_NAME = "System Design Interview Handbook"
# Fixed ids (random once, never changed): Anki matches an imported deck and note type by them.
DECK_ID = 1_746_203_958
MODEL_ID = 1_746_203_959
MODEL_NAME = "System Design Handbook (front/back)"
FIELDS = ["Front", "Back", "Source"]


class Card(NamedTuple):
    key: str            # stable, unique: "<kind>/<id>"
    front: str          # HTML
    back: str           # HTML
    source: str         # the handbook page it comes from ("one-pager.md#numbers")
    tags: tuple[str, ...]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_md(i)}</li>" for i in items) + "</ul>"


def _md(text: str) -> str:
    """Data text (Markdown with its markup already escaped, schema.safe_markdown) as card HTML:
    **bold**, *italic* and `code` (whose content is escaped here) become tags."""
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", out)
    return re.sub(r"`([^`]+)`", lambda m: f"<code>{_escape(m.group(1))}</code>", out)


def pocket_cards(book: Handbook) -> list[Card]:
    cards = []
    for i, m in enumerate(book.pocket_checklist, 1):
        step = book.step(m.step)
        cards.append(Card(
            f"pocket/{m.id}",
            f"Pocket checklist, mistake {i}: <b>{_md(m.mistake)}</b>. What is the fix?",
            _md(m.fix) + f"<br><small>Belongs to step {step.number}: {_md(step.short)}.</small>",
            f"pocket-checklist.md#{m.id}",
            ("pocket-checklist",),
        ))
    return cards


def red_team_cards(book: Handbook) -> list[Card]:
    return [Card(
        f"red-team/{q.id}",
        f"Interviewer: “{_md(q.question)}” What does a strong answer cover?",
        _ul(q.strong_answer),
        book.label(q.see),
        ("red-team",),
    ) for q in book.red_team]


def latency_cards(book: Handbook) -> list[Card]:
    lt = book.numbers.latency
    now = {c.classic: c for c in lt.current if c.classic}
    return [Card(
        f"latency/{r.id}",
        f"Latency: {_md(r.what)}?",
        f"{_md(numbers.format_ns(r.ns))} ({units.format_number(r.ns)} ns)"
        + (f"<br>Today: {_md(numbers.format_ns(now[r.id].ns))} ({_md(now[r.id].what)}, {now[r.id].year})" if r.id in now else ""),
        "numbers.md",
        ("numbers", "latency"),
    ) for r in lt.rows]


def nines_cards(book: Handbook) -> list[Card]:
    cards = []
    for n in book.numbers.availability.nines:
        per = [f"per {p}: {numbers.format_duration(numbers.downtime_seconds(n, p))}" for p in numbers.PERIODS]
        cards.append(Card(
            f"nines/{n.replace('.', '-')}",
            f"How much downtime does {n} % availability allow?",
            _ul(per),
            "numbers.md",
            ("numbers", "availability"),
        ))
    return cards


def power_cards(book: Handbook) -> list[Card]:
    cards = []
    for r in book.numbers.powers_of_two.rows:
        roughly = r.name or numbers.approx_power(r.power)
        extra = "".join(f"<br>{_md(x)}" for x in (r.bytes, r.use) if x)
        cards.append(Card(
            f"power/{r.power}",
            f"2<sup>{r.power}</sup> is about?",
            f"{numbers.power_of_two(r.power):,} ({_md(roughly)}){extra}",
            "numbers.md",
            ("numbers", "powers-of-two"),
        ))
    return cards


def baseline_cards(book: Handbook) -> list[Card]:
    cards = []
    for g in book.baseline:
        for b in g.items:
            value = _md(b.value)
            if b.check:
                value += (f" ({b.check.floats} × {b.check.bytes_per_float} B = "
                          f"{b.check.floats * b.check.bytes_per_float:,} B)")
            cards.append(Card(
                f"baseline/{g.id}/{b.id}",
                f"Baseline default ({_md(g.name.lower())}): {_md(b.what)}?",
                value,
                "one-pager.md#numbers",
                ("baseline",),
            ))
    return cards


def step_cards(book: Handbook) -> list[Card]:
    plan = budgets(book)
    cards = []
    for i, s in enumerate(book.framework.steps):
        budget = ", ".join(f"{plan[t][i]} min of {t}" for t in plan)
        cards.append(Card(
            f"step/{s.id}",
            f"Framework step {s.number}: {_md(s.title)}. Goal, time budget and questions?",
            f"<b>Goal:</b> {_md(s.goal)}<br><b>Budget:</b> {budget}.<br><b>Questions:</b>"
            + _ul([q.text for q in s.questions]),
            s.page,
            ("framework",),
        ))
    return cards


def deep_key_cards(book: Handbook) -> list[Card]:
    return [Card(
        f"deep-key/{k.id}",
        f"Deep key: <b>{_md(k.name)}</b>. The rule?",
        f"{_md(k.rule)}<br><i>Why:</i> {_md(k.why)}",
        f"deep-keys.md#{k.id}",
        ("deep-keys",),
    ) for k in book.deep_keys]


def glossary_cards(book: Handbook) -> list[Card]:
    cards = []
    for t in sorted(book.glossary, key=lambda t: t.term.lower()):
        full = f" ({_md(t.full)})" if t.full else ""
        cards.append(Card(
            f"term/{slug(t.term)}",
            f"What is <b>{_md(t.term)}</b>?",
            f"<b>{_md(t.term)}</b>{full}: {_md(t.means)}",
            f"glossary.md#term-{slug(t.term)}",
            ("glossary",),
        ))
    return cards


def block_cards(book: Handbook) -> list[Card]:
    """Per building block: each option (how, cost, what it gives up, its numbers), and the next question."""
    cards = []
    for slug_, b in book.blocks.items():
        page = f"blocks/{slug_}.md"
        for o in b.options:
            figures = [f"{_md(r.component)}, {_md(r.measure)}: {_md(capacity.figure(r))}"
                       for r in map(book.capacity_row, o.capacity)]
            numbers_ = ([_md(o.numbers)] if o.numbers else []) + figures
            cards.append(Card(
                f"block/{slug_}/{slug(o.name)}",
                f"{_md(b.title)}: <b>{_md(o.name)}</b>. How does it work, what does it cost, what does it give up?",
                f"<b>How:</b> {_md(o.how)}<br><b>Costs:</b> {_md(o.costs)}<br><b>Gives up:</b> {_md(o.gives_up)}"
                + (f"<br><b>Numbers:</b> {'<br>'.join(numbers_)}" if numbers_ else ""),
                page, ("building-blocks", slug_),
            ))
        q = b.next_question
        cards.append(Card(f"block/{slug_}/next-question", f"{_md(b.title)}: “{_md(q.question)}”",
                          "<ul>" + "".join(f"<li>{_md(a)}</li>" for a in q.strong_answer) + "</ul>",
                          page, ("building-blocks", slug_)))
    return cards


def capacity_cards(book: Handbook) -> list[Card]:
    return [Card(
        f"capacity/{r.id}",
        f"What does one <b>{_md(r.component)}</b> handle: {_md(r.measure)}?",
        f"<b>{_md(capacity.figure(r))}</b>" + (f" (sources give {_md(capacity.span(r))})" if capacity.span(r) else "")
        + f"<br><small>{_md(capacity.KINDS[r.kind])}, {r.year}. {_md(r.workload)}</small>",
        f"numbers.md#capacity-{r.id}", ("numbers", "capacity"),
    ) for r in book.capacity.rows]


def trap_cards(book: Handbook) -> list[Card]:
    """The estimation drills' traps: the slip and what to do instead."""
    return [Card(
        f"trap/{t.id}",
        f"Estimation trap: <b>{_md(t.name)}</b>. What goes wrong, and how do you avoid it?",
        _md(t.explain),
        "practice/drills.md#traps", ("practice", "estimation-traps"),
    ) for t in book.drills.traps]


def rubric_cards(book: Handbook) -> list[Card]:
    """Each ability with its weak, solid and strong; each level with what it is expected to show."""
    r = book.rubric
    cards = [Card(
        f"rubric/{a.id}",
        f"Interview rubric: <b>{_md(a.name)}</b>. What do weak, solid and strong look like?",
        f"<i>{_md(a.asks)}</i>" + _ul([f"<b>Weak:</b> {a.weak}", f"<b>Solid:</b> {a.solid}", f"<b>Strong:</b> {a.strong}"]),
        "practice/rubric.md#ability-" + a.id, ("rubric",),
    ) for a in r.abilities]
    cards += [Card(
        f"rubric-level/{lv.id}",
        f"Interview rubric, <b>{_md(lv.name)}</b>: breadth or depth, who drives the deep dives, and what to raise unasked?",
        f"<b>Breadth and depth:</b> {_md(lv.balance)}<br><b>Who drives:</b> {_md(lv.drives)}<br><b>Raise unasked:</b>"
        + _ul(lv.unprompted) + f"<b>The bar:</b> {_md(lv.bar)}",
        "practice/rubric.md#levels", ("rubric",),
    ) for lv in r.levels]
    return cards


def notes(book: Handbook) -> list[Card]:
    """Every card, in a fixed order; keys are unique (checked here, so a duplicate id fails loudly)."""
    cards = (pocket_cards(book) + red_team_cards(book) + step_cards(book) + latency_cards(book)
             + nines_cards(book) + power_cards(book) + baseline_cards(book) + deep_key_cards(book)
             + glossary_cards(book) + block_cards(book) + capacity_cards(book) + trap_cards(book)
             + rubric_cards(book))
    seen: set[str] = set()
    for c in cards:
        if c.key in seen:
            raise ValueError(f"two Anki cards share the key {c.key!r}")
        seen.add(c.key)
    return cards
