"""The practice tools' pages: estimator, interview timer, red-team drill, post-mortem form.

Pure functions from validated data to Markdown/HTML, no MkDocs import. The browser scripts in
docs/assets/javascripts/ turn the markup into tools; without JavaScript the pages still read.

Data for the scripts travels in `data-*` attributes, not in `<script type="application/json">`:
Material's instant navigation (off today, see mkdocs.yml) re-runs every `<script>` of a new page and, for inline ones, keeps
only the text (type and id are dropped), so a JSON script block would run as JavaScript and vanish.
"""
from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import quote

from . import contract, numbers
from .estimates import scenario_data
from .handbook import Handbook
from .registry import Here, macro
from .render import block_link, budgets, heading, link, table
from .rubric import RUBRIC_PAGE
from .schema import Scenario

ESTIMATOR_PAGE = "practice/estimator.md"
# encodeURIComponent() leaves these alone; quoting the same way gives the link the page writes.
_URI_COMPONENT_SAFE = "-_.!~*'()"


def _attr(value: Any) -> str:
    """A JSON value inside a double-quoted HTML attribute."""
    return html.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), quote=True)


def _section(attrs: str, *paragraphs: str) -> str:
    """A <section> of a practice tool whose paragraphs are Markdown (md_in_html)."""
    return f'<section {attrs} markdown="1">\n\n' + "\n\n".join(paragraphs) + "\n\n</section>\n"


@macro
def page_scripts(here: Here, *names: str) -> str:
    """`<script defer src>` tags for page-only scripts, at the end of a page's Markdown: on a first
    load they run after the site-wide scripts (handbook.js first), and Material's instant navigation
    re-runs them when it swaps this page in, in order, one after the other."""
    return "\n".join(f'<script defer data-page-script src="{here.url("assets/javascripts/" + n)}"></script>'
                     for n in names) + "\n"


# --- estimator -----------------------------------------------------------------------------------

def estimator_state(scenario: Scenario) -> dict:
    """What the estimator page is handed for a scenario: its plain data, without the source note.
    The one serialisation the browser gets, for the page's scenario list and for links alike."""
    data = scenario_data(scenario)
    data.pop("source", None)
    return data


def estimator_fragment(scenario: Scenario) -> str:
    """'s=<URL-encoded JSON>': the estimator's state for a scenario."""
    text = json.dumps(estimator_state(scenario), ensure_ascii=False, separators=(",", ":"))
    return "s=" + quote(text, safe=_URI_COMPONENT_SAFE)


def estimator_link(scenario: Scenario, here: Here) -> str:
    """A Markdown line (raw HTML link: MkDocs would reject '#s=...' as a missing anchor) that opens
    the scenario in the estimator."""
    href = here.url(ESTIMATOR_PAGE) + "#" + estimator_fragment(scenario)
    return (f'<p class="estimator-link"><a href="{html.escape(href, quote=True)}">'
            f"Open these numbers in the estimator</a> to change an assumption and see what moves.</p>\n")


@macro
def estimator(book: Handbook) -> str:
    """The estimator's mount point: the scenarios it can start from, the engine's contract (its
    defaults, units, limits and messages, from macros/contract.py), and a note for readers without JS."""
    listed = {slug: estimator_state(s) for slug, s in book.scenarios.items()}
    return (f'<div class="practice-tool estimator" id="estimator-tool" data-scenarios="{_attr(listed)}" '
            f'data-contract="{_attr(contract.contract())}">\n'
            '<p class="practice-noscript">The estimator needs JavaScript. Without it, run '
            "<code>python -m macros.estimates data/scenarios/twitter-timeline.yml</code> "
            "from the handbook's sources.</p>\n</div>\n")


# --- interview timer -----------------------------------------------------------------------------

@macro
def interview_timer(book: Handbook, here: Here) -> str:
    """One block per step, in Markdown, with its minutes in each length, its goal and its questions:
    the mock page's reference below the mock, readable without JavaScript and on paper."""
    plan = budgets(book)
    lengths = list(plan)
    out = ['<div class="timer-steps" markdown="1">\n']
    for i, step in enumerate(book.framework.steps):
        mins = " · ".join(f"{plan[t][i]} min of {t} (minutes {numbers.step_starts(plan[t])[i]}–"
                          f"{numbers.step_starts(plan[t])[i] + plan[t][i]})" for t in lengths)
        questions = "\n".join(f"- {q.text}" for q in step.questions)
        out.append(_section(f'class="timer-step" data-step="{step.number}"',
                            f"**Step {step.number}: {step.title}**\n{{: .timer-step__title }}",
                            f"{mins}\n{{: .timer-step__budget }}", f"*Goal:* {step.goal}",
                            f"Questions to ask:\n\n{questions}", f"[Step {step.number} in full]({link(step.page, here)})"))
    out.append("</div>\n")
    return "\n".join(out)


# --- red-team drill ------------------------------------------------------------------------------

@macro
def red_team_drill(book: Handbook, here: Here) -> str:
    """Every interrupt as a card (question, then what a strong answer covers and where to read more);
    red-team-drill.js shows one card at a time, in random order."""
    out = ['<div class="practice-tool drill" id="drill-tool" markdown="1">\n']
    for i, q in enumerate(book.red_team, 1):
        answer = "\n".join(f"- {a}" for a in q.strong_answer)
        out.append(_section(f'class="drill-card" data-question="{q.id}"',
                            f"**{i}. “{q.question}”**\n{{: .drill-card__question }}",
                            f'<div class="drill-card__answer" markdown="1">\n\nA strong answer covers:\n\n{answer}',
                            f"Read more: [{book.label(q.see)}]({link(q.see, here)})\n\n</div>"))
    out.append("</div>\n")
    return "\n".join(out)


COLD_PAGE = "practice/cold-prompts.md"


@macro
def prompt_picker(book: Handbook, here: Here) -> str:
    """The worked examples' prompts, each linking to its example page, and the cold prompts, each
    linking to its interviewer's sheet; the drill script can pick one."""
    # The button is in the page from the start (hidden when scripts are off), so nothing moves
    # when the script arrives.
    out = ['<div class="practice-tool prompt-picker" id="prompt-picker" markdown="1">\n',
           '<p class="prompt-picker__controls"><button type="button" class="md-button">Pick a prompt at random</button></p>\n']
    rows = [f"- [{we.example.title}]({link('examples/' + slug + '.md', here)}): "
            f'<span class="prompt-picker__prompt">“{we.example.prompt}”</span>'
            for slug, we in book.examples.items()]
    rows += [f"- [{p.title}]({link(COLD_PAGE + '#cold-' + p.id, here)}) (cold, no worked answer): "
             f'<span class="prompt-picker__prompt">“{p.prompt}”</span>' for p in book.cold_prompts.prompts]
    out.append("\n".join(rows) + "\n")
    out.append("</div>\n")
    return "\n".join(out)


@macro
def cold_prompts(book: Handbook, here: Here) -> str:
    """One interviewer's sheet per prompt; on paper each sheet is a page of its own."""
    cp = book.cold_prompts
    out = [cp.intro + "\n"]
    for p in cp.prompts:
        out.append(f'<section class="cold-sheet" markdown="1">\n')
        out.append(heading(2, p.title, f"cold-{p.id}"))
        out.append(f"> **Say:** “{p.prompt}”\n")
        out.append("**Reveal only when asked:**\n")
        out.append(table(["If the candidate asks", "Reveal"], [[r.ask, r.answer] for r in p.reveal]))
        out.append("**Curveballs** (the first once a design is on the board, the second about ten minutes later):\n")
        out.append("\n".join(f"{i}. {c}" for i, c in enumerate(p.curveballs, 1)) + "\n")
        out.append(table(["Level", "Must show"], [["**Mid-level**", p.levels.mid], ["**Senior**", p.levels.senior],
                                                  ["**Staff**", p.levels.staff]]))
        out.append('<div class="screen-only" markdown="1">\n\nBuilding blocks: ' +
                   ", ".join(block_link(book, here, b) for b in p.blocks) + "\n\n</div>\n")
        out.append("</section>\n")
    return "\n".join(out)


# --- post-mortem ---------------------------------------------------------------------------------

@macro
def post_mortem_form(book: Handbook) -> str:
    """The three bullets of the post-mortem note, each with room to write (kept in this browser)."""
    pm = book.practice.post_mortem
    fields = [("session-date", "Date", "input"), ("session-prompt", "Prompt", "input")]
    fields += [(f"pm-{b.id}", b.text, "textarea") for b in pm.bullets]
    out = ['<form class="practice-tool post-mortem" id="post-mortem-form" autocomplete="off">']
    for ident, label, kind in fields:
        out.append(f'<div class="post-mortem__field post-mortem__field--{kind}">')
        out.append(f'<label for="{ident}">{label}</label>')  # data text arrives escaped
        if kind == "input":
            out.append(f'<input type="text" id="{ident}" name="{ident}">')
        else:
            out.append(f'<textarea id="{ident}" name="{ident}" rows="5"></textarea>')
        out.append(f'<div class="post-mortem__print" aria-hidden="true" data-for="{ident}"></div>')
        out.append("</div>")
    out.append("</form>\n")
    return "\n".join(out)


# --- mock interview ------------------------------------------------------------------------------

def mock_budgets(book: Handbook) -> dict[str, dict[str, list[int]]]:
    """Minutes per step for each mock length: the handbook's split (typed for the first interview
    length, scaled) and the published ranges' midpoints, both scaled to the length."""
    typed = [s.minutes for s in book.framework.steps]
    ranges = [s.published_minutes for s in book.framework.steps]
    lengths = book.practice.mock.lengths
    return {"handbook": {str(t): numbers.scaled_budget(typed, t) for t in lengths},
            "published": {str(t): numbers.range_budget(ranges, t) for t in lengths}}


def mock_config(book: Handbook, here: Here) -> dict:
    """Everything mock.js needs, from data: prompts, lengths and budgets, each step's checklist,
    the rubric's abilities and levels, and the post-mortem bullets."""
    base = book.framework.interview_minutes[0]
    typed = "/".join(str(s.minutes) for s in book.framework.steps)
    ranges = ", ".join(f"{s.published_minutes[0]}-{s.published_minutes[1]}" for s in book.framework.steps)
    prompts = [{"id": "example-" + slug, "title": we.example.title, "prompt": we.example.prompt, "kind": "worked example",
                "url": here.url(f"examples/{slug}.md")} for slug, we in book.examples.items()]
    prompts += [{"id": "cold-" + p.id, "title": p.title, "prompt": p.prompt, "kind": "cold prompt",
                 "url": here.url(COLD_PAGE + "#cold-" + p.id)} for p in book.cold_prompts.prompts]
    rubric = book.rubric
    return {
        "lengths": book.practice.mock.lengths,
        "default": base if base in book.practice.mock.lengths else book.practice.mock.lengths[0],
        "budgets": mock_budgets(book),
        "budgetNames": {"handbook": f"The handbook's split ({typed} of {base} minutes)",
                        "published": f"Published ranges, midpoints ({ranges} of 45 minutes, Alex Xu)"},
        "steps": [{"number": s.number, "short": s.short, "title": s.title, "url": here.url(s.page),
                   "checklist": [{"id": o.id, "text": o.text} for o in s.outputs]} for s in book.framework.steps],
        "prompts": prompts,
        "abilities": [{"id": a.id, "name": a.name, "weak": a.weak, "solid": a.solid, "strong": a.strong}
                      for a in rubric.abilities],
        "levels": [{"id": lv.id, "name": lv.name, "bar": lv.bar} for lv in rubric.levels],
        "rubricUrl": here.url(RUBRIC_PAGE),
        "postMortem": [{"id": b.id, "text": b.text} for b in book.practice.post_mortem.bullets],
    }


@macro
def mock_interview(book: Handbook, here: Here) -> str:
    """The mock's mount point; mock.js builds the setup, the running mock, the scoring and the
    history from data-config. The step blocks below it (interview_timer) read without JavaScript."""
    return (f'<div class="practice-tool mock" id="mock-tool" data-config="{_attr(mock_config(book, here))}">\n'
            '<p class="practice-noscript">The mock interview needs JavaScript. Without it, use the '
            "budget and the questions of each step below with a clock of your own.</p>\n</div>\n")


# --- estimation drills ---------------------------------------------------------------------------

def drills_config(book: Handbook) -> dict:
    """The drill pools, questions, grades and traps as drills.js reads them (sizes in bytes)."""
    return book.drills.model_dump(exclude={"intro"})


@macro
def estimation_drills(book: Handbook, here: Here) -> str:
    """The drills' mount point: drills.js draws a problem from data-config (seeded from the link),
    grades it with the estimator's engine (data-contract), offers it to the estimator
    (data-estimator) and keeps the streak in this browser."""
    return (f'<div class="practice-tool drills" id="drills-tool" data-config="{_attr(drills_config(book))}" '
            f'data-contract="{_attr(contract.contract())}" '
            f'data-estimator="{html.escape(here.url(ESTIMATOR_PAGE), quote=True)}">\n'
            '<p class="practice-noscript">The drills need JavaScript. Without it, take a worked example\'s '
            "scenario, work out its peak rate and storage on paper, and check them against the example's table.</p>\n</div>\n")


@macro
def drill_grades(book: Handbook, here: Here) -> str:
    """How an answer is graded, with the bounds of data/drills.yml."""
    g = book.drills.grades
    return (f"- **Exact**: within {g.exact * 100:g} % of the figure the [estimator]({link(ESTIMATOR_PAGE, here)}) computes.\n"
            f"- **Right order of magnitude**: within {g.order:g}× either way, which is what most interview "
            "decisions need.\n"
            "- **Off**: further than that. The figure, the sum that gives it and, where it fits, the trap are shown.\n")


@macro
def drill_traps(book: Handbook) -> str:
    """The slips a wrong answer is checked against, each with what to do instead."""
    return "\n".join(f"- **{t.name}.** {t.explain}" for t in book.drills.traps) + "\n"
