"""The building blocks (data/blocks/<slug>.yml): one page each, and the index of the section.
"Used in" is computed from the worked examples' `blocks` tags; each example links back."""
from __future__ import annotations

from . import schema
from .capacity import cell
from .handbook import Handbook
from .registry import Here, macro
from .render import block_link, heading, link, table

# The second-level sections of every block page, in order.
SECTIONS = [("when", "When to reach for it"), ("options", "The options"), ("failures", "Failure modes and controls"),
            ("next-question", "The question that comes next"), ("levels", "What each level shows"),
            ("used-in", "Used in"), ("sources", "Sources")]


def _numbers(book: Handbook, here: Here, option: schema.BlockOption) -> str:
    parts = ([option.numbers] if option.numbers else []) + [cell(book, here, row) for row in option.capacity]
    return "<br>".join(parts) or "—"


def shown_terms(terms: list[str]) -> list[str]:
    """The terms without the plurals of terms already listed ("consumer groups" after "consumer group")."""
    lower = {t.lower() for t in terms}
    return [t for t in terms if not any(t.lower() == base + ending for base in lower for ending in ("s", "es"))]


@macro
def block_title(book: Handbook, slug: str) -> str:
    return book.blocks[slug].title


@macro
def building_block(book: Handbook, here: Here, slug: str) -> str:
    b = book.blocks[slug]
    refs = {r.id: r for r in book.references}
    body = {
        "when": f"**Use it:** {b.reach_for}\n\n**Avoid it:** {b.avoid_when}\n",
        "options": table(["Option", "How it works", "What it costs", "What it gives up", "Numbers"],
                         [[f"**{o.name}**", o.how, o.costs, o.gives_up, _numbers(book, here, o)] for o in b.options]),
        "failures": table(["Failure", "Control"], [[f"**{f.failure}**", f.control] for f in b.failures]),
        "next-question": f"“{b.next_question.question}” A strong answer covers:\n\n"
                         + "\n".join(f"- {a}" for a in b.next_question.strong_answer) + "\n",
        "levels": table(["Level", "Expected"], [["Mid-level", b.levels.mid], ["Senior", b.levels.senior],
                                                ["Staff", b.levels.staff]]),
        "used-in": ("\n".join(f"- [{we.example.title}]({link('examples/' + we.slug + '.md', here)}): {we.example.summary}"
                              for we in book.used_in(slug)) or "No worked example relies on it yet.") + "\n",
        "sources": "\n".join(f"- [*{refs[r].title}*]({refs[r].url}), {refs[r].authors} ({refs[r].publisher}"
                             f"{', ' + str(refs[r].year) if refs[r].year else ''})" for r in b.sources) + "\n",
    }
    # The terms at the top: a search for one lands on this page. Plurals are left off the line
    # (search matches them through the singular), so the line does not weigh a word twice.
    out = [b.idea + "\n", "**Terms:** " + " · ".join(shown_terms(b.terms)) + "\n"]
    for ident, title in SECTIONS:
        out += [heading(2, title, ident), body[ident]]
    return "\n".join(out)


@macro
def blocks_index(book: Handbook, here: Here) -> str:
    out = []
    for group, name in schema.BLOCK_GROUPS.items():
        slugs = [s for s, b in book.blocks.items() if b.group == group]
        if not slugs:
            continue
        out.append(heading(2, name, f"group-{group}"))
        rows = [[block_link(book, here, s), book.blocks[s].idea.split(". ")[0].rstrip(".") + ".",
                 ", ".join(o.name for o in book.blocks[s].options)] for s in slugs]
        out.append(table(["Block", "The idea", "Options compared"], rows))
    return "\n".join(out)


def example_blocks(book: Handbook, here: Here, slug: str) -> str:
    """The line on a worked example's page that links to the blocks it relies on."""
    return "**Building blocks:** " + " · ".join(block_link(book, here, b) for b in book.examples[slug].example.blocks) + "\n"
