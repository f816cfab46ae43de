"""The browser estimate engine (estimate-core.js) under Node: its own tests, and the same figures and
the same formatted text as the Python engine (macros.estimates, units, estimate_table)."""
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from macros import units
from macros.estimate_table import render_estimate_table
from macros.estimates import estimate, load_scenario
from macros.yamlio import read_yaml
from tests.conftest import markdown_table_cells

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "docs" / "assets" / "javascripts" / "estimate-core.js"
SCENARIOS = sorted((ROOT / "data" / "scenarios").glob("*.yml"))
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


def node(script: str, data) -> object:
    """Run a script with `Core` (estimate-core.js) and `input` (data) defined; return its JSON output."""
    prelude = (f"const Core = require({json.dumps(str(CORE))});"
               "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));")
    done = subprocess.run([NODE, "-e", prelude + script], input=json.dumps(data), capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_node_unit_tests_pass():
    done = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js" / "estimate-core.test.js")],
                          capture_output=True, text=True, timeout=60)
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
    raw = {p.stem: read_yaml(p)[0] for p in SCENARIOS}
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
