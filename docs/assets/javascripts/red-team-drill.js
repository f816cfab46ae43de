// The red-team drill: one interrupt card at a time, in a shuffled order (each once before any
// repeats), its answer hidden until revealed. Keys: n = next, r = reveal. The prompt picker draws
// one worked example's prompt at random.
(function () {
  "use strict";

  var h = window.Handbook.h;

  function shuffle(list) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  function Drill(root) {
    var self = this;
    this.root = root;
    this.cards = Array.prototype.slice.call(root.querySelectorAll(".drill-card"));
    this.order = [];
    this.current = null;
    this.asked = 0;
    this.cards.forEach(function (card) {
      card.hidden = true;
      var answer = card.querySelector(".drill-card__answer");
      answer.hidden = true;
      answer.id = "drill-answer-" + card.getAttribute("data-question");
    });

    var bar = h("div", { "class": "drill__controls" });
    this.next = h("button", { type: "button", "class": "md-button md-button--primary", "aria-keyshortcuts": "n" }, "Next interrupt");
    this.reveal = h("button", { type: "button", "class": "md-button", "aria-keyshortcuts": "r", "aria-expanded": "false" }, "Reveal answer");
    this.reveal.disabled = true;
    this.count = h("span", { "class": "drill__count", role: "status" }, "Press n or “Next interrupt” to start.");
    this.next.addEventListener("click", function () { self.showNext(); });
    this.reveal.addEventListener("click", function () { self.toggleAnswer(); });
    bar.appendChild(this.next);
    bar.appendChild(this.reveal);
    bar.appendChild(this.count);
    root.insertBefore(bar, root.firstChild);
  }

  Drill.prototype.showNext = function () {
    if (this.order.length === 0) {
      var last = this.current;
      this.order = shuffle(this.cards);
      if (this.order.length > 1 && this.order[0] === last) this.order.push(this.order.shift());
    }
    if (this.current) this.current.hidden = true;
    this.current = this.order.shift();
    this.current.hidden = false;
    this.setAnswer(false);
    this.reveal.disabled = false;
    this.asked = (this.asked % this.cards.length) + 1;
    this.count.textContent = "Interrupt " + this.asked + " of " + this.cards.length + ".";
    this.current.querySelector(".drill-card__question").setAttribute("tabindex", "-1");
    this.current.querySelector(".drill-card__question").focus({ preventScroll: true });
  };

  Drill.prototype.setAnswer = function (open) {
    if (!this.current) return;
    var answer = this.current.querySelector(".drill-card__answer");
    answer.hidden = !open;
    this.reveal.setAttribute("aria-expanded", String(open));
    this.reveal.setAttribute("aria-controls", answer.id);
    this.reveal.textContent = open ? "Hide answer" : "Reveal answer";
  };

  Drill.prototype.toggleAnswer = function () {
    if (!this.current) return;
    this.setAnswer(this.current.querySelector(".drill-card__answer").hidden);
  };

  function Picker(root) {
    var items = Array.prototype.slice.call(root.querySelectorAll("li"));
    if (!items.length) return;
    var p = root.querySelector(".prompt-picker__controls");
    var button = p && p.querySelector("button");
    if (!button) return;
    var shown = h("p", { "class": "prompt-picker__pick", role: "status" });
    var previous = null;
    button.addEventListener("click", function () {
      var pool = items.length > 1 ? items.filter(function (li) { return li !== previous; }) : items;
      var pick = pool[Math.floor(Math.random() * pool.length)];
      items.forEach(function (li) { li.classList.toggle("prompt-picker__chosen", li === pick); });
      previous = pick;
      shown.textContent = "";
      var prompt = pick.querySelector(".prompt-picker__prompt");
      var link = pick.querySelector("a");
      shown.appendChild(h("strong", {}, prompt ? prompt.textContent : ""));
      shown.appendChild(document.createTextNode(" Fifteen minutes: numbers, flow, failures. Then compare with "));
      shown.appendChild(h("a", { href: link.getAttribute("href") }, link.textContent));
      shown.appendChild(document.createTextNode("."));
    });
    root.insertBefore(shown, p.nextSibling);
  }

  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  // One key listener for the whole visit. It runs before Material's (which would take `n` to the
  // next page) and only acts while a drill is on the page.
  if (!window.__handbookDrillKeys) {
    window.__handbookDrillKeys = true;
    window.addEventListener("keydown", function (event) {
      var drill = window.__handbookDrill;
      if (!drill || !document.contains(drill.root)) return;
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      var key = event.key.toLowerCase();
      if (key !== "n" && key !== "r") return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (key === "n") drill.showNext();
      else drill.toggleAnswer();
    }, true);
  }

  var root = document.getElementById("drill-tool");
  if (root && !root.getAttribute("data-ready")) {
    root.setAttribute("data-ready", "true");
    window.__handbookDrill = new Drill(root);
  }
  var picker = document.getElementById("prompt-picker");
  if (picker && !picker.getAttribute("data-ready")) {
    picker.setAttribute("data-ready", "true");
    new Picker(picker);
  }
})();
