// Unit tests of the estimation drills' logic (docs/assets/javascripts/drill-core.js).
// Run: node --test tests/js/   (tests/unit/test_drill_core.py runs them under pytest and checks the
// drills' figures against the Python engine for many seeds).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const ROOT = path.join(__dirname, "..", "..");
const PYTHON = process.env.HANDBOOK_PYTHON || path.join(ROOT, ".venv", "bin", "python");
// The engine's contract and the drills' config come from the Python side, as on the page.
const contract = JSON.parse(execFileSync(PYTHON, ["-m", "macros.contract"], { cwd: ROOT, encoding: "utf8" }));
const config = JSON.parse(execFileSync(PYTHON, ["-c",
  "import json; from pathlib import Path; from macros.handbook import load_handbook; from macros.practice import drills_config;" +
  "print(json.dumps(drills_config(load_handbook(Path('data'), Path('docs')))))"], { cwd: ROOT, encoding: "utf8" }));
const Core = require(path.join(ROOT, "docs", "assets", "javascripts", "estimate-core.js")).create(contract);
const DrillCore = require(path.join(ROOT, "docs", "assets", "javascripts", "drill-core.js"));
const Drill = DrillCore.create(Core, config);

function theme(id) {
  return config.themes.find((t) => t.id === id);
}

function question(id) {
  return config.questions.find((q) => q.id === id);
}

// A problem with every pick named: 10M users posting twice a day, 5 KB each, read 50 times.
function problem(questionId, extra) {
  return Drill.build(Object.assign({ seed: 7, theme: theme("posts"), question: question(questionId), dau: 10e6,
    perUser: 2, payload: 5000, times: 50, peak: 3, years: 5, copies: 3 }, extra || {}));
}

test("mulberry32 gives the same sequence for a seed, in [0, 1)", () => {
  const a = DrillCore.mulberry32(12345);
  const b = DrillCore.mulberry32(12345);
  const first = [a(), a(), a()];
  assert.deepEqual([b(), b(), b()], first);
  // Fixed reference values: a change to the generator would change every shared link's problem.
  assert.deepEqual(first.map((x) => x * 4294967296), [4207900869, 1317490944, 2079646450]);
  const c = DrillCore.mulberry32(1);
  for (let i = 0; i < 1000; i += 1) {
    const x = c();
    assert.ok(x >= 0 && x < 1);
  }
});

test("a seed draws the same problem every time, and seeds differ", () => {
  assert.deepEqual(Drill.draw(12345).scenario, Drill.draw(12345).scenario);
  assert.equal(Drill.draw(12345).metric, Drill.draw(12345).metric);
  const seen = new Set();
  for (let seed = 1; seed <= 200; seed += 1) seen.add(JSON.stringify([Drill.draw(seed).scenario.operations, Drill.draw(seed).metric]));
  assert.ok(seen.size > 150, "200 seeds give " + seen.size + " different problems");
});

test("every theme, question and pool value turns up", () => {
  const themes = new Set();
  const questions = new Set();
  const users = new Set();
  for (let seed = 1; seed <= 2000; seed += 1) {
    const p = Drill.draw(seed);
    themes.add(p.theme);
    questions.add(p.question.id);
    users.add(Core.parseCount(p.scenario.users.daily_active));
  }
  assert.deepEqual([...themes].sort(), config.themes.map((t) => t.id).sort());
  assert.deepEqual([...questions].sort(), config.questions.map((q) => q.id).sort());
  assert.equal(users.size, config.daily_active_users.length);
});

test("the scenario is the estimator's JSON, the read carrying the write's payload", () => {
  const p = problem("read-peak");
  assert.deepEqual(p.scenario, {
    name: "Estimation drill 7 (posts)", users: { daily_active: "10M" },
    assumptions: { peak_factor: 3, retention_years: 5, replication: 3 },
    operations: [{ name: "publish post", kind: "write", per_user_per_day: 2, payload: "5 KB" },
                 { name: "load feed item", kind: "read", ratio: { to: "publish post", times: 50 }, payload: "5 KB" }]
  });
  assert.equal(p.metric, "load feed item.peak_qps");
  assert.equal(problem("stored-day").metric, "totals.write.stored_bytes_per_day");
  assert.equal(problem("write-peak").metric, "publish post.peak_qps");
  assert.equal(p.ask, "Peak read rate: load feed item at the busiest second");
  assert.equal(p.figure, Core.evaluate(p.scenario).result.operations[1].peak_qps);
});

test("the sum reads like the estimator's small print", () => {
  assert.deepEqual(Drill.steps(problem("write-peak")),
                   ["10M DAU × 2 = 20M/day", "20M / 86,400 s = 231/s", "× 3 peak = 694/s"]);
  assert.deepEqual(Drill.steps(problem("read-bandwidth")),
                   ["10M DAU × 2 = 20M/day", "20M/day × 50 reads per write = 1B/day", "1B / 86,400 s = 11.6K/s",
                    "11.6K/s × 5 KB = 57.9 MB/s"]);
  assert.deepEqual(Drill.steps(problem("stored-total")),
                   ["10M DAU × 2 = 20M/day", "20M/day × 5 KB = 100 GB/day", "× 3 copies = 300 GB/day",
                    "× 365 days × 5 years = 548 TB"]);
  assert.deepEqual(Drill.steps(problem("stored-day", { copies: 1 })).slice(-1), ["× 1 copy = 100 GB/day"]);
  assert.match(Drill.facts(problem("write-peak")).join("\n"), /^10M daily active users\n“publish post”: 2 per user per day, 5 KB each/);
});

test("answers are read in the units a reader says aloud", () => {
  const rate = (t) => Drill.parseAnswer(t, "peak_qps");
  const ok = (out) => { assert.equal(out.ok, true, out.message); return out.value; };
  for (const [text, value] of [["12K/s", 12000], ["12,000 QPS", 12000], ["12000", 12000], ["12k", 12000],
    ["1.2M", 1.2e6], ["12K per second", 12000], ["12K requests/s", 12000], ["12 thousand a second", 12000],
    ["~694/s", 694], ["about 700 rps", 700], ["1.2e6 qps", 1.2e6], ["1.2 x 10^6", 1.2e6], ["12 000/s", 12000],
    ["0.5/s", 0.5], [".7", 0.7], ["3B", 3e9], ["2 writes per sec", 2]]) {
    assert.equal(ok(rate(text)), value, text);
  }
  const size = (t, f) => ok(Drill.parseAnswer(t, f));
  assert.equal(size("5.5 PB", "stored_bytes_total"), 5.5e15);
  assert.equal(size("5.5pb", "stored_bytes_total"), 5.5e15);
  assert.equal(size("2 TiB", "stored_bytes_total"), 2 * 1024 ** 4);
  assert.equal(size("1.5 terabytes", "stored_bytes_total"), 1.5e12);
  assert.equal(size("350 MB/s", "bandwidth_bytes_per_s"), 350e6);
  assert.equal(size("350 MB per second", "bandwidth_bytes_per_s"), 350e6);
  assert.equal(size("350MBps", "bandwidth_bytes_per_s"), 350e6);
  assert.equal(size("350 MB", "bandwidth_bytes_per_s"), 350e6);
  assert.equal(size("30 TB/day", "stored_bytes_per_day"), 30e12);
  assert.equal(size("30 TB a day", "stored_bytes_per_day"), 30e12);
  assert.equal(size("30 TB per day", "stored_bytes_per_day"), 30e12);
  assert.equal(size("30 TB daily", "stored_bytes_per_day"), 30e12);
  assert.equal(size("30 TB", "stored_bytes_per_day"), 30e12);
});

test("what is not an answer to the question gets a reason, not a grade", () => {
  const why = (t, f) => {
    const out = Drill.parseAnswer(t, f);
    assert.equal(out.ok, false, t);
    return out.message;
  };
  assert.match(why("", "peak_qps"), /Type a figure/);
  assert.match(why("lots", "peak_qps"), /Start with a number/);
  assert.match(why("-5", "peak_qps"), /Start with a number/);
  assert.match(why("0", "peak_qps"), /above zero/);
  assert.match(why("20M/day", "peak_qps"), /per second, not per day/);
  assert.match(why("30 TB/s", "stored_bytes_per_day"), /per day, not per second/);
  assert.match(why("5 PB/day", "stored_bytes_total"), /a total, not a rate/);
  assert.match(why("5 GB", "peak_qps"), /not bytes/);
  assert.match(why("5", "stored_bytes_total"), /Say the unit of bytes/);
  assert.match(why("5K", "stored_bytes_total"), /Say the unit of bytes/);
  assert.match(why("350 Mbps", "bandwidth_bytes_per_s"), /bits/);
  assert.match(why("5 XB", "stored_bytes_total"), /Unknown unit “XB”/);
  assert.match(why("12 zillion", "peak_qps"), /Unknown unit “zillion”/);
  assert.match(why("1 2", "peak_qps"), /one figure/);
});

test("grades: within 10 % exact, within 3x either way the right order, else off", () => {
  assert.equal(Drill.grade(105, 100), "exact");
  assert.equal(Drill.grade(91, 100), "exact");
  assert.equal(Drill.grade(111, 100), "order");
  assert.equal(Drill.grade(89, 100), "order");
  assert.equal(Drill.grade(300, 100), "order");
  assert.equal(Drill.grade(34, 100), "order");
  assert.equal(Drill.grade(301, 100), "off");
  assert.equal(Drill.grade(33, 100), "off");
  const p = problem("write-peak");
  const out = Drill.judge(p, "700/s");
  assert.equal(out.grade, "exact");
  assert.equal(out.figure, "694/s");
  assert.equal(out.said, "700/s");
  assert.equal(out.verdict, "0.8 % high");
  assert.equal(Drill.judge(p, "7K/s").verdict, "10× too high");
  assert.equal(Drill.judge(p, "7K/s").grade, "off");
  assert.equal(Drill.judge(p, "300/s").verdict, "2.3× too low");
  assert.equal(Drill.judge(p, "nonsense").ok, false);
});

function trapsFor(p, text) {
  return Drill.judge(p, text).traps.map((t) => t.id);
}

test("each trap is named when the miss matches its wrong figure", () => {
  // 10M × 2 = 20M/day, 231/s average, 694/s peak; 5 KB; 3 copies; 5 years.
  const peak = problem("write-peak");
  assert.deepEqual(trapsFor(peak, "20M/s"), ["per-day-as-per-second"]);
  assert.deepEqual(trapsFor(peak, "60M"), ["per-day-as-per-second"]);
  assert.deepEqual(trapsFor(peak, "600/s"), ["hundred-thousand-seconds"]);
  assert.deepEqual(trapsFor(peak, "231/s"), ["peak-vs-average"]);
  assert.deepEqual(trapsFor(peak, "694K/s"), ["unit-step"]);
  assert.deepEqual(trapsFor(peak, "0.7/s"), ["unit-step"]);
  assert.deepEqual(trapsFor(peak, "2K/s"), []);
  assert.deepEqual(trapsFor(peak, "690/s"), [], "an exact answer names no trap");

  const day = problem("stored-day");           // 300 GB/day
  assert.deepEqual(trapsFor(day, "100 GB/day"), ["replication"]);
  assert.deepEqual(trapsFor(day, "300 TB/day"), ["unit-step"]);
  assert.deepEqual(trapsFor(problem("stored-day", { copies: 1 }), "33 GB/day"), []);

  const total = problem("stored-total");       // 548 TB
  assert.deepEqual(trapsFor(total, "183 TB"), ["replication"]);
  assert.deepEqual(trapsFor(total, "110 TB"), ["retention"]);   // one year of it
  assert.deepEqual(trapsFor(total, "1.5 TB"), ["retention"]);   // per day x 5 years
  assert.deepEqual(trapsFor(total, "615 TB"), ["binary-units"]); // x 1.024^4
  assert.deepEqual(trapsFor(total, "500 TB"), [], "within 10 %: exact");
  // 3 copies and 3 years: without the copies and without the years are the same figure: both named.
  assert.deepEqual(trapsFor(problem("stored-total", { years: 3 }), "110 TB"), ["replication", "retention"]);

  const bw = problem("read-bandwidth");        // 57.9 MB/s average, 3x peak
  assert.deepEqual(trapsFor(bw, "174 MB/s"), ["peak-vs-average"]);
  assert.deepEqual(trapsFor(bw, "5 TB/s"), ["per-day-as-per-second"]);
  assert.deepEqual(trapsFor(bw, "50 MB/s"), ["hundred-thousand-seconds"]);
});

test("the binary trap needs an answer in the terabytes or above", () => {
  const small = problem("stored-day", { copies: 1 });  // 100 GB/day
  assert.ok(!Drill.trapFigures(small).some((t) => t.id === "binary-units"));
  const big = problem("stored-total", { theme: theme("video"), payload: 500e6, perUser: 0.01, dau: 500e6, years: 10 });
  assert.equal(Core.formatBytes(big.figure), "27 EB");
  const ks = Drill.trapFigures(big).filter((t) => t.id === "binary-units").map((t) => t.what.match(/1\.024\^(\d)/)[1]);
  assert.deepEqual(ks, ["4", "4", "5", "5", "6", "6"]);
  assert.deepEqual(trapsFor(big, Core.formatBytes(big.figure / 1.024 ** 6, 3)), ["binary-units"]);
});

test("a trap's text names the trap, its figure and how it comes about", () => {
  const [t] = Drill.judge(problem("stored-day"), "100 GB/day").traps;
  assert.equal(t.name, config.traps.find((x) => x.id === "replication").name);
  assert.equal(t.shown, "100 GB/day");
  assert.equal(t.what, "the figure with 1 copy instead of 3");
  assert.match(t.explain, /replication factor/);
});

test("stats: a streak of exact answers, the best, and the traps hit", () => {
  let s = Drill.emptyStats();
  assert.ok(Drill.validStats(s));
  s = Drill.record(s, "exact", []);
  s = Drill.record(s, "exact", []);
  assert.deepEqual([s.streak, s.best, s.answered, s.exact], [2, 2, 2, 2]);
  const before = JSON.stringify(s);
  const after = Drill.record(s, "order", ["replication"]);
  assert.equal(JSON.stringify(s), before, "record leaves the old stats alone");
  s = Drill.record(Drill.record(after, "off", ["unit-step", "replication"]), "exact", []);
  assert.deepEqual([s.streak, s.best, s.answered, s.exact], [1, 2, 5, 3]);
  assert.deepEqual(s.traps, { replication: 2, "unit-step": 1 });
  assert.deepEqual(Drill.topTraps(s).map((t) => [t.id, t.count]), [["replication", 2], ["unit-step", 1]]);
  assert.ok(Drill.validStats(s));
});

test("stats of the wrong shape are refused", () => {
  const good = { streak: 1, best: 2, answered: 3, exact: 2, traps: { replication: 1 } };
  assert.ok(Drill.validStats(good));
  for (const bad of [null, [], "x", 3, {}, { streak: 1 }, Object.assign({}, good, { streak: -1 }),
    Object.assign({}, good, { streak: 1.5 }), Object.assign({}, good, { best: "2" }),
    Object.assign({}, good, { traps: [] }), Object.assign({}, good, { traps: { replication: "1" } }),
    Object.assign({}, good, { best: 0 }), Object.assign({}, good, { exact: 4 }), Object.assign({}, good, { extra: 1 })]) {
    assert.equal(Drill.validStats(bad), false, JSON.stringify(bad));
  }
});

test("seeds in the link", () => {
  assert.equal(Drill.seedFromHash("#seed=12345"), 12345);
  assert.equal(Drill.seedFromHash("#seed=0"), 0);
  assert.equal(Drill.seedFromHash("#seed=4294967295"), 4294967295);
  assert.equal(Drill.seedFromHash(""), null);
  assert.equal(Drill.seedFromHash("#traps"), null);
  assert.ok(Number.isNaN(Drill.seedFromHash("#seed=abc")));
  assert.ok(Number.isNaN(Drill.seedFromHash("#seed=4294967296")));
  assert.ok(Number.isNaN(Drill.seedFromHash("#seed=-1")));
  assert.equal(Drill.hashFor(42), "#seed=42");
  for (let i = 0; i < 50; i += 1) {
    const seed = Drill.newSeed(5);
    assert.ok(Number.isInteger(seed) && seed >= 1 && seed <= 999999 && seed !== 5);
  }
});
