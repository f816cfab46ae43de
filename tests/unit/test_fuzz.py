"""Damage applied by a generator to every data file, and random scenarios for the engine: whatever
goes in, the result is a loaded handbook or one DataError naming the damaged file, never another
exception; an estimate's figures are finite or the scenario is refused."""
from __future__ import annotations

import math
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.errors import DataError
from macros.estimates import estimate, scenario_from_data
from macros.handbook import load_handbook

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.yml"))


def damage(text: str, kind: str, rng: random.Random) -> bytes:
    lines = text.splitlines(keepends=True)
    at = rng.randrange(len(lines))
    if kind == "truncate":
        return text[: rng.randrange(len(text))].encode()
    if kind == "tab-indent":
        lines[at] = "\t" + lines[at]
    elif kind == "drop-line":
        del lines[at]
    elif kind == "list-value":
        lines[at] = lines[at].replace(": ", ": [", 1)
    elif kind == "mapping-value":
        lines[at] = lines[at].replace(": ", ": {a: [1, {b: 2}]} #", 1)
    elif kind == "null-value":
        lines[at] = lines[at].split(":", 1)[0] + ": ~\n" if ":" in lines[at] else "~\n"
    elif kind == "huge-value":
        lines[at] = lines[at].split(":", 1)[0] + ": " + "x" * 5000 + "\n" if ":" in lines[at] else lines[at]
    elif kind == "alias":
        lines[at] = lines[at].replace(": ", ": *anchor ", 1)
    elif kind == "not-utf8":
        return ("".join(lines[:at])).encode() + b"\xc3\x28" + ("".join(lines[at:])).encode()
    elif kind == "unknown-key":
        lines.insert(0, "sneaky_key: 1\n")
    return "".join(lines).encode()


KINDS = ["truncate", "tab-indent", "drop-line", "list-value", "mapping-value", "null-value", "huge-value",
         "alias", "not-utf8", "unknown-key"]
# Each file gets two kinds of damage, chosen by a fixed seed so a failure replays.
CASES = [(name, KINDS[(i * 3 + k) % len(KINDS)], i * 10 + k) for i, name in enumerate(FILES) for k in range(2)]


@pytest.mark.parametrize("name,kind,seed", CASES, ids=[f"{n}:{k}" for n, k, _ in CASES])
def test_damaged_data_loads_or_fails_with_one_clear_message(tmp_path, name, kind, seed):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / name
    path.write_bytes(damage(path.read_text(encoding="utf-8"), kind, random.Random(seed)))
    try:
        load_handbook(data, ROOT / "docs")
    except DataError as exc:
        message = str(exc)
        assert message.startswith("bad data file\n  ") and str(data) in message
        assert "Traceback" not in message
        return
    # Some damage is harmless (a dropped comment line): then the handbook simply loads.


counts = st.one_of(st.integers(-10, 10**12), st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from(["300M", "1.5B", "2K", "-1", "1e400", "3X", "", "0.5", "1e306"]))
sizes = st.one_of(counts, st.sampled_from(["100 B", "1 MiB", "1e300 TB", "2 mb", "1 XB"]))
operation = st.fixed_dictionaries({"name": st.sampled_from(["a", "b", "c", "__proto__", ""]),
                                   "kind": st.sampled_from(["read", "write", "delete"])},
                                  optional={"per_day": counts, "per_second": counts, "per_user_per_day": counts,
                                            "per_month": counts, "payload": st.one_of(sizes, st.lists(sizes, max_size=3)),
                                            "ratio": st.fixed_dictionaries({"to": st.sampled_from(["a", "b", "x"]),
                                                                            "times": counts})})
scenario = st.fixed_dictionaries({"name": st.sampled_from(["s", "", "x" * 300])},
                                 optional={"operations": st.lists(operation, max_size=4),
                                           "users": st.fixed_dictionaries({}, optional={
                                               "monthly_active": counts, "daily_active": counts,
                                               "daily_active_ratio": counts}),
                                           "assumptions": st.fixed_dictionaries({}, optional={
                                               "seconds_per_day": counts, "peak_factor": counts,
                                               "retention_years": counts, "replication": counts})})


@settings(max_examples=300, deadline=None)
@given(scenario)
def test_any_scenario_gives_finite_figures_or_a_clean_refusal(data):
    try:
        result = estimate(scenario_from_data(data, path="fuzz"))
    except DataError as exc:
        assert str(exc).startswith("bad data file\n  fuzz: ")
        return
    for op in result["operations"]:
        assert all(math.isfinite(v) for v in op.values() if isinstance(v, float)), op
    for kind, totals in result["totals"].items():
        assert all(math.isfinite(v) for v in totals.values()), (kind, totals)


def test_totals_that_overflow_are_refused_too():
    # Each operation's figures are finite (9.1e307 bytes kept); their sum is not.
    big = {"name": "t", "operations": [{"name": n, "kind": "write", "per_day": 5e304, "payload": 1}
                                       for n in ("a", "b")]}
    with pytest.raises(DataError, match="overflow"):
        scenario_from_data(big)
