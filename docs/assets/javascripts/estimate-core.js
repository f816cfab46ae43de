// The estimate engine of macros/ (schema.py's scenario model, units.py, estimates.py and
// estimate_table.py) in plain JavaScript, for the estimator page. Pure: no DOM.
//
// Nothing the Python model defines is typed here: EstimateCore.create(contract) takes the contract
// that macros/contract.py makes from it (field names, defaults, kinds, units, limits and every
// message template), so one bad scenario gets one message in both engines. The estimator page
// finds the contract in its mount's data-contract attribute; Node gets it from
// `python -m macros.contract`. tests/unit/test_estimate_core.py compares both engines' figures and
// messages.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.EstimateCore = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function create(C) {
  var NUMBER = "(?:\\d[\\d,_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
  var QUANTITY = new RegExp("^\\s*([+-]?)\\s*(" + NUMBER + ")\\s*([A-Za-z]*)\\s*$");
  var COUNT_SUFFIXES = toMap(C.count_suffixes);
  var SIZE_UNITS = toMap(C.size_units);

  function toMap(obj) {
    var map = new Map();
    Object.keys(obj).forEach(function (key) { map.set(key, obj[key]); });
    return map;
  }

  // ------------------------------------------------------------------ messages (messages.py)

  function msg(key, params) {
    var text = C.messages[key];
    Object.keys(params || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(params[name]));
    });
    return text;
  }

  function quote(value) {
    var q = value.indexOf("'") >= 0 && value.indexOf('"') < 0 ? '"' : "'";
    var body = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
    if (q === "'") body = body.replace(/'/g, "\\'");
    return q + body + q;
  }

  function shown(value) {
    if (value === null || value === undefined) return "nothing";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "string") return quote(value);
    if (typeof value === "number") return String(value);
    if (Array.isArray(value)) return "a list";
    return "a mapping";
  }

  // What the engine throws for a bad value; an Error, so callers may treat it as one.
  function Problem(message) {
    this.message = message;
  }
  Problem.prototype = Object.create(Error.prototype);
  Problem.prototype.name = "Problem";

  // ------------------------------------------------------------------ parsing (units.py)

  function plainNumber(value, what) {
    if (typeof value === "string") return null;
    if (typeof value !== "number" || !isFinite(value)) {
      throw new Problem(msg("expected", { what: what, got: shown(value) }));
    }
    if (value < 0) throw new Problem(msg("negative", { got: shown(value) }));
    return value;
  }

  function split(text, what) {
    var m = QUANTITY.exec(text);
    if (!m) throw new Problem(msg("expected", { what: what, got: quote(text) }));
    var number = Number(m[2].replace(/[,_]/g, ""));
    if (!isFinite(number)) throw new Problem(msg("expected", { what: what, got: quote(text) }));
    if (m[1] === "-" && number !== 0) throw new Problem(msg("negative", { got: quote(text) }));
    return [number, m[3]];
  }

  function finite(number, what, value) {
    if (!isFinite(number)) throw new Problem(msg("expected", { what: what, got: shown(value) }));
    return number;
  }

  function parseCount(value) {
    var what = msg("count_what");
    var number = plainNumber(value, what);
    if (number !== null) return number;
    var parts = split(String(value), what);
    var factor = COUNT_SUFFIXES.get(parts[1].toUpperCase());
    if (factor === undefined) {
      throw new Problem(msg("count_suffix", { suffix: quote(parts[1]), value: quote(String(value)) }));
    }
    return finite(parts[0] * factor, what, value);
  }

  function parseSize(value) {
    var what = msg("size_what");
    var number = plainNumber(value, what);
    if (number !== null) return number;
    var parts = split(String(value), what);
    var unit = parts[1];
    if (unit === "") return parts[0];
    if (!SIZE_UNITS.has(unit)) {
      var known = Array.from(SIZE_UNITS.keys()).filter(function (k) { return k.toLowerCase() === unit.toLowerCase(); })[0];
      var hint = known ? msg("size_hint", { known: known }) : "";
      throw new Problem(msg("size_unit", { unit: quote(unit), value: quote(String(value)), hint: hint }));
    }
    return finite(parts[0] * SIZE_UNITS.get(unit), what, value);
  }

  // ------------------------------------------------------------------ decimal formatting (units.py)
  // A decimal is {neg, coef (BigInt), exp}: value = ±coef × 10^exp. Numbers enter through their
  // shortest round-trip text, as Python's Decimal(repr(float)) does, and round half-up.

  function toDecimal(value) {
    if (!isFinite(value)) throw new Error("cannot format " + String(value));
    var m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
    var frac = m[3] || "";
    return { neg: m[1] === "-", coef: BigInt(m[2] + frac), exp: Number(m[4] || 0) - frac.length };
  }

  function digits(d) {
    return d.coef === 0n ? 1 : d.coef.toString().length;
  }

  function adjusted(d) {
    return d.exp + digits(d) - 1;
  }

  function pow10(n) {
    return 10n ** BigInt(n);
  }

  function roundSig(d, sig) {
    if (d.coef === 0n) return { neg: false, coef: 0n, exp: 0 };
    var q = adjusted(d) - sig + 1;
    if (d.exp >= q) return d;
    var divisor = pow10(q - d.exp);
    var whole = d.coef / divisor;
    if ((d.coef % divisor) * 2n >= divisor) whole += 1n;
    return { neg: d.neg, coef: whole, exp: q };
  }

  function normalize(d) {
    if (d.coef === 0n) return { neg: false, coef: 0n, exp: 0 };
    var coef = d.coef;
    var exp = d.exp;
    while (coef % 10n === 0n) {
      coef /= 10n;
      exp += 1;
    }
    return { neg: d.neg, coef: coef, exp: exp };
  }

  function same(a, b) {
    a = normalize(a);
    b = normalize(b);
    return a.neg === b.neg && a.coef === b.coef && a.exp === b.exp;
  }

  function roundHuman(d, sig, exactDigits) {
    if (exactDigits > sig && same(roundSig(d, exactDigits), d)) return d;
    return roundSig(d, sig);
  }

  function decimalNumber(d) {
    return Number((d.neg ? "-" : "") + d.coef.toString() + "e" + d.exp);
  }

  function plain(d) {
    d = normalize(d);
    if (d.coef === 0n) return "0";
    var text = d.coef.toString();
    var whole;
    var frac = "";
    if (d.exp >= 0) {
      whole = text + "0".repeat(d.exp);
    } else if (-d.exp >= text.length) {
      whole = "0";
      frac = "0".repeat(-d.exp - text.length) + text;
    } else {
      whole = text.slice(0, text.length + d.exp);
      frac = text.slice(text.length + d.exp);
    }
    whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (d.neg ? "-" : "") + whole + (frac ? "." + frac : "");
  }

  function scaled(value, steps, sig, exactDigits, sep) {
    var d = toDecimal(value);
    var size = Math.abs(value);
    var i = 0;
    while (i + 1 < steps.length && size >= steps[i + 1][0]) i += 1;
    for (;;) {
      var shift = Math.round(Math.log10(steps[i][0]));
      var mantissa = roundHuman({ neg: d.neg, coef: d.coef, exp: d.exp - shift }, sig, exactDigits);
      if (i + 1 < steps.length && Math.abs(decimalNumber(mantissa)) * steps[i][0] >= steps[i + 1][0]) {
        i += 1;
        continue;
      }
      return (plain(mantissa) + sep + steps[i][1]).replace(/\s+$/, "");
    }
  }

  function opt(value, fallback) {
    return value === undefined ? fallback : value;
  }

  function formatCount(value, sig, exactDigits) {
    return scaled(value, C.count_steps, opt(sig, 2), opt(exactDigits, 3), "");
  }

  function formatRate(value, per, sig, exactDigits) {
    return formatCount(value, sig, exactDigits) + "/" + opt(per, "s");
  }

  function formatBytes(value, sig, exactDigits) {
    return scaled(value, C.byte_steps, opt(sig, 2), opt(exactDigits, 3), " ");
  }

  function formatByteRate(value, per, sig, exactDigits) {
    return formatBytes(value, sig, exactDigits) + "/" + opt(per, "s");
  }

  function formatNumber(value, sig) {
    var d = toDecimal(value);
    if (sig !== undefined) d = roundSig(d, sig);
    return plain(d);
  }

  // ------------------------------------------------------------------ checking (schema.py, loader.py)

  function describe(path) {
    var text = "";
    path.forEach(function (part) {
      if (typeof part === "number") text += "[" + part + "]";
      else text += text ? "." + part : String(part);
    });
    return text || "(top level)";
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
  }

  function choices(values) {
    var quoted = values.map(quote);
    return quoted.length < 2 ? quoted.join("") : quoted.slice(0, -1).join(", ") + " or " + quoted[quoted.length - 1];
  }

  function Checker() {
    this.problems = [];
  }

  Checker.prototype.bad = function (path, message) {
    this.problems.push({ path: path, message: message });
  };

  // A mapping with only the keys the model has; false (and one problem) when value is not a mapping.
  Checker.prototype.mapping = function (value, path, model) {
    if (!isObject(value)) {
      this.bad(path, msg("not_mapping", { got: shown(value) }));
      return false;
    }
    var self = this;
    Object.keys(value).forEach(function (key) {
      if (C.fields[model].indexOf(key) < 0) self.bad(path.concat([key]), msg("unknown_key"));
    });
    return true;
  };

  Checker.prototype.text = function (obj, key, path, required, limit) {
    var value = own(obj, key);
    if (value === undefined || (value === null && !required)) {
      if (required) this.bad(path.concat([key]), msg("missing"));
      return null;
    }
    if (typeof value !== "string") {
      this.bad(path.concat([key]), msg("not_text", { got: shown(value) }));
      return null;
    }
    var trimmed = value.trim();  // as pydantic's strip_whitespace does
    if (trimmed.length < 1) {
      this.bad(path.concat([key]), msg("empty_text"));
      return null;
    }
    if (trimmed.length > limit) {
      this.bad(path.concat([key]), msg("too_long", { count: formatNumber(trimmed.length), limit: formatNumber(limit) }));
      return null;
    }
    return trimmed;
  };

  // kind: count | size | at_most_one | positive | at_least_one (the bound's message key)
  var BOUNDS = {
    at_most_one: function (n) { return n <= 1; },
    positive: function (n) { return n > 0; },
    at_least_one: function (n) { return n >= 1; }
  };

  Checker.prototype.number = function (obj, key, path, kind, fallback, required) {
    var value = own(obj, key);
    if (value === undefined && required) {
      this.bad(path.concat([key]), msg("missing"));
      return undefined;
    }
    if (value === undefined || (value === null && !required)) return fallback;
    var n;
    try {
      n = kind === "size" ? parseSize(value) : parseCount(value);
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      this.bad(path.concat([key]), err.message);
      return undefined;
    }
    if (BOUNDS[kind] && !BOUNDS[kind](n)) {
      this.bad(path.concat([key]), msg(kind, { got: formatNumber(n) }));
      return undefined;
    }
    return n;
  };

  function payloadParts(value, check, path) {
    // One size, one {size, share} mapping, or a list of either -> list of parts.
    if (value === undefined || value === null) return [];
    var items;
    if (Array.isArray(value)) {
      items = value.map(function (item) { return isObject(item) ? item : { size: item }; });
    } else if (isObject(value)) {
      items = [value];
    } else {
      try {
        return [{ size: parseSize(value), share: 1 }];
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
        check.bad(path, err.message);
        return null;
      }
    }
    return items.map(function (item, i) {
      var here = path.concat([i]);
      check.mapping(item, here, "payload_part");
      return { size: check.number(item, "size", here, "size", undefined, true),
               share: check.number(item, "share", here, "at_most_one", 1) };
    });
  }

  function readOperation(raw, path, check) {
    if (!check.mapping(raw, path, "operation")) return null;
    var op = { name: check.text(raw, "name", path, true, C.limits.short_text), kind: null };
    var kind = own(raw, "kind");
    if (kind === undefined) check.bad(path.concat(["kind"]), msg("missing"));
    else if (C.kinds.indexOf(kind) < 0) {
      check.bad(path.concat(["kind"]), msg("not_choice", { choices: choices(C.kinds), got: shown(kind) }));
    } else op.kind = kind;
    C.rate_fields.forEach(function (f) {
      if (f !== "ratio") op[f] = check.number(raw, f, path, "count", null);
    });
    op.ratio = null;
    var ratio = own(raw, "ratio");
    if (ratio !== undefined && ratio !== null && check.mapping(ratio, path.concat(["ratio"]), "ratio")) {
      var rpath = path.concat(["ratio"]);
      op.ratio = { to: check.text(ratio, "to", rpath, true, C.limits.short_text),
                   times: check.number(ratio, "times", rpath, "count", null, true) };
    }
    op.payload = payloadParts(own(raw, "payload"), check, path.concat(["payload"])) || [];
    return op;
  }

  function readScenario(data, check) {
    if (!check.mapping(data, [], "scenario")) return null;
    var s = { name: check.text(data, "name", [], true, C.limits.short_text),
              source: check.text(data, "source", [], false, C.limits.text) };

    s.users = null;
    var users = own(data, "users");
    if (users !== undefined && users !== null && check.mapping(users, ["users"], "users")) {
      s.users = {
        monthly_active: check.number(users, "monthly_active", ["users"], "count", null),
        daily_active: check.number(users, "daily_active", ["users"], "count", null),
        daily_active_ratio: check.number(users, "daily_active_ratio", ["users"], "at_most_one", null)
      };
    }

    var d = C.defaults;
    var a = own(data, "assumptions");
    s.assumptions = { seconds_per_day: d.seconds_per_day, peak_factor: d.peak_factor,
                      retention_years: d.retention_years, replication: d.replication };
    if (a !== undefined && check.mapping(a, ["assumptions"], "assumptions")) {
      s.assumptions = {
        seconds_per_day: check.number(a, "seconds_per_day", ["assumptions"], "positive", d.seconds_per_day),
        peak_factor: check.number(a, "peak_factor", ["assumptions"], "at_least_one", d.peak_factor),
        retention_years: check.number(a, "retention_years", ["assumptions"], "count", d.retention_years),
        replication: check.number(a, "replication", ["assumptions"], "at_least_one", d.replication)
      };
    }

    s.operations = [];
    var ops = own(data, "operations");
    var limit = C.limits.operations;
    if (ops === undefined) {
      check.bad(["operations"], msg("missing"));
    } else if (!Array.isArray(ops)) {
      check.bad(["operations"], msg("not_list", { got: shown(ops) }));
    } else if (ops.length === 0) {
      check.bad(["operations"], msg("too_few", { limit: 1, count: 0 }));
    } else if (ops.length > limit) {
      check.bad(["operations"], msg("too_many", { limit: limit, count: ops.length }));
    } else {
      ops.forEach(function (raw, i) {
        var op = readOperation(raw, ["operations", i], check);
        if (op) s.operations.push(op);
      });
    }
    return s;
  }

  function dailyActiveUsers(s) {
    var u = s.users;
    if (!u) return null;
    if (u.daily_active !== null) return u.daily_active;
    if (u.daily_active_ratio !== null && u.monthly_active !== null) return u.monthly_active * u.daily_active_ratio;
    return null;
  }

  function rates(op) {
    return C.rate_fields.filter(function (f) { return op[f] !== null && op[f] !== undefined; });
  }

  function byName(s) {
    var map = new Map();
    s.operations.forEach(function (op) { if (!map.has(op.name)) map.set(op.name, op); });
    return map;
  }

  // Each loop of ratio chains once, where the walk first meets it; every operation is walked once.
  function ratioCycles(s, ops) {
    var done = new Set();
    var found = [];
    s.operations.forEach(function (op) {
      var path = [];
      var onPath = new Map();
      var current = op;
      while (current && !done.has(current.name)) {
        if (onPath.has(current.name)) {
          var loop = path.slice(onPath.get(current.name)).concat([current.name]);
          var at = s.operations.findIndex(function (o) { return o.name === loop[0]; });
          found.push({ at: at, loop: loop });
          break;
        }
        onPath.set(current.name, path.length);
        path.push(current.name);
        current = current.ratio ? ops.get(current.ratio.to) : null;
      }
      path.forEach(function (name) { done.add(name); });
    });
    return found;
  }

  function crossCheck(s, check) {
    var users = s.users;
    if (users) {
      var given = ["daily_active", "daily_active_ratio"].filter(function (f) { return users[f] !== null; });
      if (given.length === 0) {
        check.bad(["users"], msg("users_need_one"));
      } else if (given.length === 2) {
        check.bad(["users", "daily_active_ratio"], msg("users_not_both"));
      } else if (given[0] === "daily_active_ratio" && users.monthly_active === null) {
        check.bad(["users", "daily_active_ratio"], msg("ratio_needs_monthly"));
      } else if (given[0] === "daily_active" && users.monthly_active !== null &&
                 users.daily_active > users.monthly_active) {
        check.bad(["users", "daily_active"], msg("daily_above_monthly", {
          daily: formatCount(users.daily_active), monthly: formatCount(users.monthly_active) }));
      }
    }
    var first = new Map();
    s.operations.forEach(function (op, i) {
      if (first.has(op.name)) {
        check.bad(["operations", i, "name"], msg("name_taken", { name: quote(op.name), first: first.get(op.name) }));
      } else {
        first.set(op.name, i);
      }
    });
    var ops = byName(s);
    s.operations.forEach(function (op, i) {
      var given = rates(op);
      if (given.length === 0) {
        check.bad(["operations", i], msg("no_rate", { fields: C.rate_fields.join(", ") }));
      } else if (given.length > 1) {
        check.bad(["operations", i, given[1]], msg("two_rates", { rates: given.join(" and ") }));
      }
      if (op.per_user_per_day !== null && dailyActiveUsers(s) === null) {
        check.bad(["operations", i, "per_user_per_day"], msg("rate_needs_users"));
      }
      if (op.ratio && !ops.has(op.ratio.to)) {
        var known = s.operations.map(function (o) { return quote(o.name); }).join(", ");
        check.bad(["operations", i, "ratio", "to"], msg("no_such_operation", { name: quote(op.ratio.to), known: known }));
      }
    });
    ratioCycles(s, ops).forEach(function (c) {
      check.bad(["operations", c.at, "ratio", "to"], msg("ratio_cycle", { chain: c.loop.join(" -> ") }));
    });
  }

  // ------------------------------------------------------------------ computing (estimates.py)

  function sum(values) {
    return values.reduce(function (total, v) { return total + v; }, 0);
  }

  function compute(s) {
    var a = s.assumptions;
    var dau = dailyActiveUsers(s);
    var ops = byName(s);
    var perDay = new Map();

    function ownRate(op) {
      if (op.per_user_per_day !== null) return op.per_user_per_day * dau;
      if (op.per_day !== null) return op.per_day;
      if (op.per_month !== null) return op.per_month / C.days_per_month;
      return op.per_second * a.seconds_per_day;
    }
    s.operations.forEach(function (op) {
      var chain = [];
      var current = op;
      while (!perDay.has(current.name) && current.ratio) {
        chain.push(current);
        current = ops.get(current.ratio.to);
      }
      if (!perDay.has(current.name)) perDay.set(current.name, ownRate(current));
      var value = perDay.get(current.name);
      for (var i = chain.length - 1; i >= 0; i -= 1) {
        value = chain[i].ratio.times * value;
        perDay.set(chain[i].name, value);
      }
    });

    var daysKept = C.days_per_year * a.retention_years;
    var operations = s.operations.map(function (op) {
      var n = perDay.get(op.name);
      var avg = n / a.seconds_per_day;
      var size = sum(op.payload.map(function (p) { return p.size * p.share; }));
      var storedDay = op.kind === "write" ? n * size * a.replication : 0;
      return {
        name: op.name, kind: op.kind, per_day: n, avg_qps: avg, peak_qps: avg * a.peak_factor,
        bytes_per_op: size, bandwidth_bytes_per_s: avg * size,
        stored_bytes_per_day: storedDay, stored_bytes_total: storedDay * daysKept, count_total: n * daysKept
      };
    });

    function total(kind, keys) {
      var chosen = operations.filter(function (o) { return kind === null || o.kind === kind; });
      var out = {};
      keys.forEach(function (k) { out[k] = sum(chosen.map(function (o) { return o[k]; })); });
      return out;
    }
    var flow = ["per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s"];
    return {
      name: s.name, source: s.source, daily_active_users: dau,
      assumptions: { seconds_per_day: a.seconds_per_day, peak_factor: a.peak_factor,
                     retention_years: a.retention_years, replication: a.replication },
      operations: operations,
      totals: {
        read: total("read", flow.concat(["count_total"])),
        write: total("write", flow.concat(["count_total", "stored_bytes_per_day", "stored_bytes_total"])),
        all: total(null, flow)
      }
    };
  }

  // The first figure that is not a real number, as a problem (estimates._finite and its totals):
  // an operation's own, then the totals in the order estimates.py sums them.
  function overflow(result) {
    for (var i = 0; i < result.operations.length; i += 1) {
      var op = result.operations[i];
      var keys = Object.keys(op);
      for (var k = 0; k < keys.length; k += 1) {
        if (typeof op[keys[k]] === "number" && !isFinite(op[keys[k]])) {
          return { path: ["operations", i], message: msg("overflow", { figure: keys[k], operation: quote(op.name) }) };
        }
      }
    }
    var kinds = [["read", "reads"], ["write", "writes"], ["all", "all operations"]];
    for (var t = 0; t < kinds.length; t += 1) {
      var totals = result.totals[kinds[t][0]];
      var names = Object.keys(totals);
      for (var n = 0; n < names.length; n += 1) {
        if (!isFinite(totals[names[n]])) {
          return { path: ["operations"], message: msg("overflow", { figure: names[n], operation: "all " + kinds[t][1] }) };
        }
      }
    }
    return null;
  }

  // evaluate(data) -> {ok: true, scenario, result} or {ok: false, problems: [{path, where, message}]}
  function evaluate(data) {
    var check = new Checker();
    var s = readScenario(data, check);
    if (check.problems.length === 0) crossCheck(s, check);
    var result = null;
    if (check.problems.length === 0) {
      result = compute(s);
      var bad = overflow(result);
      if (bad) check.bad(bad.path, bad.message);
    }
    if (check.problems.length) {
      return { ok: false, problems: check.problems.map(function (p) {
        return { path: p.path, where: describe(p.path), message: p.message };
      }) };
    }
    return { ok: true, scenario: s, result: result };
  }

  // ------------------------------------------------------------------ the table (estimate_table.py)
  // Cells are {text, how: [lines], metric?} where metric is the result key the figure shows.

  function n3(value) { return formatCount(value, 3); }
  function b3(value) { return formatBytes(value, 3); }
  function seconds(a) { return formatNumber(a.seconds_per_day) + " s"; }

  function perDayHow(op, s, result) {
    var a = result.assumptions;
    if (op.per_user_per_day !== null) return n3(dailyActiveUsers(s)) + " DAU × " + n3(op.per_user_per_day);
    if (op.per_month !== null) return n3(op.per_month) + "/month / " + C.days_per_month + " days";
    if (op.per_second !== null) return n3(op.per_second) + "/s × " + seconds(a);
    if (op.ratio) return n3(op.ratio.times) + " × " + op.ratio.to;
    return "";
  }

  function payloadHow(op) {
    if (op.payload.length <= 1 && op.payload.every(function (p) { return p.share === 1; })) return "";
    return op.payload.map(function (p) {
      return p.share === 1 ? b3(p.size) : n3(p.share) + " × " + b3(p.size);
    }).join(" + ");
  }

  function assumptionsText(result, s) {
    var a = result.assumptions;
    var parts = [];
    var dau = result.daily_active_users;
    var u = s.users;
    if (dau !== null) {
      if (u && u.daily_active === null && u.monthly_active !== null && u.daily_active_ratio !== null) {
        parts.push(n3(u.monthly_active) + " monthly users × " + n3(u.daily_active_ratio) + " = " + n3(dau) +
                   " daily active users (DAU)");
      } else {
        parts.push(n3(dau) + " daily active users (DAU)");
      }
    }
    parts.push(formatNumber(a.seconds_per_day) + " s in a day");
    parts.push("peak = " + formatNumber(a.peak_factor) + " × average");
    if (a.retention_years < 1) {  // a week reads better as 7 days than as 0.01918 years
      parts.push("data kept " + formatNumber(Math.round(a.retention_years * C.days_per_year * 10) / 10) + " days (" +
                 formatNumber(a.retention_years) + " years)");
    } else {
      parts.push("data kept " + formatNumber(a.retention_years) + " year" + (a.retention_years === 1 ? "" : "s"));
    }
    parts.push(formatNumber(a.replication) + " cop" + (a.replication === 1 ? "y" : "ies") + " stored");
    return parts.join(" · ") + ".";
  }

  function cell(text, how, metric) {
    return { text: text, how: how ? [].concat(how) : [], metric: metric };
  }

  var NONE = "—";

  function operationRow(r, op, s, result) {
    var a = result.assumptions;
    var size = r.bytes_per_op;
    var cells = [
      { text: r.name, how: [r.kind], label: true },
      cell(formatCount(r.per_day), perDayHow(op, s, result), "per_day"),
      cell(formatRate(r.avg_qps), n3(r.per_day) + " / " + seconds(a), "avg_qps"),
      cell(formatRate(r.peak_qps), n3(r.avg_qps) + "/s × " + formatNumber(a.peak_factor), "peak_qps"),
      cell(formatBytes(size), payloadHow(op), "bytes_per_op"),
      cell(formatByteRate(r.bandwidth_bytes_per_s), size ? n3(r.avg_qps) + "/s × " + b3(size) : "",
           "bandwidth_bytes_per_s")
    ];
    if (r.kind === "write") {
      var copies = a.replication !== 1 ? " × " + formatNumber(a.replication) + " copies" : "";
      var years = formatNumber(a.retention_years);
      cells.push(cell(formatByteRate(r.stored_bytes_per_day, "day"),
                      size ? n3(r.per_day) + " × " + b3(size) + copies : "", "stored_bytes_per_day"));
      var how = r.stored_bytes_per_day ? [b3(r.stored_bytes_per_day) + "/day × " + C.days_per_year + " × " + years + " y"] : [];
      how.push(formatCount(r.count_total) + " records");
      cells.push(cell(formatBytes(r.stored_bytes_total), how, "stored_bytes_total"));
    } else {
      cells.push({ text: NONE, how: [], metric: "stored_bytes_per_day", none: true });
      cells.push({ text: NONE, how: [], metric: "stored_bytes_total", none: true });
    }
    return { kind: r.kind, name: r.name, cells: cells };
  }

  function totalRow(kind, ops, totals) {
    function how(key, fmt) {
      return ops.length > 1 ? ops.map(function (o) { return fmt(o[key]); }).join(" + ") : "";
    }
    var cells = [
      { text: kind === "write" ? "All writes" : "All reads", how: [], label: true },
      cell(formatCount(totals.per_day), how("per_day", n3), "per_day"),
      cell(formatRate(totals.avg_qps), how("avg_qps", n3), "avg_qps"),
      cell(formatRate(totals.peak_qps), how("peak_qps", n3), "peak_qps"),
      { text: "", how: [], blank: true },
      cell(formatByteRate(totals.bandwidth_bytes_per_s), how("bandwidth_bytes_per_s", b3), "bandwidth_bytes_per_s")
    ];
    if (kind === "write") {
      cells.push(cell(formatByteRate(totals.stored_bytes_per_day, "day"), how("stored_bytes_per_day", b3),
                      "stored_bytes_per_day"));
      cells.push(cell(formatBytes(totals.stored_bytes_total), how("stored_bytes_total", b3), "stored_bytes_total"));
    } else {
      cells.push({ text: NONE, how: [], none: true });
      cells.push({ text: NONE, how: [], none: true });
    }
    return { kind: kind, total: true, cells: cells };
  }

  // table(result, scenario) -> {assumptions: text, columns, rows: [{kind, name | total, cells}]}
  function table(result, s) {
    var rows = result.operations.map(function (r, i) { return operationRow(r, s.operations[i], s, result); });
    ["write", "read"].forEach(function (kind) {
      var ops = result.operations.filter(function (r) { return r.kind === kind; });
      if (ops.length) rows.push(totalRow(kind, ops, result.totals[kind]));
    });
    return {
      assumptions: assumptionsText(result, s),
      columns: ["Operation", "Per day", "Avg QPS", "Peak QPS", "Bytes/op", "Bandwidth", "Stored/day", "Stored total"],
      rows: rows
    };
  }

  return {
    RATE_FIELDS: C.rate_fields,
    parseCount: parseCount,
    parseSize: parseSize,
    formatCount: formatCount,
    formatRate: formatRate,
    formatBytes: formatBytes,
    formatByteRate: formatByteRate,
    formatNumber: formatNumber,
    describe: describe,
    evaluate: evaluate,
    table: table
  };
  }

  return { create: create };
});
