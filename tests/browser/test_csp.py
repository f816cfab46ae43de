"""The Content-Security-Policy the site carries (overrides/hooks/csp.py) holds in Chromium: no page,
tool, search or page change trips it, and it refuses a script that is not the site's own."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "numbers/", "one-pager/", "blocks/caching/", "examples/url-shortener/", "practice/estimator/",
         "practice/timer/", "practice/drills/", "practice/post-mortem/", "glossary/"]
WATCH = """() => { window.__violations = [];
  document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); }"""


@pytest.fixture
def csp_page(page):
    page.add_init_script(WATCH.replace("() => {", "").rstrip("}"))
    page.errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.errors.append(m.text))
    yield page
    assert page.errors == []


def violations(page) -> list[str]:
    return page.evaluate("() => window.__violations")


def test_every_page_carries_the_policy(site):
    for path in PAGES:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert 'http-equiv="Content-Security-Policy"' in head and "object-src 'none'" in head, path
        assert head.index("Content-Security-Policy") < head.index("<script"), path  # before any script


@pytest.mark.parametrize("path", PAGES)
def test_no_page_trips_the_policy(csp_page, base_url, path):
    csp_page.goto(base_url + path)
    csp_page.wait_for_load_state("load")
    assert violations(csp_page) == []


def test_search_tools_and_navigation_work_under_the_policy(csp_page, base_url):
    page = csp_page
    page.goto(base_url)
    page.wait_for_load_state("load")
    page.keyboard.press("s")  # opening search is what loads its index
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && !/initializing/i.test(m.textContent); }", timeout=15_000)
    page.locator("input.md-search__input").press_sequentially("cache-aside", delay=30)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='practice/estimator/']").first.click()  # from the navigation
    page.wait_for_selector("#estimator-tool[data-ready] [data-metric]")
    page.go_back()
    page.locator(".md-sidebar--primary a.md-nav__link[href$='blocks/caching/']").first.click()
    page.wait_for_url("**/blocks/caching/")
    assert violations(page) == []


def test_the_policy_refuses_a_script_that_is_not_the_sites_own(page, base_url):
    page.goto(base_url + "numbers/")
    ran = page.evaluate("""() => new Promise(done => {
        window.__ran = false;
        document.addEventListener('securitypolicyviolation', () => done(window.__ran), {once: true});
        const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s);
    })""")
    assert ran is False
