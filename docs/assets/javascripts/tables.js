// A table wider than the screen scrolls inside its own box (Material makes the table the scroll
// box). Keyboard users can only scroll a box they can focus, so a table that overflows gets a tab
// stop; a table that fits does not. A ResizeObserver tells when each table has been laid out (and
// again whenever its width changes).
(function () {
  "use strict";
  if (!("ResizeObserver" in window)) return;

  // Widths are read in the observer (layout is fresh there); the attributes are written a task
  // later, so the frame is not laid out a second time for them.
  var watch = new ResizeObserver(function (entries) {
    var seen = entries.map(function (entry) {
      var table = entry.target;
      return { table: table, wide: table.scrollWidth > table.clientWidth + 1 };
    });
    window.setTimeout(function () {
      seen.forEach(function (it) {
        if (it.wide && !it.table.hasAttribute("tabindex")) {
          it.table.setAttribute("tabindex", "0");
          it.table.setAttribute("data-scroll-focus", "");
        } else if (!it.wide && it.table.hasAttribute("data-scroll-focus")) {
          it.table.removeAttribute("tabindex");
          it.table.removeAttribute("data-scroll-focus");
        }
      });
      document.body.setAttribute("data-tables-measured", "");  // for tests: the first pass is done
    }, 0);
  });

  // Start once the browser is idle: the tab stops matter only when a reader can scroll, and
  // measuring every table while the page is still being laid out costs the first paint.
  var later = window.requestIdleCallback || function (fn) { window.setTimeout(fn, 200); };

  function observe() {
    document.body.removeAttribute("data-tables-measured");
    later(function () {
      var tables = document.querySelectorAll(".md-content .md-typeset table");
      Array.prototype.forEach.call(tables, function (table) { watch.observe(table); });
      if (!tables.length) document.body.setAttribute("data-tables-measured", "");
    });
  }

  // Again after each instant navigation, which brings new tables.
  window.Handbook.onEveryPage(observe);
})();
