"""A glossary term (an <abbr> with the term's explanation as its title) explains itself on a phone:
a tap shows the title in a box under the term, inside the screen; another tap, Escape or a scroll
puts it away. Material's own tooltips are off (they cost most of its script time on our pages)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import PHONE

pytestmark = pytest.mark.browser

def test_a_tapped_term_shows_its_explanation_and_goes_away(phone, base_url):
    page = phone
    page.goto(base_url + "one-pager/")
    terms = page.locator("article abbr[title]")
    assert terms.count() >= 20
    tip = page.locator("#term-tip")
    for i in (0, terms.count() - 1):                          # the first term and the last
        term = terms.nth(i)
        term.scroll_into_view_if_needed()
        term.tap()
        expect(tip).to_be_visible()
        expect(tip).to_have_text(term.get_attribute("title"))
        assert tip.get_attribute("role") == "tooltip"
        box, under = tip.bounding_box(), term.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], box
        assert box["y"] >= under["y"] + under["height"] - 1, (box, under)
        term.tap()                                            # the same term again: away
        expect(tip).to_be_hidden()
    terms.first.scroll_into_view_if_needed()
    terms.first.tap()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    terms.first.tap()
    page.locator("h1").tap()                                  # a tap elsewhere
    expect(tip).to_be_hidden()
    assert page.locator(".md-tooltip, .md-tooltip2").count() == 0   # Material's tooltips are not mounted

