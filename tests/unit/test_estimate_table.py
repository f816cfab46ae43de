"""The Markdown estimate table (macros/estimate_table.py)."""
import re
from pathlib import Path

import markdown
import pytest

ROOT = Path(__file__).resolve().parents[2]

from macros.estimate_table import COLUMNS, render_estimate_table  # noqa: E402
from macros.estimates import estimate, load_scenario, scenario_from_data  # noqa: E402

SCENARIOS = ROOT / "data" / "scenarios"


def table_for(name):
    scenario = load_scenario(SCENARIOS / f"{name}.yml")
    return render_estimate_table(estimate(scenario), scenario)


def rows(md):
    """Table rows as lists of cells (split on unescaped pipes)."""
    out = []
    for line in md.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            out.append([c.strip() for c in cells])
    return out


def row_named(md, prefix):
    return next(r for r in rows(md) if r[0].startswith(prefix))


def test_twitter_table_figures_and_derivations():
    md = table_for("twitter-timeline")
    assert md.startswith("**Assumptions:** 300M monthly users × 0.5 = 150M daily active users (DAU)"
                         " · 86,400 s in a day · peak = 2 × average · data kept 5 years"
                         " · 1 copy stored.\n\n")
    row = row_named(md, "post tweet")
    assert row == [
        "post tweet<br><small>write</small>",
        "**300M**<br><small>150M DAU × 2</small>",
        "**3.5K/s**<br><small>300M / 86,400 s</small>",
        "**6.9K/s**<br><small>3.47K/s × 2</small>",
        "**100 KB**<br><small>0.1 × 1 MB</small>",
        "**350 MB/s**<br><small>3.47K/s × 100 KB</small>",
        "**30 TB/day**<br><small>300M × 100 KB</small>",
        "**55 PB**<br><small>30 TB/day × 365 × 5 y<br>550B records</small>",
    ]
    total = row_named(md, "**All writes**")
    assert total[1:4] == ["**300M**", "**3.5K/s**", "**6.9K/s**"]
    assert total[6:] == ["**30 TB/day**", "**55 PB**"]
    assert not any(r[0] == "**All reads**" for r in rows(md))


def test_header_and_every_row_have_the_same_columns():
    for path in SCENARIOS.glob("*.yml"):
        md = table_for(path.stem)
        table = rows(md)
        assert table[0] == COLUMNS
        assert table[1][0] == ":--" and set(table[1][1:]) == {"--:"}
        assert all(len(r) == len(COLUMNS) for r in table), path


def test_url_shortener_reads_ratio_and_totals():
    md = table_for("url-shortener")
    assert md.startswith("**Assumptions:** 86,400 s in a day")      # no users: no DAU part
    assert "data kept 10 years" in md
    read = row_named(md, "follow short URL")
    assert read[1] == "**1B**<br><small>10 × shorten URL</small>"
    assert read[2] == "**12K/s**<br><small>1B / 86,400 s</small>"
    assert read[6:] == ["—", "—"]
    write = row_named(md, "shorten URL")
    assert write[4] == "**100 B**"                                   # one whole size: no sum
    assert write[7] == "**36.5 TB**<br><small>10 GB/day × 365 × 10 y<br>365B records</small>"
    reads = row_named(md, "**All reads**")
    assert reads[2] == "**12K/s**" and reads[6:] == ["—", "—"]


def test_per_month_daily_active_and_sums_in_total_rows():
    crawler = table_for("web-crawler")
    assert row_named(crawler, "download page")[1] == "**33M**<br><small>1B/month / 30 days</small>"
    assert row_named(crawler, "download page")[7].startswith("**30 PB**<br><small>16.7 TB/day × 365 × 5 y")
    video = table_for("video-sharing")
    assert video.startswith("**Assumptions:** 5M daily active users (DAU) ·")
    assert "data kept 1 year ·" in video
    assert row_named(video, "upload video")[6] == "**150 TB/day**<br><small>500K × 300 MB</small>"

    data = {"name": "two writes", "assumptions": {"replication": 3, "seconds_per_day": 100000},
            "operations": [
                {"name": "a", "kind": "write", "per_day": "1M", "payload": "1 KB"},
                {"name": "b", "kind": "write", "per_second": 10,
                 "payload": [{"size": "10 KB", "share": 0.5}, "100 B"]}]}
    scenario = scenario_from_data(data)
    md = render_estimate_table(estimate(scenario), scenario)
    assert "100,000 s in a day" in md and "3 copies stored" in md
    b = row_named(md, "b<br>")
    assert b[1] == "**1M**<br><small>10/s × 100,000 s</small>"
    assert b[4] == "**5.1 KB**<br><small>0.5 × 10 KB + 100 B</small>"
    assert b[6] == "**15.3 GB/day**<br><small>1M × 5.1 KB × 3 copies</small>"
    total = row_named(md, "**All writes**")
    assert total[1] == "**2M**<br><small>1M + 1M</small>"
    assert total[2] == "**20/s**<br><small>10 + 10</small>"


def test_names_are_escaped_for_the_table():
    data = {"name": "x", "operations": [
        {"name": "a|b <c>", "kind": "write", "per_day": 5},
        {"name": "r", "kind": "read", "ratio": {"to": "a|b <c>", "times": 2}}]}
    scenario = scenario_from_data(data)
    md = render_estimate_table(estimate(scenario), scenario)
    assert "a\\|b &lt;c&gt;<br><small>write</small>" in md
    assert "2 × a\\|b &lt;c&gt;" in md
    assert all(len(r) == len(COLUMNS) for r in rows(md))


def test_without_the_scenario_only_rate_and_payload_derivations_go():
    scenario = load_scenario(SCENARIOS / "twitter-timeline.yml")
    md = render_estimate_table(estimate(scenario), None)
    row = row_named(md, "post tweet")
    assert row[1] == "**300M**" and row[4] == "**100 KB**"
    assert row[2] == "**3.5K/s**<br><small>300M / 86,400 s</small>"
    assert md.startswith("**Assumptions:** 150M daily active users (DAU) · 86,400 s in a day")


@pytest.mark.parametrize("name", ["twitter-timeline", "url-shortener"])
def test_renders_as_an_html_table(name):
    md = table_for(name)
    html = markdown.markdown(md, extensions=["tables"])
    assert html.count("<table>") == 1
    body_rows = html.split("<tbody>")[1].count("<tr>")
    assert body_rows == len(rows(md)) - 2                              # minus header and rule
    assert len(re.findall(r"<th[ >]", html)) == len(COLUMNS)
    assert "<strong>3.5K/s</strong>" in html or "<strong>1.2K/s</strong>" in html
    assert "<small>" in html and "<p><strong>Assumptions:</strong>" in html
