// The mock interview: set up (prompt, length, budget, level), run the four steps against the clock
// with a "Next step" button, tick what each step covered, score the rubric's abilities for the level
// and write the post-mortem, then keep it in a history that can be exported and imported as JSON.
// The mock in progress is kept in localStorage on every change and every tick, so a reload, instant
// navigation or a sleeping tab carries on. The logic is MockCore (mock-core.js); times come from a
// monotonic clock, never from Date.now(), so a wall clock that moves does not move the mock.
(function () {
  "use strict";
  var H = window.Handbook, h = H.h, Core = window.MockCore;
  var KEY = "handbook-mock", HISTORY = "handbook-mock-history";
  var TICK_MS = 500;
  var GRADES = [[1, "weak", "Weak"], [2, "solid", "Solid"], [3, "strong", "Strong"]];

  // A monotonic reading on a scale that goes on across page loads. performance.now() first: a faked
  // clock (Playwright's) sets its time origin on its first reading in a document.
  function now() {
    var t = performance.now();
    return performance.timeOrigin + t;
  }

  function newId() {
    return "mock-" + Math.floor(now()).toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // A saved mock's date as the reader's calendar and clock show it.
  function shownDate(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function minutesText(n) {
    return n + " min";
  }

  function Mock(root) {
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-config"));
    this.prompts = {};
    var self = this;
    this.config.prompts.forEach(function (p) { self.prompts[p.id] = p; });
    this.interval = null;
    this.listeners = [];

    var kept = H.stored(KEY, Core.isMock, function () { return null; });
    var past = H.stored(HISTORY, Core.isHistory, function () { return []; });
    this.mock = kept.value;
    this.history = past.value;

    var noscript = root.querySelector(".practice-noscript");
    if (noscript) noscript.parentNode.removeChild(noscript);
    if (kept.problem) root.appendChild(h("p", { "class": "mock__problem", role: "status" }, "The mock in progress: " + kept.problem));
    if (past.problem) root.appendChild(h("p", { "class": "mock__problem", role: "status" }, "Your mock history: " + past.problem));
    this.stage = root.appendChild(h("div", { "class": "mock__stage" }));
    this.announce = root.appendChild(h("p", { "class": "mock__announce", role: "status" }));
    this.historyView = root.appendChild(h("section", { "class": "mock__history", "aria-labelledby": "mock-history-title" }));
    this.buildHistory();

    if (this.mock) this.mock.clock = Core.rebase(this.mock.clock, now());  // this page's clock from here on
    this.save();
    this.show(false);
    this.watch(document, "visibilitychange", function () { self.keep(); });
    this.watch(window, "pagehide", function () { self.keep(); });
  }

  // --- plumbing ----------------------------------------------------------------------------------

  Mock.prototype.watch = function (target, event, fn) {
    target.addEventListener(event, fn);
    this.listeners.push([target, event, fn]);
  };

  // False once instant navigation has taken this page away: then stop, and write nothing more.
  Mock.prototype.alive = function () {
    if (document.contains(this.root)) return true;
    clearInterval(this.interval);
    this.listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
    this.listeners = [];
    return false;
  };

  Mock.prototype.save = function () {
    H.store(KEY, this.mock);
  };

  // Checkpoint the clock (each tick, when the tab hides, when the page goes).
  Mock.prototype.keep = function () {
    if (!this.alive() || !this.mock || this.mock.stage !== "running") return;
    this.mock.clock = Core.checkpoint(this.mock.clock, now());
    this.save();
    if (document.visibilityState !== "hidden") this.tick();
  };

  Mock.prototype.say = function (text) {
    this.announce.textContent = text;
  };

  // Draw the stage the mock is in; move focus to its start when the reader made the change.
  Mock.prototype.show = function (focus) {
    var self = this;
    clearInterval(this.interval);
    this.stage.textContent = "";
    var stage = !this.mock ? "setup" : this.mock.stage;
    this.root.setAttribute("data-stage", stage);
    this.root.removeAttribute("data-step");
    var first;
    if (stage === "setup") first = this.buildSetup();
    else if (stage === "running") {
      first = this.buildRun();
      this.interval = setInterval(function () { self.keep(); }, TICK_MS);
    } else first = this.buildScore();
    if (focus && first) first.focus();
  };

  function radios(name, legend, options, checked, onchange) {
    var set = h("fieldset", { "class": "mock__choice mock__choice--" + name });
    set.appendChild(h("legend", {}, legend));
    options.forEach(function (o) {
      var id = "mock-" + name + "-" + o.value;
      var input = h("input", { type: "radio", name: "mock-" + name, id: id, value: o.value,
                               "aria-describedby": o.hint ? id + "-hint" : null });
      input.checked = String(o.value) === String(checked);
      if (onchange) input.addEventListener("change", function () { onchange(o.value); });
      set.appendChild(h("div", { "class": "mock__option" }, [input, " ", h("label", { "for": id }, o.label),
                                                              o.hint ? h("span", { "class": "mock__hint", id: id + "-hint" }, o.hint) : null]));
    });
    return set;
  }

  function checkedValue(container, name) {
    var input = container.querySelector('input[name="mock-' + name + '"]:checked');
    return input ? input.value : null;
  }

  Mock.prototype.budgetLine = function (minutes) {
    var steps = this.config.steps;
    return minutes.map(function (m, i) { return steps[i].short + " " + minutesText(m); }).join(" · ");
  };

  Mock.prototype.levelOf = function (id) {
    return this.config.levels.filter(function (lv) { return lv.id === id; })[0] || { id: id, name: id, bar: "" };
  };

  // --- setup -------------------------------------------------------------------------------------

  Mock.prototype.buildSetup = function () {
    var self = this, c = this.config;
    var view = h("section", { "class": "mock__setup", "aria-labelledby": "mock-setup-title" });
    var title = h("h2", { id: "mock-setup-title", tabindex: "-1" }, "Set up a mock");
    view.appendChild(title);

    var select = h("select", { id: "mock-prompt" });
    select.appendChild(h("option", { value: "random" }, "Any prompt, at random"));
    [["worked example", "Worked examples"], ["cold prompt", "Cold prompts (no worked answer)"]].forEach(function (kind) {
      var group = h("optgroup", { label: kind[1] });
      c.prompts.filter(function (p) { return p.kind === kind[0]; }).forEach(function (p) {
        group.appendChild(h("option", { value: p.id }, p.title));
      });
      if (group.children.length) select.appendChild(group);
    });
    view.appendChild(h("p", { "class": "mock__field" }, [h("label", { "for": "mock-prompt" }, "Prompt"), " ", select]));

    var preview = h("p", { "class": "mock__hint mock__preview", id: "mock-budget-preview" });
    function update() {
      var length = checkedValue(view, "length"), budget = checkedValue(view, "budget");
      preview.textContent = "Per step at " + length + " minutes: " + self.budgetLine(c.budgets[budget][length]) + ".";
    }
    view.appendChild(radios("length", "Length", c.lengths.map(function (t) {
      return { value: t, label: t + " minutes" };
    }), c["default"], update));
    var budgets = radios("budget", "Time budget", Object.keys(c.budgets).map(function (b) {
      return { value: b, label: c.budgetNames[b] || b };
    }), "handbook", update);
    budgets.appendChild(preview);
    view.appendChild(budgets);
    view.appendChild(radios("level", "Level you are aiming at", c.levels.map(function (lv) {
      return { value: lv.id, label: lv.name, hint: lv.bar };
    }), c.levels.length > 1 ? c.levels[1].id : c.levels[0].id));
    update();

    view.appendChild(h("p", { "class": "mock__controls" }, [H.button("Start the mock", "md-button md-button--primary", function () {
      self.start(select.value, Number(checkedValue(view, "length")), checkedValue(view, "budget"), checkedValue(view, "level"));
    })]));
    this.stage.appendChild(view);
    return title;
  };

  Mock.prototype.start = function (promptId, length, budget, level) {
    var c = this.config;
    var prompt = promptId === "random" || !this.prompts[promptId]
      ? c.prompts[Math.floor(Math.random() * c.prompts.length)] : this.prompts[promptId];
    this.mock = Core.newMock({ promptId: prompt.id, promptTitle: prompt.title, length: length, budget: budget, level: level,
                               minutes: c.budgets[budget][String(length)] }, now(), new Date().toISOString(), newId());
    this.save();
    this.say("The clock runs. Step 1: " + c.steps[0].short + ", " + minutesText(this.mock.minutes[0]) + ".");
    this.show(true);
  };

  // --- running -----------------------------------------------------------------------------------

  Mock.prototype.promptCard = function (focusable) {
    var m = this.mock, p = this.prompts[m.promptId];
    var card = h("div", { "class": "mock__prompt", tabindex: focusable ? "-1" : null });
    card.appendChild(h("p", { "class": "mock__say" }, "Say the prompt aloud:"));
    card.appendChild(h("p", { "class": "mock__prompt-text" }, p ? p.prompt : m.promptTitle));
    var meta = [p ? h("a", { href: p.url }, p.title) : m.promptTitle, p ? " (" + p.kind + ")" : "",
                " · " + m.length + " minutes · " + (this.config.budgetNames[m.budget] || m.budget) +
                " · aiming at " + this.levelOf(m.level).name];
    card.appendChild(h("p", { "class": "mock__prompt-meta" }, meta));
    return card;
  };

  Mock.prototype.buildRun = function () {
    var self = this, c = this.config;
    var view = h("section", { "class": "mock__run", "aria-labelledby": "mock-run-title" });
    view.appendChild(h("h2", { id: "mock-run-title" }, "Mock in progress"));
    var card = view.appendChild(this.promptCard(true));
    this.bar = view.appendChild(h("ol", { "class": "mock__bar", "aria-label": "Steps" }));
    var panel = view.appendChild(h("div", { "class": "mock__now" }));
    this.stepName = panel.appendChild(h("p", { "class": "mock__step-name" }));
    this.stepClock = panel.appendChild(h("p", { "class": "mock__step-clock" }));
    this.total = panel.appendChild(h("p", { "class": "mock__total" }));
    this.checklist = view.appendChild(h("div", { "class": "mock__checklist" }));

    this.nextButton = H.button("Next step", "md-button md-button--primary", function () { self.next(); });
    this.pauseButton = H.button("Pause", "md-button", function () { self.togglePause(); });
    var finish = this.finishButton = H.button("Finish", "md-button", function () { self.finish(); });
    var abandon = H.button("Abandon", "md-button", function () {
      confirm.hidden = false;
      yes.focus();
    });
    var yes = H.button("Yes, abandon this mock", "md-button", function () {
      self.mock = null;
      self.save();
      self.say("The mock was abandoned; nothing was saved.");
      self.show(true);
    });
    var no = H.button("Keep going", "md-button", function () {
      confirm.hidden = true;
      abandon.focus();
    });
    var confirm = h("p", { "class": "mock__confirm", hidden: true }, [h("span", {}, "Abandon this mock? It is not saved. "), yes, no]);
    view.appendChild(h("p", { "class": "mock__controls" }, [this.nextButton, finish, this.pauseButton, abandon]));
    view.appendChild(confirm);
    this.covered = view.appendChild(h("div", { "class": "mock__covered" }));
    this.stage.appendChild(view);
    this.shownStep = null;
    this.tick();
    return card;
  };

  // The step's own parts (name, checklist, the bar's marks, the covered questions) when it changes.
  Mock.prototype.drawStep = function (step) {
    var self = this, m = this.mock, c = this.config, s = c.steps[step];
    var done = Core.splits(m.marks);
    this.root.setAttribute("data-step", String(step + 1));
    this.stepName.textContent = "Step " + s.number + " of " + c.steps.length + ": " + s.short;
    this.bar.textContent = "";
    m.minutes.forEach(function (min, i) {
      var text = c.steps[i].number + ". " + c.steps[i].short + " · " + minutesText(min);
      if (i < done.length) text += " · took " + Core.formatClock(done[i]);
      var li = h("li", { "class": i < step ? "mock__done" + (Core.isOver(done[i], min) ? " mock__late" : "") : i === step ? "mock__current" : "",
                         style: "flex-grow: " + Math.max(min, 1), "aria-current": i === step ? "step" : null }, text);
      self.bar.appendChild(li);
    });
    this.checklist.textContent = "";
    this.checklist.appendChild(h("p", { "class": "mock__checklist-title" }, "Leave step " + s.number + " with:"));
    this.checklist.appendChild(h("ul", {}, s.checklist.map(function (item) { return h("li", {}, item.text); })));
    this.checklist.appendChild(h("p", { "class": "mock__hint" }, [h("a", { href: s.url }, "Step " + s.number + " in full"),
                                                                  ": " + s.title + "."]));
    var hadFocus = document.activeElement === this.nextButton;
    this.nextButton.hidden = step >= c.steps.length - 1;
    if (hadFocus && this.nextButton.hidden) this.finishButton.focus();  // the last step: Finish is next
    this.drawCovered(this.covered, m.marks.length, true);
    this.shownStep = step;
    this.warned = Core.currentStep(m.marks, m.minutes, Core.elapsed(m.clock, now())).over > 0;
  };

  // One fieldset per ended step: its checklist as boxes, ticked ones kept in the mock. Newest first
  // while the mock runs, so the question sits right under the controls.
  Mock.prototype.drawCovered = function (into, count, newestFirst) {
    var self = this, c = this.config;
    into.textContent = "";
    if (!count) return;
    var order = [];
    for (var i = 0; i < count; i += 1) order.push(i);
    if (newestFirst) order.reverse();
    order.forEach(function (i) {
      var s = c.steps[i], key = String(s.number);
      var set = h("fieldset", { "class": "mock__covered-step", "data-step": key });
      set.appendChild(h("legend", {}, "Step " + s.number + ", " + s.short + ": what did you cover?"));
      s.checklist.forEach(function (item) {
        var id = "mock-covered-" + key + "-" + item.id;
        var box = h("input", { type: "checkbox", id: id, value: item.id });
        box.checked = (self.mock.covered[key] || []).indexOf(item.id) >= 0;
        box.addEventListener("change", function () {
          var ticked = (self.mock.covered[key] || []).filter(function (x) { return x !== item.id; });
          if (box.checked) ticked.push(item.id);
          self.mock.covered[key] = ticked;
          self.save();
        });
        set.appendChild(h("div", { "class": "mock__option" }, [box, " ", h("label", { "for": id }, item.text)]));
      });
      into.appendChild(set);
    });
  };

  Mock.prototype.tick = function () {
    var m = this.mock;
    if (!m || m.stage !== "running" || !this.stepClock) return;
    var e = Core.elapsed(m.clock, now());
    var at = Core.currentStep(m.marks, m.minutes, e);
    if (at.step !== this.shownStep) this.drawStep(at.step);
    var paused = m.clock.pausedAt !== null;
    var over = at.over > 0;
    this.root.setAttribute("data-over", String(over));
    this.stepClock.textContent = "";
    this.stepClock.appendChild(h("span", { "class": "mock__big" }, Core.formatClock(at.inStep)));
    this.stepClock.appendChild(document.createTextNode(" of " + minutesText(m.minutes[at.step]) + " in this step"));
    if (over) this.stepClock.appendChild(h("strong", { "class": "mock__over" }, " · " + Core.formatClock(at.over) + " over budget"));
    if (paused) this.stepClock.appendChild(h("span", { "class": "mock__paused" }, " · paused"));
    var total = m.length * 60000;
    this.total.textContent = "Elapsed " + Core.formatClock(e) + " · " + (e <= total
      ? Core.formatLeft(total - e) + " left of " + m.length + " minutes"
      : "time is up: " + Core.formatClock(e - total) + " past " + m.length + " minutes");
    this.total.classList.toggle("mock__over", e > total);
    this.pauseButton.textContent = paused ? "Resume" : "Pause";
    if (over && !this.warned) {
      this.warned = true;
      this.say("Step " + (at.step + 1) + " is over its " + minutesText(m.minutes[at.step]) + " budget.");
    }
    if (e > total && !this.timeUp) {
      this.timeUp = true;
      this.say("Time is up: " + m.length + " minutes. Wrap up and press Finish.");
    }
  };

  Mock.prototype.next = function () {
    this.mock = Core.nextStep(this.mock, now());
    this.save();
    if (this.mock.stage !== "running") return this.scoring();
    var s = this.config.steps[this.mock.marks.length];
    var ended = this.config.steps[this.mock.marks.length - 1];
    this.say("Step " + ended.number + " took " + Core.formatClock(Core.splits(this.mock.marks)[this.mock.marks.length - 1]) +
             ". Step " + s.number + ": " + s.short + ", " + minutesText(this.mock.minutes[this.mock.marks.length]) +
             ". Tick what step " + ended.number + " covered below.");
    this.tick();
    return undefined;
  };

  Mock.prototype.finish = function () {
    this.mock = Core.finish(this.mock, now());
    this.save();
    this.scoring();
  };

  Mock.prototype.scoring = function () {
    this.say("The mock is over after " + Core.formatClock(this.mock.marks[this.mock.marks.length - 1] || 0) + ". Score it below.");
    this.show(true);
  };

  Mock.prototype.togglePause = function () {
    var t = now(), paused = this.mock.clock.pausedAt !== null;
    this.mock.clock = paused ? Core.resume(this.mock.clock, t) : Core.pause(this.mock.clock, t);
    this.save();
    this.say(paused ? "Resumed." : "Paused. A real interview does not pause.");
    this.tick();
  };

  // --- scoring -----------------------------------------------------------------------------------

  Mock.prototype.splitsTable = function () {
    var m = this.mock, c = this.config, done = Core.splits(m.marks);
    var rows = m.minutes.map(function (min, i) {
      var took = i < done.length ? done[i] : null;
      return h("tr", {}, [h("th", { scope: "row" }, c.steps[i].number + ". " + c.steps[i].short),
                          h("td", {}, minutesText(min)),
                          h("td", { "class": Core.isOver(took, min) ? "mock__over" : null },
                            took === null ? "not reached" : Core.formatClock(took) + (Core.isOver(took, min) ? " (over)" : ""))]);
    });
    rows.push(h("tr", { "class": "mock__sum" }, [h("th", { scope: "row" }, "In all"), h("td", {}, minutesText(m.length)),
                                                 h("td", {}, Core.formatClock(m.marks[m.marks.length - 1] || 0))]));
    return h("table", { "class": "mock__table mock__splits" }, [
      h("caption", {}, "Time per step"),
      h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, "Step"), h("th", { scope: "col" }, "Budget"), h("th", { scope: "col" }, "Took")])]),
      h("tbody", {}, rows)]);
  };

  Mock.prototype.buildScore = function () {
    var self = this, m = this.mock, c = this.config, level = this.levelOf(m.level);
    var view = h("section", { "class": "mock__score", "aria-labelledby": "mock-score-title" });
    var title = h("h2", { id: "mock-score-title", tabindex: "-1" }, "Score the mock");
    view.appendChild(title);
    view.appendChild(this.promptCard(false));
    view.appendChild(h("div", { "class": "mock__table-wrap" }, [this.splitsTable()]));
    var covered = view.appendChild(h("div", { "class": "mock__covered" }));
    this.drawCovered(covered, m.marks.length, false);

    view.appendChild(h("p", { "class": "mock__bar-text" }, [h("strong", {}, "The bar for " + level.name + ": "), level.bar + " ",
                                                           "Each grade is described in ", h("a", { href: c.rubricUrl }, "what interviewers expect"), "."]));
    c.abilities.forEach(function (a) {
      var set = h("fieldset", { "class": "mock__ability", "data-ability": a.id });
      set.appendChild(h("legend", {}, a.name));
      GRADES.forEach(function (g) {
        var id = "mock-score-" + a.id + "-" + g[1];
        var input = h("input", { type: "radio", name: "mock-score-" + a.id, id: id, value: String(g[0]) });
        input.checked = m.scores[a.id] === g[0];
        input.addEventListener("change", function () {
          self.mock.scores[a.id] = g[0];
          self.save();
        });
        set.appendChild(h("div", { "class": "mock__option mock__grade" }, [input, " ",
          h("label", { "for": id }, [h("strong", {}, g[2] + " (" + g[0] + ")"), " " + a[g[1]]])]));
      });
      view.appendChild(set);
    });

    var notes = h("fieldset", { "class": "mock__notes" }, [h("legend", {}, "Post-mortem")]);
    c.postMortem.forEach(function (b) {
      var id = "mock-pm-" + b.id;
      var area = h("textarea", { id: id, rows: "3" });
      area.value = m.notes[b.id] || "";
      area.addEventListener("input", function () {
        self.mock.notes[b.id] = area.value;
        self.save();
      });
      notes.appendChild(h("div", { "class": "mock__field" }, [h("label", { "for": id }, b.text), area]));
    });
    view.appendChild(notes);

    var problem = h("p", { "class": "mock__save-problem", role: "status" });
    var save = H.button("Save to history", "md-button md-button--primary", function () {
      var missing = Core.unscored(self.mock.scores, c.abilities.map(function (a) { return a.id; }));
      if (missing.length) {
        problem.textContent = "Score every ability before saving; still to score: " + c.abilities.filter(function (a) {
          return missing.indexOf(a.id) >= 0;
        }).map(function (a) { return a.name; }).join(", ") + ".";
        var first = view.querySelector('.mock__ability[data-ability="' + missing[0] + '"] input');
        if (first) first.focus();
        return;
      }
      self.saveMock();
    });
    var discard = H.button("Discard", "md-button", function () { confirm.hidden = false; yes.focus(); });
    var yes = H.button("Yes, discard this mock", "md-button", function () {
      self.mock = null;
      self.save();
      self.say("The mock was discarded; nothing was saved.");
      self.show(true);
    });
    var no = H.button("Keep it", "md-button", function () { confirm.hidden = true; discard.focus(); });
    var confirm = h("p", { "class": "mock__confirm", hidden: true }, [h("span", {}, "Discard this mock without saving it? "), yes, no]);
    view.appendChild(h("p", { "class": "mock__controls" }, [save, discard]));
    view.appendChild(confirm);
    view.appendChild(problem);
    this.stage.appendChild(view);
    return title;
  };

  Mock.prototype.saveMock = function () {
    var entry = Core.entryFrom(this.mock);
    this.history = Core.merge(this.history, [entry]).history;
    H.store(HISTORY, this.history);
    this.mock = null;
    this.save();
    this.say("Saved: " + entry.promptTitle + ", mean score " + Core.oneDecimal(Core.mean(entry.scores)) + ".");
    this.show(false);
    this.buildHistory();
    this.historyTitle.focus();
  };

  // --- history -----------------------------------------------------------------------------------

  Mock.prototype.buildHistory = function () {
    var self = this, c = this.config, view = this.historyView;
    view.textContent = "";
    this.historyTitle = view.appendChild(h("h2", { id: "mock-history-title", tabindex: "-1" }, "Your mocks"));
    var list = Core.byDate(this.history);
    if (!list.length) view.appendChild(h("p", { "class": "mock__empty" }, "No mock saved in this browser yet."));
    else {
      view.appendChild(h("p", { "class": "mock__trend" }, Core.trend(this.history).text));
      view.appendChild(h("div", { "class": "mock__table-wrap", role: "region", "aria-label": "Past mocks", tabindex: "0" },
                         [this.historyTable(list)]));
    }

    var status = h("p", { "class": "mock__history-status", role: "status" });
    var exportButton = H.button("Export as JSON", "md-button", function () { self.exportHistory(status); });
    exportButton.disabled = !list.length;
    var file = h("input", { type: "file", id: "mock-import", accept: "application/json,.json" });
    file.addEventListener("change", function () { self.importHistory(file, status); });
    var clear = H.button("Clear the history", "md-button", function () { confirm.hidden = false; yes.focus(); });
    clear.disabled = !list.length;
    var yes = H.button("Yes, delete " + list.length + (list.length === 1 ? " mock" : " mocks"), "md-button", function () {
      self.history = [];
      H.store(HISTORY, self.history);
      self.buildHistory();
      self.historyStatus.textContent = "The history is cleared.";
      self.historyTitle.focus();
    });
    var no = H.button("Keep them", "md-button", function () { confirm.hidden = true; clear.focus(); });
    var confirm = h("p", { "class": "mock__confirm", hidden: true },
                    [h("span", {}, "Delete every saved mock from this browser? Export them first to keep a copy. "), yes, no]);
    view.appendChild(h("div", { "class": "mock__actions" }, [
      h("p", { "class": "mock__controls" }, [exportButton, clear]),
      h("p", { "class": "mock__field mock__import" }, [h("label", { "for": "mock-import" }, "Import mocks from a JSON file"), " ", file]),
      confirm]));
    view.appendChild(status);
    this.historyStatus = status;
  };

  Mock.prototype.historyTable = function (list) {
    var c = this.config;
    var head = [h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, "Prompt"), h("th", { scope: "col" }, "Length"),
                h("th", { scope: "col" }, "Level")];
    c.steps.forEach(function (s) { head.push(h("th", { scope: "col", "class": "mock__num" }, s.number + ". " + s.short)); });
    c.abilities.forEach(function (a) { head.push(h("th", { scope: "col", "class": "mock__num" }, a.name)); });
    head.push(h("th", { scope: "col", "class": "mock__num" }, "Mean"));
    var self = this, rows = [];
    list.forEach(function (e) {
      var cells = [h("td", { "class": "mock__date" }, shownDate(e.date)), h("td", {}, self.promptCell(e)),
                   h("td", {}, e.length + " min"), h("td", {}, self.levelOf(e.level).name)];
      e.minutes.forEach(function (min, i) {
        var over = Core.isOver(e.splits[i], min);
        cells.push(h("td", { "class": "mock__num" + (over ? " mock__over" : "") },
                     [Core.splitText(e.splits[i], min), over ? h("span", { "class": "mock__sr" }, " (over budget)") : null]));
      });
      c.abilities.forEach(function (a) {
        var s = e.scores[a.id];
        cells.push(h("td", { "class": "mock__num" }, Core.isScore(s) ? s + " " + GRADES[s - 1][1] : "–"));
      });
      cells.push(h("td", { "class": "mock__num mock__mean" }, Core.oneDecimal(Core.mean(e.scores))));
      rows.push(h("tr", { "data-mock": e.id }, cells));
      // The post-mortem, when one was written, on a line of its own under the mock.
      var written = c.postMortem.filter(function (b) { return e.notes[b.id]; });
      if (written.length) {
        rows.push(h("tr", { "class": "mock__note-row", "data-notes-for": e.id }, [h("td", { colspan: String(cells.length) },
          [h("strong", {}, "Post-mortem: ")].concat(written.map(function (b, i) {
            return h("span", {}, [(i ? " · " : "") + b.text + " ", h("em", {}, e.notes[b.id])]);
          })))]));
      }
    });
    return h("table", { "class": "mock__table mock__past" }, [
      h("caption", {}, "Saved mocks, oldest first: minutes:seconds each step took against its budget in minutes, and the scores (1 weak, 2 solid, 3 strong)"),
      h("thead", {}, [h("tr", {}, head)]), h("tbody", {}, rows)]);
  };

  Mock.prototype.promptCell = function (e) {
    var p = this.prompts[e.promptId];
    return [p ? h("a", { href: p.url }, e.promptTitle) : e.promptTitle];
  };

  Mock.prototype.exportHistory = function (status) {
    var text = JSON.stringify(Core.exportFile(this.history), null, 2);
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var d = new Date();
    var link = h("a", { href: url, download: "handbook-mocks-" + d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + ".json",
                        hidden: true });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    status.textContent = "Exported " + this.history.length + (this.history.length === 1 ? " mock." : " mocks.");
  };

  Mock.prototype.importHistory = function (input, status) {
    var self = this, file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      input.value = "";
      if (!self.alive()) return;
      var read = Core.readImport(String(reader.result));
      if (read.problem) {
        status.textContent = read.problem + " Nothing was changed.";
        status.classList.add("mock__bad");
        return;
      }
      var merged = Core.merge(self.history, read.mocks);
      self.history = merged.history;
      H.store(HISTORY, self.history);
      self.buildHistory();
      self.historyStatus.textContent = "Imported " + merged.added + (merged.added === 1 ? " mock" : " mocks") +
        (merged.skipped ? "; " + merged.skipped + " already here " + (merged.skipped === 1 ? "was" : "were") + " skipped." : ".");
      document.getElementById("mock-import").focus();
    };
    reader.onerror = function () {
      input.value = "";
      status.textContent = "This file could not be read. Nothing was changed.";
    };
    reader.readAsText(file);
  };

  var root = document.getElementById("mock-tool");
  if (root && !root.getAttribute("data-ready") && Core) {
    root.setAttribute("data-ready", "true");
    new Mock(root);
  }
})();
