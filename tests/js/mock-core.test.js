// Unit tests of the mock interview's logic (docs/assets/javascripts/mock-core.js).
// Run: node --test tests/js/   (tests/unit/test_mock_core.py runs them under pytest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const Core = require(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "mock-core.js"));

const MIN = 60000;
const T0 = 1.7e12;  // a reading of timeOrigin + performance.now()

function mock(extra) {
  return Object.assign(Core.newMock({ promptId: "example-chat", promptTitle: "Chat system", length: 35, budget: "published",
                                      level: "senior", minutes: [6, 11, 15, 3] }, T0, "2024-06-01T10:00:00.000Z", "mock-1"), extra || {});
}

function entry(id, date, scores, extra) {
  return Object.assign(Core.entryFrom(Object.assign(mock(), { id: id, date: date, marks: [MIN, 2 * MIN], scores: scores })), extra || {});
}

test("the clock counts from its start and stands still while paused", () => {
  let c = Core.startClock(T0);
  assert.equal(Core.elapsed(c, T0 + 5 * MIN), 5 * MIN);
  c = Core.pause(c, T0 + 5 * MIN);
  assert.equal(Core.elapsed(c, T0 + 50 * MIN), 5 * MIN);
  assert.equal(Core.pause(c, T0 + 60 * MIN), c, "pausing twice changes nothing");
  c = Core.resume(c, T0 + 50 * MIN);
  assert.equal(Core.elapsed(c, T0 + 51 * MIN), 6 * MIN);
});

test("a clock that reads earlier than its checkpoint never goes back or below zero", () => {
  let c = Core.checkpoint(Core.startClock(T0), T0 + 10 * MIN);
  assert.deepEqual(c.checkpoint, { elapsed: 10 * MIN, at: T0 + 10 * MIN });
  // A new page whose readings are an hour behind (another time origin, a wall clock set back).
  const behind = T0 - 60 * MIN;
  assert.equal(Core.elapsed(c, behind), 10 * MIN);
  c = Core.rebase(c, behind);
  assert.equal(Core.elapsed(c, behind), 10 * MIN);
  assert.equal(Core.elapsed(c, behind + MIN), 11 * MIN);
  // Even a start in the future (a corrupt but well-typed value) reads as zero, not negative.
  assert.equal(Core.elapsed({ start: T0 + MIN, pausedAt: null, checkpoint: { elapsed: 0, at: T0 } }, T0), 0);
});

test("rebase keeps a paused clock paused at the same time", () => {
  const c = Core.rebase(Core.pause(Core.startClock(T0), T0 + 3 * MIN), 5);
  assert.equal(Core.elapsed(c, 5), 3 * MIN);
  assert.equal(Core.elapsed(c, 5 + 10 * MIN), 3 * MIN);
  assert.equal(Core.elapsed(Core.resume(c, 5 + 10 * MIN), 5 + 11 * MIN), 4 * MIN);
});

test("next step records the splits; the last step ends the mock", () => {
  let m = mock();
  m = Core.nextStep(m, T0 + 6 * MIN + 10000);
  m = Core.nextStep(m, T0 + 16 * MIN);
  assert.deepEqual(Core.splits(m.marks), [6 * MIN + 10000, 9 * MIN + 50000]);
  assert.deepEqual(Core.currentStep(m.marks, m.minutes, 20 * MIN), { step: 2, inStep: 4 * MIN, budget: 15 * MIN, over: 0 });
  m = Core.nextStep(m, T0 + 33 * MIN);
  assert.equal(m.stage, "running");
  assert.deepEqual(Core.currentStep(m.marks, m.minutes, 37 * MIN), { step: 3, inStep: 4 * MIN, budget: 3 * MIN, over: MIN });
  m = Core.nextStep(m, T0 + 37 * MIN);
  assert.equal(m.stage, "scoring");
  assert.equal(m.marks.length, 4);
  assert.equal(Core.elapsed(m.clock, T0 + 90 * MIN), 37 * MIN, "the clock stops at the end");
  assert.deepEqual(Core.nextStep(m, T0 + 99 * MIN), m, "a finished mock takes no more steps");
});

test("finish ends the current step and leaves the rest not reached", () => {
  let m = Core.nextStep(mock(), T0 + 5 * MIN);
  m = Core.finish(m, T0 + 12 * MIN);
  assert.equal(m.stage, "scoring");
  assert.deepEqual(Core.splits(m.marks), [5 * MIN, 7 * MIN]);
  const e = Core.entryFrom(Object.assign(m, { scores: { design: 2 } }));
  assert.deepEqual(e.splits, [5 * MIN, 7 * MIN, null, null]);
  assert.equal(Core.entryProblem(e), null);
  assert.equal(Core.isMock(m), true);
});

test("times read as minutes:seconds, against the budget", () => {
  assert.equal(Core.formatClock(370000), "6:10");
  assert.equal(Core.formatClock(75 * MIN), "75:00");
  assert.equal(Core.formatClock(-5), "0:00");
  assert.equal(Core.formatLeft(2339976), "39:00");
  assert.equal(Core.splitText(370000, 5), "6:10 / 5");
  assert.equal(Core.splitText(null, 5), "– / 5");
  assert.equal(Core.isOver(370000, 5), true);
  assert.equal(Core.isOver(5 * MIN, 5), false);
});

test("the stored mock's shape is checked field by field", () => {
  assert.equal(Core.isMock(mock()), true);
  const bad = [null, [], "mock", 7, {}, mock({ version: 2 }), mock({ stage: "paused" }), mock({ clock: { start: "x" } }),
               mock({ marks: [2, 1] }), mock({ marks: [1, 2, 3, 4, 5] }), mock({ scores: { design: 4 } }),
               mock({ notes: { skipped: 3 } }), mock({ covered: { 1: "feature-list" } }), mock({ id: "" }),
               mock({ minutes: [] }), mock({ length: "35" })];
  bad.forEach((v) => assert.equal(Core.isMock(v), false, JSON.stringify(v)));
  assert.match(Core.mockProblem(mock({ scores: { design: 4 } })), /scores/);
});

test("history entries: shape, unscored abilities, mean", () => {
  const e = entry("a", "2024-06-01T10:00:00Z", { navigation: 2, design: 3, depth: 1, communication: 2 });
  assert.equal(Core.isHistory([e]), true);
  assert.equal(Core.isHistory([e, Object.assign({}, e, { splits: [1] })]), false);
  assert.equal(Core.isHistory({ mocks: [e] }), false);
  assert.equal(Core.mean(e.scores), 2);
  assert.equal(Core.mean({}), null);
  assert.equal(Core.oneDecimal(7 / 3), "2.3");
  assert.deepEqual(Core.unscored({ design: 2 }, ["navigation", "design", "depth"]), ["navigation", "depth"]);
});

test("the trend lists each mock's mean and compares the last three with the three before", () => {
  const s = (n) => ({ navigation: n, design: n, depth: n, communication: n });
  const few = [entry("b", "2024-06-02", s(2)), entry("a", "2024-06-01", s(1))];
  assert.deepEqual(Core.trend(few).means, [1, 2], "oldest first, by date");
  assert.match(Core.trend(few).text, /1\.0, 2\.0\..*six mocks.*2 so far/);
  assert.equal(Core.trend(few).verdict, null);
  const six = [1, 1, 2, 2, 3, 3].map((n, i) => entry("m" + i, "2024-06-0" + (i + 1), s(n)));
  assert.equal(Core.trend(six).verdict, "better");
  assert.match(Core.trend(six).text, /last three mocks average 2\.7, better than the three before \(1\.3\)/);
  const worse = [3, 3, 3, 1, 1, 1].map((n, i) => entry("w" + i, "2024-06-0" + (i + 1), s(n)));
  assert.equal(Core.trend(worse).verdict, "worse");
  const same = [2, 2, 2, 2, 2, 2].map((n, i) => entry("s" + i, "2024-06-0" + (i + 1), s(n)));
  assert.equal(Core.trend(same).verdict, "same");
  assert.equal(Core.trend([]).text, "");
});

test("an exported file reads back; a file of the wrong shape is refused with a reason", () => {
  const e = entry("a", "2024-06-01", { design: 2 });
  const round = Core.readImport(JSON.stringify(Core.exportFile([e])));
  assert.equal(round.problem, null);
  assert.deepEqual(round.mocks, [e]);
  assert.deepEqual(Core.readImport(JSON.stringify([e])).mocks, [e], "a bare list is a history too");
  assert.match(Core.readImport("{not json").problem, /not JSON/);
  assert.match(Core.readImport('{"kind": "something else", "mocks": []}').problem, /not a mock history/);
  assert.match(Core.readImport(JSON.stringify(Core.exportFile([e, { id: "x" }]))).problem, /Mock 2 .*date/);
  assert.match(Core.readImport(JSON.stringify([Object.assign({}, e, { scores: { design: 5 } })])).problem, /scores/);
});

test("merging skips the mocks already there and repeats within the file", () => {
  const a = entry("a", "2024-06-01", {}), b = entry("b", "2024-06-02", {}), c = entry("c", "2024-06-03", {});
  const out = Core.merge([a, b], [b, c, c]);
  assert.deepEqual(out.history.map((e) => e.id), ["a", "b", "c"]);
  assert.equal(out.added, 1);
  assert.equal(out.skipped, 2);
});
