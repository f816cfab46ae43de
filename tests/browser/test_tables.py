"""Tables that scroll sideways on a phone are in the tab order from the built HTML (no script
measures them): at 390 px every table wider than its box has a tab stop, and few that fit do."""
from __future__ import annotations

import pytest

from tests.browser.support import all_pages

pytestmark = pytest.mark.browser

STATE = """() => [...document.querySelectorAll('.md-content .md-typeset table')].map(t => ({
  wide: t.scrollWidth > t.clientWidth + 1, tab: t.getAttribute('tabindex')}))"""


def test_every_table_that_scrolls_on_a_phone_has_a_tab_stop(browser, base_url, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    untabbed, spare, tabbed = [], 0, 0
    try:
        for path in all_pages(site):
            page.goto(base_url + path, wait_until="load")
            for i, t in enumerate(page.evaluate(STATE)):
                if t["wide"] and t["tab"] != "0":
                    untabbed.append(f"{path or 'home'} table {i}")
                tabbed += t["tab"] == "0"
                spare += t["tab"] == "0" and not t["wide"]
    finally:
        context.close()
    assert untabbed == [], untabbed
    assert tabbed > 20 and spare <= tabbed // 3, (spare, tabbed)  # the estimate leans wide, but not far


def test_a_scrolling_table_takes_keyboard_focus(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + "examples/url-shortener/", wait_until="load")
        page.locator("table[data-scroll-focus]").first.focus()
        assert page.evaluate("() => document.activeElement.matches('table[data-scroll-focus]')")
    finally:
        context.close()
