// The mock interview's logic without the page (mock.js draws it): the clock, the phase splits, the
// shapes kept in localStorage and in an exported file, the mean score and the trend. Pure: no DOM,
// no clock of its own. Every time is a reading of a monotonic clock passed in as `now`
// (performance.timeOrigin + performance.now() in the browser), never Date.now().
// Tested under Node by tests/js/mock-core.test.js.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.MockCore = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FILE_KIND = "handbook-mock-history";
  var STAGES = ["running", "scoring"];

  // ------------------------------------------------------------------ the clock

  // A clock is {start, pausedAt, checkpoint: {elapsed, at}}: elapsed time is (pausedAt or now) -
  // start; the checkpoint is the last reading kept, so that a page whose clock reads earlier than
  // the one that saved it (another time origin after a reload, a wall clock set back) carries on
  // from there instead of going back.
  function startClock(now) {
    return { start: now, pausedAt: null, checkpoint: { elapsed: 0, at: now } };
  }

  function elapsed(clock, now) {
    var cp = clock.checkpoint;
    if (now < cp.at) return cp.elapsed;
    var read = (clock.pausedAt === null ? now : clock.pausedAt) - clock.start;
    return Math.max(read, cp.elapsed, 0);
  }

  // The same clock read from `now` on: what a page does with a stored clock before it uses it.
  function rebase(clock, now) {
    var e = elapsed(clock, now);
    return { start: now - e, pausedAt: clock.pausedAt === null ? null : now, checkpoint: { elapsed: e, at: now } };
  }

  function checkpoint(clock, now) {
    return { start: clock.start, pausedAt: clock.pausedAt, checkpoint: { elapsed: elapsed(clock, now), at: now } };
  }

  function pause(clock, now) {
    if (clock.pausedAt !== null) return clock;
    var c = rebase(clock, now);
    c.pausedAt = now;
    return c;
  }

  function resume(clock, now) {
    if (clock.pausedAt === null) return clock;
    var e = elapsed(clock, now);
    return { start: now - e, pausedAt: null, checkpoint: { elapsed: e, at: now } };
  }

  // ------------------------------------------------------------------ steps and splits

  // marks: the elapsed ms at which each ended step ended. The splits are the time each took.
  function splits(marks) {
    return marks.map(function (m, i) { return m - (i === 0 ? 0 : marks[i - 1]); });
  }

  // {step (0-based), inStep (ms spent in it), budget (ms), over (ms past its budget, 0 if none)}.
  function currentStep(marks, minutes, elapsedMs) {
    var step = Math.min(marks.length, minutes.length - 1);
    var since = step === 0 ? 0 : marks[step - 1];
    var inStep = Math.max(0, elapsedMs - since);
    var budget = minutes[step] * 60000;
    return { step: step, inStep: inStep, budget: budget, over: Math.max(0, inStep - budget) };
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // 370000 -> "6:10" (minutes run on past 59: "75:00").
  function formatClock(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(s / 60) + ":" + pad(s % 60);
  }

  // Time left, rounded up, so that elapsed and left always add up to the length on screen.
  function formatLeft(ms) {
    return formatClock(Math.ceil(Math.max(0, ms) / 1000) * 1000);
  }

  // "6:10 / 5": the time a step took against its budget in minutes ("– / 5" if never reached).
  function splitText(ms, minutes) {
    return (ms === null || ms === undefined ? "–" : formatClock(ms)) + " / " + minutes;
  }

  function isOver(ms, minutes) {
    return ms !== null && ms !== undefined && ms > minutes * 60000;
  }

  // ------------------------------------------------------------------ shapes

  function isPlainObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function isText(v) {
    return typeof v === "string";
  }

  function isTime(v) {
    return typeof v === "number" && isFinite(v) && v >= 0;
  }

  function isScore(v) {
    return v === 1 || v === 2 || v === 3;
  }

  function objectOf(v, valid) {
    return isPlainObject(v) && Object.keys(v).every(function (k) { return valid(v[k]); });
  }

  function isTextList(v) {
    return Array.isArray(v) && v.every(isText);
  }

  // Why a value is not one of the mock's records, or null when it is. `fields` are [name, test,
  // what it must be] for the record's own fields.
  function reason(value, fields) {
    if (!isPlainObject(value)) return "it is not an object";
    for (var i = 0; i < fields.length; i += 1) {
      if (!fields[i][1](value[fields[i][0]], value)) return "its " + fields[i][0] + " is not " + fields[i][2];
    }
    return null;
  }

  var COMMON = [
    ["id", function (v) { return isText(v) && v.length > 0; }, "a non-empty text"],
    ["date", isText, "a text"],
    ["promptId", isText, "a text"],
    ["promptTitle", isText, "a text"],
    ["length", function (v) { return typeof v === "number" && isFinite(v) && v > 0; }, "a number of minutes"],
    ["budget", isText, "a text"],
    ["level", isText, "a text"],
    ["minutes", function (v) { return Array.isArray(v) && v.length > 0 && v.every(isTime); }, "a list of minutes"],
    ["covered", function (v) { return objectOf(v, isTextList); }, "a mapping from step to ticked items"],
    ["scores", function (v) { return objectOf(v, isScore); }, "a mapping from ability to 1, 2 or 3"],
    ["notes", function (v) { return objectOf(v, isText); }, "a mapping from bullet to text"]
  ];

  function isClock(c) {
    return isPlainObject(c) && typeof c.start === "number" && isFinite(c.start) &&
      (c.pausedAt === null || (typeof c.pausedAt === "number" && isFinite(c.pausedAt))) &&
      isPlainObject(c.checkpoint) && isTime(c.checkpoint.elapsed) &&
      typeof c.checkpoint.at === "number" && isFinite(c.checkpoint.at);
  }

  function isMarks(v, mock) {
    return Array.isArray(v) && v.every(isTime) && Array.isArray(mock.minutes) && v.length <= mock.minutes.length &&
      v.every(function (m, i) { return i === 0 || m >= v[i - 1]; });
  }

  var MOCK = COMMON.concat([
    ["version", function (v) { return v === 1; }, "1"],
    ["stage", function (v) { return STAGES.indexOf(v) >= 0; }, "running or scoring"],
    ["clock", isClock, "a clock ({start, pausedAt, checkpoint: {elapsed, at}})"],
    ["marks", isMarks, "a list of step ends in order"]
  ]);

  var ENTRY = COMMON.concat([
    ["splits", function (v, e) {
      return Array.isArray(v) && Array.isArray(e.minutes) && v.length === e.minutes.length &&
        v.every(function (s) { return s === null || isTime(s); });
    }, "a list of step times (null for a step not reached), one per step"]
  ]);

  function mockProblem(value) {
    return reason(value, MOCK);
  }

  function isMock(value) {
    return mockProblem(value) === null;
  }

  function entryProblem(value) {
    return reason(value, ENTRY);
  }

  function isHistory(value) {
    return Array.isArray(value) && value.every(function (e) { return entryProblem(e) === null; });
  }

  // ------------------------------------------------------------------ a mock, then an entry

  function newMock(choice, now, date, id) {
    return {
      version: 1, id: id, date: date, promptId: choice.promptId, promptTitle: choice.promptTitle,
      length: choice.length, budget: choice.budget, level: choice.level, minutes: choice.minutes.slice(),
      stage: "running", clock: startClock(now), marks: [], covered: {}, scores: {}, notes: {}
    };
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // The running mock moves on to its next step; after the last step it is over.
  function nextStep(mock, now) {
    var m = copy(mock);
    if (m.stage !== "running") return m;
    m.marks.push(Math.round(elapsed(m.clock, now)));
    m.clock = checkpoint(m.clock, now);
    if (m.marks.length >= m.minutes.length) return finish(m, now);
    return m;
  }

  // Over now, whatever the step: the current step ends here, later ones were not reached.
  function finish(mock, now) {
    var m = copy(mock);
    if (m.stage !== "running") return m;
    if (m.marks.length < m.minutes.length) {
      var last = m.marks.length ? m.marks[m.marks.length - 1] : 0;
      m.marks.push(Math.max(Math.round(elapsed(m.clock, now)), last));
    }
    m.clock = pause(m.clock, now);
    m.stage = "scoring";
    return m;
  }

  // What a history row keeps of a scored mock.
  function entryFrom(mock) {
    var done = splits(mock.marks);
    return {
      id: mock.id, date: mock.date, promptId: mock.promptId, promptTitle: mock.promptTitle, length: mock.length,
      budget: mock.budget, level: mock.level, minutes: mock.minutes.slice(),
      splits: mock.minutes.map(function (_, i) { return i < done.length ? done[i] : null; }),
      covered: copy(mock.covered), scores: copy(mock.scores), notes: copy(mock.notes)
    };
  }

  // Ability ids (of `abilities`, in order) that have no score yet.
  function unscored(scores, abilities) {
    return abilities.filter(function (id) { return !isScore(scores[id]); });
  }

  // ------------------------------------------------------------------ history

  function mean(scores) {
    var values = Object.keys(scores).map(function (k) { return scores[k]; }).filter(isScore);
    if (!values.length) return null;
    return values.reduce(function (a, b) { return a + b; }, 0) / values.length;
  }

  function oneDecimal(x) {
    return x === null ? "–" : (Math.round(x * 10) / 10).toFixed(1);
  }

  // Oldest first; equal dates keep the order they were saved in.
  function byDate(history) {
    return history.map(function (e, i) { return [e, i]; }).sort(function (a, b) {
      return a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1];
    }).map(function (p) { return p[0]; });
  }

  function average(list) {
    return list.reduce(function (a, b) { return a + b; }, 0) / list.length;
  }

  // The mean score of each mock in order, and whether the last three beat the three before, in words.
  function trend(history) {
    var means = byDate(history).map(function (e) { return mean(e.scores); }).filter(function (m) { return m !== null; });
    if (!means.length) return { means: [], verdict: null, text: "" };
    var text = "Mean score of each mock, oldest first: " + means.map(oneDecimal).join(", ") + ".";
    if (means.length < 6) {
      return { means: means, verdict: null,
               text: text + " With six mocks saved, the last three are compared with the three before (" +
                     means.length + " so far)." };
    }
    var last = Number(oneDecimal(average(means.slice(-3)))), before = Number(oneDecimal(average(means.slice(-6, -3))));
    var verdict = last > before ? "better" : last < before ? "worse" : "same";
    var words = { better: "better than", worse: "below", same: "the same as" }[verdict];
    return { means: means, verdict: verdict,
             text: text + " Your last three mocks average " + last.toFixed(1) + ", " + words + " the three before (" +
                   before.toFixed(1) + ")." };
  }

  function exportFile(history) {
    return { kind: FILE_KIND, version: 1, mocks: history };
  }

  // {mocks, problem}: the mocks of an exported file's text, or a sentence saying why it is refused.
  function readImport(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { mocks: null, problem: "This file is not JSON." };
    }
    var mocks = Array.isArray(data) ? data :
      isPlainObject(data) && data.kind === FILE_KIND && Array.isArray(data.mocks) ? data.mocks : null;
    if (mocks === null) {
      return { mocks: null, problem: "This file is not a mock history exported from this page " +
                                     "(expected {\"kind\": \"" + FILE_KIND + "\", \"mocks\": [...]})." };
    }
    for (var i = 0; i < mocks.length; i += 1) {
      var why = entryProblem(mocks[i]);
      if (why) return { mocks: null, problem: "Mock " + (i + 1) + " in this file is not in the expected shape: " + why + "." };
    }
    return { mocks: mocks, problem: null };
  }

  // The history with the incoming mocks added, those whose id is already there (or repeated) skipped.
  function merge(history, incoming) {
    var seen = {};
    history.forEach(function (e) { seen[e.id] = true; });
    var out = history.slice(), added = 0, skipped = 0;
    incoming.forEach(function (e) {
      if (seen[e.id]) { skipped += 1; return; }
      seen[e.id] = true;
      out.push(e);
      added += 1;
    });
    return { history: out, added: added, skipped: skipped };
  }

  return {
    FILE_KIND: FILE_KIND,
    startClock: startClock, elapsed: elapsed, rebase: rebase, checkpoint: checkpoint, pause: pause, resume: resume,
    splits: splits, currentStep: currentStep, formatClock: formatClock, formatLeft: formatLeft, splitText: splitText, isOver: isOver,
    isMock: isMock, mockProblem: mockProblem, isHistory: isHistory, entryProblem: entryProblem, isScore: isScore,
    newMock: newMock, nextStep: nextStep, finish: finish, entryFrom: entryFrom, unscored: unscored,
    mean: mean, oneDecimal: oneDecimal, byDate: byDate, trend: trend,
    exportFile: exportFile, readImport: readImport, merge: merge
  };
});
