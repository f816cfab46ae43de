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

Public API
    load_scenario(path) -> Scenario                   raises DataError
    scenario_from_data(data, path="<input>", lines=None) -> Scenario
    estimate(scenario) -> dict                        JSON-shaped, see estimate()
CLI
    python -m macros.estimates SCENARIO.yml [--json]  exit 2 with one message on bad data
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from . import units
from .errors import DataError
from .yamlio import Where, problem, read_yaml, validate

DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30
RATE_FIELDS = ("per_user_per_day", "per_day", "per_month", "per_second", "ratio")


# ---------------------------------------------------------------- field types

def _reason(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{reason}", {"reason": message})


def _as_count(value: Any) -> float:
    try:
        return units.parse_count(value)
    except ValueError as exc:
        raise _reason("count", str(exc)) from None


def _as_size(value: Any) -> float:
    try:
        return units.parse_size(value)
    except ValueError as exc:
        raise _reason("size", str(exc)) from None


def _above_zero(value: float) -> float:
    if value <= 0:
        raise _reason("positive", f"must be more than 0, got {units.format_number(value)}")
    return value


def _at_least_one(value: float) -> float:
    if value < 1:
        raise _reason("at_least_one", f"must be at least 1, got {units.format_number(value)}")
    return value


def _at_most_one(value: float) -> float:
    if value > 1:
        raise _reason("at_most_one", f"must be between 0 and 1, got {units.format_number(value)}")
    return value


Count = Annotated[float, BeforeValidator(_as_count)]          # >= 0, "300M", 2, 0.5
Size = Annotated[float, BeforeValidator(_as_size)]            # bytes >= 0, "1.5 KB", "1 MiB"
Fraction = Annotated[Count, AfterValidator(_at_most_one)]     # 0..1
Positive = Annotated[Count, AfterValidator(_above_zero)]      # > 0
AtLeastOne = Annotated[Count, AfterValidator(_at_least_one)]  # >= 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PayloadPart(_Strict):
    """`share` of the operations carry `size` bytes (e.g. 10% of tweets have 1 MB of media)."""
    size: Size
    share: Fraction = 1.0


def _payload_parts(value: Any) -> Any:
    """One size, one {size, share} mapping, or a list of either -> list of part mappings."""
    if value is None:
        return []
    if isinstance(value, list):
        return [item if isinstance(item, dict) else {"size": item} for item in value]
    if isinstance(value, dict):
        return [value]
    return [{"size": _as_size(value)}]


class Users(_Strict):
    monthly_active: Count | None = None
    daily_active: Count | None = None
    daily_active_ratio: Fraction | None = None


class Assumptions(_Strict):
    seconds_per_day: Positive = 86400.0   # 100000 for quick mental maths, 23400 for a trading day
    peak_factor: AtLeastOne = 2.0         # peak QPS = average QPS x peak_factor
    retention_years: Count = 5.0          # how long written data is kept
    replication: AtLeastOne = 1.0         # copies stored


class Ratio(_Strict):
    """`times` operations of this kind for every one of operation `to` (reads 10:1 -> times: 10)."""
    to: str
    times: Count


class Operation(_Strict):
    name: str = Field(min_length=1)
    kind: Literal["write", "read"]
    per_user_per_day: Count | None = None
    per_day: Count | None = None
    per_month: Count | None = None        # a month is 30 days
    per_second: Count | None = None       # an average over the day
    ratio: Ratio | None = None
    payload: Annotated[list[PayloadPart], BeforeValidator(_payload_parts)] = []

    def rates(self) -> list[str]:
        """The rate fields this operation sets (a valid scenario has exactly one)."""
        return [f for f in RATE_FIELDS if getattr(self, f) is not None]

    @property
    def bytes_per_op(self) -> float:
        return sum(part.size * part.share for part in self.payload)


class Scenario(_Strict):
    name: str = Field(min_length=1)
    source: str | None = None
    users: Users | None = None
    assumptions: Assumptions = Field(default_factory=Assumptions)
    operations: list[Operation] = Field(min_length=1)

    @property
    def daily_active_users(self) -> float | None:
        """DAU as given, or monthly_active x daily_active_ratio; None without users."""
        users = self.users
        if users is None:
            return None
        if users.daily_active is not None:
            return users.daily_active
        if users.daily_active_ratio is not None and users.monthly_active is not None:
            return users.monthly_active * users.daily_active_ratio
        return None

    def operation(self, name: str) -> Operation | None:
        return next((op for op in self.operations if op.name == name), None)


# ---------------------------------------------------------------- checks across fields

def _check(scenario: Scenario, lines: dict[Where, int]) -> list[str]:
    """What pydantic cannot see field by field; each problem names its key path and line."""
    problems: list[str] = []

    def bad(loc: Where, expected: str) -> None:
        problems.append(problem(loc, lines, expected))

    users = scenario.users
    if users is not None:
        given = [f for f in ("daily_active", "daily_active_ratio") if getattr(users, f) is not None]
        if not given:
            bad(("users",), "give exactly one of daily_active or daily_active_ratio")
        elif len(given) == 2:
            bad(("users", "daily_active_ratio"),
                "give exactly one of daily_active or daily_active_ratio, not both")
        elif given == ["daily_active_ratio"] and users.monthly_active is None:
            bad(("users", "daily_active_ratio"), "needs users.monthly_active")
        elif (given == ["daily_active"] and users.monthly_active is not None
              and users.daily_active > users.monthly_active):
            bad(("users", "daily_active"),
                f"{units.format_count(users.daily_active)} daily users is more than "
                f"{units.format_count(users.monthly_active)} monthly users")

    first_use: dict[str, int] = {}
    for i, op in enumerate(scenario.operations):
        if op.name in first_use:
            bad(("operations", i, "name"),
                f"{op.name!r} is already the name of operations[{first_use[op.name]}]")
        else:
            first_use[op.name] = i

    for i, op in enumerate(scenario.operations):
        rates = op.rates()
        if not rates:
            bad(("operations", i), "no rate: give one of " + ", ".join(RATE_FIELDS))
        elif len(rates) > 1:
            bad(("operations", i, rates[1]),
                f"give exactly one rate, this operation has {' and '.join(rates)}")
        if op.per_user_per_day is not None and scenario.daily_active_users is None:
            bad(("operations", i, "per_user_per_day"),
                "needs users (daily_active, or monthly_active with daily_active_ratio)")
        if op.ratio is not None:
            target = scenario.operation(op.ratio.to)
            if target is None:
                known = ", ".join(repr(o.name) for o in scenario.operations)
                bad(("operations", i, "ratio", "to"),
                    f"no operation named {op.ratio.to!r} (known: {known})")
                continue
            chain = [op.name]
            current = op
            while current is not None and current.ratio is not None:
                nxt = current.ratio.to
                if nxt in chain:
                    bad(("operations", i, "ratio", "to"),
                        "ratio chain never ends: " + " -> ".join(chain + [nxt]))
                    break
                chain.append(nxt)
                current = scenario.operation(nxt)
    return problems


def _ensure_valid(scenario: Scenario, path: str, lines: dict[Where, int]) -> Scenario:
    problems = _check(scenario, lines)
    if problems:
        raise DataError(path, problems)
    return scenario


def scenario_from_data(data: Any, path: str = "<input>",
                       lines: dict[Where, int] | None = None) -> Scenario:
    """Validate already-parsed data (a dict from YAML or JSON); raises DataError."""
    lines = lines or {}
    scenario = validate(Scenario, data, path, lines)
    return _ensure_valid(scenario, str(path), lines)


def load_scenario(path: Path | str) -> Scenario:
    """Read and validate a scenario YAML file; raises DataError naming file, key path and line."""
    try:
        data, lines = read_yaml(path)
    except UnicodeDecodeError as exc:
        raise DataError(str(path), [f"is not UTF-8 text (byte {exc.start})"]) from None
    return scenario_from_data(data, str(path), lines)


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _compact_count(value: float) -> float | int | str:
    """300000000.0 -> "300M" when that reads back exactly; small or odd values stay numbers."""
    if value < 1000:
        return _plain(value)
    text = units.format_count(value, sig=3).replace(",", "")
    return text if units.parse_count(text) == value else _plain(value)


def _compact_size(value: float) -> float | int | str:
    """1000000.0 -> "1 MB", 1048576.0 -> "1 MiB" when that reads back exactly; else bytes."""
    for binary in (False, True):
        text = units.format_bytes(value, sig=3, binary=binary).replace(",", "")
        if units.parse_size(text) == value:
            return text
    return _plain(value)


def scenario_data(scenario: Scenario) -> dict:
    """The scenario as plain data (for JSON or YAML) that scenario_from_data() reads back into the
    same scenario: only the fields it was given, counts and sizes written as "100M" or "1 MB" when
    that is exact. The estimator page takes this as its link state."""
    data = scenario.model_dump(exclude_unset=True, exclude_none=True)
    if "users" in data:
        data["users"] = {k: (_plain(v) if k == "daily_active_ratio" else _compact_count(v))
                         for k, v in data["users"].items()}
    if "assumptions" in data:
        data["assumptions"] = {k: _plain(v) for k, v in data["assumptions"].items()}
    for op in data["operations"]:
        for field in RATE_FIELDS[:-1]:
            if field in op:
                op[field] = _compact_count(op[field])
        if "ratio" in op:
            op["ratio"]["times"] = _compact_count(op["ratio"]["times"])
        if "payload" in op:
            parts = [{k: (_compact_size(v) if k == "size" else _plain(v)) for k, v in part.items()}
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
    """Operations per day, by operation name (ratio chains resolved)."""
    out: dict[str, float] = {}
    a = scenario.assumptions
    dau = scenario.daily_active_users

    def resolve(op: Operation) -> float:
        if op.name not in out:
            if op.per_user_per_day is not None:
                value = op.per_user_per_day * dau
            elif op.per_day is not None:
                value = op.per_day
            elif op.per_month is not None:
                value = op.per_month / DAYS_PER_MONTH
            elif op.per_second is not None:
                value = op.per_second * a.seconds_per_day
            else:
                value = op.ratio.times * resolve(scenario.operation(op.ratio.to))
            out[op.name] = value
        return out[op.name]

    for op in scenario.operations:
        resolve(op)
    return out


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
          "stored_bytes_total",         # stored_bytes_per_day x 365 x retention_years
          "count_total",                # per_day x 365 x retention_years, for reads and writes
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
    _ensure_valid(scenario, f"<scenario {scenario.name!r}>", {})
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

    def total(kind: str | None, keys: tuple[str, ...]) -> dict[str, float]:
        ops = [o for o in operations if kind is None or o["kind"] == kind]
        return {k: float(sum(o[k] for o in ops)) for k in keys}

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
    except OSError as exc:  # read_yaml turns read errors into DataError; this is a last guard
        print(f"{args.scenario}: cannot be read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(format_text(result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
