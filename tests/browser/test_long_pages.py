"""Long pages on screen leave their off-screen parts undrawn until the reader nears them, and a phone
leaves the closed navigation drawer undrawn (handbook.css, content-visibility). What the reader must
still get: each part drawn as it comes near, a link to a deep anchor landing on it, a page laid out
exactly as without the containment, nothing clipped at a part's edge, a drawer that opens and
works, and every part on paper."""
from __future__ import annotations

import base64
import re

import pytest

from scripts.site import PAGE_TYPES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
EXAMPLE = "examples/url-shortener/"
# The parts handbook.css may leave undrawn: each one whose computed content-visibility is auto.
PARTS = "[...document.querySelectorAll('.md-content__inner *')].filter(e => getComputedStyle(e).contentVisibility === 'auto')"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def drawn(page, selector: str) -> bool:
    return page.evaluate("(s) => document.querySelector(s).checkVisibility({contentVisibilityAuto: true})", selector)


def test_a_part_far_down_is_drawn_when_the_reader_scrolls_to_it(phone, base_url):
    phone.goto(base_url + EXAMPLE, wait_until="load")
    assert phone.evaluate(f"() => {PARTS}.length") > 40
    last_table = ".md-content__inner > .md-typeset__scrollwrap:last-of-type table"
    assert not drawn(phone, last_table), "the last table was drawn while far off screen"
    phone.locator(last_table).scroll_into_view_if_needed()
    phone.wait_for_function("(s) => document.querySelector(s).checkVisibility({contentVisibilityAuto: true})",
                            arg=last_table, timeout=3000)


@pytest.mark.parametrize("path,kind", [(EXAMPLE, "h2[id]"), ("pocket-checklist/", ".item-anchor[id]"),
                                       ("numbers/", "h3[id]")])
def test_a_link_to_a_deep_anchor_lands_on_it(phone, base_url, site, path, kind):
    raw = (site / path / "index.html").read_text(encoding="utf-8")
    pattern = r'<h2 id="([^"]+)"' if kind.startswith("h2") else (
        r'<h3 id="([^"]+)"' if kind.startswith("h3") else r'class="item-anchor" id="([^"]+)"')
    anchor = re.findall(pattern, raw)[-1]  # the last one on the page: everything above it is a guess
    phone.goto(f"{base_url}{path}#{anchor}", wait_until="load")
    phone.wait_for_timeout(300)
    top = phone.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", anchor)
    assert 0 <= top <= 160, f"{path}#{anchor} landed {top:.0f} px from the top of the screen"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_containment_changes_nothing_in_the_layout(browser, base_url, width):
    """Every part laid out with the containment content-visibility brings (layout, style, paint)
    and without it: every element of the content sits at the same place."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    moved = {}
    for name, path in {**PAGE_TYPES, "numbers": "numbers/", "cold prompts": "practice/cold-prompts/",
                       "red team": "red-team/"}.items():
        page.goto(base_url + path, wait_until="load")
        moved[name] = page.evaluate(f"""() => {{
          const parts = {PARTS}, all = [...document.querySelectorAll('.md-content__inner *')];
          parts.forEach(e => {{ e.style.contentVisibility = 'visible'; e.style.contain = 'layout style paint'; }});
          const contained = all.map(e => e.getBoundingClientRect().top);
          parts.forEach(e => {{ e.style.contain = 'none'; }});
          return all.filter((e, i) => Math.abs(e.getBoundingClientRect().top - contained[i]) > 0.5)
            .slice(0, 3).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 50));
        }}""")
    context.close()
    assert {k: v for k, v in moved.items() if v} == {}


def green_pixels(browser, png: bytes) -> int:
    """How many pixels of a PNG are a ticked box's green (Material's #00e676), decoded by the
    browser itself."""
    context = browser.new_context()
    page = context.new_page()
    try:
        return page.evaluate("""async (png) => {
          const img = new Image();
          img.src = 'data:image/png;base64,' + png;
          await img.decode();
          const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d');
          ctx.drawImage(img, 0, 0);
          const p = ctx.getImageData(0, 0, img.width, img.height).data;
          let n = 0;
          for (let i = 0; i < p.length; i += 4) if (p[i + 1] > 150 && p[i] < 120 && p[i + 2] < 180) n++;
          return n;
        }""", base64.b64encode(png).decode())
    finally:
        context.close()


def test_tick_boxes_at_a_parts_edge_are_not_clipped(phone, browser, base_url):
    """The one-pager's tick boxes hang left of their list, outside the part's box. The strip left
    of the list holds as much of a ticked box's green with the containment as with none; without
    the clip margin it would hold none, which this test also shows, so it can tell the two apart."""
    phone.goto(base_url + "one-pager/", wait_until="load")
    lists = phone.locator(".md-content__inner ul:has(> li.task-list-item)")
    parts = lists.evaluate_all("(ls) => ls.map(l => getComputedStyle(l).contentVisibility === 'auto')")
    assert any(parts), "no tick list on the one-pager is a part left undrawn off screen"
    target = lists.nth(parts.index(True))
    target.scroll_into_view_if_needed()
    target.locator("input[type=checkbox]").first.evaluate("(box) => box.click()")  # a green tick
    assert target.locator("input[type=checkbox]").first.is_checked()
    box = target.bounding_box()
    outside = {"x": 0, "y": box["y"], "width": box["x"], "height": 60}  # left of the list's box

    def green(style: str) -> int:
        target.evaluate(f"(e) => {{ e.style.cssText = {style!r}; }}")
        phone.wait_for_timeout(100)
        return green_pixels(browser, phone.screenshot(clip=outside))

    contained, uncontained = green(""), green("content-visibility: visible; contain: none")
    clipped = green("overflow-clip-margin: 0px")
    assert uncontained > 10, "no green tick to the left of the list: the test looks in the wrong place"
    assert abs(contained - uncontained) <= uncontained // 5, ("a tick box at the list's edge is clipped",
                                                              contained, uncontained)
    assert clipped < uncontained // 5, ("the test cannot see a clipped tick box", clipped, uncontained)


def test_the_closed_drawer_is_undrawn_on_a_phone_and_opens_and_works(phone, browser, base_url):
    link = ".md-sidebar--primary .md-nav__link[href$='chat/']"  # a page beside this one, as the drawer opens on this section
    phone.goto(base_url + EXAMPLE, wait_until="load")
    assert not phone.locator(link).first.is_visible()
    assert not phone.evaluate("(s) => document.querySelector(s).checkVisibility()", link)
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


def test_paper_gets_every_part(phone, base_url):
    phone.goto(base_url + EXAMPLE, wait_until="load")
    assert phone.evaluate(f"() => {PARTS}.length") > 40
    phone.emulate_media(media="print")
    assert phone.evaluate(f"() => {PARTS}.length") == 0
