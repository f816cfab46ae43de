// A table wider than the screen scrolls inside its own box (Material makes the table the scroll
// box). Keyboard users can only scroll a box they can focus, so a table that overflows gets a tab
// stop; a table that fits does not. Checked again after each instant navigation and when the
// window changes size.
(function () {
  "use strict";

  function update() {
    var tables = document.querySelectorAll(".md-content .md-typeset table");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        if (!table.hasAttribute("tabindex")) {
          table.setAttribute("tabindex", "0");
          table.setAttribute("data-scroll-focus", "");
        }
      } else if (table.hasAttribute("data-scroll-focus")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("data-scroll-focus");
      }
    });
  }

  var pending = 0;
  function later() {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(update);
  }

  window.addEventListener("resize", later);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
