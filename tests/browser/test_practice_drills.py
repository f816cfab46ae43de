"""The estimation drills in Chromium, through the page's contract only: a problem is an element with
data-scenario (the estimator's JSON) and data-metric; the figure comes from the Python engine, is
typed in human units and graded on Enter (data-grade); the traps, the seed link, the streak kept in
this browser and a stored value of the wrong shape."""
import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.estimates import estimate, scenario_from_data
from tests.browser.test_practice_estimator import assert_same_figures
from tests.conftest import typed_figure

pytestmark = pytest.mark.browser

PAGE = "practice/drills/"
KEY = "handbook-drills"
RATES = ("peak_qps", "bandwidth_bytes_per_s")


def problem(page) -> tuple[dict, str]:
    box = page.locator("#drills-tool[data-ready] [data-scenario][data-metric]")
    expect(box).to_have_count(1)
    return json.loads(box.get_attribute("data-scenario")), box.get_attribute("data-metric")


def engine_figure(data: dict, metric: str, **assumptions) -> float:
    """The Python engine's figure for a metric ("<operation>.<field>", "totals.write.<field>")."""
    data = json.loads(json.dumps(data))
    data["assumptions"].update(assumptions)
    result = estimate(scenario_from_data(data))
    where, _, field = metric.rpartition(".")
    if where == "totals.write":
        return result["totals"]["write"][field]
    return next(op for op in result["operations"] if op["name"] == where)[field]


def answer(page, text: str) -> str:
    """Type an answer, press Enter; the grade the page gives."""
    box = page.get_by_role("textbox", name=re.compile("^Your answer"))
    box.fill(text)
    box.press("Enter")
    grade = page.locator("[data-scenario] [data-grade]")
    expect(grade).to_have_count(1)
    expect(grade).to_contain_text(" " + text + ";")  # this answer's grade, not the one before
    return grade.get_attribute("data-grade")


def open_drills(page, base_url, fragment=""):
    page.goto(base_url + PAGE + fragment)
    return problem(page)


def until(page, wanted) -> tuple[dict, str]:
    """Press "New problem" until the problem is one the test needs."""
    for _ in range(200):
        data, metric = problem(page)
        if wanted(data, metric):
            return data, metric
        page.get_by_role("button", name="New problem").click()
    pytest.fail("no such problem in 200 draws")


def test_the_engines_figure_is_exact_twice_is_the_order_ten_times_is_off(page, base_url):
    data, metric = open_drills(page, base_url)
    value = engine_figure(data, metric)
    assert answer(page, typed_figure(metric, value)) == "exact"
    result = page.locator("[data-scenario] .drills__result")
    expect(result.locator("[data-grade]")).to_contain_text(typed_figure(metric, value))  # the engine's figure
    expect(result.locator(".drills__steps li").last).to_contain_text("= " + typed_figure(metric, value))  # and its sum
    assert answer(page, typed_figure(metric, 2 * value)) == "order"
    assert answer(page, typed_figure(metric, value / 2)) == "order"
    assert answer(page, typed_figure(metric, 10 * value)) == "off"
    expect(result.locator(".drills__trap")).to_have_count(0)


def test_a_forgotten_replication_names_its_trap(page, base_url, book):
    page.goto(base_url + PAGE)
    data, metric = until(page, lambda d, m: m.rpartition(".")[2].startswith("stored") and d["assumptions"]["replication"] > 1)
    assert answer(page, typed_figure(metric, engine_figure(data, metric, replication=1))) != "exact"
    trap = next(t for t in book.drills.traps if t.id == "replication")
    shown = page.locator("[data-scenario] .drills__trap[data-trap='replication']")
    expect(shown).to_contain_text(trap.name)
    expect(shown).to_contain_text(trap.explain)


def test_a_day_of_100000_seconds_names_its_trap(page, base_url, book):
    page.goto(base_url + PAGE)
    data, metric = until(page, lambda d, m: m.rpartition(".")[2] in RATES)
    assert answer(page, typed_figure(metric, engine_figure(data, metric, seconds_per_day=100000))) == "order"
    trap = next(t for t in book.drills.traps if t.id == "hundred-thousand-seconds")
    expect(page.locator("[data-scenario] .drills__trap[data-trap='hundred-thousand-seconds']")).to_contain_text(trap.name)


def test_the_seed_link_replays_the_problem_and_new_problem_changes_it(page, base_url, browser):
    first = open_drills(page, base_url)
    fragment = urlsplit(page.url).fragment
    assert re.fullmatch(r"seed=\d+", fragment), page.url   # the address bar shows the seed
    other = browser.new_context().new_page()
    try:
        other.goto(page.url)
        assert problem(other) == first
        other.goto(base_url + PAGE + "#seed=12345")
        fixed = problem(other)
    finally:
        other.context.close()
    assert open_drills(page, base_url, "#seed=12345") == fixed

    page.get_by_role("button", name="New problem").click()
    page.wait_for_function("() => location.hash !== '#seed=12345'")
    assert re.fullmatch(r"seed=\d+", urlsplit(page.url).fragment)
    assert page.locator("[data-scenario]").get_attribute("data-seed") == urlsplit(page.url).fragment[5:]
    assert problem(page) != fixed
    expect(page.get_by_role("textbox", name=re.compile("^Your answer"))).to_be_focused()


def streak(page) -> tuple[str, str]:
    line = page.locator(".drills__streak")
    return line.get_attribute("data-streak"), line.get_attribute("data-best")


def test_the_streak_counts_and_survives_a_reload(page, base_url):
    data, metric = open_drills(page, base_url)
    assert streak(page) == ("0", "0")
    assert answer(page, typed_figure(metric, engine_figure(data, metric))) == "exact"
    assert streak(page) == ("1", "1")
    answer(page, typed_figure(metric, engine_figure(data, metric)))  # a second go at one problem counts once
    assert streak(page) == ("1", "1")
    page.get_by_role("button", name="New problem").click()
    data, metric = problem(page)
    answer(page, typed_figure(metric, engine_figure(data, metric)))
    assert streak(page) == ("2", "2")

    page.reload()
    data, metric = problem(page)
    assert streak(page) == ("2", "2")
    assert answer(page, typed_figure(metric, 100 * engine_figure(data, metric))) == "off"
    assert streak(page) == ("0", "2")
    stored = page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY)
    assert (stored["streak"], stored["best"], stored["answered"], stored["exact"]) == (0, 2, 3, 2)
    page.get_by_role("button", name="Reset stats").click()
    assert streak(page) == ("0", "0")


def test_stats_of_the_wrong_shape_show_a_message_and_the_page_still_works(page, base_url):
    page.goto(base_url + PAGE)
    page.evaluate("key => localStorage.setItem(key, JSON.stringify({streak: 'lots', traps: []}))", KEY)
    page.reload()
    data, metric = problem(page)
    expect(page.locator("#drills-tool [role=status]").first).to_contain_text("not in the shape this page expects")
    assert streak(page) == ("0", "0")
    assert answer(page, typed_figure(metric, engine_figure(data, metric))) == "exact"
    assert page.evaluate("key => JSON.parse(localStorage.getItem(key)).streak", KEY) == 1


def test_arriving_from_another_page_builds_the_tool_once_without_errors_or_policy_violations(page, base_url):
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));""")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "practice/estimator/")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='drills/']").first.click()  # from the navigation
    data, metric = problem(page)
    assert re.fullmatch(r"seed=\d+", urlsplit(page.url).fragment)
    assert answer(page, typed_figure(metric, engine_figure(data, metric))) == "exact"
    page.go_back()
    page.wait_for_url("**/estimator/")
    page.go_forward()
    assert problem(page) == (data, metric)  # the seed kept in the history entry
    expect(page.locator("#drills-tool .drills__controls")).to_have_count(1)
    assert errors == [] and page.evaluate("() => window.__violations") == []


def test_a_bad_seed_gets_a_new_problem_and_a_followed_anchor_stays(page, base_url):
    open_drills(page, base_url, "#seed=banana")
    expect(page.locator("#drills-tool .drills__notice")).to_contain_text("not a whole number")
    assert re.fullmatch(r"seed=\d+", urlsplit(page.url).fragment)
    open_drills(page, base_url, "#traps")
    assert urlsplit(page.url).fragment == "traps"


def test_a_problem_opens_in_the_estimator_with_the_same_figures(page, base_url):
    data, metric = open_drills(page, base_url)
    answer(page, typed_figure(metric, engine_figure(data, metric)))
    page.get_by_role("link", name="Open this problem in the estimator").click()
    page.wait_for_url(re.compile(r"/practice/estimator/#s="))
    page.wait_for_selector("#estimator-tool[data-ready] [data-metric]")
    assert_same_figures(page, estimate(scenario_from_data(data)))
