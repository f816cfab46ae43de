"""The figures a worked example derives from its scenario and the capacity table: cluster sizing,
cache sizing, and the placeholders its prose uses ([[peak: follow short URL]], [[cap: redis-ops]]),
so a page never types a figure the data holds. Pure Python: no MkDocs, no Handbook."""
from __future__ import annotations

import html
import math
from dataclasses import dataclass

from . import schema, units


@dataclass(frozen=True)
class Sized:
    line: schema.Sizing
    row: schema.CapacityRow
    base: float            # the operation's own peak rate (or stored bytes), before per_op, copies and the cache
    load: float            # operations a second at peak that reach it, or bytes it stores (a row in bytes)
    nodes: int             # nodes needed: load / what one node handles, rounded up


@dataclass(frozen=True)
class CacheSized:
    cache: schema.CacheSizing
    row: schema.CapacityRow
    bytes: float           # working set with the per-key overhead
    peak_reads: float      # reads a second at peak the cache answers or passes on
    misses: float          # what the hit ratio leaves for the store behind it


def _ops(result: dict) -> dict[str, dict]:
    return {op["name"]: op for op in result["operations"]}


def cache_sizing(ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> CacheSized | None:
    c = ex.numbers.cache
    if c is None:
        return None
    peak = _ops(result)[c.serves]["peak_qps"]
    row = rows[c.overhead]
    return CacheSized(c, row, c.items * (c.item_bytes + row.value), peak, peak * (1 - c.hit_ratio))


def sizing(ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> list[Sized]:
    ops, cache = _ops(result), ex.numbers.cache
    out = []
    for s in ex.numbers.sizing:
        row = rows[s.capacity]
        if row.unit == "bytes":  # sized by what it stores over the retention, not by its rate
            load = ops[s.load]["stored_bytes_total"] * s.copies
        else:
            load = ops[s.load]["peak_qps"] * s.per_op * s.copies * (1 - cache.hit_ratio if s.after_cache else 1)
        base = ops[s.load]["stored_bytes_total" if row.unit == "bytes" else "peak_qps"]
        out.append(Sized(s, row, base, load, max(1, math.ceil(load / row.value))))
    return out


def _text_fields(ex: schema.Example):
    """(place, text) for every prose field that may hold placeholders."""
    def walk(value, place):
        if isinstance(value, str):
            yield place, value
        elif isinstance(value, schema.Strict):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), place + (name,))
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                yield from walk(v, place + (i,))
    yield from walk(ex, ())


OPERATION_KINDS = {"peak": "peak_qps", "avg": "avg_qps", "per-day": "per_day", "stored-day": "stored_bytes_per_day",
                   "stored": "stored_bytes_total", "bandwidth": "bandwidth_bytes_per_s", "count": "count_total"}
CACHE_FIGURES = ("size", "misses")


def _format(kind: str, value: float) -> str:
    if kind in ("peak", "avg"):
        return units.format_rate(value)
    if kind in ("per-day", "count"):
        return units.format_count(value)
    if kind == "bandwidth":
        return units.format_byte_rate(value)
    return units.format_bytes(value)


def resolve(kind: str, arg: str, ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> str:
    """One placeholder's text; KeyError with what was expected when it names nothing."""
    from .capacity import figure  # capacity renders pages, so it loads after the handbook this module serves
    if kind in OPERATION_KINDS:
        arg = html.unescape(arg)  # the text around it was escaped; operation names are kept as typed
        ops = _ops(result)
        if arg == "total":
            totals = result["totals"]["write" if kind.startswith("stored") else "all"]
            return _format(kind, totals[OPERATION_KINDS[kind]])
        if arg not in ops:
            raise KeyError(f"an operation of the scenario, one of {sorted(ops)} (or total)")
        return _format(kind, ops[arg][OPERATION_KINDS[kind]])
    if kind == "cap":
        if arg not in rows:
            raise KeyError(f"a capacity row, one of {sorted(rows)}")
        return figure(rows[arg])
    if kind == "nodes":
        sized = {s.line.what: s for s in sizing(ex, result, rows)}
        if arg not in sized:
            raise KeyError(f"the what of a sizing line, one of {sorted(sized)}")
        return f"{sized[arg].nodes:,}"
    if kind == "cache":
        cached = cache_sizing(ex, result, rows)
        if cached is None or arg not in CACHE_FIGURES:
            raise KeyError(f"a numbers.cache section and one of {list(CACHE_FIGURES)}")
        return units.format_bytes(cached.bytes) if arg == "size" else units.format_rate(cached.misses)
    raise KeyError(f"a placeholder kind, one of {list(OPERATION_KINDS) + ['cap', 'nodes', 'cache']}")


def expand(text: str, ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> str:
    return schema.PLACEHOLDER.sub(lambda m: resolve(m.group(1), m.group(2), ex, result, rows), text)


def problems(ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> list[str]:
    """What in the example names a figure the data does not hold, as 'place: expected ...' lines."""
    ops = _ops(result)
    out = []

    def where(place) -> str:
        return ".".join(f"[{p}]" if isinstance(p, int) else p for p in place).replace(".[", "[")

    for i, s in enumerate(ex.numbers.sizing):
        if s.load not in ops:
            out.append(f"numbers.sizing[{i}].load: unknown operation {s.load!r}, expected one of {sorted(ops)}")
        if s.capacity not in rows or rows[s.capacity].unit not in ("per_second", "bytes"):
            out.append(f"numbers.sizing[{i}].capacity: expected a capacity row in operations a second or in bytes "
                       f"stored, not {s.capacity!r}")
    c = ex.numbers.cache
    if c is not None:
        if c.serves not in ops or ops[c.serves]["kind"] != "read":
            out.append(f"numbers.cache.serves: expected a read operation of the scenario, not {c.serves!r}")
        if c.overhead not in rows or rows[c.overhead].unit != "bytes":
            out.append(f"numbers.cache.overhead: expected a capacity row in bytes, not {c.overhead!r}")
    for i, d in enumerate(ex.deep_dives):
        out += [f"deep_dives[{i}].options[{j}].capacity: unknown capacity row {r!r}"
                for j, o in enumerate(d.options) for r in o.capacity if r not in rows]
    if out:
        return out
    for place, text in _text_fields(ex):
        for kind, arg in schema.placeholders(text):
            try:
                resolve(kind, arg, ex, result, rows)
            except KeyError as exc:
                out.append(f"{where(place)}: [[{kind}: {arg}]] names nothing; expected {exc.args[0]}")
    return out


def expanded(ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> schema.Example:
    """The example with every placeholder replaced by its figure (no re-validation: text is already safe)."""
    def walk(value):
        if isinstance(value, str):
            return expand(value, ex, result, rows)
        if isinstance(value, schema.Strict):
            return value.model_copy(update={name: walk(getattr(value, name)) for name in type(value).model_fields})
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value
    return walk(ex)
