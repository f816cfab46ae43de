"""The rubric page: what a system design interview assesses and how the bar moves with the level
(data/rubric.yml). The mock interview scores against the same abilities (practice.mock_config)."""
from __future__ import annotations

from .handbook import Handbook
from .registry import Here, macro
from .render import heading, link, table

RUBRIC_PAGE = "practice/rubric.md"
GRADES = (("weak", "Weak (1)"), ("solid", "Solid (2)"), ("strong", "Strong (3)"))


def rubric_link(here: Here, text: str = "what interviewers expect at each level") -> str:
    return f"[{text}]({link(RUBRIC_PAGE, here)})"


@macro
def rubric_abilities(book: Handbook) -> str:
    """One section per ability: the question behind it, then weak, solid and strong."""
    out = []
    for a in book.rubric.abilities:
        out.append(heading(3, a.name, "ability-" + a.id))
        out.append(f"*{a.asks}*\n")
        out.append(table(["Grade", "What it looks like"], [[f"**{label}**", getattr(a, key)] for key, label in GRADES]))
    return "\n".join(out)


@macro
def rubric_levels(book: Handbook) -> str:
    """The levels side by side: breadth against depth, who drives, what to raise unasked, the bar."""
    levels = book.rubric.levels
    rows = [["**Breadth and depth**"] + [lv.balance for lv in levels],
            ["**Who drives the deep dives**"] + [lv.drives for lv in levels],
            ["**Raise without being asked**"] + ["<br>".join("• " + u for u in lv.unprompted) for lv in levels],
            ["**The bar**"] + [lv.bar for lv in levels]]
    return table(["Expected"] + [lv.name for lv in levels], rows)


@macro
def rubric_sources(book: Handbook, here: Here) -> str:
    refs = [book.reference(r) for r in book.rubric.sources]
    return "Drawn from: " + "; ".join(f"[*{r.title}*]({r.url}) ({r.authors}, {r.publisher})" for r in refs) + \
        f". Every source is listed on the [references page]({link('references.md', here)}).\n"
