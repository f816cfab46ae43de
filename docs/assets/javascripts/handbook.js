// What the handbook's page scripts share, as window.Handbook: building elements, running once a
// page is ready (and again should Material's instant navigation, off today, bring a page in), and
// keeping state in this browser with its shape checked, so that a stored value of the wrong shape
// is set aside instead of breaking a tool.
// Loaded first on every page; the page-only scripts of the practice tools are deferred after it.
(function () {
  "use strict";

  // h("button", {type: "button", "class": "md-button", onclick: fn}, "Start") or with a list of
  // children (strings or nodes). Attributes that are undefined, null or false are left out.
  function h(tag, attrs, content) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "text") el.textContent = value;
      else if (key.slice(0, 2) === "on") el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : value);
    });
    if (typeof content === "string") el.textContent = content;
    else (content || []).forEach(function (child) {
      if (child) el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  function button(text, className, onclick, attrs) {
    var all = { type: "button", "class": className, onclick: onclick };
    Object.keys(attrs || {}).forEach(function (k) { all[k] = attrs[k]; });
    return h("button", all, text);
  }

  // fn() now that the page is there, and again for each page instant navigation brings in.
  function onEveryPage(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  var RESET = "What this browser had kept here was not in the shape this page expects, so it starts clean.";

  // {value, problem}: the stored JSON when valid(value) holds, else empty() and, when something of
  // the wrong shape was stored, a sentence to show the reader (the bad value is removed).
  function stored(key, valid, empty) {
    var raw = null;
    try {
      raw = window.localStorage.getItem(key);
    } catch (err) {
      return { value: empty(), problem: null };  // storage unavailable (private mode, file://)
    }
    if (raw === null) return { value: empty(), problem: null };
    try {
      var value = JSON.parse(raw);
      if (valid(value)) return { value: value, problem: null };
    } catch (err) {
      // not JSON: set aside below
    }
    store(key, null);
    return { value: empty(), problem: RESET };
  }

  // Keep value as JSON under key (null removes it); quietly does nothing where storage is refused.
  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (err) {
      // private mode or storage full: the page still works, without memory
    }
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  window.Handbook = { h: h, button: button, onEveryPage: onEveryPage, stored: stored, store: store,
                      isPlainObject: isPlainObject };
})();

// Tables arrive in Material's scroll box from the build (overrides/hooks/tables.py). Material's
// script looks for bare tables to put in one as the page loads; moving each table restyled the
// whole article, the largest task on a worked example. Its query now leaves boxed tables alone.
(function () {
  "use strict";
  var MATERIAL_TABLES = "table:not([class])";
  var query = Element.prototype.querySelectorAll;
  Element.prototype.querySelectorAll = function (selectors) {
    if (selectors === MATERIAL_TABLES) return query.call(this, ":not(.md-typeset__table) > " + MATERIAL_TABLES);
    return query.apply(this, arguments);
  };
})();

// The search index on demand. Material fetches search/search_index.json (hundreds of KB) on every
// page load and parses it on the main thread; a reader who never searches pays for it. Here the
// request is held until the reader reaches for search: focuses the search box, opens it with the
// header button or Material's keys (s, f, /), or arrives from a search result (?h=...). Material
// shows "Initializing search" until the index is in, as it always does on a slow connection.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var wanted = /[?&]h=/.test(window.location.search), held = [];

  XMLHttpRequest.prototype.open = function (method, url) {
    this.handbookIndex = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.handbookIndex && !wanted) { held.push([this, arguments]); return undefined; }
    return send.apply(this, arguments);
  };

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }
  window.Handbook.wantSearch = want;

  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("input.md-search__input")) want();
  });
  document.addEventListener("change", function (e) {
    if (e.target.id === "__search" && e.target.checked) want();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "s" || e.key === "f" || e.key === "/") want();
  });
})();

// Glossary terms on tap. A term is an <abbr> whose title the browser shows on hover; a phone has
// no hover, so a tap on a term shows the same text in one small box under it, until the next tap,
// Escape or a scroll. One listener for the whole visit: nothing is done per term when a page loads
// (Material's own tooltips mounted one component per term, most of its script time on our pages).
(function () {
  "use strict";
  var tip = null, shownFor = null;

  function hide() {
    if (tip) tip.hidden = true;
    shownFor = null;
  }

  function show(term) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "term-tip";
      tip.id = "term-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = term.getAttribute("title");
    tip.hidden = false;
    var box = term.getBoundingClientRect(), width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 4) + "px";
    shownFor = term;
  }

  document.addEventListener("click", function (e) {
    var term = e.target.closest ? e.target.closest(".md-typeset abbr[title]") : null;
    if (term && term !== shownFor) show(term);
    else hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
  window.addEventListener("scroll", hide, { passive: true });
})();

// The light/dark toggle in the header. Material's markup and stored choice (its "__palette" entry,
// which Material's inline script applies as the body opens), without Material's palette script:
// while starting, that script restyled every element of the page three times (it re-sets the
// body's colour attributes to the values they already have, marks the body as switching, and
// changes a color-scheme meta tag), about half of what Material's bundle spent on a worked example
// (make bench). Here an unchanged attribute is left alone, so the page is styled once; the page's
// colour scheme for scroll bars and the canvas follows from handbook.css, and the browser bar's
// colour is set once the page has loaded.
(function () {
  "use strict";
  var KEYS = ["media", "scheme", "primary", "accent"];
  var form = document.querySelector("form[data-handbook-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  if (!inputs.length) return;
  var body = document.body, themeColor = null;

  function saved() {
    try {
      return window.__md_get("__palette");
    } catch (err) {
      return null;  // storage refused or not JSON: the system setting decides
    }
  }

  function initialIndex() {
    var palette = saved();
    if (palette && typeof palette.index === "number" && inputs[palette.index]) return palette.index;
    for (var i = 0; i < inputs.length; i++) {
      if (window.matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i;
    }
    return 0;
  }

  var current = initialIndex();

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  // The header's colour as the browser's toolbar colour (phones show it around the page).
  function paintBar() {
    if (!themeColor) themeColor = document.head.appendChild(window.Handbook.h("meta", { name: "theme-color" }));
    var header = document.querySelector(".md-header");
    var rgb = header ? window.getComputedStyle(header).backgroundColor.match(/\d+/g) : null;
    if (rgb) themeColor.content = "#" + rgb.slice(0, 3).map(function (c) {
      return (+c).toString(16).padStart(2, "0");
    }).join("");
  }

  function apply(index, switching) {
    current = index;
    var input = inputs[index], color = {};
    // Material's stylesheet turns transitions off while the colours change, so they change at once.
    if (switching) body.setAttribute("data-md-color-switching", "");
    KEYS.forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      setAttr(body, "data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (other, i) {
      var label = other.nextElementSibling;
      if (label && label.tagName === "LABEL" && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    window.__md_set("__palette", { index: index, color: color });
    if (switching) {
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
      paintBar();
    }
  }

  apply(current, false);
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { if (input.checked) apply(i, true); });
  });
  // Enter on the toggle switches to the next scheme and keeps the focus on the toggle (as Material).
  form.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    var next = (current + 1) % inputs.length;
    inputs[next].click();
    inputs[next].focus();
  });
  if (document.readyState === "complete") paintBar();
  else window.addEventListener("load", function () { setTimeout(paintBar); });
})();
