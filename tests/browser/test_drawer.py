"""On a phone the navigation drawer is off screen until it is opened, and handbook.css leaves it
undrawn until then (content-visibility: hidden), which spares Material's start-up restyles a third
of the page. The drawer must still open, show its links and take the reader where they lead; on a
wide screen the sidebar is always drawn."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EXAMPLE = "examples/url-shortener/"
# A page beside this one in the drawer, which opens on the current page's section.
LINK = ".md-sidebar--primary .md-nav__link[href$='chat/']"
MENU = "label.md-header__button[for='__drawer']"


def drawn(page) -> bool:
    return page.evaluate("(s) => document.querySelector(s).checkVisibility()", LINK)


def test_the_closed_drawer_is_undrawn_on_a_phone_and_opens_and_works(phone, page, base_url):
    link = phone.locator(LINK).first
    phone.goto(base_url + EXAMPLE, wait_until="load")
    assert not link.is_visible()
    assert not drawn(phone)
    phone.locator(MENU).click()
    link.wait_for(state="visible", timeout=3000)
    phone.locator("label.md-overlay").click(position={"x": 370, "y": 400})  # shut it again
    phone.wait_for_function("(s) => !document.querySelector(s).checkVisibility()", arg=LINK, timeout=3000)
    phone.locator(MENU).click()
    link.wait_for(state="visible", timeout=3000)
    link.click()
    phone.wait_for_url(base_url + "examples/chat/")
    # On a wide screen the sidebar is always drawn.
    page.goto(base_url + EXAMPLE, wait_until="load")
    assert drawn(page)
