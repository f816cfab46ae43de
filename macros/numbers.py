"""Figures the handbook computes instead of typing: time budgets, downtime, powers of two, latency units."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

SECONDS_PER_DAY = 86_400
AVERAGE_YEAR_DAYS = 365.25  # a calendar year with its leap days: downtime per year and month
PERIODS = {  # seconds in each period a downtime table shows
    "year": AVERAGE_YEAR_DAYS * SECONDS_PER_DAY,
    "month": AVERAGE_YEAR_DAYS * SECONDS_PER_DAY / 12,
    "week": 7 * SECONDS_PER_DAY,
    "day": SECONDS_PER_DAY,
}


def scaled_budget(minutes: list[int], total: int) -> list[int]:
    """Scale a split of minutes to a new total, rounding by largest remainder (ties: earlier step)."""
    base = sum(minutes)
    exact = [Fraction(m * total, base) for m in minutes]   # exact, so equal remainders tie
    whole = [int(x) for x in exact]
    order = sorted(range(len(minutes)), key=lambda i: (-(exact[i] - whole[i]), i))
    for i in order[: total - sum(whole)]:
        whole[i] += 1
    return whole


def range_budget(ranges: list[tuple[int, int]], total: int) -> list[int]:
    """A split of `total` minutes in proportion to the midpoints of published ranges:
    [(3, 10), (10, 15), (10, 25), (3, 5)] over 45 -> [7, 14, 20, 4]."""
    return scaled_budget([low + high for low, high in ranges], total)   # twice each midpoint: whole numbers


def step_starts(minutes: list[int]) -> list[int]:
    """Minute at which each step starts: [5, 20, 15, 5] -> [0, 5, 25, 40]."""
    starts, at = [], 0
    for m in minutes:
        starts.append(at)
        at += m
    return starts


def downtime_seconds(percent: str, period: str) -> float:
    """Seconds of allowed downtime in a period for an availability like "99.9"."""
    unavailable = (Decimal(100) - Decimal(percent)) / Decimal(100)
    return float(unavailable) * PERIODS[period]


def series(*percents: str) -> str:
    """Availability of components that must all be up, as a percentage string."""
    result = Decimal(1)
    for p in percents:
        result *= Decimal(p) / 100
    return f"{result * 100:.4f}".rstrip("0").rstrip(".")


def parallel(*percents: str) -> str:
    """Availability of redundant components, at least one of which must be up."""
    down = Decimal(1)
    for p in percents:
        down *= 1 - Decimal(p) / 100
    return f"{(1 - down) * 100:.6f}".rstrip("0").rstrip(".")


DURATION_UNITS = (("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1))


def format_duration(seconds: float) -> str:
    """The three largest units, rounded half-up to the last of them (zero units left out):
    31557600 -> '365d 6h'; 315576 -> '3d 15h 40m'; 31557.6 -> '8h 45m 58s'; 86.4 -> '1m 26s'; 0.864 -> '0.86 s'."""
    if seconds < 1:
        return f"{seconds:.2g} s"
    first = next(i for i, (_, size) in enumerate(DURATION_UNITS) if seconds >= size)
    shown = DURATION_UNITS[first:first + 3]
    step = shown[-1][1]
    left = int((Decimal(repr(seconds)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step
    parts = []
    for unit, size in shown:
        count, left = divmod(left, size)
        if count:
            parts.append(f"{count}{unit}")
    return " ".join(parts)


def format_ns(ns: float) -> str:
    """Nanoseconds in the largest unit that keeps the number at least 1: 150000 -> '150 µs'."""
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= size:
            return f"{ns / size:,.3g} {unit}"
    return f"{ns:g} ns"


def power_of_two(power: int) -> int:
    return 2 ** power


def approx_power(power: int) -> str:
    """2^power as 'about 1.1 × 10^12' for large powers."""
    value = 2 ** power
    exponent = len(str(value)) - 1
    return f"≈ {value / 10 ** exponent:.2g} × 10^{exponent}"
