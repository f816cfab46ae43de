"""Everything works from the keyboard: search shortcut and Escape, Tab through the header controls,
Enter on the palette toggle, Space on a checklist tick box."""
from __future__ import annotations

import pytest

from tests.browser.support import wait_for_search

pytestmark = pytest.mark.browser

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
SEARCH_OPEN = "() => document.getElementById('__search').checked"
SEARCH_CLOSED = "() => !document.getElementById('__search').checked"
FOCUSED = """() => { const e = document.activeElement; return {
  tag: e.tagName.toLowerCase(), type: e.type || '', cls: e.className || '', name: e.getAttribute('name') || '',
  label: e.getAttribute('aria-label') || '' }; }"""


@pytest.fixture
def kpage(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    yield page
    context.close()


def until(page, script: str, arg=None, timeout: int = 3000) -> None:
    """Material reacts to keys a moment later (its handlers run on the next frames): wait for it."""
    page.wait_for_function(script, arg=arg, timeout=timeout)


def tab_to(page, test, limit=150):
    """Press Tab until the focused element passes `test`; return the focus stops on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if test(focused):
            return seen
    raise AssertionError(f"not reached with {limit} Tab presses; stops: {seen[:20]}")


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_opens_with_its_shortcut_and_closes_with_escape(kpage, base_url, key):
    kpage.goto(base_url + "numbers/")
    wait_for_search(kpage)
    assert not kpage.evaluate(SEARCH_OPEN)
    kpage.keyboard.press(key)
    until(kpage, SEARCH_OPEN)
    assert "md-search__input" in kpage.evaluate(FOCUSED)["cls"]
    kpage.keyboard.type("p95")  # the shortcut key itself is not typed into the box
    assert kpage.locator("input.md-search__input").input_value() == "p95"
    kpage.wait_for_selector(".md-search-result__item")
    kpage.keyboard.press("Escape")
    until(kpage, SEARCH_CLOSED)
    assert "md-search__input" not in kpage.evaluate(FOCUSED)["cls"]


def test_header_controls_are_in_the_tab_order_and_work(kpage, base_url):
    kpage.goto(base_url)
    # (Search is not opened first: tabbing to the box is what loads its index here.)
    stops = tab_to(kpage, lambda f: "md-search__input" in f["cls"], limit=10)
    palette = [s for s in stops if s["name"] == "__palette"]
    assert palette, f"the palette toggle is not a Tab stop before search: {stops}"
    assert palette[0]["label"] == "Switch to dark mode"

    # Back to the palette toggle with Shift+Tab, and switch the scheme with Enter, twice.
    kpage.keyboard.press("Shift+Tab")
    assert kpage.evaluate(FOCUSED)["name"] == "__palette"
    assert kpage.evaluate(SCHEME) == "default"
    kpage.keyboard.press("Enter")
    until(kpage, "s => document.body.getAttribute('data-md-color-scheme') === s", "slate")
    assert kpage.evaluate(FOCUSED)["label"] == "Switch to light mode"  # focus stays on the toggle
    kpage.keyboard.press("Enter")
    until(kpage, "s => document.body.getAttribute('data-md-color-scheme') === s", "default")

    # The search box itself: Tab to it, type, Escape.
    kpage.keyboard.press("Tab")
    assert "md-search__input" in kpage.evaluate(FOCUSED)["cls"]
    kpage.keyboard.type("dlq")
    kpage.wait_for_selector(".md-search-result__item")
    assert kpage.evaluate(SEARCH_OPEN)
    kpage.keyboard.press("Escape")
    until(kpage, SEARCH_CLOSED)


def test_a_checklist_box_ticks_with_space(kpage, base_url):
    kpage.goto(base_url + "pocket-checklist/")
    kpage.wait_for_selector("li.task-list-item input[type=checkbox]")
    tab_to(kpage, lambda f: f["tag"] == "input" and f["type"] == "checkbox")
    box = kpage.locator(":focus")
    assert box.evaluate("e => !!e.closest('li.task-list-item')")
    assert box.get_attribute("aria-label"), "the tick box has no name"
    ring = box.evaluate("e => getComputedStyle(e.nextElementSibling, '::after').outlineStyle")
    assert ring == "solid", "a focused tick box shows no focus ring"
    before = box.is_checked()
    kpage.keyboard.press("Space")
    assert box.is_checked() is (not before)
    kpage.keyboard.press("Space")
    assert box.is_checked() is before
