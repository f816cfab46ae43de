"""The capacity and cost table (data/capacity.yml): what one node, instance, partition or prefix
handles, and what storage and egress cost. Rendered on the numbers page; a building block quotes
a row by id, so a corrected figure reaches every place that uses it."""
from __future__ import annotations

from . import numbers, schema, units
from .handbook import Handbook
from .registry import Here, macro
from .render import link, table, tag

KINDS = {"measured": "measured", "vendor-documented": "vendor-documented", "rule-of-thumb": "rule of thumb"}


def figure(row: schema.CapacityRow, value: float | None = None) -> str:
    """A row's value (or another in its unit) as a reader says it: 100K/s, 70 B, 2 ms, $0.023/GB-month."""
    v = row.value if value is None else value
    match row.unit:
        case "per_second":
            return units.format_rate(v)
        case "bytes":
            return units.format_bytes(v)
        case "bytes_per_second":
            return units.format_byte_rate(v)
        case "count":
            return units.format_count(v)
        case "ms":
            return numbers.format_ns(v * 1e6)
        case "usd_per_gb_month":
            return f"${v:g}/GB-month"
        case "usd_per_gb":
            return f"${v:g}/GB"
    raise ValueError(f"unknown unit {row.unit!r}")


def span(row: schema.CapacityRow) -> str:
    """The range the sources give: "70K/s to 200K/s", "10K/s or more", "up to 20 ms", or ""."""
    if row.low is not None and row.high is not None:
        return f"{figure(row, row.low)} to {figure(row, row.high)}"
    if row.low is not None:
        return f"{figure(row, row.low)} or more"
    if row.high is not None:
        return f"up to {figure(row, row.high)}"
    return ""


def cell(book: Handbook, here: Here, row_id: str) -> str:
    """A table cell quoting a row: "Redis 7, one instance: 100K/s (rule of thumb, 2024)"."""
    row = book.capacity_row(row_id)
    return (f"{row.component}, {row.measure}: **{figure(row)}** "
            f"([{KINDS[row.kind]}, {row.year}]({link('numbers.md#capacity', here)}))")


@macro
def capacity_table(book: Handbook, here: Here) -> str:
    refs = {r.id: r for r in book.references}
    rows = []
    for r in book.capacity.rows:
        ref = refs[r.source]
        rows.append([f"{tag('capacity', r.id)}**{r.component}**: {r.measure}", f"**{figure(r)}**", span(r) or "—",
                     f"{KINDS[r.kind]}, {r.year}", f"[{ref.publisher}: {ref.title}]({ref.url})"])
    out = [book.capacity.intro + "\n",
           table(["What", "Plan with", "Sources give", "Kind, year", "Source"], rows, ["---", "--:", "---", "---", "---"])]
    out.append("**What each figure assumes, and where sources differ.**\n")
    # Left out of search: a long section naming every component would outrank the pages that explain them.
    out.append('<div class="capacity-notes" data-search-exclude markdown="1">\n')
    for r in book.capacity.rows:
        differs = f" *Sources differ:* {r.differs}" if r.differs else ""
        out.append(f"{r.component}, {r.measure}\n:   {r.workload}{differs}\n")
    out.append("</div>\n")
    return "\n".join(out)


