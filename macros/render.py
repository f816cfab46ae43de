"""Pure functions from validated data to Markdown. `here` is the page being rendered, so links
are relative to it and MkDocs can check them. Functions marked @macro are called from pages."""
from __future__ import annotations

import html
import posixpath

from . import diagrams, numbers, schema, units
from .handbook import Handbook
from .registry import Here, macro


# --- small pieces -------------------------------------------------------------------------

def block_link(book: Handbook, here: Here, slug: str) -> str:
    """A link to a building block's page, by its title."""
    return f"[{book.blocks[slug].title}]({link(f'blocks/{slug}.md', here)})"


def link(target: str, here: Here) -> str:
    """Markdown link from page `here` to the source file `target` ('one-pager.md#numbers'); MkDocs
    checks it and turns it into the page's URL."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(here.src) or ".") if path else ""
    return rel + (f"#{anchor}" if anchor else "")


def anchor(prefix: str, item_id: str) -> str:
    """The stable id of a checklist item: 'pocket-vague-spec'."""
    return f"{prefix}-{item_id}"


def tag(prefix: str, item_id: str) -> str:
    return f'<span class="item-anchor" id="{anchor(prefix, item_id)}"></span>'


def items(prefix: str, entries: list[schema.Item], tasks: bool = False) -> str:
    box = "[ ] " if tasks else ""
    return "\n".join(f"- {box}{tag(prefix, e.id)}{e.text}" for e in entries) + "\n"


def heading(level: int, text: str, ident: str) -> str:
    """A heading with a stable anchor; braces in its text are written as entities, so attr_list
    reads only the anchor at the end as attributes."""
    safe = text.replace("{", "&#123;").replace("}", "&#125;")
    return f"{'#' * level} {safe} {{#{ident}}}\n"


def _cell(text: str) -> str:
    """A table cell's text: pipes escaped, and braces outside code spans written as entities, or a
    cell ending in "{lat, lng}" would be read as an attribute list (attr_list)."""
    out, at = [], 0
    for m in schema.CODE_SPAN.finditer(text):
        out += [text[at:m.start()].replace("{", "&#123;"), m.group(0)]
        at = m.end()
    out.append(text[at:].replace("{", "&#123;"))
    return "".join(out).replace("|", "\\|")


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    align = align or ["---"] * len(header)
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def admonition(kind: str, title: str, body: str) -> str:
    indented = "\n".join(("    " + line) if line else "" for line in body.strip().splitlines())
    return f'!!! {kind} "{title}"\n\n{indented}\n'


# --- mantra and framework -----------------------------------------------------------------

@macro
def mantra(book: Handbook) -> str:
    return " → ".join(f"**{w.word}**" for w in book.one_pager.mantra)



@macro
def step_strip(book: Handbook, questions: bool = True) -> str:
    """The last-ten-minutes strip: the four steps with their minutes in each interview length and,
    on the one-pager, step 1's clarifying questions in their short form."""
    plan = budgets(book)
    lengths = " / ".join(str(t) for t in plan)
    steps = " → ".join(f"**{s.number}. {s.short}** {' / '.join(str(plan[t][i]) for t in plan)}"
                       for i, s in enumerate(book.framework.steps))
    out = [f'<div class="step-strip" markdown="1" data-search-exclude>\n', f"**Minutes in a {lengths}-minute interview:** {steps}\n"]
    if questions:
        first = book.framework.steps[0]
        out.append(f"**Ask first:** " + " · ".join(q.short for q in first.questions) + "\n")
    out.append("</div>\n")
    return "\n".join(out)


@macro
def api_line(book: Handbook) -> str:
    return f"**API.** {book.one_pager.api_line}\n"


def budgets(book: Handbook) -> dict[int, list[int]]:
    """Minutes per step for each interview length; the first length is typed, the others computed."""
    typed = [s.minutes for s in book.framework.steps]
    return {total: numbers.scaled_budget(typed, total) for total in book.framework.interview_minutes}


@macro
def budget_table(book: Handbook, here: Here) -> str:
    plan = budgets(book)
    header = ["Step"] + [f"{total}-minute interview" for total in plan] + ["Published range"]
    rows = []
    for i, step in enumerate(book.framework.steps):
        starts = {total: numbers.step_starts(mins)[i] for total, mins in plan.items()}
        cells = [f"{plan[t][i]} min (minutes {starts[t]}–{starts[t] + plan[t][i]})" for t in plan]
        rows.append([f"[{step.number}. {step.short}]({link(step.page, here)})"] + cells + [step.published_range])
    return table(header, rows) + "\n" + book.framework.budget_note + "\n"


@macro
def framework_diagram(book: Handbook) -> str:
    plan = budgets(book)
    labels = []
    for step in book.framework.steps:
        mins = " / ".join(f"{plan[t][step.number - 1]}" for t in plan)
        labels.append(f"{step.number}. {step.short}\n{mins} min")
    lengths = " / ".join(str(t) for t in plan)
    svg = diagrams.draw(diagrams.steps_source(labels))
    return diagrams.figure(svg, "The four steps in order: " + ", ".join(f"{s.number}. {s.title}" for s in book.framework.steps),
                           f"Minutes for a {lengths}-minute interview.")


@macro
def step_budget(book: Handbook, step_id: str) -> str:
    step = book.step(step_id)
    plan = budgets(book)
    parts = [f"**{plan[t][step.number - 1]} minutes** of a {t}-minute interview" for t in plan]
    return admonition("abstract", "Time budget", " · ".join(parts) +
                      f" (published guides: {step.published_range}).")


@macro
def step_checklists(book: Handbook, here: Here, step_id: str) -> str:
    step = book.step(step_id)
    prefix = f"step-{step.id}"
    out = [admonition("goal", "Goal", step.goal), step.body + "\n"]
    if step.flow:
        out.append("The pieces a request meets, in order:\n\n" + "\n".join(
            f"- {r.says.capitalize()}: " + " → ".join(r.path) + "." for r in step.flow) + "\n\n" + (step.flow_note or "") + "\n")
    out += [heading(2, "Questions to ask", "questions"), items(prefix + "-q", step.questions, tasks=True)]
    out += [heading(2, "What you leave with", "outputs"), items(prefix + "-out", step.outputs, tasks=True)]
    if step.topics:
        topics = [f"- {tag(prefix + '-topic', t.id)}{t.text}" + (f" See {block_link(book, here, t.block)}." if t.block else "")
                  for t in step.topics]
        out += [heading(2, "Topics to have ready", "topics"), "\n".join(topics) + "\n"]
    out += [heading(2, "Pitfalls", "pitfalls"), items(prefix + "-pitfall", step.pitfalls)]
    return "\n".join(out)


@macro
def step_analogy(book: Handbook, step_id: str) -> str:
    a = book.framework.analogy
    return admonition("example", f"{a.title}: {book.step(step_id).short.lower()}", a.stages[step_id])


@macro
def analogy(book: Handbook) -> str:
    a = book.framework.analogy
    out = [a.summary + "\n"]
    for step in book.framework.steps:
        out.append(f"{step.number}. **{step.short}.** {a.stages[step.id]}")
    return "\n".join(out) + "\n"


@macro
def steps_overview(book: Handbook, here: Here) -> str:
    out = []
    for step in book.framework.steps:
        out.append(heading(3, f"{step.number}. {step.title}", f"step-{step.number}"))
        out.append(step.goal + f" [Step {step.number} in full]({link(step.page, here)})\n")
    return "\n".join(out)


# --- one-pager sections -------------------------------------------------------------------

@macro
def opening_script(book: Handbook) -> str:
    s = book.one_pager.opening_script
    lines = [f"{i}. {tag('opening', l.id)}**{l.label}.** {l.say}" for i, l in enumerate(s.lines, 1)]
    return s.intro + "\n\n" + "\n".join(lines) + "\n"


@macro
def back_of_envelope(book: Handbook) -> str:
    b = book.one_pager.back_of_envelope
    out = [b.intro + "\n"]
    out.append("\n".join(f"- {tag('estimate', f.id)}**{f.name}:** `{f.formula}` → {f.gives}." for f in b.formulas) + "\n")
    out.append(latency_budget(book))
    return "\n".join(out)


def latency_budget(book: Handbook) -> str:
    lb = book.one_pager.back_of_envelope.latency_budget
    rows = []
    for h in lb.hops:
        limit = (f"{numbers.format_ns(h.min_ms * 1e6)} to {numbers.format_ns(h.max_ms * 1e6)}"
                 if h.min_ms else f"≤ {numbers.format_ns(h.max_ms * 1e6)}")
        rows.append([f"{tag('latency', h.id)}{h.hop}", limit, "asynchronous" if h.asynchronous else "user waits"])
    sync = sum(h.max_ms for h in lb.hops if not h.asynchronous)
    rows.append(["**Synchronous total**", f"**≤ {numbers.format_ns(sync * 1e6)}**", "computed"])
    return "**Latency budget.** " + lb.note + "\n\n" + table(["Hop", "Budget", "Path"], rows)


@macro
def data_model_checklist(book: Handbook) -> str:
    return items("data-model", book.one_pager.data_model_checklist, tasks=True)


@macro
def job_states_inline(book: Handbook) -> str:
    sm = book.one_pager.job_state_machine
    finals = [s.label or s.id for s in sm.states if s.final]
    chain = " → ".join(f"`{s.label or s.id}`" for s in sm.states if not s.final)
    return chain + " → " + " \\| ".join(f"`{f}`" for f in finals)


@macro
def job_state_machine(book: Handbook) -> str:
    sm = book.one_pager.job_state_machine
    source = diagrams.states_source([(s.id, s.label or s.id, s.final) for s in sm.states],
                                    [(t.from_, t.to, t.event) for t in sm.transitions])
    label = "Job states: " + ", ".join(s.label or s.id for s in sm.states) + "; the tables that follow list each state and transition"
    out = [sm.intro + "\n", diagrams.figure(diagrams.draw(source), label, "Final states are drawn round.")]
    out.append(table(["State", "Meaning"], [[f"{tag('job-state', s.id.lower())}`{s.label or s.id}`", s.meaning] for s in sm.states]))
    out.append(table(["From", "To", "When"], [[f"`{t.from_}`", f"`{t.to}`", t.event] for t in sm.transitions]))
    return "\n".join(out)


@macro
def data_flow(book: Handbook) -> str:
    f = book.one_pager.data_flow
    steps = "\n".join(f"{i}. {tag('flow', s.id)}{s.text}" for i, s in enumerate(f.steps, 1))
    return f.intro + "\n\n" + steps + "\n\n" + items("flow-rule", f.rules)


@macro
def failure_inventory(book: Handbook) -> str:
    fi = book.one_pager.failure_inventory
    def modes(wide: bool) -> str:
        return table(["Failure mode", "What happens"],
                     [[f"{tag('failure', m.id)}**{m.name}**", m.what] for m in fi.modes if m.wide == wide])

    def controls(wide: bool) -> str:
        return "\n".join(f"- {tag('control', c.id)}**{c.name}:** {c.what}" for c in fi.controls if c.wide == wide) + "\n"

    out = [fi.intro + "\n", modes(False), controls(False)]
    # The wider inventory is for the screen: the printed sheet keeps the five.
    out += ['<div class="screen-only" markdown>\n', heading(3, "The wider inventory", "failures-wide"),
            "The worked examples choose their two failures from these as well:\n", modes(True), controls(True), "</div>\n"]
    return "\n".join(out)


@macro
def tradeoff_playbook(book: Handbook, here: Here) -> str:
    tp = book.one_pager.tradeoff_playbook
    rows = [[f"{tag('tradeoff', c.id)}**{c.options[0]} vs {c.options[1]}** "
             f'<span class="screen-only">({block_link(book, here, c.block)})</span>',
             f"**{c.options[0]}:** {c.first_when}", f"**{c.options[1]}:** {c.second_when}", c.reverse]
            for c in tp.choices]
    return tp.rule + "\n\n" + table(["Choice", "Pick the first when", "Pick the second when", "How to reverse"], rows)


@macro
def roadmap_ladder(book: Handbook) -> str:
    r = book.one_pager.roadmap_ladder
    mvp = " ".join(i.text for i in r.mvp.items)
    nxt = " ".join(i.text for i in r.next_10x.items)
    return (f"- {tag('roadmap', 'mvp')}**MVP ({r.mvp.horizon}):** {mvp}\n"
            f"- {tag('roadmap', 'next-10x')}**Next 10×:** {nxt}\n")


@macro
def security_chain(book: Handbook) -> str:
    s = book.one_pager.security_chain
    return s.intro + " " + " → ".join(f"**{l.name}**" for l in s.links) + ".\n"


@macro
def security_chain_detail(book: Handbook) -> str:
    """The chain with what each link means (the one-pager has room for the names only)."""
    s = book.one_pager.security_chain
    return "\n".join(f"1. {tag('security', l.id)}**{l.name}:** {l.what}" for l in s.links) + "\n"


@macro
def principles(book: Handbook) -> str:
    p = book.one_pager.principles
    return p.intro + "\n\n" + items("principle", p.items)


# --- pages made of one data file ----------------------------------------------------------

@macro
def pocket_checklist(book: Handbook) -> str:
    lines = []
    for i, m in enumerate(book.pocket_checklist, 1):
        fix = m.fix + (" " + job_states_inline(book) if m.show_job_states else "")
        lines.append(f"- [ ] {tag('pocket', m.id)}**{i}. {m.mistake}** → {fix}")
    return "\n".join(lines) + "\n"


@macro
def pocket_details(book: Handbook, here: Here) -> str:
    out = []
    for i, m in enumerate(book.pocket_checklist, 1):
        step = book.step(m.step)
        fix = m.fix + (" " + job_states_inline(book) if m.show_job_states else "")
        out.append(heading(3, f"{i}. {m.mistake}", m.id))
        out.append(f"**Fix:** {fix} Belongs to [step {step.number}: {step.short}]({link(step.page, here)}).\n")
    return "\n".join(out)


@macro
def deep_keys(book: Handbook) -> str:
    out = []
    for k in book.deep_keys:
        out.append(heading(2, k.name, k.id))
        out.append(f"{k.rule}\n\n*Why:* {k.why}\n")
    return "\n".join(out)



@macro
def red_team(book: Handbook, here: Here) -> str:
    out = []
    for i, q in enumerate(book.red_team, 1):
        out.append(heading(2, f"{i}. “{q.question}”", q.id))
        out.append("A strong answer covers:\n\n" + "\n".join(f"- {a}" for a in q.strong_answer) + "\n")
        out.append(f"Read more: [{book.label(q.see)}]({link(q.see, here)})\n")
    return "\n".join(out)


@macro
def red_team_questions(book: Handbook, here: Here) -> str:
    return "\n".join(f"{i}. [{q.question}]({link('red-team.md#' + q.id, here)})" for i, q in enumerate(book.red_team, 1)) + "\n"


@macro
def practice_protocol(book: Handbook) -> str:
    p = book.practice
    total = sum(b.minutes for b in p.blocks)
    rows = [[f"{tag('practice', b.id)}**{b.name}**", f"{b.minutes} min", b.do] for b in p.blocks]
    rows.append(["**Total**", f"**{total} min**", f"then the post-mortem note; {p.cadence}"])
    return table(["Block", "Time", "What to do"], rows)


@macro
def post_mortem(book: Handbook) -> str:
    pm = book.practice.post_mortem
    return pm.intro + "\n\n" + "\n".join(f"1. {tag('post-mortem', b.id)}{b.text}" for b in pm.bullets) + "\n"


@macro
def reflection(book: Handbook) -> str:
    r = book.reflection
    out = [r.intro + "\n"]
    for i, p in enumerate(r.prompts, 1):
        out.append(heading(3, f"{i}. {p.theme}", p.id))
        out.append(f"{p.question}\n\n*Practice:* {p.practice}\n")
    return "\n".join(out)


@macro
def baseline(book: Handbook, here: Here) -> str:
    rows = []
    for g in book.baseline:
        for b in g.items:
            value = b.value
            if b.check:
                value += f" ({b.check.floats} × {b.check.bytes_per_float} B = {b.check.floats * b.check.bytes_per_float:,} B)"
            if b.see:
                value += f" ([compare]({link('numbers.md#' + b.see, here)}))"
            rows.append([g.name, f"{tag('baseline', b.id)}{b.what}", value])
    return table(["Area", "What", "Default"], rows)


@macro
def glossary(book: Handbook, here: Here) -> str:
    """Every term, alphabetically. A term a building block lists among its own is explained there:
    the entry links to it and stays out of search, so a search for the term lands on the block."""
    homes = book.term_homes()
    out = []
    for t in sorted(book.glossary, key=lambda t: t.term.lower()):
        title = f"{t.term} ({t.full})" if t.full else t.term
        home = homes.get(t.term.lower())
        entry = f"{tag('term', slug(t.term))}**{title}**\n:   {t.means}" + (
            f" Explained in {block_link(book, here, home)}." if home else "")
        out.append(f'<div class="glossary-entry" data-search-exclude markdown="1">\n\n{entry}\n\n</div>\n'
                   if home else entry + "\n")
    return "\n".join(out)


def abbreviation_glossary(book: Handbook) -> dict[str, str]:
    """Term -> tooltip text, for Python-Markdown's abbr extension."""
    # A tooltip is an attribute, not Markdown: the data's escaped markup goes back to plain text.
    return {html.unescape(t.term): html.unescape(f"{t.full}: {t.means}" if t.full else t.means) for t in book.glossary}


@macro
def references(book: Handbook) -> str:
    out = []
    for r in book.references:
        year = f", {r.year}" if r.year else ""
        # What each source is used for names topics the pages themselves explain: out of search.
        out.append(f"- {tag('ref', r.id)}[*{r.title}*]({r.url}), {r.authors} ({r.publisher}{year}). "
                   f"<span data-search-exclude>{r.used_for}</span>")
    return "\n".join(out) + "\n"


def cite(book: Handbook, ref_id: str, here: Here) -> str:
    r = book.reference(ref_id)
    return f"[{r.title}]({link('references.md', here)})"


@macro
def guide(book: Handbook, section: str) -> str:
    """One part of data/guide.yml: a list of named points, or a paragraph."""
    value = getattr(book.guide, section)
    return named_list(value, section.replace("_", "-")) if isinstance(value, list) else value + "\n"


@macro
def one_pager_heading(book: Handbook, section_id: str) -> str:
    s = book.section(section_id)
    return heading(s.level, s.title, s.id)


def named_list(entries: list[schema.Named], prefix: str) -> str:
    return "\n".join(f"- {tag(prefix, e.id)}**{e.name}.** {e.text}" for e in entries) + "\n"


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


# --- numbers --------------------------------------------------------------------------------

@macro
def latency_table(book: Handbook, here: Here) -> str:
    """The classic table (its source and year) with today's figure beside each row it updates, and
    today's rows that the classic table has no row for; every current figure with its own source."""
    lt = book.numbers.latency
    refs = {r.id: r for r in book.references}
    current = {c.classic: c for c in lt.current if c.classic}

    def today(c) -> list[str]:
        ref = refs[c.source]
        return [f"{tag('latency-now', c.id)}**{numbers.format_ns(c.ns)}**<br><small>{c.what}</small>",
                f"[{ref.publisher}]({ref.url}), {c.year} ({c.kind.replace('-', ' ')}): {c.note}"]

    rows = []
    for r in lt.rows:
        c = current.get(r.id)
        rows.append([f"{tag('latency-row', r.id)}{r.what}", f"{units.format_number(r.ns)} ns", numbers.format_ns(r.ns)]
                    + (today(c) if c else ["", ""]))
    rows += [[f"{c.what} (no classic row)", "—", "—"] + today(c) for c in lt.current if not c.classic]
    out = [f"Classic figures: {cite(book, lt.source, here)} ({lt.year}). {lt.origin}\n",
           table(["Operation", "Classic, ns", "Classic", "Today", "Today's source"], rows, ["---", "--:", "--:", "--:", "---"])]
    out.append(lt.current_note + "\n")
    out.append(heading(3, "Where sources differ", "latency-differences"))
    out.append("\n".join(f"- {d}" for d in lt.differences + [lt.by_year_note]) + "\n")
    return "\n".join(out)


@macro
def powers_of_two(book: Handbook) -> str:
    p = book.numbers.powers_of_two
    rows = []
    for r in p.rows:
        value = numbers.power_of_two(r.power)
        rows.append([f"2^{r.power}", f"{value:,}", r.name or numbers.approx_power(r.power), r.bytes or "", r.use or ""])
    return p.note + "\n\n" + table(["Power", "Exact value", "Roughly", "Bytes", "Where you meet it"], rows, ["---", "--:", "---", "---", "---"])


@macro
def availability(book: Handbook) -> str:
    a = book.numbers.availability
    periods = list(numbers.PERIODS)
    rows = [[f"{tag('nines', n.replace('.', '-'))}{n} %"] + [numbers.format_duration(numbers.downtime_seconds(n, p)) for p in periods]
            for n in a.nines]
    c = a.composition_example
    example = (f"Example: two services at {c.a} % in series give {numbers.series(c.a, c.b)} %; "
               f"the same two in parallel give {numbers.parallel(c.a, c.b)} %.")
    return a.note + "\n\n" + table(["Availability"] + [f"Down per {p}" for p in periods], rows,
                                   ["---"] + ["--:"] * len(periods)) + "\n" + example + "\n"


@macro
def time_facts(book: Handbook) -> str:
    t = book.numbers.time
    per_day = 1_000_000 / t.seconds_per_day
    per_month = 1_000_000_000 / (schema.DAYS_PER_MONTH * t.seconds_per_day)
    return (f"{t.note} A day has {t.seconds_per_day:,} seconds; round it to {t.rounded_seconds_per_day:,} for mental maths "
            f"(an error of {(t.rounded_seconds_per_day / t.seconds_per_day - 1) * 100:.0f} %). "
            f"So 1M requests a day ≈ {per_day:.1f} per second, 1B a month ({schema.DAYS_PER_MONTH} days) "
            f"≈ {per_month:,.0f} per second, and 1 per second ≈ {t.seconds_per_day:,} a day.\n")
