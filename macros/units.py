"""Parse and format the numbers of back-of-envelope estimates.

Parsing
    parse_count("300M") -> 300_000_000.0   K, M, B, T are powers of ten (B = billion)
    parse_size("1.5 KB") -> 1500.0         KB, MB, GB, TB, PB, EB are powers of ten
    parse_size("1 MiB") -> 1048576.0       KiB, MiB, GiB, TiB, PiB, EiB are powers of two
Bad input raises ValueError with a message meant for a reader (the schema turns it into a
DataError naming the field).

Formatting
    format_count(3472.2) -> "3.5K"         format_rate(3472.2) -> "3.5K/s"
    format_bytes(3e13) -> "30 TB"          format_bytes(5.475e16) -> "55 PB"
    format_byte_rate(3.47e8) -> "347 MB/s" format_number(86400) -> "86,400"
Human figures keep `sig` significant figures (2 by default), except that a value that is
exact in at most `exact_digits` (3) significant figures is shown unrounded: 365B stays
365B and 36.5 TB stays 36.5 TB, while 3,472.2 becomes 3.5K. Rounding is half-up, as on
a whiteboard. Pass exact_digits=sig for strict rounding.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from .messages import message, quote, shown

COUNT_SUFFIXES = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}

DECIMAL_BYTES = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
                 "PB": 10**15, "EB": 10**18}
BINARY_BYTES = {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40,
                "PiB": 2**50, "EiB": 2**60}
SIZE_UNITS = {**DECIMAL_BYTES, **BINARY_BYTES, "kB": 10**3, "byte": 1, "bytes": 1}

_NUMBER = r"(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_QUANTITY = re.compile(rf"^\s*(?P<sign>[+-]?)\s*(?P<num>{_NUMBER})\s*(?P<unit>[A-Za-z]*)\s*$")

# (factor, unit), ascending
COUNT_STEPS = [(1, ""), (10**3, "K"), (10**6, "M"), (10**9, "B"), (10**12, "T")]
DECIMAL_STEPS = [(1, "B"), (10**3, "KB"), (10**6, "MB"), (10**9, "GB"), (10**12, "TB"),
                  (10**15, "PB"), (10**18, "EB")]
BINARY_STEPS = [(1, "B"), (2**10, "KiB"), (2**20, "MiB"), (2**30, "GiB"), (2**40, "TiB"),
                 (2**50, "PiB"), (2**60, "EiB")]


# ---------------------------------------------------------------- parsing

def _parse(value: object, what: str, factor_of) -> float:
    """A plain number, or text "<number> <unit>" whose unit factor_of(unit, text) turns into a factor
    (raising ValueError for a unit it does not know)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(message("expected", what=what, got=shown(value)))
    text = value if isinstance(value, str) else None
    if text is None:
        number, factor = float(value), 1
    else:
        match = _QUANTITY.match(text)
        if not match:
            raise ValueError(message("expected", what=what, got=quote(text)))
        number = float(match["num"].replace(",", "").replace("_", ""))
        if match["sign"] == "-" and number != 0:
            number = -number
        factor = factor_of(match["unit"], text) if math.isfinite(number) and number >= 0 else 1
    if not math.isfinite(number):
        raise ValueError(message("expected", what=what, got=shown(value)))
    if number < 0:
        raise ValueError(message("negative", got=shown(value)))
    return _finite(number * factor, what, value)


def _count_factor(suffix: str, text: str) -> float:
    factor = COUNT_SUFFIXES.get(suffix.upper())
    if factor is None:
        raise ValueError(message("count_suffix", suffix=quote(suffix), value=quote(text)))
    return factor


def _size_factor(unit: str, text: str) -> float:
    if unit == "":
        return 1
    factor = SIZE_UNITS.get(unit)
    if factor is None:
        known = next((k for k in SIZE_UNITS if k.lower() == unit.lower()), None)
        hint = message("size_hint", known=known) if known else ""
        raise ValueError(message("size_unit", unit=quote(unit), value=quote(text), hint=hint))
    return factor


def parse_count(value: object) -> float:
    """A non-negative count: 300M, 1.5B, 2.5K, 10T, 86400, "86,400", 0.5 (K, M, B, T are powers of ten)."""
    return _parse(value, message("count_what"), _count_factor)


def parse_size(value: object) -> float:
    """A non-negative size in bytes: "100 B", "1.5 KB", "1 MiB", 2048 (a plain number is bytes)."""
    return _parse(value, message("size_what"), _size_factor)


def _finite(number: float, what: str, value: object) -> float:
    """"1e308 T" is a number, but not one the engine can compute with."""
    if not math.isfinite(number):
        raise ValueError(message("expected", what=what, got=shown(value)))
    return number


# ---------------------------------------------------------------- formatting

def _decimal(value: float) -> Decimal:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"cannot format {value!r}")
    return Decimal(repr(number))


def _round_sig(d: Decimal, sig: int) -> Decimal:
    if d == 0:
        return Decimal(0)
    quantum = Decimal(1).scaleb(d.adjusted() - sig + 1)
    return d.quantize(quantum, rounding=ROUND_HALF_UP)


def _round_human(d: Decimal, sig: int, exact_digits: int) -> Decimal:
    if exact_digits > sig and _round_sig(d, exact_digits) == d:
        return d
    return _round_sig(d, sig)


def round_sig(value: float, sig: int = 2, exact_digits: int = 3) -> Decimal:
    """value rounded half-up to `sig` significant figures, or kept if exact in `exact_digits`."""
    return _round_human(_decimal(value), sig, exact_digits)


def _with_separators(d: Decimal) -> str:
    """Decimal without exponent or trailing zeros, with thousands separators: 86400 -> 86,400."""
    d = d.normalize()
    if d == 0:
        return "0"
    text = format(d, "f")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return sign + whole + (f".{frac}" if frac else "")


def _scaled(value: float, steps: list[tuple[int, str]], sig: int, exact_digits: int,
            sep: str) -> str:
    """Pick the largest unit not above value, round the mantissa, move up if it rounds to 1000."""
    d = _decimal(value)
    i = 0
    while i + 1 < len(steps) and abs(d) >= steps[i + 1][0]:
        i += 1
    while True:
        factor, unit = steps[i]
        mantissa = _round_human(d / Decimal(factor), sig, exact_digits)
        if i + 1 < len(steps) and abs(mantissa) * factor >= steps[i + 1][0]:
            i += 1
            continue
        return f"{_with_separators(mantissa)}{sep}{unit}".rstrip()


def format_count(value: float, sig: int = 2, exact_digits: int = 3) -> str:
    """3472.2 -> "3.5K", 150e6 -> "150M", 3.65e11 -> "365B", 0.5 -> "0.5", 2 -> "2"."""
    return _scaled(value, COUNT_STEPS, sig, exact_digits, "")


def format_rate(value: float, per: str = "s", sig: int = 2, exact_digits: int = 3) -> str:
    """3472.2 -> "3.5K/s"; per="day" gives "300M/day"."""
    return f"{format_count(value, sig, exact_digits)}/{per}"


def format_bytes(value: float, sig: int = 2, exact_digits: int = 3, binary: bool = False) -> str:
    """Bytes in decimal units: 3e13 -> "30 TB", 5.475e16 -> "55 PB", 100 -> "100 B".

    binary=True uses KiB, MiB, ... (powers of two): 1048576 -> "1 MiB".
    """
    steps = BINARY_STEPS if binary else DECIMAL_STEPS
    return _scaled(value, steps, sig, exact_digits, " ")


def format_byte_rate(value: float, per: str = "s", sig: int = 2, exact_digits: int = 3) -> str:
    """Bytes per unit of time: 3.47e8 -> "347 MB/s" (exact in 3 figures); per="day": 3e13 -> "30 TB/day"."""
    return f"{format_bytes(value, sig, exact_digits)}/{per}"


def format_number(value: float, sig: int | None = None) -> str:
    """A plain number with thousands separators and no suffix: 86400 -> "86,400", 0.5 -> "0.5".

    With sig, rounded to that many significant figures first: (1157.4, 3) -> "1,160".
    """
    d = _decimal(value)
    if sig is not None:
        d = _round_sig(d, sig)
    return _with_separators(d)
