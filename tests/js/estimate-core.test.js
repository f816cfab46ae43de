// Unit tests of the browser estimate engine (docs/assets/javascripts/estimate-core.js).
// Run: node --test tests/js/   (tests/unit/test_estimate_core.py runs them under pytest and also
// compares every figure and formatted string with the Python engine).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const ROOT = path.join(__dirname, "..", "..");
// The engine's contract comes from the Python model, as on the estimator page.
const contract = JSON.parse(execFileSync(process.env.HANDBOOK_PYTHON || path.join(ROOT, ".venv", "bin", "python"),
                                         ["-m", "macros.contract"], { cwd: ROOT, encoding: "utf8" }));
const Core = require(path.join(ROOT, "docs", "assets", "javascripts", "estimate-core.js")).create(contract);

function problems(data) {
  const out = Core.evaluate(data);
  assert.equal(out.ok, false, "expected the scenario to be refused");
  return out.problems.map((p) => p.where + ": " + p.message);
}

function scenario(op, extra) {
  return Object.assign({ name: "t", operations: [Object.assign({ name: "w", kind: "write" }, op)] }, extra || {});
}

test("counts and sizes read like the Python engine's", () => {
  assert.equal(Core.parseCount("300M"), 300e6);
  assert.equal(Core.parseCount("1.5b"), 1.5e9);
  assert.equal(Core.parseCount("86,400"), 86400);
  assert.equal(Core.parseCount(0.5), 0.5);
  assert.equal(Core.parseSize("1 MB"), 1e6);
  assert.equal(Core.parseSize("1 MiB"), 1048576);
  assert.equal(Core.parseSize("1.5 KB"), 1500);
  assert.equal(Core.parseSize(2048), 2048);
  assert.throws(() => Core.parseSize("1 XB"), /unknown unit 'XB' in '1 XB'/);
  assert.throws(() => Core.parseSize("1 mb"), /did you mean MB\? units are case-sensitive/);
  assert.throws(() => Core.parseCount("5X"), /unknown count suffix 'X'/);
  assert.throws(() => Core.parseCount(-5), /must not be negative, got -5/);
  assert.throws(() => Core.parseCount("-2M"), /must not be negative/);
  assert.throws(() => Core.parseCount(true), /expected a number/);
  assert.throws(() => Core.parseCount(null), /got nothing/);
});

test("formatting rounds half-up to two figures and keeps exact three-figure values", () => {
  assert.equal(Core.formatCount(3472.2), "3.5K");
  assert.equal(Core.formatRate(3472.2), "3.5K/s");
  assert.equal(Core.formatBytes(3e13), "30 TB");
  assert.equal(Core.formatBytes(5.475e16), "55 PB");
  assert.equal(Core.formatByteRate(3.472e8), "350 MB/s");
  assert.equal(Core.formatByteRate(3.47e8), "347 MB/s");  // exact in three figures: kept
  assert.equal(Core.formatNumber(86400), "86,400");
  assert.equal(Core.formatCount(3.65e11), "365B");
  assert.equal(Core.formatBytes(3.65e13), "36.5 TB");
  assert.equal(Core.formatCount(999.5), "1K");
  assert.equal(Core.formatCount(0.5), "0.5");
  assert.equal(Core.formatCount(1157.4074074074074, 3), "1.16K");
  assert.equal(Core.formatNumber(1157.4, 3), "1,160");
});

test("a valid scenario gives the published Twitter figures", () => {
  const out = Core.evaluate({
    name: "Twitter", users: { monthly_active: "300M", daily_active_ratio: 0.5 },
    operations: [{ name: "post tweet", kind: "write", per_user_per_day: 2, payload: [{ size: "1 MB", share: 0.1 }] }]
  });
  assert.equal(out.ok, true);
  const op = out.result.operations[0];
  assert.ok(Math.abs(op.avg_qps - 3472.2222) < 0.001);
  assert.ok(Math.abs(op.peak_qps - 6944.4444) < 0.001);
  assert.equal(op.stored_bytes_per_day, 3e13);
  const table = Core.table(out.result, out.scenario);
  assert.match(table.assumptions, /^300M monthly users × 0.5 = 150M daily active users \(DAU\)/);
  assert.equal(table.rows.length, 2);  // the operation and "All writes"
});

test("bad input is refused with the place and a reason", () => {
  assert.deepEqual(problems(scenario({ per_day: 10, payload: "1 XB" })).length, 1);
  assert.match(problems(scenario({ per_day: 10, payload: "1 XB" }))[0], /^operations\[0\]\.payload: unknown unit 'XB'/);
  assert.match(problems(scenario({ per_day: 10, per_second: 1 }))[0],
               /^operations\[0\]\.per_second: give exactly one rate, this operation has per_day and per_second/);
  assert.match(problems(scenario({ per_day: -3 }))[0], /^operations\[0\]\.per_day: must not be negative, got -3/);
  assert.match(problems(scenario({ ratio: { to: "nope", times: 2 } }))[0],
               /^operations\[0\]\.ratio\.to: no operation named 'nope' \(known: 'w'\)/);
  assert.match(problems(scenario({ ratio: { to: "w", times: 2 } }))[0], /ratio chain never ends: w -> w/);
  assert.match(problems(scenario({ per_day: 1, sise: 3 }))[0], /^operations\[0\]\.sise: unknown key/);
  assert.match(problems(scenario({ per_day: 1 }, { assumptions: { peak_factor: 0.5 } }))[0],
               /^assumptions\.peak_factor: must be at least 1, got 0.5/);
  assert.match(problems(scenario({ per_user_per_day: 1 }))[0], /needs users/);
  assert.match(problems(scenario({ per_day: 1, payload: [{ size: "1 KB", share: 2 }] }))[0],
               /^operations\[0\]\.payload\[0\]\.share: must be between 0 and 1/);
  assert.match(problems({ name: "t", operations: [] })[0], /^operations: needs at least 1 item\(s\), got 0/);
  assert.match(problems([1, 2])[0], /^\(top level\): expected a mapping, got a list/);
});

test("a long reversed ratio chain is checked and computed in linear time", () => {
  const n = contract.limits.operations;
  const ops = [];
  for (let i = 0; i < n - 1; i += 1) ops.push({ name: "op" + i, kind: "read", ratio: { to: "op" + (i + 1), times: 1 } });
  ops.push({ name: "op" + (n - 1), kind: "write", per_day: 10 });
  const out = Core.evaluate({ name: "chain", operations: ops });
  assert.equal(out.ok, true);
  assert.ok(out.result.operations.every((o) => o.per_day === 10));
  const tooMany = ops.concat([{ name: "extra", kind: "write", per_day: 1 }]);
  assert.deepEqual(problems({ name: "chain", operations: tooMany }),
                   ["operations: allows at most " + n + " item(s), got " + (n + 1)]);
});
