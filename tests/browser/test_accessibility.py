"""axe-core finds nothing, of any impact, on every kind of page, in the light and the dark scheme."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.support import PAGE_TYPES
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

# Every practice page there is (docs/practice.md and docs/practice/*.md), whatever exists today.
PRACTICE = {"practice": "practice/"} if (ROOT / "docs/practice.md").exists() else {}
PRACTICE.update({f"practice {p.stem}": f"practice/{p.stem}/" for p in sorted((ROOT / "docs/practice").glob("*.md"))
                 if p.stem != "index"})
PAGES = {**PAGE_TYPES, **PRACTICE}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme name


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme_page(request, browser):
    """One tab per colour scheme; the palette follows the emulated media query."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    page = context.new_page()
    yield request.param, page
    context.close()


def describe(violations) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} -> {targets}")
    return "\n".join(lines)


def test_practice_pages_are_covered():
    assert PRACTICE, "no practice page found to check"


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations(scheme_page, axe, base_url, site, kind):
    scheme, page = scheme_page
    path = PAGES[kind]
    assert (site / path / "index.html").exists(), f"{kind}: {path} was not built"
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.body.hasAttribute('data-md-color-scheme')")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
    result = axe.run(page)
    violations = result.response["violations"]
    assert not violations, f"{kind} ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("path", ["practice/estimator/", "practice/drills/"])
def test_a_hovered_or_focused_button_keeps_its_contrast(scheme_page, axe, base_url, path):
    """axe sees buttons at rest; a pointer over one or the keyboard on it changes its colours."""
    scheme, page = scheme_page
    page.goto(base_url + path)
    page.wait_for_selector(".practice-tool[data-ready]")
    buttons = page.locator(".practice-tool button.md-button")
    assert buttons.count() >= 2
    outline = 0
    for i in range(buttons.count()):
        button = buttons.nth(i)
        if not button.is_visible():
            continue
        outline += "md-button--primary" not in button.get_attribute("class")
        button.evaluate("b => b.setAttribute('data-probe', '')")
        for how in ("hover", "focus"):
            getattr(button, how)()
            page.wait_for_timeout(300)  # Material's colour transitions
            found = axe.run(page, context="[data-probe]", options={"runOnly": ["color-contrast"]})
            assert not found.response["violations"], (scheme, how, button.inner_text(),
                                                      describe(found.response["violations"]))
            page.mouse.move(0, 0)
            button.evaluate("b => b.blur()")
        button.evaluate("b => b.removeAttribute('data-probe')")
    assert outline >= 1
