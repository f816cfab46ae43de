"""Render a worked example page and the examples index from validated data."""
from __future__ import annotations

from .estimate_table import render_estimate_table
from .estimates import estimate
from .building_blocks import example_blocks
from .handbook import Handbook, WorkedExample
from .practice import estimator_link
from .registry import Here, macro
from .render import heading, link, mermaid, table
from .units import format_bytes, format_number, format_rate

# Every example page has these second-level sections, in the one-pager's order.
SECTIONS = [
    ("opening", "The 90-second opening"),
    ("numbers", "Numbers"),
    ("api", "API"),
    ("data-model", "Data model"),
    ("flow", "Flow"),
    ("failures", "Failures"),
    ("trade-offs", "Trade-offs"),
    ("roadmap", "Roadmap"),
    ("red-team", "Red-team answers"),
    ("wrap-up", "Wrap-up"),
]


def _label(text: str) -> str:
    return text.replace('"', "#quot;")


def flow_diagram(we: WorkedExample) -> str:
    nodes: dict[str, str] = {}
    for a in we.example.flow.arrows:
        for name in (a.source, a.to):
            nodes.setdefault(name, f"n{len(nodes)}")
    lines = ["flowchart LR"]
    lines += [f'    {ident}["{_label(name)}"]' for name, ident in nodes.items()]
    for i, a in enumerate(we.example.flow.arrows, 1):
        arrow = "-.->" if a.async_ else "-->"
        lines.append(f'    {nodes[a.source]} {arrow}|"{i}. {_label(a.says)}"| {nodes[a.to]}')
    return mermaid("\n".join(lines))


def _opening(we: WorkedExample) -> str:
    o = we.example.opening
    out = [f"**Goal:** {o.goal}\n", "**Non-goals:** " + "; ".join(o.non_goals) + ".\n"]
    out.append("**SLOs:**\n\n" + "\n".join(f"- {s.text}" for s in o.slos) + "\n")
    if o.scope_note:
        out.append(f"**Scope:** {o.scope_note}\n")
    return "\n".join(out)


def _numbers(we: WorkedExample, here: Here) -> str:
    result = estimate(we.scenario)
    out = [render_estimate_table(result, we.scenario), estimator_link(we.scenario, here),
           we.example.numbers_note + "\n"]
    if we.scenario.source:
        out.append(f"*Source of the figures:* {we.scenario.source}\n")
    return "\n".join(out)


def _code(text: str | None) -> str:
    return f"`` {text} ``" if text else "—"


def _api(we: WorkedExample) -> str:
    api = we.example.api
    # Bodies are code: it keeps "{code, short_url}" from being read as an attribute list.
    rows = [[f"`{e.method} {e.path}`", e.does, _code(e.request), _code(e.response)] for e in api.endpoints]
    out = table(["Call", "Does", "Request", "Response"], rows)
    return out + (f"\n{api.note}\n" if api.note else "")


def _data_model(we: WorkedExample) -> str:
    dm = we.example.data_model
    rows = [[f"**{e.name}**", f"`{e.key}`", e.fields, e.store] for e in dm.entities]
    out = [table(["Entity", "Key", "Fields", "Store"], rows)]
    out.append(f"**Shard key:** {dm.shard_key}. {dm.why}\n")
    out.append(f"**Hot-key risk:** {dm.hot_key_risk}\n")
    if dm.indexes:
        out.append("**Indexes:**\n\n" + "\n".join(f"- {i}" for i in dm.indexes) + "\n")
    if dm.states:
        out.append(f"**States:** {dm.states}\n")
    return "\n".join(out)


def _flow(we: WorkedExample) -> str:
    f = we.example.flow
    steps = "\n".join(f"{i}. **{a.source} → {a.to}:** {a.says}" + (" *(asynchronous)*" if a.async_ else "")
                      for i, a in enumerate(f.arrows, 1))
    path = " → ".join(str(n) for n in f.critical_path)
    return "\n".join([flow_diagram(we), steps + "\n", f"**Critical path:** arrows {path}. {f.narrative}\n"])


def _failures(book: Handbook, we: WorkedExample, here: Here) -> str:
    inv = book.one_pager.failure_inventory
    modes = {m.id: m for m in inv.modes}
    controls = {c.id: c for c in inv.controls}
    out = []
    for f in we.example.failures:
        names = ", ".join(controls[c].name for c in f.controls)
        out.append(heading(3, modes[f.mode].name, f"failure-{f.mode}"))
        out.append(f"{f.here}\n\n**Controls ({names}):** {f.detail}\n\n**Alert:** {f.alert}\n")
    out.append(f"The other failure modes are listed in the [failure inventory]({link('one-pager.md#failures', here)}).\n")
    return "\n".join(out)


def _tradeoffs(we: WorkedExample) -> str:
    out = []
    for t in we.example.tradeoffs:
        out.append(f"**{t.choice}: {t.chosen}.**\n")
        out.append(table(["Pros", "Cons"], [[t.pros[0], t.cons[0]], [t.pros[1], t.cons[1]]]))
        out.append(f"*How to reverse:* {t.reverse}\n")
    return "\n".join(out)


def _roadmap(we: WorkedExample) -> str:
    r = we.example.roadmap
    return ("**MVP:**\n\n" + "\n".join(f"- {i}" for i in r.mvp) +
            "\n\n**Next 10×:**\n\n" + "\n".join(f"- {i}" for i in r.next_10x) + "\n")


def _red_team(book: Handbook, we: WorkedExample, here: Here) -> str:
    questions = {q.id: q for q in book.red_team}
    out = []
    for r in we.example.red_team:
        q = questions[r.question]
        out.append(f"**“[{q.question}]({link('red-team.md#' + q.id, here)})”**\n\n{r.answer}\n")
    return "\n".join(out)


@macro
def worked_example(book: Handbook, here: Here, slug: str) -> str:
    we = book.examples[slug]
    ex = we.example
    body = {
        "opening": _opening(we),
        "numbers": _numbers(we, here),
        "api": _api(we),
        "data-model": _data_model(we),
        "flow": _flow(we),
        "failures": _failures(book, we, here),
        "trade-offs": _tradeoffs(we),
        "roadmap": _roadmap(we),
        "red-team": _red_team(book, we, here),
        "wrap-up": ex.wrap_up + "\n",
    }
    out = [f"> **The prompt:** “{ex.prompt}”\n", ex.summary + "\n", example_blocks(book, here, slug)]
    for ident, title in SECTIONS:
        out += [heading(2, title, ident), body[ident]]
    return "\n".join(out)


def headline(we: WorkedExample) -> tuple[str, str, str]:
    """Peak reads/s, peak writes/s, and what is stored in total with the copies it counts."""
    t = estimate(we.scenario)["totals"]
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
