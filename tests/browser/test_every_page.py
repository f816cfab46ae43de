"""Every page of the built site, opened once on a phone-sized screen:
- no request leaves 127.0.0.1 while it loads (data: and blob: allowed),
- nothing scrolls sideways at 390 px (wide tables scroll inside their own box).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from scripts.site import wait_until_quiet
from tests.browser.support import all_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
OVERFLOW = """() => {
  const root = document.documentElement;
  // The widest elements sticking out of the page, to say what is wrong when it does.
  const out = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
  return {scroll: root.scrollWidth, client: root.clientWidth, out};
}"""


@pytest.fixture(scope="module")
def visits(browser, site, base_url):
    """Open every page in one phone-sized tab; keep every request and the page's widths."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    requests: list[tuple[str, str]] = []
    current = {"path": ""}
    open_requests = set()

    def started(request):
        requests.append((current["path"], request.url))
        open_requests.add(request)

    context.on("request", started)
    context.on("requestfinished", lambda r: open_requests.discard(r))
    context.on("requestfailed", lambda r: open_requests.discard(r))
    page = context.new_page()
    widths = {}
    for path in all_pages(site):
        current["path"] = path
        page.goto(base_url + path, wait_until="load")
        wait_until_quiet(page, open_requests, quiet_ms=150, limit_ms=5_000)
        widths[path] = page.evaluate(OVERFLOW)
    context.close()
    return {"requests": requests, "widths": widths}


def test_every_page_was_visited(visits, site):
    assert len(visits["widths"]) >= 20
    assert "" in visits["widths"] and "one-pager/" in visits["widths"]


def test_no_request_leaves_the_machine(visits, base_url):
    local = urlsplit(base_url).netloc
    assert len(visits["requests"]) > len(visits["widths"])  # pages, styles, scripts were all seen
    foreign = [(page or "home", url) for page, url in visits["requests"]
               if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != local]
    assert not foreign, foreign[:20]


DIAGRAMS = """() => [...document.querySelectorAll('figure.diagram')].map(f => {
  const svg = f.querySelector('svg'), text = svg.querySelector('text');
  const box = f.getBoundingClientRect();
  return {figure: box.width, svg: svg.getBoundingClientRect().width, scrolls: f.scrollWidth > f.clientWidth,
          focusable: f.tabIndex === 0, label: f.getAttribute('aria-label') || '',
          font: text ? parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0,
          fill: text ? getComputedStyle(text).fill : ''};
})"""


def test_no_page_loads_a_diagram_script(visits):
    scripts = {url.rsplit("/", 1)[-1] for _, url in visits["requests"] if url.endswith(".js")}
    assert not [s for s in scripts if "mermaid" in s or "d2" in s], scripts


def test_diagrams_are_readable_on_a_phone(browser, base_url):
    """At 390 px a diagram keeps its drawn size inside a labelled region that scrolls sideways
    (reachable by keyboard), and its labels stay at 12 px or more."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base_url + "examples/url-shortener/", wait_until="load")
        [flow] = page.evaluate(DIAGRAMS)
        assert flow["scrolls"] and flow["focusable"] and "numbered arrows" in flow["label"]
        assert flow["font"] >= 12, flow
    finally:
        context.close()


def test_diagrams_follow_the_colour_toggle(browser, base_url):
    """Light and dark follow Material's palette toggle, not only the system setting."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(base_url + "examples/url-shortener/", wait_until="load")
        light = page.evaluate(DIAGRAMS)[0]["fill"]
        page.locator("label[for='__palette_1']").first.click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        dark = page.evaluate(DIAGRAMS)[0]["fill"]
        assert light != dark, (light, dark)
    finally:
        context.close()


def test_no_script_holds_up_the_first_paint(site):
    """Every script the theme, the plugins and mkdocs.yml add is deferred (content scripts of the
    practice tools sit after their own markup and are left as they are)."""
    for path in all_pages(site):
        raw = (site / path / "index.html").read_text(encoding="utf-8")
        tail = raw[raw.rindex('<script id="__config"'):]
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", tail)
        assert tags, path
        blocking = [t for t in tags if not re.search(r"\b(defer|async)\b", t)]
        assert not blocking, (path or "home", blocking)


def test_nothing_scrolls_sideways_on_a_phone(visits):
    wide = {page or "home": w for page, w in visits["widths"].items() if w["scroll"] > w["client"]}
    assert not wide, wide
