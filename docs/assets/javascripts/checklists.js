// Task lists remember their ticks in this browser (localStorage, one entry per page, keyed by the
// item's stable anchor id), name each checkbox after its item for screen readers, and get one
// "Clear ticks" control per page. Runs on every page, again after each instant navigation.
(function () {
  "use strict";
  var PREFIX = "handbook-ticks:";

  function storageKey() {
    return PREFIX + window.location.pathname;
  }

  function load(key) {
    try {
      var list = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (err) {
      return [];
    }
  }

  function save(key, ids) {
    try {
      if (ids.length) window.localStorage.setItem(key, JSON.stringify(ids));
      else window.localStorage.removeItem(key);
    } catch (err) {
      // storage unavailable (private mode, file://): ticks last until the page is left
    }
  }

  // The item's own text, without nested lists and the checkbox.
  function itemText(li) {
    var copy = li.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("ul, ol, label.task-list-control, input"), function (el) {
      el.parentNode.removeChild(el);
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // A stable id: the anchor the handbook puts on every item, or the item's text for other lists.
  function itemId(li) {
    var anchor = li.querySelector(":scope > .item-anchor, :scope > p > .item-anchor");
    if (anchor && anchor.id) return anchor.id;
    return "text:" + itemText(li).slice(0, 120);
  }

  function setup() {
    var boxes = Array.prototype.slice.call(
      document.querySelectorAll(".md-content li.task-list-item input[type=checkbox]"));
    if (!boxes.length) return;
    var key = storageKey();
    var ticked = load(key);
    var items = boxes.map(function (box) {
      var li = box.closest("li");
      var id = itemId(li);
      var text = itemText(li);
      box.disabled = false;
      if (text) box.setAttribute("aria-label", text);
      box.checked = ticked.indexOf(id) >= 0;
      box.setAttribute("data-item", id);
      return { box: box, id: id };
    });

    function store() {
      save(key, items.filter(function (it) { return it.box.checked; }).map(function (it) { return it.id; }));
    }
    items.forEach(function (it) { it.box.addEventListener("change", store); });

    var first = boxes[0].closest("ul, ol");
    if (first && !document.querySelector(".checklist-tools")) {
      var bar = document.createElement("p");
      bar.className = "checklist-tools";
      var note = document.createElement("span");
      note.textContent = "Ticks are kept in this browser. ";
      var clear = document.createElement("button");
      clear.type = "button";
      clear.className = "checklist-tools__clear";
      clear.textContent = "Clear ticks on this page";
      clear.addEventListener("click", function () {
        items.forEach(function (it) { it.box.checked = false; });
        save(key, []);
      });
      bar.appendChild(note);
      bar.appendChild(clear);
      first.parentNode.insertBefore(bar, first.nextSibling);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
