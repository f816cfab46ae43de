"""Parsing counts and sizes, and formatting human units (macros/units.py)."""

import pytest


from macros.units import (  # noqa: E402
    format_byte_rate, format_bytes, format_count, format_number, format_rate, parse_count,
    parse_size, round_sig,
)


@pytest.mark.parametrize("text, expected", [
    ("300M", 300e6), ("1.5B", 1.5e9), ("2.5K", 2500), ("10T", 10e12), ("150m", 150e6),
    ("86400", 86400), ("86,400", 86400), ("1_000", 1000), ("1e6", 1e6), (" 3 K ", 3000),
    ("0.5", 0.5), (".5", 0.5), (300, 300), (0.1, 0.1), (0, 0), ("0", 0),
])
def test_parse_count(text, expected):
    assert parse_count(text) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("text, expected", [
    ("100 B", 100), ("1.5 KB", 1500), ("1 MiB", 1048576), ("1 MB", 1e6), ("1MB", 1e6),
    ("1 kB", 1000), ("2 GiB", 2 * 2**30), ("1 TB", 1e12), ("1 PB", 1e15), ("1 PiB", 2**50),
    ("1 KiB", 1024), ("3 bytes", 3), (2048, 2048), ("512", 512), (0, 0),
])
def test_parse_size(text, expected):
    assert parse_size(text) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("bad, message", [
    ("-5", "must not be negative"), (-1, "must not be negative"), ("3X", "unknown count suffix 'X'"),
    ("abc", "expected a number"), (True, "got true"), (None, "got nothing"),
    (float("nan"), "expected a number"), ("", "expected a number"), ("1 2", "expected a number"),
    ([1], "got a list"),
])
def test_parse_count_errors(bad, message):
    with pytest.raises(ValueError, match=message):
        parse_count(bad)


@pytest.mark.parametrize("bad, message", [
    ("-1 KB", "must not be negative"), (-3, "must not be negative"),
    ("1 XB", "unknown unit 'XB'"), ("1 Mb", "did you mean MB"), ("1 mib", "did you mean MiB"),
    ("big", "expected a size"), (False, "got false"), ("inf KB", "expected a size"),
])
def test_parse_size_errors(bad, message):
    with pytest.raises(ValueError, match=message):
        parse_size(bad)


def test_unknown_unit_message_lists_the_known_units():
    with pytest.raises(ValueError) as info:
        parse_size("1 XB")
    assert "KB, MB, GB, TB, PB" in str(info.value) and "KiB, MiB" in str(info.value)


@pytest.mark.parametrize("value, text", [
    (3472.2, "3.5K"), (6944.4, "6.9K"), (150e6, "150M"), (300e6, "300M"), (1157.4, "1.2K"),
    (11574.07, "12K"), (3.65e11, "365B"), (5.475e11, "550B"), (2, "2"), (0.5, "0.5"), (0, "0"),
    (999.96, "1K"), (999_960, "1M"), (385.8, "390"), (1.2e12, "1.2T"), (3250, "3.25K"),
    (3251, "3.3K"), (3.0e18, "3,000,000T"),
])
def test_format_count(value, text):
    assert format_count(value) == text


def test_format_count_rounds_half_up_and_strictly_on_request():
    assert format_count(3250, exact_digits=2) == "3.3K"
    assert format_count(3.65e11, exact_digits=2) == "370B"
    assert format_count(3472.2, sig=3) == "3.47K"


@pytest.mark.parametrize("value, text", [
    (3e13, "30 TB"), (5.475e16, "55 PB"), (100, "100 B"), (1e5, "100 KB"), (3.65e13, "36.5 TB"),
    (999_999, "1 MB"), (3.4722e8, "350 MB"), (0, "0 B"), (1.5e21, "1,500 EB"),
])
def test_format_bytes(value, text):
    assert format_bytes(value) == text


def test_format_bytes_binary():
    assert format_bytes(1048576, binary=True) == "1 MiB"
    assert format_bytes(1.5 * 2**20, binary=True) == "1.5 MiB"
    assert format_bytes(2**30, binary=True) == "1 GiB"


def test_rates_and_numbers():
    assert format_rate(3472.2) == "3.5K/s"
    assert format_rate(300e6, "day") == "300M/day"
    assert format_byte_rate(3e13, "day") == "30 TB/day"
    assert format_byte_rate(3.4722e8) == "350 MB/s"
    assert format_number(86400) == "86,400"
    assert format_number(23400.0) == "23,400"
    assert format_number(0.5) == "0.5"
    assert format_number(1157.407, 3) == "1,160"
    assert str(round_sig(54.75, 2)) == "55"


def test_format_rejects_non_finite():
    with pytest.raises(ValueError):
        format_count(float("inf"))
