"""What the estimate engine says about a bad scenario, typed once: macros/ formats these templates,
and macros/contract.py hands the same templates to the browser's engine, so one bad input gets one
message in both. Placeholders are `{name}`; values are filled in as they are, so quote strings
with quote() first."""
from __future__ import annotations

from typing import Any

MESSAGES = {
    # values
    "count_what": "a number such as 300M, 1.5B or 0.5",
    "size_what": 'a size such as "100 B", "1.5 KB" or "1 MiB"',
    "expected": "expected {what}, got {got}",
    "negative": "must not be negative, got {got}",
    "count_suffix": "unknown count suffix {suffix} in {value}; use K, M, B or T (powers of ten)",
    "size_unit": ("unknown unit {unit} in {value}{hint}; use B, KB, MB, GB, TB, PB (powers of ten) "
                  "or KiB, MiB, GiB, TiB, PiB (powers of two)"),
    "size_hint": " (did you mean {known}? units are case-sensitive)",
    "positive": "must be more than 0, got {got}",
    "at_least_one": "must be at least 1, got {got}",
    "at_most_one": "must be between 0 and 1, got {got}",
    # shape
    "missing": "missing required field",
    "unknown_key": "unknown key (a typo?)",
    "not_text": "expected text, got {got}",
    "not_list": "expected a list, got {got}",
    "not_mapping": "expected a mapping, got {got}",
    "not_choice": "must be one of {choices}, got {got}",
    "empty_text": "must not be empty",
    "too_few": "needs at least {limit} item(s), got {count}",
    "too_many": "allows at most {limit} item(s), got {count}",
    "too_long": "is {count} characters long; at most {limit} are allowed",
    # across fields
    "users_need_one": "give exactly one of daily_active or daily_active_ratio",
    "users_not_both": "give exactly one of daily_active or daily_active_ratio, not both",
    "ratio_needs_monthly": "needs users.monthly_active",
    "daily_above_monthly": "{daily} daily users is more than {monthly} monthly users",
    "name_taken": "{name} is already the name of operations[{first}]",
    "no_rate": "no rate: give one of {fields}",
    "two_rates": "give exactly one rate, this operation has {rates}",
    "rate_needs_users": "needs users (daily_active, or monthly_active with daily_active_ratio)",
    "no_such_operation": "no operation named {name} (known: {known})",
    "ratio_cycle": "ratio chain never ends: {chain}",
    "overflow": "the figures overflow: {figure} of {operation} is too large to compute; use smaller numbers",
}


def message(key: str, **params: Any) -> str:
    """MESSAGES[key] with its placeholders filled: message("positive", got="0") -> "must be more than 0, got 0"."""
    text = MESSAGES[key]
    for name, value in params.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def quote(text: str) -> str:
    """A string as the messages show it: in single quotes, or double when it holds a single quote."""
    q = '"' if "'" in text and '"' not in text else "'"
    body = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    return q + (body.replace("'", "\\'") if q == "'" else body) + q


def shown(value: Any) -> str:
    """Any input value as a message shows it after "got": 'abc', 12, true, nothing, a list."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def number_text(value: float) -> str:
    """A number as JavaScript's String() writes it (1e+21, 0.5, 12), so both engines agree."""
    number = float(value)
    if number != number:
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "Infinity" if number > 0 else "-Infinity"
    if number.is_integer() and abs(number) < 1e21:
        return str(int(number))
    text = repr(number)
    if "e" in text and 1e-7 <= abs(number) < 1e-4:  # JavaScript writes these without an exponent
        from decimal import Decimal
        return format(Decimal(text), "f")
    if "e" in text:
        mantissa, exp = text.split("e")
        sign = "-" if exp.startswith("-") else "+"
        return f"{mantissa.removesuffix('.0')}e{sign}{exp.lstrip('+-').lstrip('0') or '0'}"
    return text
