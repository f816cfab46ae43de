// The interview timer: a 45- or 60-minute session split by the framework's step budgets (data-config,
// rendered from data/framework.yml). The current step number is in the root's data-phase ("1".."4")
// and only that step's block is shown. Time is measured with Date.now(), so a paused or throttled
// tab still shows the right phase when it wakes up.
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function clock(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    return Math.floor(s / 60) + ":" + pad(s % 60);
  }

  var h = window.Handbook.h;

  function Timer(root) {
    var self = this;
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-config"));
    this.length = String(this.config["default"]);
    this.elapsed = 0;      // ms counted before the current run
    this.since = null;     // Date.now() when the current run started, null when stopped
    this.interval = null;
    this.phase = 0;
    this.blocks = Array.prototype.slice.call(root.querySelectorAll(".timer-step"));

    var panel = h("div", { "class": "timer__panel" });
    var lengths = h("fieldset", { "class": "timer__lengths" });
    lengths.appendChild(h("legend", {}, "Interview length"));
    this.radios = Object.keys(this.config.lengths).map(function (len) {
      var id = "timer-length-" + len;
      var radio = h("input", { type: "radio", name: "timer-length", id: id, value: len });
      radio.checked = len === self.length;
      radio.addEventListener("change", function () { self.setLength(len); });
      var label = h("label", { "for": id }, " " + len + " minutes");
      label.insertBefore(radio, label.firstChild);
      lengths.appendChild(label);
      return radio;
    });
    panel.appendChild(lengths);

    var controls = h("div", { "class": "timer__controls" });
    this.toggle = h("button", { type: "button", "class": "md-button md-button--primary" }, "Start");
    this.toggle.addEventListener("click", function () { self.running() ? self.pause() : self.start(); });
    this.reset = h("button", { type: "button", "class": "md-button" }, "Reset");
    this.reset.addEventListener("click", function () { self.resetTimer(); });
    controls.appendChild(this.toggle);
    controls.appendChild(this.reset);
    panel.appendChild(controls);

    this.status = h("p", { "class": "timer__status" });
    this.stepClock = h("p", { "class": "timer__clock", "aria-hidden": "true" });
    this.announce = h("p", { "class": "timer__announce", role: "status", "aria-live": "polite" });
    this.bar = h("ol", { "class": "timer__bar", "aria-label": "Steps" });
    panel.appendChild(this.stepClock);
    panel.appendChild(this.status);
    panel.appendChild(this.bar);
    panel.appendChild(this.announce);
    root.insertBefore(panel, root.firstChild);
    this.drawBar();
    this.update(true);
  }

  Timer.prototype.minutes = function () {
    return this.config.lengths[this.length];
  };

  Timer.prototype.starts = function () {
    var at = 0;
    return this.minutes().map(function (m) { var s = at; at += m; return s; });
  };

  Timer.prototype.running = function () {
    return this.since !== null;
  };

  Timer.prototype.now = function () {
    return this.elapsed + (this.since === null ? 0 : Date.now() - this.since);
  };

  Timer.prototype.drawBar = function () {
    var self = this;
    var total = this.minutes().reduce(function (a, b) { return a + b; }, 0);
    this.bar.textContent = "";
    this.segments = this.minutes().map(function (m, i) {
      var step = self.config.steps[i];
      var li = h("li", { style: "flex-grow: " + m }, step.number + ". " + step.short + " · " + m + " min");
      self.bar.appendChild(li);
      return li;
    });
    this.total = total;
  };

  Timer.prototype.start = function () {
    var self = this;
    if (this.now() >= this.total * 60000) this.elapsed = 0;
    this.since = Date.now();
    this.radios.forEach(function (r) { r.disabled = true; });
    clearInterval(this.interval);
    this.interval = setInterval(function () { self.tick(); }, 250);
    this.update(true);
  };

  Timer.prototype.pause = function () {
    this.elapsed = this.now();
    this.since = null;
    clearInterval(this.interval);
    this.update(true);
  };

  Timer.prototype.resetTimer = function () {
    this.elapsed = 0;
    this.since = null;
    clearInterval(this.interval);
    this.radios.forEach(function (r) { r.disabled = false; });
    this.update(true);
  };

  Timer.prototype.setLength = function (len) {
    this.length = len;
    this.drawBar();
    this.update(true);
  };

  Timer.prototype.tick = function () {
    if (!document.contains(this.root)) {  // instant navigation left the page
      clearInterval(this.interval);
      return;
    }
    this.update(false);
  };

  Timer.prototype.update = function (force) {
    var now = this.now();
    var totalMs = this.total * 60000;
    var done = now >= totalMs;
    if (done && this.running()) {
      this.elapsed = totalMs;
      this.since = null;
      clearInterval(this.interval);
      now = totalMs;
    }
    var starts = this.starts();
    var phase = 0;
    starts.forEach(function (s, i) { if (now >= s * 60000) phase = i; });
    var minutes = this.minutes();
    var step = this.config.steps[phase];
    var stepLeft = (starts[phase] + minutes[phase]) * 60000 - now;

    if (phase !== this.phase || force) {
      var changed = phase !== this.phase;
      this.phase = phase;
      this.root.setAttribute("data-phase", String(phase + 1));
      this.blocks.forEach(function (b, i) { b.hidden = i !== phase; });
      this.segments.forEach(function (li, i) {
        li.className = i < phase ? "timer__done" : i === phase ? "timer__current" : "";
        if (i === phase) li.setAttribute("aria-current", "step");
        else li.removeAttribute("aria-current");
      });
      if (changed && this.running()) this.announce.textContent = "Step " + step.number + ": " + step.short + ".";
    }
    this.stepClock.textContent = clock(stepLeft);
    this.status.textContent = done
      ? "Time is up. Write the post-mortem note now."
      : "Step " + step.number + " of " + minutes.length + ": " + step.short + " · " + clock(stepLeft) +
        " left in this step · " + clock(totalMs - now) + " left of " + this.length + " minutes" +
        (this.running() ? "" : now > 0 ? " (paused)" : "");
    this.toggle.textContent = this.running() ? "Pause" : now > 0 && !done ? "Resume" : "Start";
    if (done) this.announce.textContent = "Time is up.";
  };

  var root = document.getElementById("timer-tool");
  if (root && !root.getAttribute("data-ready")) {
    root.setAttribute("data-ready", "true");
    new Timer(root);
  }
})();
