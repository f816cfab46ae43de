// The estimation drills page: one seeded problem at a time (the seed in the link, #seed=N), an
// answer typed in human units and graded on Enter, the sum that gives the figure, the trap a miss
// matches, and the streak kept in this browser. The logic is DrillCore (drill-core.js) on top of
// the estimator's engine (estimate-core.js); this file only builds and updates the page.
(function () {
  "use strict";
  var H = window.Handbook;
  var h = H.h;
  var KEY = "handbook-drills";
  var GRADES = { exact: "Exact", order: "Right order of magnitude", off: "Off" };
  var LABELS = {
    peak_qps: "Your answer, in requests per second",
    bandwidth_bytes_per_s: "Your answer, in bytes per second",
    stored_bytes_per_day: "Your answer, in bytes per day",
    stored_bytes_total: "Your answer, in bytes"
  };

  function Drills(root, Drill) {
    this.root = root;
    this.Drill = Drill;
    this.problem = null;
    this.counted = false;
    this.estimator = root.getAttribute("data-estimator");
    this.build();
  }

  Drills.prototype.build = function () {
    var self = this;
    var root = this.root;
    root.textContent = "";
    this.notice = h("p", { "class": "drills__notice", role: "status" });
    this.stage = h("div", { "class": "drills__stage" });
    var next = H.button("New problem", "md-button md-button--primary", function () { self.next(); });
    var reset = H.button("Reset stats", "md-button", function () { self.resetStats(); });
    this.streak = h("p", { "class": "drills__streak" });
    this.trapList = h("p", { "class": "drills__hits" });
    root.appendChild(this.notice);
    root.appendChild(this.stage);
    root.appendChild(h("p", { "class": "drills__controls" }, [next, " ", reset]));
    root.appendChild(h("div", { "class": "drills__stats", role: "group", "aria-label": "Your drill stats" },
                       [this.streak, this.trapList]));
    var kept = H.stored(KEY, this.Drill.validStats, this.Drill.emptyStats);
    if (kept.problem) this.say(kept.problem);
    this.showStats(kept.value);
  };

  Drills.prototype.say = function (text) {
    this.notice.textContent = text;
  };

  // ---------------------------------------------------------------- the problem

  Drills.prototype.fromHash = function () {
    var seed = this.Drill.seedFromHash(window.location.hash);
    if (seed !== null && !isNaN(seed)) {
      this.show(seed);
      return;
    }
    if (seed !== null) this.say("The link's seed is not a whole number from 0 to " + this.Drill.MAX_SEED + ", so here is a new problem.");
    // An anchor the reader followed (#traps, or a section of the print page) is left in place.
    var other = seed === null && window.location.hash.length > 1;
    this.show(this.Drill.newSeed(), !other);
  };

  Drills.prototype.next = function () {
    this.say("");
    this.show(this.Drill.newSeed(this.problem && this.problem.seed), true);
    this.input.focus();
  };

  Drills.prototype.show = function (seed, writeHash) {
    var self = this;
    var D = this.Drill;
    var p = D.draw(seed);
    this.problem = p;
    this.counted = false;
    if (writeHash) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search + D.hashFor(seed));
    }
    this.input = h("input", { type: "text", id: "drills-answer", "class": "drills__input", autocomplete: "off",
                              spellcheck: "false", autocapitalize: "off", enterkeyhint: "done",
                              "aria-describedby": "drills-hint drills-error" });
    this.error = h("p", { id: "drills-error", "class": "drills__error", role: "alert", hidden: true });
    this.result = h("div", { "class": "drills__result", role: "status" });
    var form = h("form", { "class": "drills__form", novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      self.answer();
    } }, [
      h("label", { "for": "drills-answer", text: LABELS[p.field] }),
      h("div", { "class": "drills__entry" }, [this.input, h("button", { type: "submit", "class": "md-button md-button--primary" }, "Grade")]),
      h("p", { id: "drills-hint", "class": "drills__hint", text: "For example " + D.exampleFor(p.field) +
               ". K, M, B and KB, MB, GB, TB, PB are powers of ten. Press Enter to grade." }),
      this.error
    ]);
    var box = h("section", { "class": "drills__problem", "data-scenario": JSON.stringify(p.scenario),
                             "data-metric": p.metric, "data-seed": String(seed), "aria-labelledby": "drills-title" }, [
      h("p", { "class": "drills__title", id: "drills-title" }, [h("strong", { text: "Problem " + seed }),
        h("span", { "class": "drills__seed", text: " · the link in the address bar brings this problem back" })]),
      h("ul", { "class": "drills__facts" }, D.facts(p).map(function (f) { return h("li", { text: f }); })),
      h("p", { "class": "drills__ask" }, [h("strong", { text: "Give: " }), p.ask + "."]),
      form,
      this.result
    ]);
    this.stage.textContent = "";
    this.stage.appendChild(box);
  };

  // ---------------------------------------------------------------- grading

  Drills.prototype.answer = function () {
    var p = this.problem;
    var out = this.Drill.judge(p, this.input.value);
    if (!out.ok) {
      this.error.textContent = out.message;
      this.error.hidden = false;
      this.input.setAttribute("aria-invalid", "true");
      return;
    }
    this.error.hidden = true;
    this.error.textContent = "";
    this.input.removeAttribute("aria-invalid");
    var first = !this.counted;
    if (first) {
      this.counted = true;
      var stats = this.Drill.record(H.stored(KEY, this.Drill.validStats, this.Drill.emptyStats).value, out.grade,
                                    out.traps.map(function (t) { return t.id; }));
      H.store(KEY, stats);
      this.showStats(stats);
    }
    this.showGrade(out, first);
  };

  Drills.prototype.showGrade = function (out, first) {
    var r = this.result;
    r.textContent = "";
    r.appendChild(h("p", { "class": "drills__grade drills__grade--" + out.grade, "data-grade": out.grade }, [
      h("strong", { text: GRADES[out.grade] + "." }),
      " You said " + out.said + "; the figure is ", h("strong", { text: out.figure }), " (" + out.verdict + ")."
    ]));
    r.appendChild(h("p", { "class": "drills__sum-title", text: "The sum:" }));
    r.appendChild(h("ol", { "class": "drills__steps" }, out.steps.map(function (s) { return h("li", { text: s }); })));
    out.traps.forEach(function (t) {
      r.appendChild(h("div", { "class": "drills__trap", "data-trap": t.id }, [
        h("p", {}, [h("strong", { text: "Trap: " + t.name + "." }),
                    " Your answer matches " + t.shown + ", " + t.what + "."]),
        h("p", { text: t.explain })
      ]));
    });
    if (!first) r.appendChild(h("p", { "class": "drills__note", text: "Only the first answer to a problem counts toward the streak." }));
    if (this.estimator) {
      r.appendChild(h("p", { "class": "drills__open" }, [
        h("a", { href: this.estimator + "#s=" + encodeURIComponent(JSON.stringify(this.problem.scenario)),
                 text: "Open this problem in the estimator" }), " to see every figure of the scenario."]));
    }
  };

  // ---------------------------------------------------------------- stats

  Drills.prototype.showStats = function (stats) {
    this.streak.setAttribute("data-streak", String(stats.streak));
    this.streak.setAttribute("data-best", String(stats.best));
    this.streak.textContent = "";
    this.streak.appendChild(document.createTextNode("Streak: "));
    this.streak.appendChild(h("strong", { text: String(stats.streak) }));
    this.streak.appendChild(document.createTextNode(" exact in a row · best " + stats.best + " · " + stats.exact +
                                                    " exact of " + stats.answered + " answered."));
    var top = this.Drill.topTraps(stats);
    this.trapList.textContent = top.length ? "Traps you hit most: " + top.map(function (t) {
      return t.name + " (" + t.count + ")";
    }).join(", ") + "." : "No traps hit yet.";
  };

  Drills.prototype.resetStats = function () {
    var empty = this.Drill.emptyStats();
    H.store(KEY, empty);
    this.showStats(empty);
    this.say("Stats reset: the streak, the best and the traps start again from zero.");
  };

  function start() {
    var root = document.getElementById("drills-tool");
    if (!root || !window.EstimateCore || !window.DrillCore || root.getAttribute("data-ready")) return;
    var Core = window.EstimateCore.create(JSON.parse(root.getAttribute("data-contract")));
    var Drill = window.DrillCore.create(Core, JSON.parse(root.getAttribute("data-config")));
    root.setAttribute("data-ready", "true");
    var drills = new Drills(root, Drill);
    window.__handbookDrills = drills;
    drills.fromHash();
  }

  // One listener for the visit: a seed typed into the address bar opens that problem.
  if (!window.__handbookDrillsHash) {
    window.__handbookDrillsHash = true;
    window.addEventListener("hashchange", function () {
      var current = window.__handbookDrills;
      if (!current || !document.contains(current.root)) return;
      var seed = current.Drill.seedFromHash(window.location.hash);
      if (seed !== null && (!current.problem || seed !== current.problem.seed)) current.fromHash();
    });
  }
  start();
})();
