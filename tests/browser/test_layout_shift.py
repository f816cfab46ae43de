"""A practice tool keeps its room while its script is on its way: when the page is drawn before the
script arrives (a slow phone, a slow network), nothing moves once the tool is built (cumulative
layout shift, which Lighthouse weighs in the performance score)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# Cumulative layout shift as Chromium reports it (shifts right after a tap or a key do not count).
SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput)
  window.__shifts.push([e.value, e.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?')]); })
  .observe({type: 'layout-shift', buffered: true});"""
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))"
TOOLS = {"practice/estimator/": "#estimator-tool", "practice/timer/": "#mock-tool", "practice/drills/": "#drills-tool",
         "practice/red-team-drill/": "#drill-tool", "practice/post-mortem/": "#post-mortem-form"}
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("path", list(TOOLS))
def test_a_tool_built_after_the_first_paint_moves_nothing(browser, base_url, site, path, screen):
    html = (site / path / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script defer data-page-script src="\.\./\.\./assets/javascripts/([^"]+)"', html)
    assert scripts, path
    late = re.compile(r"/assets/javascripts/(" + "|".join(map(re.escape, scripts)) + r")$")
    context = browser.new_context(viewport=SCREENS[screen])
    context.add_init_script(SHIFTS)
    page = context.new_page()
    try:
        page.route(late, lambda route: route.abort())
        page.goto(base_url + path, wait_until="load")
        page.evaluate(FRAMES)                                    # drawn without the tool
        assert page.locator(TOOLS[path] + "[data-ready]").count() == 0
        page.unroute(late)
        for name in scripts:                                     # the scripts arrive, in order
            page.add_script_tag(url=base_url + "assets/javascripts/" + name)
        page.wait_for_selector(TOOLS[path] + "[data-ready]", state="attached")
        page.evaluate(FRAMES)
        shifts = page.evaluate("() => window.__shifts")
        assert sum(v for v, _ in shifts) < 0.02, shifts
    finally:
        context.close()
