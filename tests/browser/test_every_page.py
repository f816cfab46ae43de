"""Every page of the built site, opened once on a phone-sized screen:
- no request leaves 127.0.0.1 while it loads (data: and blob: allowed),
- nothing scrolls sideways at 390 px (wide tables scroll inside their own box).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from scripts.site import DIAGRAMS_DRAWN, wait_until_quiet
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


def test_mermaid_never_loads_without_a_diagram(visits, site):
    """The 3.5 MB diagram library is fetched by no page that has no diagram to draw."""
    fetched = {page for page, url in visits["requests"] if url.endswith("/mermaid.min.js")}
    drawn = {page for page in visits["widths"]
             if 'class="mermaid"' in (site / page / "index.html").read_text(encoding="utf-8")}
    assert drawn, "no page with a diagram: the check below would prove nothing"
    assert fetched <= drawn, sorted(fetched - drawn)


# Resolves when the browser is next idle after the load (long before the loader's 4 s fallback).
IDLE = "() => new Promise(done => requestIdleCallback(() => done(), {timeout: 3000}))"


def test_mermaid_waits_until_a_diagram_is_near(browser, base_url):
    """A diagram far down a page is drawn when the reader scrolls towards it, or once the page has
    been open a few seconds (for printing, and for the PDF export), but never during the load."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    fetched = []
    context.on("request", lambda r: r.url.endswith("/mermaid.min.js") and fetched.append(r.url))
    page = context.new_page()
    try:
        page.goto(base_url + "examples/url-shortener/", wait_until="load")
        page.evaluate(IDLE)  # the page has loaded and settled: its scripts have had their say
        assert page.locator("pre.mermaid").count() == 1 and not fetched, "loaded before it was needed"
        page.locator("pre.mermaid").scroll_into_view_if_needed()
        page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)
        assert fetched

        fetched.clear()
        page.goto(base_url + "one-pager/", wait_until="load")  # its diagram is near the bottom
        page.evaluate(IDLE)
        assert not fetched and page.locator("pre.mermaid").count() >= 1
        page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)  # no scrolling: the settle fallback draws it
        assert fetched
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
