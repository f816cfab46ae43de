// Material draws diagrams with a global `mermaid` and fetches it from a CDN when there is none.
// This stand-in keeps every request on this site: it loads the real library from here, and only
// when a page actually has a diagram to draw (so pages without diagrams never pay for it).
//
// The library is 3.5 MB and takes a phone about a second of main-thread work, so a page with a
// diagram does not load it while the page itself loads. It loads when the first of these comes:
//   - a diagram comes within about two screens of the viewport (the reader is heading there);
//   - the reader starts printing (beforeprint; the diagrams join from the next print on);
//   - the page has been open and idle for a few seconds (so diagrams are ready further down,
//     for printing, and for tools that wait for them, such as scripts/export_pdf.py).
// Once loaded, every diagram on this and later pages is drawn straight away.
(function () {
  "use strict";
  var script = document.currentScript;
  var src = script && script.src.replace(/mermaid-loader\.js(\?.*)?$/, "../vendor/mermaid.min.js");
  var SETTLED_MS = 4000;      // after the load event, before drawing the diagrams off screen
  var config = {};
  var loading = null;
  var go = false;             // true once there is a reason to draw
  var waiting = [];           // renders waiting for that reason

  function loadReal() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = src;
        tag.onload = function () {
          window.mermaid.initialize(config);
          resolve(window.mermaid);
        };
        tag.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function start() {
    go = true;
    waiting.splice(0).forEach(function (release) { release(); });
  }

  // Resolves when this diagram's source block is near the viewport, or when start() is called.
  function wanted(text) {
    if (go || !("IntersectionObserver" in window)) return Promise.resolve();
    var block = Array.prototype.filter.call(document.querySelectorAll(".mermaid"), function (el) {
      return el.textContent === text;
    })[0];
    return new Promise(function (resolve) {
      waiting.push(resolve);
      if (!block) return;
      var watch = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          watch.disconnect();
          start();
        }
      }, { rootMargin: "200% 0px" });
      watch.observe(block);
    });
  }

  window.addEventListener("beforeprint", start);
  function settled() {
    window.setTimeout(function () {
      (window.requestIdleCallback || window.setTimeout)(start);
    }, SETTLED_MS);
  }
  if (document.readyState === "complete") settled();
  else window.addEventListener("load", settled);

  window.mermaid = {
    initialize: function (options) { config = options || {}; },
    render: function (id, text) {
      return wanted(text).then(loadReal).then(function (real) { return real.render(id, text); });
    }
  };
})();
