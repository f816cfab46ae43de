"""Tables come from the build in Material's scroll box and with their tab stops (no script moves or
measures them): at 390 px every table wider than its box has a tab stop, and few that fit do; every
table sits in one box, and none is moved while a page loads."""
from __future__ import annotations

import pytest

from tests.browser.support import all_pages

pytestmark = pytest.mark.browser

STATE = """() => [...document.querySelectorAll('.md-content .md-typeset table')].map(t => ({
  wide: t.scrollWidth > t.clientWidth + 1, tab: t.getAttribute('tabindex'),
  boxed: t.matches('.md-typeset__scrollwrap > .md-typeset__table > table'),
  nested: !!t.closest('.md-typeset__scrollwrap .md-typeset__scrollwrap')}))"""
# Tables taken out of the page while it loads (Material's script moved each into its box).
COUNT_MOVES = """window.__tablesMoved = 0;
new MutationObserver(records => records.forEach(r => r.removedNodes.forEach(n => {
  if (n.nodeName === 'TABLE') window.__tablesMoved++; }))).observe(document, {childList: true, subtree: true});"""


def test_every_table_that_scrolls_on_a_phone_has_a_tab_stop(browser, base_url, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    untabbed, unboxed, spare, tabbed = [], [], 0, 0
    try:
        for path in all_pages(site):
            page.goto(base_url + path, wait_until="load")
            for i, t in enumerate(page.evaluate(STATE)):
                if t["wide"] and t["tab"] != "0":
                    untabbed.append(f"{path or 'home'} table {i}")
                if not t["boxed"] or t["nested"]:
                    unboxed.append(f"{path or 'home'} table {i}: {t}")
                tabbed += t["tab"] == "0"
                spare += t["tab"] == "0" and not t["wide"]
    finally:
        context.close()
    assert untabbed == [], untabbed
    assert unboxed == [], unboxed  # every table in exactly one of Material's scroll boxes
    assert tabbed > 20 and spare <= tabbed // 3, (spare, tabbed)  # the estimate leans wide, but not far


@pytest.mark.parametrize("path", ["examples/url-shortener/", "numbers/", "one-pager/", "blocks/caching/"])
def test_no_table_is_moved_while_a_page_loads(browser, base_url, path):
    """Moving a table into its box at load restyled the whole article (handbook.js, tables.py)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(COUNT_MOVES)
    page = context.new_page()
    try:
        page.goto(base_url + path, wait_until="load")  # after Material's mount at DOMContentLoaded
        assert page.locator(".md-typeset__scrollwrap > .md-typeset__table > table").count() >= 2
        assert page.evaluate("() => window.__tablesMoved") == 0
    finally:
        context.close()


def test_a_scrolling_table_takes_keyboard_focus(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + "examples/url-shortener/", wait_until="load")
        page.locator("table[data-scroll-focus]").first.focus()
        assert page.evaluate("() => document.activeElement.matches('table[data-scroll-focus]')")
    finally:
        context.close()
