"""Render a worked example page and the examples index from validated data."""
from __future__ import annotations

import html

from . import capacity, diagrams, numbers, schema
from .building_blocks import example_blocks
from .estimate_table import render_estimate_table
from .handbook import Handbook, WorkedExample
from .practice import estimator_link
from .registry import Here, macro
from .rubric import rubric_link
from .render import budgets, heading, link, table
from .units import format_bytes, format_count, format_number, format_rate

# Every example page has these second-level sections, in the order of the interview; a section
# that belongs to a framework step says that step's minutes.
SECTIONS = [
    ("scope", "Scope", "scope"),
    ("numbers", "Numbers and sizing", None),
    ("design", "High-level design", "high-level"),
    ("deep-dives", "Deep dives", "deep-dive"),
    ("failures", "Failures", None),
    ("wrap-up", "Wrap-up", "wrap-up"),
    ("levels", "What each level shows", None),
    ("follow-ups", "Follow-up questions", None),
    ("red-team", "Red-team answers", None),
]


def flow_figure(title: str, flow: schema.Flow) -> str:
    svg = diagrams.draw(diagrams.flow_source(flow))
    label = (f"Flow of the {title}: {len(flow.nodes)} parts joined by {len(flow.edges)} numbered arrows; "
             "the arrows table that follows describes each one")
    return diagrams.figure(svg, label, "Solid arrows are synchronous, dashed ones asynchronous; "
                                       "the numbers are the rows of the arrows table.")


def _minutes(book: Handbook, step_id: str | None) -> str:
    if step_id is None:
        return ""
    plan = budgets(book)
    i = [s.id for s in book.framework.steps].index(step_id)
    starts = {total: numbers.step_starts(m)[i] for total, m in plan.items()}
    spans = [f"minutes {starts[total]}–{starts[total] + m[i]} of {total}" for total, m in plan.items()]
    return f"*{'; '.join(spans).capitalize()}.*\n"


def _list(items: list[str]) -> str:
    return "\n".join(f"- {i}" for i in items) + "\n"


def _scope(ex: schema.Example) -> str:
    s = ex.scope
    out = [f"**Goal:** {s.goal}\n", "**Clarifying questions, and the answers this example assumes:**\n",
           table(["Ask", "Assume"], [[q.ask, q.assume] for q in s.questions]),
           "**Functional requirements:**\n\n" + _list(s.functional),
           "**Non-functional requirements:**\n\n" + _list([r.text for r in s.non_functional]),
           "**Non-goals:** " + "; ".join(s.non_goals) + ".\n"]
    if s.scope_note:
        out.append(f"**Scope:** {s.scope_note}\n")
    return "\n".join(out)


def _sizing(book: Handbook, here: Here, we: WorkedExample) -> str:
    lines = []
    # The figures come from the loader; the text from the example, whose placeholders it expanded.
    for line, s in zip(we.example.numbers.sizing, we.figures.lines):
        factors = [f"× {format_number(f)} {w}" for f, w in ((line.per_op, "per request"), (line.copies, "copies")) if f != 1]
        # The operation's own figure, each factor applied, then what reaches the component.
        if s.row.unit == "bytes":
            steps, total = [f"{format_bytes(s.base)} stored"] + factors, format_bytes(s.load)
        else:
            steps = [f"{format_rate(s.base)} at peak"] + factors + (["× the cache's miss ratio"] if line.after_cache else [])
            total = format_rate(s.load)
        load = " ".join(steps) + (f" = **{total}**" if len(steps) > 1 else "")
        lines.append([f"**{line.what}**" + (f"<br>{line.note}" if line.note else ""), load,
                      capacity.cell(book, here, s.row.id), f"**{s.nodes:,}**"])
    out = ["**Sizing** (nodes = load ÷ what one node handles, rounded up; add headroom and replicas):\n",
           table(["Component", "Load", "One node (capacity table)", "Nodes"], lines, ["---", "--:", "---", "--:"])]
    cached = we.figures.cache
    if cached:
        c = we.example.numbers.cache
        out.append(f"**Cache:** {format_count(c.items)} items × ({format_bytes(c.item_bytes)} + "
                   f"{format_bytes(cached.row.value)} overhead per key) ≈ **{format_bytes(cached.bytes)}**. "
                   f"At a {format_number(c.hit_ratio * 100)} % hit ratio, {format_rate(cached.peak_reads)} of "
                   f"*{html.escape(c.serves, quote=False)}* at peak leave **{format_rate(cached.misses)}** for the store behind it. {c.why}\n")
    return "\n".join(out)


def _numbers(book: Handbook, here: Here, we: WorkedExample, ex: schema.Example, result: dict) -> str:
    out = [render_estimate_table(result, we.scenario), estimator_link(we.scenario, here), ex.numbers.note + "\n",
           _sizing(book, here, we)]
    if we.scenario.source:
        out.append(f"*Source of the figures:* {we.scenario.source}\n")
    return "\n".join(out)


def _code(text: str | None) -> str:
    return f"`` {text} ``" if text else "—"


def _api(ex: schema.Example) -> str:
    api = ex.api
    # Bodies are code: it keeps "{code, short_url}" from being read as an attribute list.
    rows = [[f"`{e.method} {e.path}`", e.does, _code(e.request), _code(e.response)] for e in api.endpoints]
    out = table(["Call", "Does", "Request", "Response"], rows)
    return out + (f"\n{api.note}\n" if api.note else "")


def _data_model(ex: schema.Example) -> str:
    dm = ex.data_model
    rows = [[f"**{e.name}**", f"`{e.key}`", e.fields, e.store] for e in dm.entities]
    out = [table(["Entity", "Key", "Fields", "Store"], rows)]
    out.append(f"**Shard key:** {dm.shard_key}. {dm.why}\n")
    out.append(f"**Hot-key risk:** {dm.hot_key_risk}\n")
    if dm.indexes:
        out.append("**Indexes:**\n\n" + _list(dm.indexes))
    return "\n".join(out)


def arrows_table(flow: schema.Flow) -> str:
    names = {n.id: n.label for n in flow.nodes}
    rows = [[str(i), f"{names[e.source]} → {names[e.to]}", e.what, f"{e.format}, {e.size}", e.mode, e.retry]
            for i, e in enumerate(flow.edges, 1)]
    return table(["#", "From → to", "What travels", "Format, size", "Sync or async", "Retry or idempotency"], rows,
                 ["--:", "---", "---", "---", "---", "---"])


def _states(sm: schema.StateMachine) -> str:
    return (f"**{sm.name} states:** " + " · ".join(f"`{s}`" for s in sm.states) + "\n\n" +
            table(["From", "To", "When"], [[f"`{t.source}`", f"`{t.to}`", t.event] for t in sm.transitions]))


def _design(ex: schema.Example) -> str:
    f = ex.flow
    path = " → ".join(str(n) for n in f.critical_path)
    out = [heading(3, "API", "api"), _api(ex), heading(3, "Data model", "data-model"), _data_model(ex),
           heading(3, "Flow", "flow"), flow_figure(ex.title, f), "**The arrows**, in the order a request meets them:\n",
           arrows_table(f), f"**Critical path:** arrows {path}. {f.narrative}\n"]
    if f.states:
        out.append(_states(f.states))
    return "\n".join(out)


def _deep_dives(book: Handbook, here: Here, ex: schema.Example) -> str:
    out = []
    for i, d in enumerate(ex.deep_dives, 1):
        out.append(heading(3, d.hotspot, f"deep-dive-{i}"))
        out.append(f"**Why it is hot:** {d.why}\n")
        if d.ladder:
            out.append("The options, from the weakest to the strongest:\n")
        rows = [[f"**{o.name}**", o.how, o.costs, o.gives_up,
                 o.numbers + "".join(f"<br>{capacity.cell(book, here, r)}" for r in o.capacity)] for o in d.options]
        out.append(table(["Option", "How", "Costs", "Gives up", "The numbers"], rows))
        out.append(f"**Pick: {d.pick}.** {d.because}\n\n*How to reverse:* {d.reverse}\n\n"
                   f"*Check with the interviewer:* {d.check}\n")
    return "\n".join(out)


def _failures(book: Handbook, here: Here, ex: schema.Example) -> str:
    inv = book.one_pager.failure_inventory
    modes = {m.id: m for m in inv.modes}
    controls = {c.id: c for c in inv.controls}
    out = []
    for f in ex.failures:
        names = ", ".join(controls[c].name for c in f.controls)
        out.append(heading(3, modes[f.mode].name, f"failure-{f.mode}"))
        out.append(f"{f.here}\n\n**Controls ({names}):** {f.detail}\n\n**Alert:** {f.alert}\n")
    out.append(f"The other failure modes are listed in the [failure inventory]({link('one-pager.md#failures', here)}).\n")
    return "\n".join(out)


def _wrap_up(ex: schema.Example) -> str:
    w = ex.wrap_up
    return "\n".join([w.summary + "\n", "**What it gives up:**\n\n" + _list(w.gives_up),
                      "**MVP:**\n\n" + _list(w.roadmap.mvp), "**Next 10×:**\n\n" + _list(w.roadmap.next_10x)])


def _levels(here: Here, ex: schema.Example) -> str:
    lv = ex.levels
    return f"How the bar moves with the level in general: {rubric_link(here)}.\n\n" + table(["Level", "What this prompt asks of it"],
                 [["**Mid-level**", lv.mid], ["**Senior**", lv.senior], ["**Staff**", lv.staff]])


def _follow_ups(ex: schema.Example) -> str:
    return "\n".join(f"**“{f.question}”**\n\n" + _list(f.strong_answer) for f in ex.follow_ups)


def _red_team(book: Handbook, here: Here, ex: schema.Example) -> str:
    questions = {q.id: q for q in book.red_team}
    out = []
    for r in ex.red_team:
        q = questions[r.question]
        out.append(f"**“[{q.question}]({link('red-team.md#' + q.id, here)})”**\n\n{r.answer}\n")
    return "\n".join(out)


@macro
def worked_example(book: Handbook, here: Here, slug: str) -> str:
    we = book.examples[slug]
    result = we.estimate
    ex = we.example  # placeholders already expanded by the loader
    body = {
        "scope": _scope(ex),
        "numbers": _numbers(book, here, we, ex, result),
        "design": _design(ex),
        "deep-dives": _deep_dives(book, here, ex),
        "failures": _failures(book, here, ex),
        "wrap-up": _wrap_up(ex),
        "levels": _levels(here, ex),
        "follow-ups": _follow_ups(ex),
        "red-team": _red_team(book, here, ex),
    }
    out = [f"> **The prompt:** “{ex.prompt}”\n", ex.summary + "\n", example_blocks(book, here, slug)]
    for ident, title, step in SECTIONS:
        out += [heading(2, title, ident), _minutes(book, step), body[ident]]
    return "\n".join(out)


def headline(we: WorkedExample) -> tuple[str, str, str]:
    """Peak reads/s, peak writes/s, and what is stored in total with the copies it counts."""
    t = we.estimate["totals"]
    stored = t["write"]["stored_bytes_total"]
    copies = we.scenario.assumptions.replication
    kept = f"{format_bytes(stored)} ({format_number(copies)} cop{'y' if copies == 1 else 'ies'})" if stored else "—"
    return format_rate(t["read"]["peak_qps"]), format_rate(t["write"]["peak_qps"]), kept


@macro
def examples_index(book: Handbook, here: Here) -> str:
    rows = []
    for slug, we in book.examples.items():
        reads, writes, kept = headline(we)
        rows.append([f"[{we.example.title}]({link('examples/' + slug + '.md', here)})", we.example.summary,
                     reads, writes, kept])
    return table(["Design", "What it covers", "Peak reads", "Peak writes", "Stored in total"], rows,
                 ["---", "---", "--:", "--:", "--:"])
