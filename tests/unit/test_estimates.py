"""The estimate engine (macros/estimates.py): published vectors, every data error, the CLI."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

from macros.errors import DataError  # noqa: E402
from macros.estimates import (  # noqa: E402
    Scenario, estimate, format_text, load_scenario, main, scenario_from_data,
)

SCENARIOS = ROOT / "data" / "scenarios"


def approx(value):
    return pytest.approx(value, rel=1e-9)


def write(tmp_path, text, name="s.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def error_of(tmp_path, text) -> str:
    with pytest.raises(DataError) as info:
        load_scenario(write(tmp_path, text))
    return str(info.value)


def op(result, name):
    return next(o for o in result["operations"] if o["name"] == name)


# ---------------------------------------------------------------- published vectors

def test_twitter_vector_matches_the_published_estimate():
    result = estimate(load_scenario(SCENARIOS / "twitter-timeline.yml"))
    assert result["name"] == "Twitter-like timeline"
    assert result["daily_active_users"] == approx(150e6)
    tweet = op(result, "post tweet")
    assert tweet["kind"] == "write"
    assert tweet["per_day"] == approx(300e6)
    assert tweet["avg_qps"] == pytest.approx(3472.2, abs=0.05)
    assert round(tweet["avg_qps"]) == 3472
    assert tweet["peak_qps"] == pytest.approx(6944.4, abs=0.05)
    assert tweet["bytes_per_op"] == approx(1e5)
    assert tweet["stored_bytes_per_day"] == approx(3.0e13)        # 30 TB/day
    assert tweet["stored_bytes_total"] == approx(5.475e16)        # 54.75 PB, "~55 PB"
    assert tweet["count_total"] == approx(300e6 * 365 * 5)
    assert tweet["bandwidth_bytes_per_s"] == approx(3472.2222222 * 1e5)
    assert result["assumptions"] == {"seconds_per_day": 86400.0, "peak_factor": 2.0,
                                     "retention_years": 5.0, "replication": 1.0}
    assert "Alex Xu" in result["source"]


def test_url_shortener_vector_with_the_books_slips_corrected():
    result = estimate(load_scenario(SCENARIOS / "url-shortener.yml"))
    write_op, read_op = op(result, "shorten URL"), op(result, "follow short URL")
    assert result["daily_active_users"] is None
    assert write_op["avg_qps"] == pytest.approx(1157.4, abs=0.05)     # book rounds to 1160
    assert read_op["avg_qps"] == pytest.approx(11574.1, abs=0.05)     # book: 11,600
    assert read_op["per_day"] == approx(1e9)
    assert write_op["count_total"] == approx(365e9)                   # 365 billion records
    assert write_op["stored_bytes_total"] == approx(36.5e12)          # 36.5 TB, not 365 TB
    assert read_op["stored_bytes_per_day"] == 0 and read_op["stored_bytes_total"] == 0
    assert read_op["count_total"] == approx(3.65e12)                  # reads served in 10 years
    assert result["totals"]["read"]["bandwidth_bytes_per_s"] == approx(11574.074074 * 100)


def test_web_crawler_vector():
    result = estimate(load_scenario(SCENARIOS / "web-crawler.yml"))
    page = op(result, "download page")
    assert page["per_day"] == approx(1e9 / 30)
    assert page["avg_qps"] == pytest.approx(385.8, abs=0.05)          # "~400 pages per second"
    assert page["peak_qps"] == pytest.approx(771.6, abs=0.05)         # "800"
    assert page["stored_bytes_per_day"] * 30 == approx(500e12)        # 500 TB a month
    assert page["stored_bytes_total"] == approx(500e12 / 30 * 365 * 5)  # 30.4 PB; book's 360-day year: 30
    assert page["stored_bytes_total"] == pytest.approx(30e15, rel=0.02)


def test_video_sharing_vector():
    result = estimate(load_scenario(SCENARIOS / "video-sharing.yml"))
    upload, watch = op(result, "upload video"), op(result, "watch video")
    assert result["daily_active_users"] == approx(5e6)
    assert upload["stored_bytes_per_day"] == approx(150e12)           # 150 TB a day
    assert upload["per_day"] == approx(500e3)
    assert watch["per_day"] == approx(25e6)
    assert watch["per_day"] * watch["bytes_per_op"] / 1e9 * 0.02 == approx(150_000)  # CDN $/day
    assert watch["stored_bytes_total"] == 0


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yml")), ids=lambda p: p.stem)
def test_every_scenario_file_loads_and_has_a_source(path):
    scenario = load_scenario(path)
    assert scenario.source
    result = estimate(scenario)
    assert json.loads(json.dumps(result)) == result


def test_totals_shape_and_sums():
    result = estimate(load_scenario(SCENARIOS / "url-shortener.yml"))
    totals = result["totals"]
    assert set(totals) == {"read", "write", "all"}
    assert set(totals["read"]) == {"per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s",
                                   "count_total"}
    assert set(totals["write"]) == {"per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s",
                                    "count_total", "stored_bytes_per_day", "stored_bytes_total"}
    assert set(totals["all"]) == {"per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s"}
    assert totals["all"]["per_day"] == approx(1.1e9)
    assert totals["all"]["avg_qps"] == approx(totals["read"]["avg_qps"] + totals["write"]["avg_qps"])
    assert totals["write"]["stored_bytes_total"] == approx(36.5e12)
    assert set(result["operations"][0]) == {
        "name", "kind", "per_day", "avg_qps", "peak_qps", "bytes_per_op", "bandwidth_bytes_per_s",
        "stored_bytes_per_day", "stored_bytes_total", "count_total"}


def test_totals_are_zero_for_a_kind_with_no_operations():
    result = estimate(load_scenario(SCENARIOS / "twitter-timeline.yml"))
    assert all(v == 0 for v in result["totals"]["read"].values())


# ---------------------------------------------------------------- rates, payloads, assumptions

def base(**op):
    return {"name": "t", "operations": [{"name": "a", "kind": "write", **op}]}


def test_every_kind_of_rate():
    data = {
        "name": "rates",
        "users": {"daily_active": "1M"},
        "assumptions": {"seconds_per_day": 100000},
        "operations": [
            {"name": "u", "kind": "write", "per_user_per_day": 3},
            {"name": "d", "kind": "write", "per_day": "2M"},
            {"name": "m", "kind": "read", "per_month": "3M"},
            {"name": "s", "kind": "read", "per_second": 10},
            {"name": "r", "kind": "read", "ratio": {"to": "r2", "times": 2}},
            {"name": "r2", "kind": "read", "ratio": {"to": "d", "times": 5}},
        ],
    }
    result = estimate(scenario_from_data(data))
    assert [o["per_day"] for o in result["operations"]] == [
        approx(3e6), approx(2e6), approx(1e5), approx(1e6), approx(2e7), approx(1e7)]
    assert op(result, "s")["avg_qps"] == approx(10)
    assert op(result, "d")["avg_qps"] == approx(20)          # quick-maths day of 100,000 s


def test_payload_forms_and_units():
    data = base(per_day=1000, payload=[{"size": "1 MiB", "share": 0.5}, "100 B",
                                       {"size": 2048}])
    result = estimate(scenario_from_data(data))
    assert op(result, "a")["bytes_per_op"] == approx(0.5 * 1048576 + 100 + 2048)
    assert estimate(scenario_from_data(base(per_day=1)))["operations"][0]["bytes_per_op"] == 0
    one = scenario_from_data(base(per_day=1, payload={"size": "1.5 KB", "share": 0.2}))
    assert estimate(one)["operations"][0]["bytes_per_op"] == approx(300)


def test_replication_multiplies_storage_not_bandwidth():
    one = estimate(scenario_from_data(base(per_day="1M", payload="1 KB")))
    data = base(per_day="1M", payload="1 KB")
    data["assumptions"] = {"replication": 3, "retention_years": 2}
    three = estimate(scenario_from_data(data))
    a, b = one["operations"][0], three["operations"][0]
    assert b["stored_bytes_per_day"] == approx(3 * a["stored_bytes_per_day"]) == approx(3e9)
    assert b["stored_bytes_total"] == approx(3e9 * 365 * 2)
    assert b["bandwidth_bytes_per_s"] == approx(a["bandwidth_bytes_per_s"])


def test_estimate_rechecks_a_scenario_built_directly():
    scenario = Scenario.model_validate(
        {"name": "x", "operations": [{"name": "a", "kind": "read", "ratio": {"to": "a", "times": 1}}]})
    with pytest.raises(DataError, match="ratio chain never ends: a -> a"):
        estimate(scenario)


# ---------------------------------------------------------------- data errors: name the field

GOOD_HEAD = """
name: s
users:
  monthly_active: 300M
  daily_active_ratio: 0.5
operations:
"""


@pytest.mark.parametrize("ops, expected", [
    ("  - {name: a, kind: write, per_day: -5}\n", "operations[0].per_day (line 6): must not be negative"),
    ("  - {name: a, kind: write, per_day: 3X}\n", "operations[0].per_day (line 6): unknown count suffix 'X'"),
    ("  - {name: a, kind: write, per_day: 1, payload: -1 KB}\n", "operations[0].payload (line 6): must not be negative"),
    ("  - {name: a, kind: write, per_day: 1, payload: 1 XB}\n", "operations[0].payload (line 6): unknown unit 'XB'"),
    ("  - name: a\n    kind: write\n    per_day: 1\n    payload:\n      - {size: 2 QB}\n",
     "operations[0].payload[0].size (line 10): unknown unit 'QB'"),
    ("  - name: a\n    kind: write\n    per_day: 1\n    payload:\n      - {size: 1 MB, share: -0.1}\n",
     "operations[0].payload[0].share (line 10): must not be negative"),
    ("  - name: a\n    kind: write\n    per_day: 1\n    payload:\n      - {size: 1 MB, share: 1.5}\n",
     "operations[0].payload[0].share (line 10): must be between 0 and 1"),
    ("  - name: a\n    kind: write\n    per_day: 1\n    payload:\n      - {size: 1 MB, sahre: 1}\n",
     "operations[0].payload[0].sahre (line 10): unknown key"),
    ("  - name: a\n    kind: write\n    per_day: 1\n    per_second: 2\n",
     "operations[0].per_second (line 9): give exactly one rate, this operation has per_day and per_second"),
    ("  - name: a\n    kind: write\n", "operations[0] (line 6): no rate: give one of per_user_per_day"),
    ("  - name: a\n    kind: delete\n    per_day: 1\n", "operations[0].kind (line 7): must be one of 'write' or 'read', got 'delete'"),
    ("  - name: a\n    kind: write\n    per_dya: 1\n", "operations[0].per_dya (line 8): unknown key"),
    ("  - name: a\n    kind: write\n    per_day: true\n", "operations[0].per_day (line 8): expected a number"),
    ("  - {kind: write, per_day: 1}\n", "operations[0].name (line 6): missing required field"),
    ("  - {name: a, kind: write, per_day: 1}\n  - {name: a, kind: read, per_day: 1}\n",
     "operations[1].name (line 7): 'a' is already the name of operations[0]"),
    ("  - {name: a, kind: write, per_day: 1}\n  - name: b\n    kind: read\n    ratio: {to: c, times: 10}\n",
     "operations[1].ratio.to (line 9): no operation named 'c' (known: 'a', 'b')"),
    ("  - {name: a, kind: write, per_day: 1}\n  - name: b\n    kind: read\n    ratio: {to: a, times: 10, x: 1}\n",
     "operations[1].ratio.x (line 9): unknown key"),
    ("  - {name: a, kind: write, per_day: 1}\n  - name: b\n    kind: read\n    ratio: {to: a}\n",
     "operations[1].ratio.times (line 9): missing required field"),
    ("  - {name: a, kind: write, per_day: 1}\n  - name: b\n    kind: read\n    ratio: {to: a, times: -2}\n",
     "operations[1].ratio.times (line 9): must not be negative"),
])
def test_operation_errors_name_the_field_and_line(tmp_path, ops, expected):
    message = error_of(tmp_path, GOOD_HEAD + ops)
    assert message.startswith("bad data file\n")
    assert f"{tmp_path / 's.yml'}: {expected}" in message


def test_ratio_cycle_is_an_error_naming_the_chain(tmp_path):
    message = error_of(tmp_path, GOOD_HEAD + """\
  - name: a
    kind: read
    ratio: {to: b, times: 2}
  - name: b
    kind: read
    ratio: {to: a, times: 3}
  - name: c
    kind: read
    ratio: {to: c, times: 1}
""")
    assert "operations[0].ratio.to (line 8): ratio chain never ends: a -> b -> a" in message
    assert "operations[2].ratio.to (line 14): ratio chain never ends: c -> c" in message
    assert "operations[1]" not in message  # one loop, one message, where the walk first meets it


def reversed_chain(n: int) -> dict:
    """n operations, each a ratio of the next; the last has a rate: the deepest chain n can make."""
    ops = [{"name": f"op{i}", "kind": "read", "ratio": {"to": f"op{i + 1}", "times": 1}} for i in range(n - 1)]
    return {"name": "chain", "operations": ops + [{"name": f"op{n - 1}", "kind": "write", "per_day": 10}]}


def test_the_longest_ratio_chain_allowed_resolves_without_recursion():
    from macros.schema import MAX_OPERATIONS
    result = estimate(scenario_from_data(reversed_chain(MAX_OPERATIONS)))
    assert [o["per_day"] for o in result["operations"]] == [10.0] * MAX_OPERATIONS


def test_more_operations_than_the_stated_limit_are_refused():
    from macros.schema import MAX_OPERATIONS
    with pytest.raises(DataError, match=f"operations: allows at most {MAX_OPERATIONS} item\\(s\\), got 1200"):
        scenario_from_data(reversed_chain(1200))


@pytest.mark.parametrize("text, expected", [
    ("name: s\noperations:\n  - {name: a, kind: write, per_user_per_day: 2}\n",
     "operations[0].per_user_per_day (line 3): needs users"),
    ("name: s\nusers: {monthly_active: 10M}\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users (line 2): give exactly one of daily_active or daily_active_ratio"),
    ("name: s\nusers:\n  daily_active: 1M\n  daily_active_ratio: 0.5\n  monthly_active: 2M\n"
     "operations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users.daily_active_ratio (line 4): give exactly one of daily_active or daily_active_ratio, not both"),
    ("name: s\nusers:\n  daily_active_ratio: 0.5\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users.daily_active_ratio (line 3): needs users.monthly_active"),
    ("name: s\nusers:\n  monthly_active: 1M\n  daily_active_ratio: 2\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users.daily_active_ratio (line 4): must be between 0 and 1"),
    ("name: s\nusers:\n  monthly_active: 1M\n  daily_active: 2M\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users.daily_active (line 4): 2M daily users is more than 1M monthly users"),
    ("name: s\nusers:\n  monthly_active: -1M\n  daily_active_ratio: 0.5\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users.monthly_active (line 3): must not be negative"),
    ("name: s\nusers:\n  montly_active: 1M\n  daily_active: 5\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "users.montly_active (line 3): unknown key"),
    ("name: s\nassumptions:\n  seconds_per_day: 0\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "assumptions.seconds_per_day (line 3): must be more than 0"),
    ("name: s\nassumptions:\n  peak_factor: 0.5\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "assumptions.peak_factor (line 3): must be at least 1"),
    ("name: s\nassumptions:\n  retention_years: -1\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "assumptions.retention_years (line 3): must not be negative"),
    ("name: s\nassumptions:\n  replicas: 3\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "assumptions.replicas (line 3): unknown key"),
    ("name: s\ncolour: red\noperations:\n  - {name: a, kind: write, per_day: 2}\n",
     "colour (line 2): unknown key"),
    ("name: s\n", "operations (line 1): missing required field"),
    ("name: s\noperations: []\n", "operations (line 2): needs at least 1 item(s), got 0"),
    ("operations:\n  - {name: a, kind: write, per_day: 2}\n", "name (line 1): missing required field"),
    ("- just a list\n", "(top level) (line 1): expected a mapping, got a list"),
])
def test_scenario_errors_name_the_field_and_line(tmp_path, text, expected):
    assert expected in error_of(tmp_path, text)


def test_every_problem_is_reported_at_once(tmp_path):
    message = error_of(tmp_path, GOOD_HEAD + "  - {name: a, kind: write, per_day: -1, payload: 1 XB}\n")
    assert "operations[0].per_day (line 6)" in message and "operations[0].payload (line 6)" in message


def test_broken_yaml_and_duplicate_keys_and_missing_file(tmp_path):
    assert "line 3, column 1: broken YAML" in error_of(tmp_path, "name: s\noperations: [\n")
    assert "appears twice" in error_of(tmp_path, "name: s\nname: t\noperations: []\n")
    with pytest.raises(DataError, match="cannot be read"):
        load_scenario(tmp_path / "nope.yml")
    binary = tmp_path / "b.yml"
    binary.write_bytes(b"name: \xff\xfe\n")
    with pytest.raises(DataError, match="not UTF-8"):
        load_scenario(binary)


def test_scenario_from_data_without_lines_names_the_field():
    with pytest.raises(DataError) as info:
        scenario_from_data(base(per_day="-3"), path="request.json")
    assert str(info.value) == "bad data file\n  request.json: operations[0].per_day: must not be negative, got '-3'"
    with pytest.raises(DataError, match="<input>: operations\\[0\\].ratio.to: no operation named 'zz'"):
        scenario_from_data(base(ratio={"to": "zz", "times": 1}))


# ---------------------------------------------------------------- properties

@st.composite
def scenarios(draw):
    return {
        "name": "p",
        "users": {"monthly_active": draw(st.integers(1, 10**9)),
                  "daily_active_ratio": draw(st.floats(0.01, 1))},
        "assumptions": {"seconds_per_day": draw(st.floats(1000, 200_000)),
                        "peak_factor": draw(st.floats(1, 10)),
                        "retention_years": draw(st.floats(0.5, 20)),
                        "replication": draw(st.integers(1, 5))},
        "operations": [
            {"name": "w", "kind": "write", "per_user_per_day": draw(st.floats(0.01, 100)),
             "payload": [{"size": draw(st.integers(1, 10**7)), "share": draw(st.floats(0.01, 1))}]},
            {"name": "r", "kind": "read", "ratio": {"to": "w", "times": draw(st.floats(0, 100))},
             "payload": draw(st.integers(0, 10**6))},
        ],
    }


KEYS = ("per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s", "stored_bytes_per_day",
        "stored_bytes_total", "count_total")


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_doubling_users_doubles_qps_and_storage(data):
    one = estimate(scenario_from_data(data))
    data["users"]["monthly_active"] *= 2
    two = estimate(scenario_from_data(data))
    for a, b in zip(one["operations"], two["operations"]):
        for key in KEYS:
            assert b[key] == pytest.approx(2 * a[key], rel=1e-9, abs=1e-12), key
        assert b["bytes_per_op"] == a["bytes_per_op"]
    assert two["totals"]["write"]["stored_bytes_total"] == pytest.approx(
        2 * one["totals"]["write"]["stored_bytes_total"], rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_doubling_seconds_per_day_halves_qps_only(data):
    one = estimate(scenario_from_data(data))
    data["assumptions"]["seconds_per_day"] *= 2
    two = estimate(scenario_from_data(data))
    for a, b in zip(one["operations"], two["operations"]):
        for key in ("avg_qps", "peak_qps", "bandwidth_bytes_per_s"):
            assert b[key] == pytest.approx(a[key] / 2, rel=1e-9, abs=1e-12), key
        for key in ("per_day", "stored_bytes_per_day", "stored_bytes_total", "count_total"):
            assert b[key] == pytest.approx(a[key], rel=1e-9), key


# ---------------------------------------------------------------- CLI

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "macros.estimates", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_cli_json_is_the_estimate():
    path = SCENARIOS / "twitter-timeline.yml"
    done = run_cli(path, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == estimate(load_scenario(path))
    assert done.stderr == ""


def test_cli_text_table():
    done = run_cli(SCENARIOS / "twitter-timeline.yml")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Twitter-like timeline"
    assert "daily active users: 150M" in done.stdout
    row = next(line for line in lines if line.startswith("post tweet"))
    assert row.split() == ["post", "tweet", "write", "300M", "3.5K/s", "6.9K/s", "100", "KB",
                           "350", "MB/s", "30", "TB/day", "55", "PB"]
    assert done.stdout == format_text(estimate(load_scenario(SCENARIOS / "twitter-timeline.yml")))


def test_cli_bad_data_exits_2_with_one_message(tmp_path):
    path = write(tmp_path, GOOD_HEAD + "  - name: a\n    kind: write\n    per_day: 1\n    payload: 1 XB\n")
    done = run_cli(path, "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert f"{path}: operations[0].payload (line 9): unknown unit 'XB'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 2


def test_cli_missing_file_exits_2(tmp_path):
    done = run_cli(tmp_path / "missing.yml")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "missing.yml: cannot be read" in done.stderr


def test_cli_usage_error():
    done = run_cli("--bogus")
    assert done.returncode == 2
    assert "usage:" in done.stderr and "Traceback" not in done.stderr


def test_main_in_process(tmp_path, capsys):
    assert main([str(SCENARIOS / "url-shortener.yml"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["write"]["stored_bytes_total"] == approx(36.5e12)
    assert main([str(write(tmp_path, "name: s\n"))]) == 2
    assert "operations (line 1): missing required field" in capsys.readouterr().err
