// Task lists remember their ticks in this browser (localStorage, one entry per page, keyed by the
// item's stable anchor id), name each checkbox after its item for screen readers, and get one
// "Clear ticks" control per page. Runs on every page, again after each instant navigation.
(function () {
  "use strict";
  var PREFIX = "handbook-ticks:";

  function storageKey() {
    return PREFIX + window.location.pathname;
  }

  var H = window.Handbook;

  function isIdList(value) {
    return Array.isArray(value) && value.every(function (id) { return typeof id === "string"; });
  }

  function save(key, ids) {
    H.store(key, ids.length ? ids : null);
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
    var ticked = H.stored(key, isIdList, function () { return []; }).value;
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
      var clear = H.button("Clear ticks on this page", "checklist-tools__clear", function () {
        items.forEach(function (it) { it.box.checked = false; });
        save(key, []);
      });
      var bar = H.h("p", { "class": "checklist-tools" }, [H.h("span", {}, "Ticks are kept in this browser. "), clear]);
      first.parentNode.insertBefore(bar, first.nextSibling);
    }
  }

  H.onEveryPage(setup);
})();
