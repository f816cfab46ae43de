"""The browser estimate engine (estimate-core.js) under Node: its own tests, and the same figures and
the same formatted text as the Python engine (macros.estimates, units, estimate_table)."""
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import contract, loader, units
from macros.errors import DataError
from macros.estimate_table import render_estimate_table
from macros.estimates import estimate, load_scenario, scenario_from_data
from tests.conftest import markdown_table_cells

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "docs" / "assets" / "javascripts" / "estimate-core.js"
SCENARIOS = sorted((ROOT / "data" / "scenarios").glob("*.yml"))
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


def node(script: str, data) -> object:
    """Run a script with `Core` (estimate-core.js) and `input` (data) defined; return its JSON output."""
    prelude = (f"const Core = require({json.dumps(str(CORE))}).create({json.dumps(contract.contract())});"
               "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));")
    done = subprocess.run([NODE, "-e", prelude + script], input=json.dumps(data), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_node_unit_tests_pass():
    done = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js" / "estimate-core.test.js")],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, HANDBOOK_PYTHON=sys.executable), cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def sample_values() -> list[float]:
    rng = random.Random(20240601)
    values = [0, 0.5, 1, 2, 7, 99.95, 999.5, 999.4, 1000, 1157.4074074074074, 3472.222222222222, 86400,
              11574.074074074075, 3.65e11, 3.65e13, 5.475e16, 3.0416666666666664e16, 1e21, 2.5e-7, 123456789]
    for _ in range(400):
        values.append(round(rng.uniform(1, 1000), rng.randint(0, 4)) * 10 ** rng.randint(-3, 17))
        values.append(rng.uniform(0, 10) ** rng.randint(1, 18))
    return values


def test_formatting_matches_python_for_many_values():
    values = sample_values()
    got = node("""
        console.log(JSON.stringify(input.map(v => [
          Core.formatCount(v), Core.formatCount(v, 3), Core.formatRate(v), Core.formatBytes(v),
          Core.formatBytes(v, 3), Core.formatByteRate(v, "day"), Core.formatNumber(v), Core.formatNumber(v, 3)])));
    """, values)
    for v, js in zip(values, got):
        py = [units.format_count(v), units.format_count(v, sig=3), units.format_rate(v), units.format_bytes(v),
              units.format_bytes(v, sig=3), units.format_byte_rate(v, "day"), units.format_number(v),
              units.format_number(v, sig=3)]
        assert js == py, v


INPUTS = ["300M", "1.5B", "2.5k", "10T", "86,400", "1_000", ".5", "1e3", "100 B", "1.5 KB", "1 MiB", "2 GiB",
          "3 kB", "7 bytes", "1 XB", "1 mb", "-5", "- 2M", "5X", "", "abc", 12, 0.25, -1, True, None, [1], {"a": 1}]


@pytest.mark.parametrize("kind", ["count", "size"])
def test_parsing_matches_python_values_and_messages(kind):
    got = node(f"""
        console.log(JSON.stringify(input.map(v => {{
          try {{ return [Core.{'parseCount' if kind == 'count' else 'parseSize'}(v), null]; }}
          catch (e) {{ return [null, e.message]; }} }})));
    """, INPUTS)
    parse = units.parse_count if kind == "count" else units.parse_size
    for value, (number, message) in zip(INPUTS, got):
        try:
            expected = (parse(value), None)
        except ValueError as exc:
            expected = (None, str(exc))
        assert (number, message) == expected, value




@pytest.fixture(scope="module")
def js_estimates():
    """Every scenario file, as written, through the JS engine in one Node run."""
    raw = {p.stem: loader.read(p)[0] for p in SCENARIOS}
    return node("""
        const out = {};
        for (const [slug, data] of Object.entries(input)) {
          const e = Core.evaluate(data);
          if (!e.ok) { out[slug] = e; continue; }
          const t = Core.table(e.result, e.scenario);
          out[slug] = {result: e.result, assumptions: t.assumptions,
            rows: t.rows.map(r => r.cells.map(c => [c.text].concat(c.how).filter(x => x !== "").join("\\n")))};
        }
        console.log(JSON.stringify(out));
    """, raw)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_scenario_gives_the_same_figures_and_table(path, js_estimates):
    got = js_estimates[path.stem]
    assert "problems" not in got, got
    scenario = load_scenario(path)
    expected = estimate(scenario)
    # Same IEEE arithmetic in the same order: the figures are not merely close, they are equal.
    assert got["result"]["operations"] == expected["operations"]
    assert got["result"]["totals"] == expected["totals"]
    assumptions, rows = markdown_table_cells(render_estimate_table(expected, scenario))
    assert "Assumptions: " + got["assumptions"] == assumptions
    assert got["rows"] == rows


def scenario(*ops, **extra) -> dict:
    return {"name": "t", "operations": [dict({"name": f"op{i}", "kind": "write", "per_day": 1}, **op)
                                        for i, op in enumerate(ops)], **extra}


# Bad scenarios of every kind: both engines must refuse each with the same messages.
BAD = {
    "not a mapping": ["a", "list"],
    "no name, unknown key": {"operations": [], "nmae": "x"},
    "name of the wrong type": {"name": 5, "operations": [{"name": "a", "kind": "write", "per_day": 1}]},
    "blank name": {"name": "  ", "operations": [{"name": "a", "kind": "write", "per_day": 1}]},
    "long name": {"name": "x" * 250, "operations": [{"name": "a", "kind": "write", "per_day": 1}]},
    "operations not a list": {"name": "t", "operations": {"a": 1}},
    "too many operations": scenario(*[{}] * (contract.contract()["limits"]["operations"] + 1)),
    "bad kind": scenario({"kind": "delete"}),
    "negative rate": scenario({"per_day": -3}),
    "bad suffix and unit": scenario({"per_day": "3X", "payload": "1 mb"}),
    "payload part without a size": scenario({"payload": [{"share": 0.5}]}),
    "null size": scenario({"payload": [{"size": None}]}),
    "share above one": scenario({"payload": [{"size": "1 KB", "share": 1.5}]}),
    "two rates": scenario({"per_day": 1, "per_second": 2}),
    "no rate": {"name": "t", "operations": [{"name": "a", "kind": "read"}]},
    "per-user rate without users": scenario({"per_day": None, "per_user_per_day": 2}),
    "users with both": scenario(users={"daily_active": "1M", "daily_active_ratio": 0.5, "monthly_active": "2M"}),
    "more daily than monthly": scenario(users={"daily_active": "3M", "monthly_active": "2M"}),
    "ratio to nothing": scenario({"per_day": None, "ratio": {"to": "nope", "times": 2}}),
    "ratio loop": scenario({"per_day": None, "ratio": {"to": "op1", "times": 2}},
                           {"per_day": None, "ratio": {"to": "op0", "times": 2}}),
    "duplicate names": scenario({"name": "a"}, {"name": "a"}),
    "assumptions out of range": scenario(assumptions={"seconds_per_day": 0, "peak_factor": 0.5, "replication": "x"}),
    "assumptions null": scenario(assumptions=None),
    "proto names": {"name": "t", "__proto__": 1, "constructor": 2,
                    "operations": [{"name": "__proto__", "kind": "write", "per_day": 1},
                                   {"name": "constructor", "kind": "read", "ratio": {"to": "__proto__", "times": 2}}]},
    "overflow": scenario({"per_day": "1e306", "payload": "1e10 B"}),
    "huge count": scenario({"per_day": "1e308 T"}),
    "totals overflow": scenario({"per_day": 5e304, "payload": 1}, {"per_day": 5e304, "payload": 1}),
}


def python_problems(data) -> list[str]:
    try:
        scenario_from_data(data, path="link")
    except DataError as exc:
        return sorted(exc.problems)
    return []


def test_both_engines_give_the_same_messages_for_the_same_bad_input():
    got = node("""
        const out = {};
        for (const [label, data] of Object.entries(input)) {
          const e = Core.evaluate(data);
          out[label] = e.ok ? [] : e.problems.map(p => p.where + ": " + p.message).sort();
        }
        console.log(JSON.stringify(out));
    """, BAD)
    for label, data in BAD.items():
        expected = python_problems(data)
        if label == "proto names":
            assert expected == ["__proto__: unknown key (a typo?)", "constructor: unknown key (a typo?)"]
        else:
            assert expected, f"{label}: Python accepted it"
        assert got[label] == expected, label


def test_the_proto_scenario_computes_in_both_engines_once_its_keys_are_fixed():
    data = {"name": "t", "operations": BAD["proto names"]["operations"]}
    got = node("console.log(JSON.stringify(Core.evaluate(input).result.operations.map(o => o.per_day)));", data)
    assert got == [o["per_day"] for o in estimate(scenario_from_data(data))["operations"]] == [1.0, 2.0]
