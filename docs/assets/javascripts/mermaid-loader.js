// Material draws diagrams with a global `mermaid` and fetches it from a CDN when there is none.
// This stand-in keeps every request on this site: it loads the real library from here, and only
// when a page actually has a diagram to draw (so pages without diagrams never pay for it).
(function () {
  "use strict";
  var script = document.currentScript;
  var src = script && script.src.replace(/mermaid-loader\.js(\?.*)?$/, "../vendor/mermaid.min.js");
  var config = {};
  var loading = null;

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

  window.mermaid = {
    initialize: function (options) { config = options || {}; },
    render: function (id, text) {
      return loadReal().then(function (real) { return real.render(id, text); });
    }
  };
})();
