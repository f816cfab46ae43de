// The estimator page: a scenario edited as a form or as JSON text, its estimate as a table, and the
// scenario kept in the link (#s=<URL-encoded JSON>). The maths is EstimateCore (estimate-core.js).
// Loaded at the end of the page; Material's instant navigation runs it again on each visit.
(function () {
  "use strict";
  // The engine, made in start() from the contract the page carries (macros/contract.py).
  var Core = null;
  var RATE_LABELS = null;
  var ASSUMPTIONS = null;

  function labels(contract) {
    var d = contract.defaults;
    RATE_LABELS = {
      per_user_per_day: "per user per day",
      per_day: "per day",
      per_month: "per month (" + contract.days_per_month + " days)",
      per_second: "per second (average)",
      ratio: "times another operation"
    };
    ASSUMPTIONS = [
      ["seconds_per_day", "Seconds in a day", String(d.seconds_per_day)],
      ["peak_factor", "Peak ÷ average", String(d.peak_factor)],
      ["retention_years", "Years data is kept", String(d.retention_years)],
      ["replication", "Copies stored", String(d.replication)]
    ];
  }
  var USERS = [
    ["monthly_active", "Monthly active users", "300M"],
    ["daily_active", "Daily active users", "150M"],
    ["daily_active_ratio", "Daily share of monthly users", "0.5"]
  ];

  var h = window.Handbook.h;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  function idFor(path) {
    return "est-" + path.join("-").replace(/[^A-Za-z0-9_-]/g, "_");
  }

  // A form value as the scenario stores it: a plain number stays a number, "300M" stays text.
  function quantity(text) {
    var t = text.trim();
    if (t === "") return undefined;
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : t;
  }

  function shown(value) {
    return value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  function rawParts(payload) {
    if (payload === undefined || payload === null) return [];
    var list = Array.isArray(payload) ? payload : [payload];
    return list.map(function (item) {
      return isObject(item) ? { size: item.size, share: item.share } : { size: item };
    });
  }

  function compactParts(parts) {
    if (parts.length === 0) return undefined;
    if (parts.length === 1 && parts[0].share === undefined && parts[0].size !== undefined) return parts[0].size;
    return parts.map(function (p) {
      if (p.share === undefined && p.size !== undefined) return p.size;
      var out = {};
      if (p.size !== undefined) out.size = p.size;
      if (p.share !== undefined) out.share = p.share;
      return out;
    });
  }

  function readHash() {
    var m = /^#s=(.*)$/.exec(window.location.hash);
    if (!m) return null;
    var text;
    try {
      text = decodeURIComponent(m[1]);
    } catch (err) {
      return { text: m[1], error: "The link's scenario is not valid URL encoding." };
    }
    try {
      return { data: JSON.parse(text), text: text };
    } catch (err) {
      return { text: text, error: "The link's scenario is broken JSON: " + err.message };
    }
  }

  function Estimator(root) {
    this.root = root;
    this.scenarios = JSON.parse(root.getAttribute("data-scenarios") || "{}");
    this.data = null;
    this.slots = Object.create(null);  // keyed by field path; no inherited names
    this.hashTimer = null;
    this.build();
    this.loadFromHash(true);
  }

  Estimator.prototype.build = function () {
    var self = this;
    var root = this.root;
    root.textContent = "";
    var picker = h("select", { id: "est-start", onchange: function () {
      if (!picker.value) return;
      self.load(clone(self.scenarios[picker.value]));
      picker.value = "";
    } }, [h("option", { value: "", text: "Choose a scenario…" })].concat(Object.keys(this.scenarios).map(function (slug) {
      return h("option", { value: slug, text: self.scenarios[slug].name || slug });
    })));
    root.appendChild(h("p", { "class": "estimator__start" }, [
      h("label", { "for": "est-start", text: "Start from a scenario: " }), picker
    ]));

    this.form = h("form", { "class": "estimator__form", "aria-label": "Scenario as a form", novalidate: true,
                            onsubmit: function (e) { e.preventDefault(); } });
    this.text = h("textarea", { id: "est-json", "class": "estimator__json", rows: "24", spellcheck: "false",
                                autocapitalize: "off", "aria-describedby": "est-json-error",
                                oninput: function () { self.fromText(); } });
    this.textError = h("div", { id: "est-json-error", "class": "estimator__error", role: "alert", hidden: true });
    var textPane = h("div", { "class": "estimator__text" }, [
      h("label", { "for": "est-json", text: "The same scenario as JSON" }),
      h("p", { "class": "estimator__hint", text: 'Counts take K, M, B, T ("300M"); sizes take B, KB, MB, GB, TB, PB or KiB, MiB, GiB ("1 MB", "1 MiB").' }),
      this.text, this.textError
    ]);
    root.appendChild(h("div", { "class": "estimator__panes" }, [this.form, textPane]));

    this.shareLink = h("a", { href: "#", text: "Link to this scenario" });
    this.copyStatus = h("span", { "class": "estimator__status", role: "status" });
    root.appendChild(h("p", { "class": "estimator__share" }, [
      this.shareLink, " ",
      h("button", { type: "button", "class": "md-button", text: "Copy link", onclick: function () { self.copy(); } }),
      " ", this.copyStatus
    ]));
    this.results = h("div", { "class": "estimator__results", "aria-live": "polite" });
    root.appendChild(h("h2", { id: "estimate", text: "Estimate" }));
    root.appendChild(this.results);
  };

  Estimator.prototype.loadFromHash = function (first) {
    var found = readHash();
    if (found && found.error) {
      this.data = null;
      this.text.value = found.text;
      this.renderForm();
      this.showTextError(found.error);
      this.showNoResults("No figures: the link does not hold a readable scenario. Fix the JSON or choose a scenario above.");
      return;
    }
    if (found) {
      this.load(found.data, true);
    } else if (first) {
      var slugs = Object.keys(this.scenarios);
      this.load(slugs.length ? clone(this.scenarios[slugs[0]]) : { name: "My system", operations: [] }, true);
    }
  };

  Estimator.prototype.load = function (data, fromLink) {
    this.data = data;
    this.renderForm();
    this.changed(fromLink ? "link" : "load");
  };

  // ---------------------------------------------------------------- the form

  // Where problems at `path` are shown: an error element in `wrap`, tied to `input` if there is one.
  Estimator.prototype.slot = function (path, input, wrap, id) {
    var error = h("div", { id: (id || idFor(path)) + "-error", "class": "estimator__error", role: "alert", hidden: true });
    if (input) {
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", (described ? described + " " : "") + error.id);
    }
    wrap.appendChild(error);
    this.slots[Core.describe(path)] = { error: error, input: input };
    return error;
  };

  Estimator.prototype.input = function (path, label, value, onchange, extra, reportAt) {
    var id = idFor(path);
    var input = h("input", Object.assign({ type: "text", id: id, value: shown(value), autocomplete: "off",
                                           spellcheck: "false", oninput: function () { onchange(input.value); } }, extra || {}));
    var wrap = h("div", { "class": "estimator__field" }, [h("label", { "for": id, text: label }), input]);
    this.slot(reportAt || path, input, wrap, id);
    return wrap;
  };

  Estimator.prototype.select = function (path, label, options, value, onchange) {
    var id = idFor(path);
    var select = h("select", { id: id, onchange: function () { onchange(select.value); } }, options.map(function (o) {
      return h("option", { value: o[0], text: o[1] });
    }));
    select.value = value;
    var wrap = h("div", { "class": "estimator__field" }, [h("label", { "for": id, text: label }), select]);
    this.slot(path, select, wrap);
    return wrap;
  };

  Estimator.prototype.renderForm = function () {
    var self = this;
    var focused = document.activeElement && this.form.contains(document.activeElement) ? document.activeElement.id : null;
    this.form.textContent = "";
    this.slots = Object.create(null);  // keyed by field path; no inherited names
    this.slot([], null, this.form);
    var data = this.data;
    if (!isObject(data)) {
      this.form.appendChild(h("p", { "class": "estimator__hint", text: "The form shows a scenario once the JSON is an object." }));
      return;
    }
    var top = h("fieldset", {}, [h("legend", { text: "Scenario" })]);
    top.appendChild(this.input(["name"], "Name", data.name, function (v) { self.set(["name"], v); }));
    this.form.appendChild(top);

    var users = isObject(data.users) ? data.users : {};
    var usersBox = h("fieldset", {}, [h("legend", { text: "Users (optional)" })]);
    USERS.forEach(function (u) {
      usersBox.appendChild(self.input(["users", u[0]], u[1], users[u[0]], function (v) { self.set(["users", u[0]], quantity(v)); },
                                      { placeholder: "e.g. " + u[2] }));
    });
    this.slot(["users"], null, usersBox);
    this.form.appendChild(usersBox);

    var a = isObject(data.assumptions) ? data.assumptions : {};
    var aBox = h("fieldset", {}, [h("legend", { text: "Assumptions" })]);
    ASSUMPTIONS.forEach(function (item) {
      aBox.appendChild(self.input(["assumptions", item[0]], item[1], a[item[0]],
                                  function (v) { self.set(["assumptions", item[0]], quantity(v)); },
                                  { placeholder: item[2] + " (default)" }));
    });
    this.slot(["assumptions"], null, aBox);
    this.form.appendChild(aBox);

    var ops = Array.isArray(data.operations) ? data.operations : [];
    var names = h("datalist", { id: "est-operation-names" });
    this.form.appendChild(names);
    this.names = names;
    ops.forEach(function (op, i) { self.form.appendChild(self.operationBox(op, i, ops.length)); });
    this.slot(["operations"], null, this.form);
    this.form.appendChild(h("p", {}, [h("button", { type: "button", "class": "md-button", text: "Add an operation",
                                                     onclick: function () { self.addOperation(); } })]));
    this.refreshNames();
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  };

  Estimator.prototype.operationBox = function (op, i, count) {
    var self = this;
    var path = ["operations", i];
    var box = h("fieldset", { "class": "estimator__operation" }, [h("legend", { text: "Operation " + (i + 1) })]);
    if (!isObject(op)) {
      box.appendChild(h("p", { text: "Not an operation: " + shown(op) }));
      this.slot(path, null, box);
      return box;
    }
    box.appendChild(this.input(path.concat(["name"]), "Name", op.name, function (v) { self.rename(i, v); }));
    box.appendChild(this.select(path.concat(["kind"]), "Kind", [["write", "write"], ["read", "read"]],
                                op.kind === "read" ? "read" : "write", function (v) { self.set(path.concat(["kind"]), v); }));

    var rate = Core.RATE_FIELDS.filter(function (f) { return op[f] !== undefined && op[f] !== null; })[0] || "per_day";
    var options = Core.RATE_FIELDS.map(function (f) { return [f, RATE_LABELS[f]]; });
    box.appendChild(this.select(path.concat(["rate"]), "Rate", options, rate, function (v) { self.changeRate(i, v); }));
    if (rate === "ratio") {
      var ratio = isObject(op.ratio) ? op.ratio : {};
      box.appendChild(this.input(path.concat(["ratio", "times"]), "Times", ratio.times,
                                 function (v) { self.set(path.concat(["ratio", "times"]), quantity(v)); }));
      box.appendChild(this.input(path.concat(["ratio", "to"]), "Operation it follows", ratio.to,
                                 function (v) { self.set(path.concat(["ratio", "to"]), v); }, { list: "est-operation-names" }));
      this.slot(path.concat(["ratio"]), null, box);
    } else {
      box.appendChild(this.input(path.concat([rate]), "How many, " + RATE_LABELS[rate], op[rate],
                                 function (v) { self.set(path.concat([rate]), quantity(v)); }));
    }
    this.slot(path, null, box);  // problems of the operation as a whole (no rate, two rates) show here

    var parts = rawParts(op.payload);
    var payload = h("div", { "class": "estimator__payload", role: "group", "aria-label": "Payload of operation " + (i + 1) },
                    [h("p", { "class": "estimator__hint", text: "Payload per operation (a share below 1: only that share of operations carries the part)" })]);
    this.slot(path.concat(["payload"]), null, payload);
    var single = op.payload !== undefined && op.payload !== null && typeof op.payload !== "object";
    parts.forEach(function (part, j) {
      var ppath = path.concat(["payload", j]);
      var row = h("div", { "class": "estimator__part" });
      // A payload written as one size ("100 B") is checked, and reported, as `payload` itself.
      row.appendChild(self.input(ppath.concat(["size"]), "Size", part.size, function (v) { self.setPart(i, j, "size", quantity(v)); },
                                 {}, single ? path.concat(["payload"]) : null));
      row.appendChild(self.input(ppath.concat(["share"]), "Share", part.share, function (v) { self.setPart(i, j, "share", quantity(v)); },
                                 { placeholder: "1" }));
      row.appendChild(h("button", { type: "button", "class": "estimator__remove", text: "Remove",
                                    "aria-label": "Remove payload part " + (j + 1) + " of operation " + (i + 1),
                                    onclick: function () { self.removePart(i, j); } }));
      self.slot(ppath, null, row);
      payload.appendChild(row);
    });
    payload.appendChild(h("button", { type: "button", "class": "estimator__add", text: "Add a payload part",
                                      "aria-label": "Add a payload part to operation " + (i + 1),
                                      onclick: function () { self.addPart(i); } }));
    box.appendChild(payload);
    if (count > 1) {
      box.appendChild(h("button", { type: "button", "class": "estimator__remove", text: "Remove operation " + (i + 1),
                                    onclick: function () { self.removeOperation(i); } }));
    }
    return box;
  };

  Estimator.prototype.refreshNames = function () {
    var names = this.names;
    if (!names) return;
    names.textContent = "";
    (Array.isArray(this.data && this.data.operations) ? this.data.operations : []).forEach(function (op) {
      if (isObject(op) && typeof op.name === "string") names.appendChild(h("option", { value: op.name }));
    });
  };

  // ---------------------------------------------------------------- edits from the form

  Estimator.prototype.set = function (path, value) {
    var target = this.data;
    for (var k = 0; k < path.length - 1; k += 1) {
      if (!isObject(target[path[k]]) && !Array.isArray(target[path[k]])) target[path[k]] = {};
      target = target[path[k]];
    }
    var last = path[path.length - 1];
    if (value === undefined) delete target[last];
    else target[last] = value;
    ["users", "assumptions"].forEach(function (key) {
      if (isObject(this.data[key]) && Object.keys(this.data[key]).length === 0) delete this.data[key];
    }, this);
    this.changed("form");
  };

  Estimator.prototype.rename = function (i, name) {
    var ops = this.data.operations;
    var old = ops[i].name;
    ops[i].name = name;
    ops.forEach(function (op, k) {
      if (k !== i && isObject(op) && isObject(op.ratio) && op.ratio.to === old && old !== undefined) {
        op.ratio.to = name;
        var input = document.getElementById(idFor(["operations", k, "ratio", "to"]));
        if (input) input.value = name;
      }
    });
    this.refreshNames();
    this.changed("form");
  };

  Estimator.prototype.changeRate = function (i, rate) {
    var op = this.data.operations[i];
    var current = Core.RATE_FIELDS.filter(function (f) { return op[f] !== undefined && op[f] !== null; })[0];
    var value = current === "ratio" ? (isObject(op.ratio) ? op.ratio.times : undefined) : op[current];
    Core.RATE_FIELDS.forEach(function (f) { delete op[f]; });
    if (rate === "ratio") {
      var other = this.data.operations.filter(function (o, k) { return k !== i && isObject(o); })[0];
      op.ratio = { to: other ? other.name : "", times: value === undefined ? 1 : value };
    } else {
      op[rate] = value === undefined ? 1 : value;
    }
    this.renderForm();
    this.changed("form");
  };

  Estimator.prototype.setPart = function (i, j, key, value) {
    var op = this.data.operations[i];
    var parts = rawParts(op.payload);
    parts[j][key] = value;
    var compact = compactParts(parts);
    if (compact === undefined) delete op.payload;
    else op.payload = compact;
    this.changed("form");
  };

  Estimator.prototype.addPart = function (i) {
    var op = this.data.operations[i];
    var parts = rawParts(op.payload);
    parts.push({ size: "1 KB", share: parts.length ? 0.5 : undefined });
    op.payload = compactParts(parts);
    this.renderForm();
    this.changed("form");
    var size = document.getElementById(idFor(["operations", i, "payload", parts.length - 1, "size"]));
    if (size) size.focus();
  };

  Estimator.prototype.removePart = function (i, j) {
    var op = this.data.operations[i];
    var parts = rawParts(op.payload);
    parts.splice(j, 1);
    var compact = compactParts(parts);
    if (compact === undefined) delete op.payload;
    else op.payload = compact;
    this.renderForm();
    this.changed("form");
  };

  Estimator.prototype.addOperation = function () {
    if (!Array.isArray(this.data.operations)) this.data.operations = [];
    var n = this.data.operations.length + 1;
    this.data.operations.push({ name: "operation " + n, kind: "read", per_day: "1M", payload: "1 KB" });
    this.renderForm();
    this.changed("form");
    var name = document.getElementById(idFor(["operations", n - 1, "name"]));
    if (name) name.focus();
  };

  Estimator.prototype.removeOperation = function (i) {
    this.data.operations.splice(i, 1);
    this.renderForm();
    this.changed("form");
  };

  // ---------------------------------------------------------------- edits from the text

  Estimator.prototype.fromText = function () {
    var data;
    try {
      data = JSON.parse(this.text.value);
    } catch (err) {
      this.showTextError("Broken JSON: " + err.message + ". The form and the figures wait until it parses.");
      this.text.setAttribute("aria-invalid", "true");
      this.showNoResults("No figures until the JSON is fixed (see the message under the text).");
      return;
    }
    this.data = data;
    this.renderForm();
    this.changed("text");
  };

  Estimator.prototype.showTextError = function (message) {
    this.textError.textContent = "";
    this.textError.appendChild(h("p", { text: message }));
    this.textError.hidden = false;
  };

  // ---------------------------------------------------------------- checking, figures, link

  Estimator.prototype.changed = function (source) {
    if (source !== "text") this.text.value = JSON.stringify(this.data, null, 2);
    this.text.removeAttribute("aria-invalid");
    this.textError.hidden = true;
    var outcome = Core.evaluate(this.data);
    this.showProblems(outcome.ok ? [] : outcome.problems);
    if (outcome.ok) this.showResults(outcome.result, outcome.scenario);
    else this.showNoResults("No figures while the scenario has " + (outcome.problems.length === 1 ? "a problem" :
                            outcome.problems.length + " problems") + ": see the message beside the field.");
    this.updateLink(source !== "link");
  };

  Estimator.prototype.showProblems = function (problems) {
    var slots = this.slots;
    Object.keys(slots).forEach(function (key) {
      slots[key].error.hidden = true;
      slots[key].error.textContent = "";
      if (slots[key].input) slots[key].input.removeAttribute("aria-invalid");
    });
    problems.forEach(function (p) {
      for (var end = p.path.length; end >= 0; end -= 1) {
        var slot = slots[Core.describe(p.path.slice(0, end))];
        if (slot) {
          var where = end === p.path.length ? "" : p.where + ": ";
          slot.error.appendChild(h("p", { text: where + p.message }));
          slot.error.hidden = false;
          if (slot.input) slot.input.setAttribute("aria-invalid", "true");
          break;
        }
      }
    });
    if (problems.length) {
      this.textError.textContent = "";
      this.textError.appendChild(h("p", { text: "Problems in this scenario:" }));
      this.textError.appendChild(h("ul", {}, problems.map(function (p) { return h("li", { text: p.where + ": " + p.message }); })));
      this.textError.hidden = false;
      this.text.setAttribute("aria-invalid", "true");
    }
  };

  Estimator.prototype.showNoResults = function (message) {
    this.results.textContent = "";
    this.results.appendChild(h("p", { "class": "estimator__invalid", text: message }));
  };

  function figure(c, attrs) {
    var el = h(c.none ? "span" : "strong", attrs, [c.text]);
    return el;
  }

  Estimator.prototype.showResults = function (result, scenario) {
    var model = Core.table(result, scenario);
    var body = h("tbody");
    model.rows.forEach(function (row) {
      var tr = h("tr", { "class": row.total ? "estimator__total" : null });
      row.cells.forEach(function (c, k) {
        var td = h("td", { "class": k === 0 ? null : "estimator__num" });
        var attrs = {};
        if (c.metric && !row.total) {
          var op = result.operations.filter(function (o) { return o.name === row.name; })[0];
          attrs["data-metric"] = row.name + "." + c.metric;
          attrs["data-value"] = String(op[c.metric]);
        } else if (c.metric && row.total) {
          attrs["data-total"] = row.kind + "." + c.metric;
          attrs["data-value"] = String(result.totals[row.kind][c.metric]);
        }
        if (c.label) td.appendChild(row.total ? h("strong", { text: c.text }) : document.createTextNode(c.text));
        else if (c.text) td.appendChild(figure(c, attrs));
        if (c.how.length) {
          td.appendChild(h("br"));
          var small = h("small");
          c.how.forEach(function (line, n) {
            if (n) small.appendChild(h("br"));
            small.appendChild(document.createTextNode(line));
          });
          td.appendChild(small);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var head = h("thead", {}, [h("tr", {}, model.columns.map(function (c, k) {
      return h("th", { scope: "col", "class": k === 0 ? null : "estimator__num", text: c });
    }))]);
    var years = Core.formatNumber(result.assumptions.retention_years);
    var counts = h("p", { "class": "estimator__counts" }, ["Over the " + years + " year" +
      (result.assumptions.retention_years === 1 ? "" : "s") + " kept: "]);
    result.operations.forEach(function (o, k) {
      if (k) counts.appendChild(document.createTextNode("; "));
      counts.appendChild(document.createTextNode(o.name + " "));
      counts.appendChild(h("strong", { "data-metric": o.name + ".count_total", "data-value": String(o.count_total),
                                       text: Core.formatCount(o.count_total) }));
      counts.appendChild(document.createTextNode(o.kind === "write" ? " records written" : " requests served"));
    });
    counts.appendChild(document.createTextNode("."));
    var peak = h("p", { "class": "estimator__headline" }, [
      "All traffic: ", h("strong", { "data-total": "all.peak_qps", "data-value": String(result.totals.all.peak_qps),
                                     text: Core.formatRate(result.totals.all.peak_qps) }),
      " at peak, ", h("strong", { "data-total": "all.bandwidth_bytes_per_s",
                                  "data-value": String(result.totals.all.bandwidth_bytes_per_s),
                                  text: Core.formatByteRate(result.totals.all.bandwidth_bytes_per_s) }),
      " on average."
    ]);
    this.results.textContent = "";
    this.results.appendChild(h("p", { "class": "estimator__assumptions" }, [h("strong", { text: "Assumptions:" }), " " + model.assumptions]));
    // Eight columns scroll sideways on a phone: the table is a tab stop, as the built pages' wide
    // tables are (overrides/hooks/tables.py).
    this.results.appendChild(h("div", { "class": "estimator__table" },
                               [h("table", { tabindex: "0", "data-scroll-focus": true }, [head, body])]));
    this.results.appendChild(counts);
    this.results.appendChild(peak);
  };

  Estimator.prototype.fragment = function () {
    return "#s=" + encodeURIComponent(JSON.stringify(this.data));
  };

  Estimator.prototype.updateLink = function (write) {
    var self = this;
    var fragment = this.fragment();
    this.shareLink.setAttribute("href", fragment);
    if (!write) return;
    clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(function () {
      if (!document.contains(self.root)) return;
      var url = window.location.pathname + window.location.search + fragment;
      window.history.replaceState(window.history.state, "", url);
    }, 200);
  };

  Estimator.prototype.copy = function () {
    var self = this;
    var url = window.location.href.split("#")[0] + this.fragment();
    var done = function (ok) { self.copyStatus.textContent = ok ? "Link copied." : "Copy the link from the address bar."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  };

  function start() {
    var root = document.getElementById("estimator-tool");
    if (!root || !window.EstimateCore || root.getAttribute("data-ready")) return;
    var contract = JSON.parse(root.getAttribute("data-contract"));
    Core = window.EstimateCore.create(contract);
    labels(contract);
    root.setAttribute("data-ready", "true");
    var estimator = new Estimator(root);
    window.__handbookEstimator = estimator;
  }

  if (!window.__handbookEstimatorHash) {
    window.__handbookEstimatorHash = true;
    window.addEventListener("hashchange", function () {
      var current = window.__handbookEstimator;
      if (current && document.contains(current.root) && /^#s=/.test(window.location.hash) &&
          window.location.hash !== current.fragment()) {
        current.loadFromHash(false);
      }
    });
  }
  start();
})();
