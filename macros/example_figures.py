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
            base = ops[s.load]["stored_bytes_total"]
            load = base * s.copies
        else:
            base = ops[s.load]["peak_qps"]
            load = base * s.per_op * s.copies * (1 - cache.hit_ratio if s.after_cache else 1)
        out.append(Sized(s, row, base, load, max(1, math.ceil(load / row.value))))
    return out


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


class Figures:
    """Every figure an example's placeholders may name, computed once: its operations, its sizing
    lines and its cache."""

    def __init__(self, ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]):
        self.result, self.rows, self.ops = result, rows, _ops(result)
        self.lines = sizing(ex, result, rows)          # in the example's order (their text is not expanded)
        self.sized = {s.line.what: s for s in self.lines}
        self.cache = cache_sizing(ex, result, rows)

    def text(self, kind: str, arg: str) -> str:
        """One placeholder's text; KeyError with what was expected when it names nothing."""
        from .capacity import figure  # capacity renders pages, so it loads after the handbook this module serves
        if kind in OPERATION_KINDS:
            arg = html.unescape(arg)  # the text around it was escaped; operation names are kept as typed
            if arg == "total":
                totals = self.result["totals"]["write" if kind.startswith("stored") else "all"]
                return _format(kind, totals[OPERATION_KINDS[kind]])
            if arg not in self.ops:
                raise KeyError(f"an operation of the scenario, one of {sorted(self.ops)} (or total)")
            return _format(kind, self.ops[arg][OPERATION_KINDS[kind]])
        if kind == "cap":
            if arg not in self.rows:
                raise KeyError(f"a capacity row, one of {sorted(self.rows)}")
            return figure(self.rows[arg])
        if kind == "nodes":
            if arg not in self.sized:
                raise KeyError(f"the what of a sizing line, one of {sorted(self.sized)}")
            return f"{self.sized[arg].nodes:,}"
        if kind == "cache":
            if self.cache is None or arg not in CACHE_FIGURES:
                raise KeyError(f"a numbers.cache section and one of {list(CACHE_FIGURES)}")
            return units.format_bytes(self.cache.bytes) if arg == "size" else units.format_rate(self.cache.misses)
        raise KeyError(f"a placeholder kind, one of {list(OPERATION_KINDS) + ['cap', 'nodes', 'cache']}")

    def expand(self, ex: schema.Example) -> tuple[schema.Example, list[str]]:
        """The example with every placeholder replaced by its figure (no re-validation: text is
        already safe), and each placeholder that names nothing, as 'place: expected ...' lines."""
        unresolved: list[str] = []

        def where(place) -> str:
            return ".".join(f"[{p}]" if isinstance(p, int) else p for p in place).replace(".[", "[")

        def one(m, place) -> str:
            try:
                return self.text(m.group(1), m.group(2))
            except KeyError as exc:
                unresolved.append(f"{where(place)}: [[{m.group(1)}: {m.group(2)}]] names nothing; expected {exc.args[0]}")
                return m.group(0)

        def walk(value, place):
            if isinstance(value, str):
                return schema.PLACEHOLDER.sub(lambda m: one(m, place), value)
            if isinstance(value, schema.Strict):
                return value.model_copy(update={name: walk(getattr(value, name), place + (name,))
                                                for name in type(value).model_fields})
            if isinstance(value, list):
                return [walk(v, place + (i,)) for i, v in enumerate(value)]
            return value
        return walk(ex, ()), unresolved


def check(ex: schema.Example, result: dict, rows: dict[str, schema.CapacityRow]) -> list[str]:
    """What the sizing, the cache and the deep dives name that the scenario or the table lacks, as
    'place: expected ...' lines; Figures() needs none of them."""
    ops = _ops(result)
    out = []
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
    return out
