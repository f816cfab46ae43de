// The estimation drills' logic, without the DOM: a seeded problem drawn from data/drills.yml (the
// page's data-config), an answer read in human units, its grade against the estimate engine's
// figure, the traps a miss matches, the sum that gives the figure, and the reader's stats.
//
// DrillCore.create(Core, config): Core is EstimateCore.create(contract), so every figure, every
// wrong figure a trap stands for, and every number shown comes from the estimator's engine.
// The draw uses mulberry32, not Math.random, so a seed gives the same problem in every browser.
// Tests: tests/js/drill-core.test.js, run with the Python engine's cross-check by
// tests/unit/test_drill_core.py.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.DrillCore = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_SEED = 4294967295;  // a link may carry any 32-bit seed; new ones stay short (NEW_SEEDS)
  var NEW_SEEDS = 999999;
  var STAT_KEYS = ["streak", "best", "answered", "exact", "traps"];

  // mulberry32: a 32-bit state, integer arithmetic only, the same sequence in every engine.
  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // A fresh seed for "New problem" (only which problem comes next is random, not the problem).
  function newSeed(previous) {
    var seed;
    do {
      var x;
      var c = typeof crypto !== "undefined" && crypto.getRandomValues ? crypto : null;
      if (c) x = c.getRandomValues(new Uint32Array(1))[0] / 4294967296;
      else x = Math.random();
      seed = 1 + Math.floor(x * NEW_SEEDS);
    } while (seed === previous);
    return seed;
  }

  // "#seed=12345" -> 12345; null when the hash holds no seed; NaN when it holds a bad one.
  function seedFromHash(hash) {
    var m = /^#?seed=(.*)$/.exec(hash || "");
    if (!m) return null;
    if (!/^\d{1,10}$/.test(m[1]) || Number(m[1]) > MAX_SEED) return NaN;
    return Number(m[1]);
  }

  function hashFor(seed) {
    return "#seed=" + seed;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 0;
  }

  function create(Core, config) {
    var TRAPS = {};
    config.traps.forEach(function (t) { TRAPS[t.id] = t; });
    var EXACT = config.grades.exact;
    var ORDER = config.grades.order;
    var DAYS_PER_YEAR = 365;

    function n3(value) { return Core.formatCount(value, 3); }
    function b3(value) { return Core.formatBytes(value, 3); }
    function num(value) { return Core.formatNumber(value); }
    function plural(count, one, many) { return num(count) + " " + (count === 1 ? one : many); }

    // A figure of this field as the page says it: "694/s", "350 MB/s", "30 TB/day", "5.5 PB".
    function show(field, value) {
      if (field === "peak_qps") return Core.formatRate(value, "s", 3);
      if (field === "bandwidth_bytes_per_s") return Core.formatByteRate(value, "s", 3);
      if (field === "stored_bytes_per_day") return Core.formatByteRate(value, "day", 3);
      return Core.formatBytes(value, 3);
    }

    // Counts of 1000 and up as "10M", sizes as "500 KB", when that reads back exactly (as the
    // estimator's links write them, estimates.scenario_data): data-scenario stays readable.
    function compactCount(value) {
      if (value < 1000) return value;
      var text = Core.formatCount(value, 3).replace(/,/g, "");
      return Core.parseCount(text) === value ? text : value;
    }

    function compactSize(value) {
      var text = Core.formatBytes(value, 3).replace(/,/g, "");
      return Core.parseSize(text) === value ? text : value;
    }

    // ------------------------------------------------------------------ a problem

    // choice: {seed, theme, question, dau, perUser, payload, times, peak, years, copies}, theme and
    // question being entries of config. The scenario is the estimator's JSON (Core.evaluate and
    // macros.estimates.scenario_from_data read it); a read carries the write's payload.
    function build(choice) {
      var t = choice.theme;
      var q = choice.question;
      var scenario = {
        name: "Estimation drill " + choice.seed + " (" + t.id + ")",
        users: { daily_active: compactCount(choice.dau) },
        assumptions: { peak_factor: choice.peak, retention_years: choice.years, replication: choice.copies },
        operations: [
          { name: t.write.name, kind: "write", per_user_per_day: compactCount(choice.perUser),
            payload: compactSize(choice.payload) },
          { name: t.read.name, kind: "read", ratio: { to: t.write.name, times: compactCount(choice.times) },
            payload: compactSize(choice.payload) }
        ]
      };
      var out = Core.evaluate(scenario);
      if (!out.ok) throw new Error("drill scenario refused: " + JSON.stringify(out.problems));
      var metric = q.of === "totals" ? "totals.write." + q.field
        : (q.of === "write" ? t.write.name : t.read.name) + "." + q.field;
      return {
        seed: choice.seed, choice: choice, theme: t.id, question: q, field: q.field, scenario: scenario,
        metric: metric, result: out.result, figure: figureOf(out.result, q),
        ask: q.ask.split("{write}").join(t.write.name).split("{read}").join(t.read.name)
      };
    }

    function figureOf(result, q) {
      if (q.of === "totals") return result.totals.write[q.field];
      return result.operations[q.of === "write" ? 0 : 1][q.field];
    }

    // The same seed, the same picks in the same order: the same problem.
    function draw(seed) {
      var random = mulberry32(seed);
      function pick(list) { return list[Math.floor(random() * list.length)]; }
      var theme = pick(config.themes);
      return build({
        seed: seed, theme: theme, question: pick(config.questions), dau: pick(config.daily_active_users),
        perUser: pick(theme.write.per_user_per_day), payload: pick(theme.write.payload), times: pick(theme.read.times),
        peak: pick(config.peak_factor), years: pick(config.retention_years), copies: pick(config.replication)
      });
    }

    // What the reader is told: the scenario in words (everything, relevant to the question or not).
    function facts(p) {
      var c = p.choice;
      var w = c.theme.write.name;
      var r = c.theme.read.name;
      return [
        n3(c.dau) + " daily active users",
        "“" + w + "”: " + n3(c.perUser) + " per user per day, " + b3(c.payload) + " each",
        "“" + r + "”: " + n3(c.times) + " for every “" + w + "”, " + b3(c.payload) + " each (the same item)",
        "Peak traffic is " + num(c.peak) + " × the average",
        "Data is kept " + plural(c.years, "year", "years") + ", " + plural(c.copies, "copy", "copies") + " of every byte"
      ];
    }

    // ------------------------------------------------------------------ the sum (estimator style)

    function steps(p) {
      var r = p.result;
      var a = r.assumptions;
      var c = p.choice;
      var w = r.operations[0];
      var rd = r.operations[1];
      var op = p.question.of === "read" ? rd : w;
      var out = [n3(r.daily_active_users) + " DAU × " + n3(c.perUser) + " = " + n3(w.per_day) + "/day"];
      if (op === rd) out.push(n3(w.per_day) + "/day × " + n3(c.times) + " reads per write = " + n3(rd.per_day) + "/day");
      var field = p.field;
      if (field === "peak_qps" || field === "bandwidth_bytes_per_s") {
        out.push(n3(op.per_day) + " / " + num(a.seconds_per_day) + " s = " + Core.formatRate(op.avg_qps, "s", 3));
        if (field === "peak_qps") out.push("× " + num(a.peak_factor) + " peak = " + show(field, op.peak_qps));
        else out.push(Core.formatRate(op.avg_qps, "s", 3) + " × " + b3(op.bytes_per_op) + " = " + show(field, op.bandwidth_bytes_per_s));
        return out;
      }
      out.push(n3(w.per_day) + "/day × " + b3(w.bytes_per_op) + " = " + show("stored_bytes_per_day", w.per_day * w.bytes_per_op));
      out.push("× " + plural(a.replication, "copy", "copies") + " = " + show("stored_bytes_per_day", w.stored_bytes_per_day));
      if (field === "stored_bytes_total") {
        out.push("× " + DAYS_PER_YEAR + " days × " + plural(a.retention_years, "year", "years") + " = " +
                 show(field, w.stored_bytes_total));
      }
      return out;
    }

    // ------------------------------------------------------------------ reading an answer

    var NUMBER = /^(\d{1,3}(?:[, _]\d{3})+|\d+)?(?:\.(\d+))?(?:\s*(?:e|[x×*]\s*10\s*\^)\s*([+-]?\d+))?/i;
    var APPROX = /^(?:~|≈|about|around|roughly|approx(?:\.|imately)?|circa|ca\.)\s*/i;
    var COUNT_WORDS = { "": 1, k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mil: 1e6, million: 1e6, b: 1e9, bn: 1e9,
                        billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12 };
    var BYTE_WORDS = { b: 1, byte: 1, bytes: 1 };
    var PREFIXES = [["k", "kilo"], ["m", "mega"], ["g", "giga"], ["t", "tera"], ["p", "peta"], ["e", "exa"]];
    PREFIXES.forEach(function (pre, i) {
      var decimal = Math.pow(1000, i + 1);
      var binary = Math.pow(1024, i + 1);
      BYTE_WORDS[pre[0] + "b"] = decimal;
      BYTE_WORDS[pre[1] + "byte"] = decimal;
      BYTE_WORDS[pre[1] + "bytes"] = decimal;
      BYTE_WORDS[pre[0] + "ib"] = binary;
    });
    // What a count of requests may be called: "12K QPS", "12K requests/s", "12K writes per second".
    var WHAT = /\s*(?:requests?|reqs?|queries|query|ops|operations?|writes?|reads?|calls?|hits?)$/;
    var QPS = /\s*(?:qps|rps|tps)$/;
    var PER = /\s*(?:\/|\bper\b|\ban?\b|\beach\b|\bevery\b)\s*(s|secs?|seconds?|d|days?)$/;
    var BITS = /[KMGTPEkmgtpe]?bps$|bits?\b|[KMGTPEkmgtpe]i?bit/;  // "Mbps" is bits; "MBps" is bytes

    var WANT = {
      peak_qps: { per: "s", kind: "count", example: "12K/s or 12,000 QPS" },
      bandwidth_bytes_per_s: { per: "s", kind: "bytes", example: "350 MB/s" },
      stored_bytes_per_day: { per: "day", kind: "bytes", example: "30 TB/day" },
      stored_bytes_total: { per: null, kind: "bytes", example: "5.5 PB" }
    };

    function refuse(message) {
      return { ok: false, message: message };
    }

    // "k requests per second" -> {unit: "k", per: "s"}: the time a figure is given per, taken off.
    function splitPer(unit) {
      var m = QPS.exec(unit);
      if (m) return { unit: unit.slice(0, m.index), per: "s" };
      if (/(?:b|bytes?)ps$/.test(unit)) return { unit: unit.slice(0, -2), per: "s" };
      m = PER.exec(unit) || /\s*daily$/.exec(unit);
      if (!m) return { unit: unit, per: null };
      return { unit: unit.slice(0, m.index), per: m[0].trim() === "daily" || m[1].charAt(0) === "d" ? "day" : "s" };
    }

    // parseAnswer("12K/s", "peak_qps") -> {ok: true, value: 12000}; {ok: false, message} when the
    // text is not a figure of the kind the question asks for. Units are read without regard to
    // case ("12k/s", "5.5 pb"), bits excepted.
    function parseAnswer(text, field) {
      var want = WANT[field];
      var s = String(text).trim().replace(APPROX, "");
      if (s === "") return refuse("Type a figure, for example " + want.example + ".");
      var m = NUMBER.exec(s);
      if (!m || (m[1] === undefined && m[2] === undefined)) {
        return refuse("Start with a number, for example " + want.example + ".");
      }
      var number = Number((m[1] || "0").replace(/[, _]/g, "") + "." + (m[2] || "0") + (m[3] ? "e" + m[3] : ""));
      var written = s.slice(m[0].length).trim();
      if (/\d/.test(written)) return refuse("Give one figure, for example " + want.example + ".");
      if (BITS.test(written)) return refuse("That reads as bits; give bytes (8 bits to a byte), for example " + want.example + ".");
      var parts = splitPer(written.toLowerCase().replace(/\s+/g, " "));
      var unit = parts.unit.replace(WHAT, "").replace(/\s+/g, "");
      var factor;
      if (want.kind === "count") {
        if (BYTE_WORDS[unit] !== undefined && COUNT_WORDS[unit] === undefined) {
          return refuse("This asks for requests per second, not bytes: for example " + want.example + ".");
        }
        factor = COUNT_WORDS[unit];
        if (factor === undefined) {
          return refuse("Unknown unit “" + written + "”: use K, M or B (thousand, million, billion), for example " +
                        want.example + ".");
        }
      } else {
        factor = BYTE_WORDS[unit];
        if (factor === undefined) {
          return refuse((unit === "" || COUNT_WORDS[unit] !== undefined ? "Say the unit of bytes" : "Unknown unit “" + written + "”") +
                        " (B, KB, MB, GB, TB, PB), for example " + want.example + ".");
        }
      }
      if (parts.per !== null && parts.per !== want.per) {
        if (want.per === null) return refuse("This asks for a total, not a rate: for example " + want.example + ".");
        return refuse("This asks for a figure per " + (want.per === "s" ? "second" : "day") + ", not per " +
                      (parts.per === "s" ? "second" : "day") + ": for example " + want.example + ".");
      }
      var value = number * factor;
      if (!isFinite(value)) return refuse("That figure is too large to read.");
      if (value <= 0) return refuse("Give a figure above zero.");
      return { ok: true, value: value };
    }

    // ------------------------------------------------------------------ grading and traps

    function within(value, target, fraction) {
      return Math.abs(value - target) <= fraction * target;
    }

    function grade(value, figure) {
      if (within(value, figure, EXACT)) return "exact";
      if (value >= figure / ORDER && value <= figure * ORDER) return "order";
      return "off";
    }

    // The figure the same sum gives with one assumption changed (the engine does the arithmetic).
    function changed(p, assumptions) {
      var data = JSON.parse(JSON.stringify(p.scenario));
      Object.keys(assumptions).forEach(function (k) { data.assumptions[k] = assumptions[k]; });
      return figureOf(Core.evaluate(data).result, p.question);
    }

    // Each trap's wrong figures for this problem: [{id, figure, what}], what says how it comes about.
    function trapFigures(p) {
      var out = [];
      var field = p.field;
      var a = p.result.assumptions;
      var op = p.question.of === "read" ? p.result.operations[1] : p.result.operations[0];
      var t = p.figure;
      var rate = field === "peak_qps" || field === "bandwidth_bytes_per_s";
      var stored = !rate;
      var bytes = field !== "peak_qps";
      function add(id, figure, what) { out.push({ id: id, figure: figure, what: what }); }

      if (stored && a.replication > 1) {
        add("replication", changed(p, { replication: 1 }), "the figure with 1 copy instead of " + num(a.replication));
      }
      if (field === "peak_qps") {
        add("per-day-as-per-second", op.per_day, "the count per day (" + n3(op.per_day) + "/day)");
        add("per-day-as-per-second", op.per_day * a.peak_factor, "the count per day × " + num(a.peak_factor) + " peak");
      } else if (field === "bandwidth_bytes_per_s") {
        add("per-day-as-per-second", op.per_day * op.bytes_per_op,
            "the bytes per day (" + show("stored_bytes_per_day", op.per_day * op.bytes_per_op) + ")");
      }
      if (rate) {
        add("hundred-thousand-seconds", changed(p, { seconds_per_day: 100000 }), "the figure with 100,000 s in a day");
      }
      if (field === "peak_qps") add("peak-vs-average", op.avg_qps, "the average rate, not the peak");
      if (field === "bandwidth_bytes_per_s") add("peak-vs-average", op.avg_qps * a.peak_factor * op.bytes_per_op,
                                                 "the peak bandwidth, not the average");
      if (bytes) {
        // 1,024 for 1,000 at every step: the gap passes the exact band from the fourth step (TB) on.
        var unitSteps = Math.floor(Math.log(t) / Math.log(1000) + 1e-9);
        for (var k = 4; k <= Math.min(unitSteps, 6); k += 1) {
          var gap = Math.pow(1.024, k);
          add("binary-units", t * gap, "the figure × 1.024^" + k + " (1,024 for 1,000 at " + k + " steps)");
          add("binary-units", t / gap, "the figure ÷ 1.024^" + k + " (the size in 1,024-based units, called decimal)");
        }
      }
      add("unit-step", t * 1000, "1,000 × the figure");
      add("unit-step", t / 1000, "the figure ÷ 1,000");
      if (field === "stored_bytes_total") {
        var day = p.result.operations[0].stored_bytes_per_day;
        if (a.retention_years !== 1) {
          add("retention", day * DAYS_PER_YEAR, "one year of storage, without the " + num(a.retention_years) + " years");
        }
        add("retention", day * a.retention_years, "the storage per day × " + num(a.retention_years) +
            " years, without the " + DAYS_PER_YEAR + " days");
      }
      return out;
    }

    // The traps a miss matches: within the exact band of a trap's wrong figure, and not exact.
    function traps(p, value, theGrade) {
      if (theGrade === "exact") return [];
      var seen = {};
      var out = [];
      trapFigures(p).forEach(function (w) {
        if (seen[w.id] || !within(value, w.figure, EXACT)) return;
        seen[w.id] = true;
        var t = TRAPS[w.id];
        out.push({ id: w.id, name: t.name, explain: t.explain, figure: w.figure, shown: show(p.field, w.figure), what: w.what });
      });
      return out;
    }

    function ratioText(value, figure) {
      if (value >= figure) return Core.formatNumber(value / figure, 2) + "× too high";
      return Core.formatNumber(figure / value, 2) + "× too low";
    }

    // judge(problem, "12K/s") -> {ok: false, message} or {ok: true, value, grade, said, figure,
    // verdict, traps, steps}: everything the page shows after Enter.
    function judge(p, text) {
      var read = parseAnswer(text, p.field);
      if (!read.ok) return read;
      var g = grade(read.value, p.figure);
      var off = Math.abs(read.value - p.figure) / p.figure;
      var verdict = g === "exact" ? (off < 0.005 ? "spot on" : Core.formatNumber(off * 100, 2) + " % " +
                                     (read.value > p.figure ? "high" : "low")) : ratioText(read.value, p.figure);
      return { ok: true, value: read.value, grade: g, said: show(p.field, read.value), figure: show(p.field, p.figure),
               verdict: verdict, traps: traps(p, read.value, g), steps: steps(p) };
    }

    // ------------------------------------------------------------------ stats (kept in this browser)

    function emptyStats() {
      return { streak: 0, best: 0, answered: 0, exact: 0, traps: {} };
    }

    function validStats(v) {
      if (!isPlainObject(v)) return false;
      var keys = Object.keys(v);
      if (keys.length !== STAT_KEYS.length || !STAT_KEYS.every(function (k) { return keys.indexOf(k) >= 0; })) return false;
      if (![v.streak, v.best, v.answered, v.exact].every(isCount)) return false;
      if (v.best < v.streak || v.exact > v.answered || v.streak > v.answered) return false;
      return isPlainObject(v.traps) && Object.keys(v.traps).every(function (k) { return isCount(v.traps[k]); });
    }

    // A first answer to a problem, counted: a new stats object (the old one is left as it was).
    function record(stats, theGrade, trapIds) {
      var out = JSON.parse(JSON.stringify(stats));
      out.answered += 1;
      if (theGrade === "exact") {
        out.exact += 1;
        out.streak += 1;
        out.best = Math.max(out.best, out.streak);
      } else {
        out.streak = 0;
      }
      (trapIds || []).forEach(function (id) { out.traps[id] = (out.traps[id] || 0) + 1; });
      return out;
    }

    // The traps hit, most first (ties in the order of data/drills.yml); ids no longer in config dropped.
    function topTraps(stats) {
      return config.traps.filter(function (t) { return stats.traps[t.id] > 0; })
        .map(function (t, i) { return { id: t.id, name: t.name, count: stats.traps[t.id], order: i }; })
        .sort(function (x, y) { return y.count - x.count || x.order - y.order; });
    }

    return {
      MAX_SEED: MAX_SEED, mulberry32: mulberry32, newSeed: newSeed, seedFromHash: seedFromHash, hashFor: hashFor,
      build: build, draw: draw, facts: facts, steps: steps, show: show, parseAnswer: parseAnswer, grade: grade,
      trapFigures: trapFigures, traps: traps, judge: judge, emptyStats: emptyStats, validStats: validStats,
      record: record, topTraps: topTraps, exampleFor: function (field) { return WANT[field].example; }
    };
  }

  return { create: create, mulberry32: mulberry32 };
});
