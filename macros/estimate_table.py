"""Render an estimate (macros.estimates.estimate) as a Markdown table a reader can redo by hand.

Pure functions, no I/O. Every figure is rounded to two significant figures in human units
(3.5K/s, 30 TB/day, 55 PB) and, in small type under it, the sum that gives it, with its inputs
kept to three figures so the arithmetic checks out on a whiteboard:

    **3.5K/s**<br><small>300M / 86,400 s</small>

One row per operation, then a total row for writes and one for reads. A line above the table
states the assumptions (DAU derivation, seconds per day, peak factor, retention, copies).
"""
from __future__ import annotations

import html
from typing import Any

from .schema import DAYS_PER_MONTH, DAYS_PER_YEAR
from .units import format_byte_rate, format_bytes, format_count, format_number, format_rate

COLUMNS = ["Operation", "Per day", "Avg QPS", "Peak QPS", "Bytes/op", "Bandwidth",
           "Stored/day", "Stored total"]
NONE = "—"


def _text(value: str) -> str:
    """Operation names and the like, safe inside a Markdown table cell."""
    return html.escape(value, quote=False).replace("|", "\\|")


def _n(value: float) -> str:
    """An input to a derivation: three significant figures, 300M, 3.47K, 0.1."""
    return format_count(value, sig=3)


def _b(value: float) -> str:
    return format_bytes(value, sig=3)


def _cell(value: str, how: str = "") -> str:
    return f"**{value}**" + (f"<br><small>{how}</small>" if how else "")


def _seconds(a: dict) -> str:
    return f"{format_number(a['seconds_per_day'])} s"


def _per_day_how(op: Any, scenario: Any, result: dict) -> str:
    """How an operation's daily count follows from its rate, e.g. "150M DAU × 2"."""
    if op is None:
        return ""
    a = result["assumptions"]
    if op.per_user_per_day is not None:
        return f"{_n(scenario.daily_active_users)} DAU × {_n(op.per_user_per_day)}"
    if op.per_month is not None:
        return f"{_n(op.per_month)}/month / {DAYS_PER_MONTH} days"
    if op.per_second is not None:
        return f"{_n(op.per_second)}/s × {_seconds(a)}"
    if op.ratio is not None:
        return f"{_n(op.ratio.times)} × {_text(op.ratio.to)}"
    return ""  # per_day: given as it is


def _payload_how(op: Any) -> str:
    """"0.1 × 1 MB + 140 B" for a payload made of parts; nothing for one whole size."""
    if op is None or len(op.payload) <= 1 and all(p.share == 1 for p in op.payload):
        return ""
    terms = [(_b(p.size) if p.share == 1 else f"{_n(p.share)} × {_b(p.size)}")
             for p in op.payload]
    return " + ".join(terms)


def _assumptions(result: dict, scenario: Any) -> str:
    a = result["assumptions"]
    parts = []
    dau = result.get("daily_active_users")
    users = getattr(scenario, "users", None)
    if dau is not None:
        if (users is not None and users.daily_active is None
                and users.monthly_active is not None and users.daily_active_ratio is not None):
            parts.append(f"{_n(users.monthly_active)} monthly users × "
                         f"{_n(users.daily_active_ratio)} = {_n(dau)} daily active users (DAU)")
        else:
            parts.append(f"{_n(dau)} daily active users (DAU)")
    parts.append(f"{format_number(a['seconds_per_day'])} s in a day")
    parts.append(f"peak = {format_number(a['peak_factor'])} × average")
    years = format_number(a["retention_years"])
    if a["retention_years"] < 1:  # a week reads better as 7 days than as 0.01918 years
        days = format_number(round(a["retention_years"] * DAYS_PER_YEAR, 1))
        parts.append(f"data kept {days} days ({years} years)")
    else:
        parts.append(f"data kept {years} year{'' if a['retention_years'] == 1 else 's'}")
    copies = format_number(a["replication"])
    parts.append(f"{copies} cop{'y' if a['replication'] == 1 else 'ies'} stored")
    return "**Assumptions:** " + " · ".join(parts) + "."


def _row(op_result: dict, op: Any, scenario: Any, result: dict) -> list[str]:
    a = result["assumptions"]
    r = op_result
    write = r["kind"] == "write"
    size = r["bytes_per_op"]
    cells = [
        f"{_text(r['name'])}<br><small>{r['kind']}</small>",
        _cell(format_count(r["per_day"]), _per_day_how(op, scenario, result)),
        _cell(format_rate(r["avg_qps"]), f"{_n(r['per_day'])} / {_seconds(a)}"),
        _cell(format_rate(r["peak_qps"]),
              f"{_n(r['avg_qps'])}/s × {format_number(a['peak_factor'])}"),
        _cell(format_bytes(size), _payload_how(op)),
        _cell(format_byte_rate(r["bandwidth_bytes_per_s"]),
              f"{_n(r['avg_qps'])}/s × {_b(size)}" if size else ""),
    ]
    if write:
        copies = f" × {format_number(a['replication'])} copies" if a["replication"] != 1 else ""
        years = format_number(a["retention_years"])
        cells.append(_cell(format_byte_rate(r["stored_bytes_per_day"], "day"),
                           f"{_n(r['per_day'])} × {_b(size)}{copies}" if size else ""))
        total_how = (f"{_b(r['stored_bytes_per_day'])}/day × {DAYS_PER_YEAR} × {years} y<br>"
                     if r["stored_bytes_per_day"] else "")
        cells.append(_cell(format_bytes(r["stored_bytes_total"]),
                           f"{total_how}{format_count(r['count_total'])} records"))
    else:
        cells += [NONE, NONE]
    return cells


def _total_row(kind: str, ops: list[dict], totals: dict) -> list[str]:
    def how(key: str, fmt) -> str:
        return " + ".join(fmt(o[key]) for o in ops) if len(ops) > 1 else ""

    label = "**All writes**" if kind == "write" else "**All reads**"
    cells = [
        label,
        _cell(format_count(totals["per_day"]), how("per_day", _n)),
        _cell(format_rate(totals["avg_qps"]), how("avg_qps", _n)),
        _cell(format_rate(totals["peak_qps"]), how("peak_qps", _n)),
        "",
        _cell(format_byte_rate(totals["bandwidth_bytes_per_s"]),
              how("bandwidth_bytes_per_s", _b)),
    ]
    if kind == "write":
        cells.append(_cell(format_byte_rate(totals["stored_bytes_per_day"], "day"),
                           how("stored_bytes_per_day", _b)))
        cells.append(_cell(format_bytes(totals["stored_bytes_total"]),
                           how("stored_bytes_total", _b)))
    else:
        cells += [NONE, NONE]
    return cells


def render_estimate_table(result: dict, scenario: Any = None) -> str:
    """Markdown: an assumptions line, then a table with one row per operation and total rows.

    result is what estimate(scenario) returned; scenario (the Scenario it came from) lets the
    table show how each daily count and payload size was made (DAU × rate, 0.1 × 1 MB); without
    it those two derivations are left out and everything else is shown.
    """
    ops_by_name = {op.name: op for op in getattr(scenario, "operations", [])}
    rows = [_row(r, ops_by_name.get(r["name"]), scenario, result) for r in result["operations"]]
    for kind in ("write", "read"):
        ops = [r for r in result["operations"] if r["kind"] == kind]
        if ops:
            rows.append(_total_row(kind, ops, result["totals"][kind]))

    lines = [
        _assumptions(result, scenario),
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "| :-- " + "| --: " * (len(COLUMNS) - 1) + "|",
    ]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines) + "\n"
