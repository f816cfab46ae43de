"""On a phone the navigation drawer is off screen until it is opened, and handbook.css leaves it
undrawn until then (content-visibility: hidden), which spares Material's start-up restyles a third
of the page. The drawer must still open, show its links and take the reader where they lead; on a
wide screen the sidebar is always drawn."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
EXAMPLE = "examples/url-shortener/"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_the_closed_drawer_is_undrawn_on_a_phone_and_opens_and_works(phone, browser, base_url):
    link = ".md-sidebar--primary .md-nav__link[href$='chat/']"  # a page beside this one, as the drawer opens on this section
    phone.goto(base_url + EXAMPLE, wait_until="load")
    assert not phone.locator(link).first.is_visible()
    assert not phone.evaluate("(s) => document.querySelector(s).checkVisibility()", link)
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.locator(link).first.wait_for(state="visible", timeout=3000)
    phone.locator("label.md-overlay").click(position={"x": 370, "y": 400})  # shut it again
    phone.wait_for_function("(s) => !document.querySelector(s).checkVisibility()", arg=link, timeout=3000)
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.locator(link).first.wait_for(state="visible", timeout=3000)
    phone.locator(link).first.click()
    phone.wait_for_url(base_url + "examples/chat/")
    # On a wide screen the sidebar is always drawn.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    wide = context.new_page()
    wide.goto(base_url + EXAMPLE, wait_until="load")
    assert wide.evaluate("(s) => document.querySelector(s).checkVisibility()", link)
    context.close()
