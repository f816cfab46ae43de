"""The estimator page in Chromium: the Python engine's vectors (every data/scenarios/ file) give the
same figures and the same table on the page; bad input gets a message beside the field; the link
holds the scenario; every worked example opens its own scenario there."""
import html
import json
import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from playwright.sync_api import expect

from macros.estimate_table import render_estimate_table
from macros.estimates import estimate, load_scenario, scenario_from_data
from macros.loader import read as read_yaml
from tests.conftest import markdown_table_cells

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "data" / "scenarios").glob("*.yml"))
PAGE = "practice/estimator/"
TOTALS = {
    "write": ["per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s", "stored_bytes_per_day", "stored_bytes_total"],
    "read": ["per_day", "avg_qps", "peak_qps", "bandwidth_bytes_per_s"],
    "all": ["peak_qps", "bandwidth_bytes_per_s"],
}


def link_to(data) -> str:
    return PAGE + "#s=" + quote(json.dumps(data), safe="-_.!~*'()")


def figures(page, attr="data-metric") -> dict[str, float]:
    return page.evaluate(
        "attr => Object.fromEntries([...document.querySelectorAll(`[${attr}]`)]"
        ".map(e => [e.getAttribute(attr), Number(e.dataset.value)]))", attr)


def expected_figures(result) -> tuple[dict, dict]:
    metrics = {f"{op['name']}.{key}": value for op in result["operations"]
               for key, value in op.items() if isinstance(value, float)}
    totals = {f"{kind}.{key}": result["totals"][kind][key] for kind, keys in TOTALS.items()
              if any(kind == "all" or op["kind"] == kind for op in result["operations"]) for key in keys}
    return metrics, totals


def table_text(page) -> tuple[str, list[list[str]]]:
    assumptions = page.locator(".estimator__assumptions").inner_text()
    rows = page.evaluate("""() => [...document.querySelectorAll('.estimator__table tbody tr')]
        .map(tr => [...tr.cells].map(td => td.innerText.trim()))""")
    return assumptions, rows




def assert_same_figures(page, result):
    metrics, totals = expected_figures(result)
    got = figures(page)
    assert set(got) == set(metrics), "every operation and key has exactly one figure"
    for key, value in metrics.items():
        assert got[key] == pytest.approx(value, rel=1e-3), key
    got_totals = figures(page, "data-total")
    for key, value in totals.items():
        assert got_totals[key] == pytest.approx(value, rel=1e-3), key


@pytest.fixture(scope="module")
def estimator(browser, base_url):
    """One estimator page for the module, opened once; each test shows its scenario through the link."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.wait_for_selector("#estimator-tool[data-ready] [data-metric]")
    yield page
    context.close()


def show(page, data):
    """Put a scenario into the open page through its JSON editor (a link is a new page load, see
    the link tests below)."""
    page.get_by_label("The same scenario as JSON").fill(json.dumps(data))
    page.wait_for_selector(".estimator__results :is([data-metric], .estimator__invalid)")


def test_python_vectors_give_the_same_figures_on_the_page(estimator):
    """A scenario file, as written ("300M", "1 MB"), typed into the page's JSON editor. Every file is
    compared, figure by figure, with the engine under Node (tests/unit/test_estimate_core.py); this
    one shows the page wires the same engine in."""
    path = ROOT / "data" / "scenarios" / "video-streaming.yml"  # ratios, payload parts and shares
    data, _ = read_yaml(path)  # as written: "300M", "1 MB", payload lists
    scenario = load_scenario(path)
    result = estimate(scenario)
    show(estimator, data)
    assert_same_figures(estimator, result)
    assumptions, rows = table_text(estimator)
    py_assumptions, py_rows = markdown_table_cells(render_estimate_table(result, scenario))
    assert assumptions == py_assumptions
    assert rows == py_rows


def error_beside(page, field_id: str):
    return page.locator(f"#{field_id}-error")


def test_bad_input_shows_a_message_beside_the_field(estimator):
    page = estimator
    path = ROOT / "data" / "scenarios" / "url-shortener.yml"
    data, _ = read_yaml(path)
    show(page, data)

    # Unknown unit, typed in the form.
    size = page.get_by_role("group", name="Payload of operation 1").get_by_label("Size")
    size.fill("100 XB")
    message = error_beside(page, "est-operations-0-payload-0-size")
    expect(message).to_be_visible()
    expect(message).to_contain_text("unknown unit 'XB'")
    expect(size).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-metric]")).to_have_count(0)
    expect(page.locator(".estimator__invalid")).to_contain_text("No figures")
    expect(page.get_by_role("heading", name="Estimator")).to_be_visible()
    size.fill("100 B")
    expect(message).to_be_hidden()
    expect(page.locator("[data-metric]").first).to_be_attached()

    # Negative count, typed in the form.
    count = page.locator("#est-operations-0-per_day")
    count.fill("-5")
    expect(error_beside(page, "est-operations-0-per_day")).to_contain_text("must not be negative")
    count.fill("100M")

    text = page.get_by_label("The same scenario as JSON")
    # Two rates (only the JSON can say that): beside the text and on the operation.
    two = json.loads(json.dumps(data))
    two["operations"][0]["per_second"] = 10
    text.fill(json.dumps(two))
    expect(page.locator("#est-json-error")).to_contain_text("operations[0].per_second: give exactly one rate")
    expect(error_beside(page, "est-operations-0")).to_contain_text("give exactly one rate")

    # A ratio to an operation that does not exist: beside the "follows" field.
    missing = json.loads(json.dumps(data))
    missing["operations"][1]["ratio"]["to"] = "nope"
    text.fill(json.dumps(missing))
    expect(error_beside(page, "est-operations-1-ratio-to")).to_contain_text("no operation named 'nope'")
    expect(page.locator("#est-json-error")).to_contain_text("operations[1].ratio.to")

    # Broken JSON.
    text.fill('{"name": "x", "operations": [')
    expect(page.locator("#est-json-error")).to_contain_text("Broken JSON")
    expect(page.locator(".estimator__invalid")).to_be_visible()
    expect(page.get_by_role("heading", name="Estimator")).to_be_visible()

    # Fixing the text brings the figures back.
    text.fill(json.dumps(data))
    expect(page.locator("#est-json-error")).to_be_hidden()
    assert_same_figures(page, estimate(load_scenario(path)))


def test_a_broken_link_still_shows_the_page(page, base_url):
    page.goto(base_url + PAGE + "#s=" + quote('{"name": "x", broken'))
    expect(page.locator("#est-json-error")).to_contain_text("broken JSON")
    expect(page.get_by_label("The same scenario as JSON")).to_have_value('{"name": "x", broken')
    expect(page.locator(".estimator__invalid")).to_be_visible()


def test_editing_updates_the_link_and_the_link_opens_the_edit(estimator, browser):
    page = estimator
    path = ROOT / "data" / "scenarios" / "twitter-timeline.yml"
    data, _ = read_yaml(path)
    show(page, data)
    page.get_by_label("Peak ÷ average").fill("3")
    page.wait_for_function("() => decodeURIComponent(location.hash).includes('\"peak_factor\":3')")
    state = json.loads(unquote(page.url.split("#s=", 1)[1]))
    edited = dict(data, assumptions=dict(data["assumptions"], peak_factor=3))
    assert state == edited
    assert page.locator(".estimator__share a").get_attribute("href") == "#s=" + page.url.split("#s=", 1)[1]

    # The shared link, opened fresh, shows the edited scenario.
    other = browser.new_context().new_page()
    try:
        other.goto(page.url)
        other.wait_for_selector("[data-metric]")
        assert_same_figures(other, estimate(scenario_from_data(edited)))
    finally:
        other.context.close()


def test_form_edits_recompute_and_keep_the_json_in_step(estimator):
    page = estimator
    page.get_by_label("Start from a scenario").select_option("url-shortener")
    page.wait_for_selector("[data-metric]")
    page.locator("#est-operations-0-name").fill("create link")
    text = json.loads(page.get_by_label("The same scenario as JSON").input_value())
    assert text["operations"][0]["name"] == "create link"
    assert text["operations"][1]["ratio"]["to"] == "create link"  # the ratio follows the rename
    page.get_by_role("button", name="Add an operation").click()
    data = json.loads(page.get_by_label("The same scenario as JSON").input_value())
    assert len(data["operations"]) == 3
    assert_same_figures(page, estimate(scenario_from_data(data)))


def test_every_worked_example_links_to_its_scenario(site, examples):
    for slug, we in examples.items():
        text = (site / "examples" / slug / "index.html").read_text(encoding="utf-8")
        hrefs = re.findall(r'href="(\.\./\.\./practice/estimator/#s=[^"]+)"', text)
        assert len(hrefs) == 1, slug
        data = json.loads(unquote(html.unescape(hrefs[0]).split("#s=", 1)[1]))
        assert estimate(scenario_from_data(data)) == dict(estimate(we.scenario), source=None)


def test_example_link_opens_the_estimator_with_its_scenario(page, base_url):
    page.goto(base_url + "examples/url-shortener/")
    page.get_by_role("link", name="Open these numbers in the estimator").click()
    page.wait_for_url(re.compile(r"/practice/estimator/#s="))
    page.wait_for_selector("#estimator-tool[data-ready] [data-metric]")
    assert_same_figures(page, estimate(load_scenario(ROOT / "data" / "scenarios" / "url-shortener.yml")))
    expect(page.locator(".estimator__panes")).to_have_count(1)


def test_figures_too_large_to_compute_show_the_message_clear_the_figures_and_keep_the_link(estimator):
    page = estimator
    page.get_by_label("Start from a scenario").select_option("url-shortener")
    page.wait_for_selector("[data-metric]")
    page.locator("#est-operations-0-per_day").fill("1e306")
    expect(page.locator("#est-json-error")).to_contain_text("the figures overflow")
    expect(page.locator("[data-metric]")).to_have_count(0)
    expect(page.locator(".estimator__invalid")).to_contain_text("No figures")
    page.wait_for_function("() => decodeURIComponent(location.hash).includes('1e+306')")
    assert "1e+306" in unquote(page.locator(".estimator__share a").get_attribute("href"))
