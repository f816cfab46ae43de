"""The estimation drills' logic (drill-core.js) under Node: its own tests, and for many seeds the
figure it grades against is the Python engine's (macros.estimates) for the metric the problem names,
each trap's wrong figure is the one its description in the issue gives, and every trap can be hit
by an answer typed in human units (macros.units)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import contract
from macros.estimates import estimate, scenario_from_data
from macros.practice import drills_config
from macros.schema import TRAP_IDS
from tests.conftest import typed_figure

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "docs" / "assets" / "javascripts"
NODE = shutil.which("node")
SEEDS = list(range(1, 301)) + [999999, 4294967295, 0, 123456789]

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


def node(script: str, config: dict, data) -> object:
    """Run a script with `Drill` (drill-core.js on estimate-core.js, the page's config and contract)
    and `input` (data) defined; return its JSON output."""
    prelude = (f"const Core = require({json.dumps(str(JS / 'estimate-core.js'))}).create({json.dumps(contract.contract())});"
               f"const Drill = require({json.dumps(str(JS / 'drill-core.js'))}).create(Core, {json.dumps(config)});"
               "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));")
    done = subprocess.run([NODE, "-e", prelude + script], input=json.dumps(data), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def config(book):
    return drills_config(book)


@pytest.fixture(scope="module")
def drawn(config):
    """Every seed of SEEDS drawn once: the problem, its figure and its traps' wrong figures."""
    return node("""
        console.log(JSON.stringify(input.map(seed => {
          const p = Drill.draw(seed);
          return {seed, scenario: p.scenario, metric: p.metric, field: p.field, figure: p.figure,
                  traps: Drill.trapFigures(p).map(t => [t.id, t.figure])};
        })));
    """, config, SEEDS)


def test_node_unit_tests_pass():
    done = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js" / "drill-core.test.js")],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, HANDBOOK_PYTHON=sys.executable), cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def figure(result: dict, metric: str) -> float:
    """The figure a data-metric names: "<operation name>.<field>" or "totals.write.<field>"."""
    where, _, field = metric.rpartition(".")
    if where == "totals.write":
        return result["totals"]["write"][field]
    [op] = [o for o in result["operations"] if o["name"] == where]
    return op[field]


def test_the_figure_is_the_python_engines_for_every_seed(drawn):
    metrics = set()
    for p in drawn:
        result = estimate(scenario_from_data(p["scenario"]))
        # The same IEEE arithmetic in the same order: equal, not merely close.
        assert p["figure"] == figure(result, p["metric"]), p["seed"]
        assert p["metric"].rpartition(".")[2] == p["field"]
        write, read = p["scenario"]["operations"]
        assert (write["kind"], read["kind"], read["ratio"]["to"]) == ("write", "read", write["name"])
        assert read["payload"] == write["payload"], "a read carries what was written"
        metrics.add(p["metric"].rpartition(".")[0] == "totals.write" or p["metric"].split(".")[0])
    assert len(metrics) > 5  # many operations and the totals were asked about


def with_assumption(data: dict, **changed) -> dict:
    out = json.loads(json.dumps(data))
    out["assumptions"].update(changed)
    return out


def expected_traps(p: dict) -> dict[str, list[float]]:
    """Each trap's wrong figures, from the issue's description, computed with the Python engine."""
    data, field, metric = p["scenario"], p["field"], p["metric"]
    result = estimate(scenario_from_data(data))
    true = figure(result, metric)
    a = result["assumptions"]
    name = metric.rpartition(".")[0]
    op = result["operations"][0] if name == "totals.write" else [o for o in result["operations"] if o["name"] == name][0]
    rate = field in ("peak_qps", "bandwidth_bytes_per_s")
    out: dict[str, list[float]] = {}

    def add(trap, value):
        out.setdefault(trap, []).append(value)

    if not rate and a["replication"] > 1:
        add("replication", figure(estimate(scenario_from_data(with_assumption(data, replication=1))), metric))
    if field == "peak_qps":
        add("per-day-as-per-second", op["per_day"])
        add("per-day-as-per-second", op["per_day"] * a["peak_factor"])
        add("peak-vs-average", op["avg_qps"])
    if field == "bandwidth_bytes_per_s":
        add("per-day-as-per-second", op["per_day"] * op["bytes_per_op"])
        add("peak-vs-average", op["peak_qps"] * op["bytes_per_op"])
    if rate:
        add("hundred-thousand-seconds", figure(estimate(scenario_from_data(with_assumption(data, seconds_per_day=100000))), metric))
    if field != "peak_qps":
        for k in range(4, 7):
            if true >= 1000 ** k:
                add("binary-units", true * 1.024 ** k)
                add("binary-units", true / 1.024 ** k)
    add("unit-step", true * 1000)
    add("unit-step", true / 1000)
    if field == "stored_bytes_total":
        day = result["totals"]["write"]["stored_bytes_per_day"]
        if a["retention_years"] != 1:
            add("retention", day * 365)
        add("retention", day * a["retention_years"])
    return out


def test_each_traps_wrong_figure_is_the_one_the_issue_describes(drawn):
    for p in drawn:
        got: dict[str, list[float]] = {}
        for trap, value in p["traps"]:
            got.setdefault(trap, []).append(value)
        expected = expected_traps(p)
        assert sorted(got) == sorted(expected), p["seed"]
        for trap, values in expected.items():
            assert sorted(got[trap]) == pytest.approx(sorted(values), rel=1e-12), (p["seed"], trap)


def test_every_trap_can_be_triggered_by_an_answer(drawn, config):
    answers = [{"seed": p["seed"], "trap": trap, "text": typed_figure(p["field"], value)}
               for p in drawn for trap, value in p["traps"]]
    answers += [{"seed": p["seed"], "trap": None, "text": typed_figure(p["field"], p["figure"])} for p in drawn]
    judged = node("""
        console.log(JSON.stringify(input.map(a => {
          const out = Drill.judge(Drill.draw(a.seed), a.text);
          return out.ok ? [out.grade, out.traps.map(t => t.id)] : [null, out.message];
        })));
    """, config, answers)
    hit = set()
    for answer, (grade, named) in zip(answers, judged):
        assert grade is not None, (answer, named)
        if answer["trap"] is None:  # the right figure, typed to three figures
            assert (grade, named) == ("exact", []), answer
        elif grade != "exact":
            assert answer["trap"] in named, (answer, named)
            hit.add(answer["trap"])
    assert hit == set(TRAP_IDS)


def test_a_seed_is_the_same_problem_in_another_process(drawn, config):
    again = node("console.log(JSON.stringify(input.map(s => [Drill.draw(s).scenario, Drill.draw(s).metric])))",
                 config, SEEDS[:20])
    assert again == [[p["scenario"], p["metric"]] for p in drawn[:20]]
