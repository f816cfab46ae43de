"""Back-of-envelope estimates: read a scenario, check it, compute QPS, bandwidth and storage.

Pure Python (no MkDocs). A scenario is a YAML file (see data/scenarios/*.yml):

    name: Twitter-like timeline
    source: where the published figures come from     # optional
    users:                                            # optional
      monthly_active: 300M
      daily_active_ratio: 0.5                         # or daily_active: 150M (exactly one)
    assumptions:                                      # all optional; defaults shown
      seconds_per_day: 86400
      peak_factor: 2
      retention_years: 5
      replication: 1
    operations:
      - name: post tweet
        kind: write                                   # write | read
        per_user_per_day: 2                           # exactly one rate, see RATE_FIELDS
        payload: [{size: 1 MB, share: 0.1}]           # or one size: "100 B"

Public API (the scenario model is schema.Scenario; the loader reads and checks it)
    load_scenario(path) -> Scenario                   raises DataError
    scenario_from_data(data, path="<input>") -> Scenario
    estimate(scenario) -> dict                        JSON-shaped, see estimate(); DataError on overflow
    scenario_data(scenario) -> dict                   the scenario as plain data (links, the browser)
CLI
    python -m macros.estimates SCENARIO.yml [--json]  exit 2 with one message on bad data
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from . import loader, units
from .errors import DataError
from .messages import message, quote
from .schema import DAYS_PER_MONTH, DAYS_PER_YEAR, RATE_FIELDS, Operation, Scenario


def load_scenario(path: Path | str) -> Scenario:
    """Read and validate a scenario YAML file; raises DataError naming file, key path and line."""
    data, lines = loader.read(path)
    return scenario_from_data(data, str(path), lines)


def scenario_from_data(data: Any, path: str = "<input>", lines: loader.Lines | None = None) -> Scenario:
    """Validate already-parsed data (a dict from YAML or JSON) and check that its figures can be
    computed (no overflow); raises DataError."""
    scenario = loader.parse(Scenario, data, path, lines)
    try:
        estimate(scenario)
    except _Overflow as exc:
        raise DataError(str(path), [loader.problem(exc.where, lines or {}, exc.text)]) from None
    return scenario


class _Overflow(ArithmeticError):
    """A figure came out infinite; scenario_from_data() turns this into the scenario's DataError."""

    def __init__(self, where: tuple, text: str):
        super().__init__(text)
        self.where, self.text = where, text


def _json_number(value: float) -> float | int:
    """12.0 -> 12 (JSON and YAML read it back as the same number); 0.5 stays 0.5."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _compact_count(value: float) -> float | int | str:
    """300000000.0 -> "300M" when that reads back exactly; small or odd values stay numbers."""
    if value < 1000:
        return _json_number(value)
    text = units.format_count(value, sig=3).replace(",", "")
    return text if units.parse_count(text) == value else _json_number(value)


def _compact_size(value: float) -> float | int | str:
    """1000000.0 -> "1 MB", 1048576.0 -> "1 MiB" when that reads back exactly; else bytes."""
    for binary in (False, True):
        text = units.format_bytes(value, sig=3, binary=binary).replace(",", "")
        if units.parse_size(text) == value:
            return text
    return _json_number(value)


def scenario_data(scenario: Scenario) -> dict:
    """The scenario as plain data (for JSON or YAML) that scenario_from_data() reads back into the
    same scenario: only the fields it was given, counts and sizes written as "100M" or "1 MB" when
    that is exact. The estimator page takes this as its link state."""
    data = scenario.model_dump(exclude_unset=True, exclude_none=True)
    if "users" in data:
        data["users"] = {k: (_json_number(v) if k == "daily_active_ratio" else _compact_count(v))
                         for k, v in data["users"].items()}
    if "assumptions" in data:
        data["assumptions"] = {k: _json_number(v) for k, v in data["assumptions"].items()}
    for op in data["operations"]:
        for field in RATE_FIELDS[:-1]:
            if field in op:
                op[field] = _compact_count(op[field])
        if "ratio" in op:
            op["ratio"]["times"] = _compact_count(op["ratio"]["times"])
        if "payload" in op:
            parts = [{k: (_compact_size(v) if k == "size" else _json_number(v)) for k, v in part.items()}
                     for part in op["payload"]]
            if not parts:
                del op["payload"]
            elif len(parts) == 1 and set(parts[0]) == {"size"}:
                op["payload"] = parts[0]["size"]
            else:
                op["payload"] = parts
    return data


# ---------------------------------------------------------------- computing

def _per_day(scenario: Scenario) -> dict[str, float]:
    """Operations per day, by operation name; ratio chains resolved iteratively (a checked
    scenario's chains all end, so each walk stops at an operation with a rate of its own)."""
    out: dict[str, float] = {}
    a = scenario.assumptions
    dau = scenario.daily_active_users
    by_name = {op.name: op for op in reversed(scenario.operations)}  # the first of a name wins, as in the checks

    def own_rate(op: Operation) -> float:
        if op.per_user_per_day is not None:
            return op.per_user_per_day * dau
        if op.per_day is not None:
            return op.per_day
        if op.per_month is not None:
            return op.per_month / DAYS_PER_MONTH
        return op.per_second * a.seconds_per_day

    for op in scenario.operations:
        chain = []
        current = op
        while current.name not in out and current.ratio is not None:
            chain.append(current)
            current = by_name[current.ratio.to]
        if current.name not in out:
            out[current.name] = own_rate(current)
        value = out[current.name]
        for link in reversed(chain):
            value = link.ratio.times * value
            out[link.name] = value
    return out


def _finite(operations: list[dict]) -> None:
    """Every figure must be a real number: a scenario whose figures overflow is refused, naming them."""
    for i, op in enumerate(operations):
        for key, value in op.items():
            if isinstance(value, float) and not math.isfinite(value):
                raise _Overflow(("operations", i), message("overflow", figure=key, operation=quote(op["name"])))


def estimate(scenario: Scenario) -> dict:
    """Compute the estimate. All numbers are floats in base units (operations, bytes, seconds).

    {
      "name": str, "source": str | None,
      "daily_active_users": float | None,
      "assumptions": {"seconds_per_day", "peak_factor", "retention_years", "replication"},
      "operations": [{
          "name", "kind",
          "per_day",                    # operations per day
          "avg_qps",                    # per_day / seconds_per_day
          "peak_qps",                   # avg_qps x peak_factor
          "bytes_per_op",               # sum of payload size x share
          "bandwidth_bytes_per_s",      # avg_qps x bytes_per_op (in for writes, out for reads)
          "stored_bytes_per_day",       # writes: per_day x bytes_per_op x replication; reads: 0
          "stored_bytes_total",         # stored_bytes_per_day x DAYS_PER_YEAR x retention_years
          "count_total",                # per_day x DAYS_PER_YEAR x retention_years, for reads and writes
      }],                               #   alike (records written / requests served over retention)
      "totals": {
          "read":  {"per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s", "count_total"},
          "write": {"per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s", "count_total",
                    "stored_bytes_per_day", "stored_bytes_total"},
          "all":   {"per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s"},
      },
    }
    Totals are plain sums over the operations of that kind (zeros when there are none); summing
    peaks assumes every operation peaks at the same moment, the cautious reading.
    """
    problems = scenario.problems()  # a Scenario built directly has skipped the loader's checks
    if problems:
        raise DataError(f"<scenario {scenario.name!r}>", [loader.problem(loc, {}, text) for loc, text in problems])
    a = scenario.assumptions
    per_day = _per_day(scenario)
    days_kept = DAYS_PER_YEAR * a.retention_years

    operations = []
    for op in scenario.operations:
        n = per_day[op.name]
        avg = n / a.seconds_per_day
        size = float(op.bytes_per_op)
        stored_day = n * size * a.replication if op.kind == "write" else 0.0
        operations.append({
            "name": op.name,
            "kind": op.kind,
            "per_day": float(n),
            "avg_qps": avg,
            "peak_qps": avg * a.peak_factor,
            "bytes_per_op": size,
            "bandwidth_bytes_per_s": avg * size,
            "stored_bytes_per_day": stored_day,
            "stored_bytes_total": stored_day * days_kept,
            "count_total": n * days_kept,
        })

    _finite(operations)

    def total(kind: str | None, keys: tuple[str, ...]) -> dict[str, float]:
        ops = [o for o in operations if kind is None or o["kind"] == kind]
        sums = {k: float(sum(o[k] for o in ops)) for k in keys}
        for key, value in sums.items():  # finite parts can still add up to more than a float holds
            if not math.isfinite(value):
                raise _Overflow(("operations",), message("overflow", figure=key, operation=f"all {kind + 's' if kind else 'operations'}"))
        return sums

    flow = ("per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s")
    return {
        "name": scenario.name,
        "source": scenario.source,
        "daily_active_users": (None if scenario.daily_active_users is None
                               else float(scenario.daily_active_users)),
        "assumptions": {
            "seconds_per_day": float(a.seconds_per_day),
            "peak_factor": float(a.peak_factor),
            "retention_years": float(a.retention_years),
            "replication": float(a.replication),
        },
        "operations": operations,
        "totals": {
            "read": total("read", flow + ("count_total",)),
            "write": total("write", flow + ("count_total", "stored_bytes_per_day",
                                            "stored_bytes_total")),
            "all": total(None, flow),
        },
    }


# ---------------------------------------------------------------- plain-text report

def format_text(result: dict) -> str:
    """A fixed-width table of an estimate() result, for the terminal."""
    a = result["assumptions"]
    head = [result["name"]]
    if result["daily_active_users"] is not None:
        head.append(f"daily active users: {units.format_count(result['daily_active_users'])}")
    head.append(f"{units.format_number(a['seconds_per_day'])} s/day, peak x"
                f"{units.format_number(a['peak_factor'])}, kept "
                f"{units.format_number(a['retention_years'])} years, "
                f"{units.format_number(a['replication'])} cop"
                f"{'y' if a['replication'] == 1 else 'ies'}")
    columns = ["operation", "kind", "per day", "avg QPS", "peak QPS", "bytes/op", "bandwidth",
               "stored/day", "stored total"]

    def row(label: str, kind: str, r: dict, stores: bool, size: float | None) -> list[str]:
        return [
            label, kind,
            units.format_count(r["per_day"]),
            units.format_rate(r["avg_qps"]),
            units.format_rate(r["peak_qps"]),
            "-" if size is None else units.format_bytes(size),
            units.format_byte_rate(r["bandwidth_bytes_per_s"]),
            units.format_byte_rate(r["stored_bytes_per_day"], "day") if stores else "-",
            units.format_bytes(r["stored_bytes_total"]) if stores else "-",
        ]

    rows = [row(o["name"], o["kind"], o, o["kind"] == "write", o["bytes_per_op"])
            for o in result["operations"]]
    for kind in ("write", "read"):
        if any(o["kind"] == kind for o in result["operations"]):
            rows.append(row(f"total {kind}s", kind, result["totals"][kind], kind == "write", None))
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    table = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(head + [""] + table) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.estimates",
        description="Back-of-envelope estimate (QPS, bandwidth, storage) of a scenario file.")
    parser.add_argument("scenario", help="scenario YAML file, e.g. data/scenarios/twitter-timeline.yml")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        result = estimate(load_scenario(args.scenario))
    except DataError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:  # the loader turns read errors into DataError; this is a last guard
        print(f"{args.scenario}: cannot be read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(format_text(result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
