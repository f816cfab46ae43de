// The estimate engine of macros/estimates.py, units.py and estimate_table.py, in plain JavaScript.
// Pure: no DOM. The estimator page uses it as window.EstimateCore; Node loads it with require().
// tests/browser/test_practice_estimator.py runs every data/scenarios/ file through both engines
// and requires the same figures, so a change to one side that is not made to the other fails.
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

  var DAYS_PER_YEAR = 365;
  var DAYS_PER_MONTH = 30;
  var RATE_FIELDS = ["per_user_per_day", "per_day", "per_month", "per_second", "ratio"];
  var COUNT_SUFFIXES = { "": 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
  var SIZE_UNITS = {
    B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15, EB: 1e18,
    KiB: Math.pow(2, 10), MiB: Math.pow(2, 20), GiB: Math.pow(2, 30), TiB: Math.pow(2, 40),
    PiB: Math.pow(2, 50), EiB: Math.pow(2, 60), kB: 1e3, byte: 1, bytes: 1
  };
  var NUMBER = "(?:\\d[\\d,_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
  var QUANTITY = new RegExp("^\\s*([+-]?)\\s*(" + NUMBER + ")\\s*([A-Za-z]*)\\s*$");
  var COUNT_STEPS = [[1, ""], [1e3, "K"], [1e6, "M"], [1e9, "B"], [1e12, "T"]];
  var BYTE_STEPS = [[1, "B"], [1e3, "KB"], [1e6, "MB"], [1e9, "GB"], [1e12, "TB"], [1e15, "PB"], [1e18, "EB"]];

  // ------------------------------------------------------------------ Python-like text

  function repr(value) {
    if (typeof value === "string") {
      var quote = value.indexOf("'") >= 0 && value.indexOf('"') < 0 ? '"' : "'";
      var body = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
      if (quote === "'") body = body.replace(/'/g, "\\'");
      return quote + body + quote;
    }
    if (value === null || value === undefined) return "None";
    if (typeof value === "boolean") return value ? "True" : "False";
    return String(value);
  }

  function typeName(value) {
    if (value === null || value === undefined) return "nothing";
    if (Array.isArray(value)) return "list";
    if (typeof value === "object") return "dict";
    return typeof value;
  }

  // ------------------------------------------------------------------ parsing (units.py)

  function plainNumber(value, what) {
    if (typeof value === "boolean") throw new Error("expected " + what + ", got " + String(value));
    if (typeof value === "number") {
      if (!isFinite(value)) throw new Error("expected " + what + ", got " + repr(value));
      if (value < 0) throw new Error("must not be negative, got " + repr(value));
      return value;
    }
    if (typeof value === "string") return null;
    throw new Error("expected " + what + ", got " + typeName(value));
  }

  function split(text, what) {
    var m = QUANTITY.exec(text);
    if (!m) throw new Error("expected " + what + ", got " + repr(text));
    var number = Number(m[2].replace(/[,_]/g, ""));
    if (!isFinite(number)) throw new Error("expected " + what + ", got " + repr(text));
    if (m[1] === "-" && number !== 0) throw new Error("must not be negative, got " + repr(text));
    return [number, m[3]];
  }

  function parseCount(value) {
    var what = "a number such as 300M, 1.5B or 0.5";
    var number = plainNumber(value, what);
    if (number !== null) return number;
    var parts = split(String(value), what);
    var factor = COUNT_SUFFIXES[parts[1].toUpperCase()];
    if (factor === undefined) {
      throw new Error("unknown count suffix " + repr(parts[1]) + " in " + repr(value) +
                      "; use K, M, B or T (powers of ten)");
    }
    return parts[0] * factor;
  }

  function parseSize(value) {
    var what = 'a size such as "100 B", "1.5 KB" or "1 MiB"';
    var number = plainNumber(value, what);
    if (number !== null) return number;
    var parts = split(String(value), what);
    var unit = parts[1];
    if (unit === "") return parts[0];
    if (!Object.prototype.hasOwnProperty.call(SIZE_UNITS, unit)) {
      var hint = "";
      Object.keys(SIZE_UNITS).some(function (known) {
        if (known.toLowerCase() === unit.toLowerCase()) {
          hint = " (did you mean " + known + "? units are case-sensitive)";
          return true;
        }
        return false;
      });
      throw new Error("unknown unit " + repr(unit) + " in " + repr(value) + hint +
                      "; use B, KB, MB, GB, TB, PB (powers of ten) or KiB, MiB, GiB, TiB, PiB (powers of two)");
    }
    return parts[0] * SIZE_UNITS[unit];
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
    return scaled(value, COUNT_STEPS, opt(sig, 2), opt(exactDigits, 3), "");
  }

  function formatRate(value, per, sig, exactDigits) {
    return formatCount(value, sig, exactDigits) + "/" + opt(per, "s");
  }

  function formatBytes(value, sig, exactDigits) {
    return scaled(value, BYTE_STEPS, opt(sig, 2), opt(exactDigits, 3), " ");
  }

  function formatByteRate(value, per, sig, exactDigits) {
    return formatBytes(value, sig, exactDigits) + "/" + opt(per, "s");
  }

  function formatNumber(value, sig) {
    var d = toDecimal(value);
    if (sig !== undefined) d = roundSig(d, sig);
    return plain(d);
  }

  // ------------------------------------------------------------------ checking (estimates.py)

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

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  function Checker() {
    this.problems = [];
  }

  Checker.prototype.bad = function (path, message) {
    this.problems.push({ path: path, message: message });
  };

  Checker.prototype.keys = function (obj, allowed, path) {
    var self = this;
    Object.keys(obj).forEach(function (key) {
      if (allowed.indexOf(key) < 0) self.bad(path.concat([key]), "unknown key (a typo?)");
    });
  };

  Checker.prototype.object = function (value, path, what) {
    if (isObject(value)) return true;
    this.bad(path, "expected " + what + " (an object), got " + typeName(value));
    return false;
  };

  Checker.prototype.text = function (obj, key, path, required) {
    var value = obj[key];
    if (value === undefined || (value === null && !required)) {
      if (required) this.bad(path.concat([key]), "missing required field");
      return null;
    }
    if (typeof value !== "string") {
      this.bad(path.concat([key]), "expected text, got " + typeName(value));
      return null;
    }
    if (required && value.length < 1) {
      this.bad(path.concat([key]), "must not be empty");
      return null;
    }
    return value;
  };

  // kind: count | fraction | positive | atLeastOne | size
  Checker.prototype.number = function (obj, key, path, kind, fallback) {
    var value = obj[key];
    if (value === undefined || value === null) return fallback;
    var n;
    try {
      n = kind === "size" ? parseSize(value) : parseCount(value);
    } catch (err) {
      this.bad(path.concat([key]), err.message);
      return undefined;
    }
    if (kind === "fraction" && n > 1) {
      this.bad(path.concat([key]), "must be between 0 and 1, got " + formatNumber(n));
      return undefined;
    }
    if (kind === "positive" && n <= 0) {
      this.bad(path.concat([key]), "must be more than 0, got " + formatNumber(n));
      return undefined;
    }
    if (kind === "atLeastOne" && n < 1) {
      this.bad(path.concat([key]), "must be at least 1, got " + formatNumber(n));
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
        check.bad(path, err.message);
        return null;
      }
    }
    return items.map(function (item, i) {
      var here = path.concat([i]);
      check.keys(item, ["size", "share"], here);
      if (item.size === undefined || item.size === null) {
        if (item.size === undefined) check.bad(here.concat(["size"]), "missing required field");
        else check.bad(here.concat(["size"]), "expected a size, got nothing");
      }
      return { size: check.number(item, "size", here, "size", undefined),
               share: check.number(item, "share", here, "fraction", 1) };
    });
  }

  function readScenario(data, check) {
    if (!check.object(data, [], "a scenario")) return null;
    check.keys(data, ["name", "source", "users", "assumptions", "operations"], []);
    var s = { name: check.text(data, "name", [], true), source: check.text(data, "source", [], false) };

    s.users = null;
    if (data.users !== undefined && data.users !== null && check.object(data.users, ["users"], "users")) {
      check.keys(data.users, ["monthly_active", "daily_active", "daily_active_ratio"], ["users"]);
      s.users = {
        monthly_active: check.number(data.users, "monthly_active", ["users"], "count", null),
        daily_active: check.number(data.users, "daily_active", ["users"], "count", null),
        daily_active_ratio: check.number(data.users, "daily_active_ratio", ["users"], "fraction", null)
      };
    }

    var a = data.assumptions === undefined ? {} : data.assumptions;
    s.assumptions = { seconds_per_day: 86400, peak_factor: 2, retention_years: 5, replication: 1 };
    if (check.object(a, ["assumptions"], "assumptions")) {
      check.keys(a, ["seconds_per_day", "peak_factor", "retention_years", "replication"], ["assumptions"]);
      s.assumptions = {
        seconds_per_day: check.number(a, "seconds_per_day", ["assumptions"], "positive", 86400),
        peak_factor: check.number(a, "peak_factor", ["assumptions"], "atLeastOne", 2),
        retention_years: check.number(a, "retention_years", ["assumptions"], "count", 5),
        replication: check.number(a, "replication", ["assumptions"], "atLeastOne", 1)
      };
    }

    s.operations = [];
    var ops = data.operations;
    if (ops === undefined) {
      check.bad(["operations"], "missing required field");
    } else if (!Array.isArray(ops)) {
      check.bad(["operations"], "expected a list of operations, got " + typeName(ops));
    } else if (ops.length === 0) {
      check.bad(["operations"], "needs at least one operation");
    } else {
      ops.forEach(function (raw, i) {
        var path = ["operations", i];
        if (!check.object(raw, path, "an operation")) return;
        check.keys(raw, ["name", "kind"].concat(RATE_FIELDS, ["payload"]), path);
        var op = { name: check.text(raw, "name", path, true), kind: null };
        if (raw.kind === undefined) check.bad(path.concat(["kind"]), "missing required field");
        else if (raw.kind !== "write" && raw.kind !== "read") {
          check.bad(path.concat(["kind"]), "must be 'write' or 'read', got " + repr(raw.kind));
        } else op.kind = raw.kind;
        RATE_FIELDS.slice(0, 4).forEach(function (f) {
          op[f] = check.number(raw, f, path, "count", null);
        });
        op.ratio = null;
        if (raw.ratio !== undefined && raw.ratio !== null &&
            check.object(raw.ratio, path.concat(["ratio"]), "a ratio such as {\"to\": \"write\", \"times\": 10}")) {
          var rpath = path.concat(["ratio"]);
          check.keys(raw.ratio, ["to", "times"], rpath);
          op.ratio = { to: check.text(raw.ratio, "to", rpath, true), times: null };
          if (raw.ratio.times === undefined) check.bad(rpath.concat(["times"]), "missing required field");
          else op.ratio.times = check.number(raw.ratio, "times", rpath, "count", null);
        }
        op.payload = payloadParts(raw.payload, check, path.concat(["payload"])) || [];
        s.operations.push(op);
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
    return RATE_FIELDS.filter(function (f) { return op[f] !== null && op[f] !== undefined; });
  }

  function findOp(s, name) {
    for (var i = 0; i < s.operations.length; i += 1) {
      if (s.operations[i].name === name) return s.operations[i];
    }
    return null;
  }

  function crossCheck(s, check) {
    var users = s.users;
    if (users) {
      var given = ["daily_active", "daily_active_ratio"].filter(function (f) { return users[f] !== null; });
      if (given.length === 0) {
        check.bad(["users"], "give exactly one of daily_active or daily_active_ratio");
      } else if (given.length === 2) {
        check.bad(["users", "daily_active_ratio"], "give exactly one of daily_active or daily_active_ratio, not both");
      } else if (given[0] === "daily_active_ratio" && users.monthly_active === null) {
        check.bad(["users", "daily_active_ratio"], "needs users.monthly_active");
      } else if (given[0] === "daily_active" && users.monthly_active !== null &&
                 users.daily_active > users.monthly_active) {
        check.bad(["users", "daily_active"], formatCount(users.daily_active) + " daily users is more than " +
                  formatCount(users.monthly_active) + " monthly users");
      }
    }
    var first = {};
    s.operations.forEach(function (op, i) {
      if (has(first, op.name)) {
        check.bad(["operations", i, "name"], repr(op.name) + " is already the name of operations[" + first[op.name] + "]");
      } else {
        first[op.name] = i;
      }
    });
    s.operations.forEach(function (op, i) {
      var given = rates(op);
      if (given.length === 0) {
        check.bad(["operations", i], "no rate: give one of " + RATE_FIELDS.join(", "));
      } else if (given.length > 1) {
        check.bad(["operations", i, given[1]], "give exactly one rate, this operation has " + given.join(" and "));
      }
      if (op.per_user_per_day !== null && dailyActiveUsers(s) === null) {
        check.bad(["operations", i, "per_user_per_day"],
                  "needs users (daily_active, or monthly_active with daily_active_ratio)");
      }
      if (op.ratio) {
        if (!findOp(s, op.ratio.to)) {
          var known = s.operations.map(function (o) { return repr(o.name); }).join(", ");
          check.bad(["operations", i, "ratio", "to"], "no operation named " + repr(op.ratio.to) + " (known: " + known + ")");
          return;
        }
        var chain = [op.name];
        var current = op;
        while (current && current.ratio) {
          var next = current.ratio.to;
          if (chain.indexOf(next) >= 0) {
            check.bad(["operations", i, "ratio", "to"], "ratio chain never ends: " + chain.concat([next]).join(" -> "));
            break;
          }
          chain.push(next);
          current = findOp(s, next);
        }
      }
    });
  }

  // ------------------------------------------------------------------ computing (estimates.py)

  function sum(values) {
    return values.reduce(function (total, v) { return total + v; }, 0);
  }

  function compute(s) {
    var a = s.assumptions;
    var dau = dailyActiveUsers(s);
    var perDay = {};

    function resolve(op) {
      if (!has(perDay, op.name)) {
        var value;
        if (op.per_user_per_day !== null) value = op.per_user_per_day * dau;
        else if (op.per_day !== null) value = op.per_day;
        else if (op.per_month !== null) value = op.per_month / DAYS_PER_MONTH;
        else if (op.per_second !== null) value = op.per_second * a.seconds_per_day;
        else value = op.ratio.times * resolve(findOp(s, op.ratio.to));
        perDay[op.name] = value;
      }
      return perDay[op.name];
    }
    s.operations.forEach(resolve);

    var daysKept = DAYS_PER_YEAR * a.retention_years;
    var operations = s.operations.map(function (op) {
      var n = perDay[op.name];
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
      var ops = operations.filter(function (o) { return kind === null || o.kind === kind; });
      var out = {};
      keys.forEach(function (k) { out[k] = sum(ops.map(function (o) { return o[k]; })); });
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

  // evaluate(data) -> {ok: true, scenario, result} or {ok: false, problems: [{path, where, message}]}
  function evaluate(data) {
    var check = new Checker();
    var s = readScenario(data, check);
    if (check.problems.length === 0) crossCheck(s, check);
    if (check.problems.length) {
      return { ok: false, problems: check.problems.map(function (p) {
        return { path: p.path, where: describe(p.path), message: p.message };
      }) };
    }
    return { ok: true, scenario: s, result: compute(s) };
  }

  // ------------------------------------------------------------------ the table (estimate_table.py)
  // Cells are {text, how: [lines], metric?} where metric is the result key the figure shows.

  function n3(value) { return formatCount(value, 3); }
  function b3(value) { return formatBytes(value, 3); }
  function seconds(a) { return formatNumber(a.seconds_per_day) + " s"; }

  function perDayHow(op, s, result) {
    var a = result.assumptions;
    if (op.per_user_per_day !== null) return n3(dailyActiveUsers(s)) + " DAU × " + n3(op.per_user_per_day);
    if (op.per_month !== null) return n3(op.per_month) + "/month / 30 days";
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
    parts.push("data kept " + formatNumber(a.retention_years) + " year" + (a.retention_years === 1 ? "" : "s"));
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
      var how = r.stored_bytes_per_day ? [b3(r.stored_bytes_per_day) + "/day × 365 × " + years + " y"] : [];
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
    RATE_FIELDS: RATE_FIELDS,
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
});
