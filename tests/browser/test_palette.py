"""The light/dark toggle (handbook.js drives Material's markup in place of Material's palette
script, which restyled the whole page three times while it started): it switches, the choice
carries to the next page, a page is coloured once as it loads (and its root class set before the
body is styled), and a bad stored choice falls back to the system setting."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "examples/url-shortener/"
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
# Every write to the body's colour attributes and to the root's class while the page loads.
RECORD_WRITES = """
window.__colourWrites = [];
window.__rootClassWrites = [];
new MutationObserver(records => {
  for (const r of records) {
    if (r.target === document.body && r.attributeName.startsWith('data-md-color-'))
      window.__colourWrites.push(r.attributeName);
    if (r.target === document.documentElement && r.attributeName === 'class')
      window.__rootClassWrites.push([r.oldValue, document.body ? 'after the body' : 'before the body']);
  }
}).observe(document, {attributes: true, subtree: true, attributeOldValue: true});
"""
STATE = """() => {
  const shown = [...document.querySelectorAll('form.md-header__option label')].filter(l => !l.hidden);
  const header = getComputedStyle(document.querySelector('.md-header')).backgroundColor;
  const meta = document.querySelector('meta[name=theme-color]');
  return {
    scheme: document.body.getAttribute('data-md-color-scheme'),
    toggle: shown.map(l => l.title),
    canvas: getComputedStyle(document.documentElement).colorScheme,
    header: '#' + header.match(/\\d+/g).slice(0, 3).map(c => (+c).toString(16).padStart(2, '0')).join(''),
    bar: meta ? meta.content : null,
  };
}"""


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield context.new_page()
    context.close()


def loaded(page, url: str) -> dict:
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]')?.content")
    return page.evaluate(STATE)


def test_the_toggle_switches_and_the_choice_carries_to_the_next_page(tab, base_url):
    light = loaded(tab, base_url + PAGE)
    assert light["scheme"] == "default" and light["toggle"] == ["Switch to dark mode"], light
    assert light["canvas"] == "normal" and light["bar"] == light["header"], light

    tab.locator("form.md-header__option label:not([hidden])").click()
    tab.wait_for_function(f"() => ({SCHEME})() === 'slate'")
    tab.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    dark = tab.evaluate(STATE)
    assert dark["toggle"] == ["Switch to light mode"], dark
    assert dark["canvas"] == "dark", dark  # scroll bars and the page's canvas go dark too
    assert dark["bar"] == dark["header"], dark  # the phone's toolbar keeps the header's colour

    tab.add_init_script(RECORD_WRITES)
    after = loaded(tab, base_url + "numbers/")
    assert after["scheme"] == "slate" and after["toggle"] == ["Switch to light mode"], after
    # Material's inline script writes each colour attribute once as the body opens; nothing writes
    # them again (a write of the same value restyles the whole page all the same).
    writes = tab.evaluate("() => window.__colourWrites")
    assert sorted(writes) == sorted(set(writes)), writes
    assert "data-md-color-switching" not in writes, writes
    # The root's no-js -> js, which Material's bundle makes later, is made before the body is styled.
    # (Material's focus-visible helper adds a class of its own afterwards.)
    root = tab.evaluate("() => window.__rootClassWrites")
    assert root[0] == ["no-js", "before the body"], root


def test_with_no_choice_the_system_setting_decides(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    try:
        page = context.new_page()
        state = loaded(page, base_url + PAGE)
        assert state["scheme"] == "slate" and state["toggle"] == ["Switch to light mode"], state
    finally:
        context.close()


@pytest.mark.parametrize("stored", ["not json", '{"index": 7}', '"slate"'])
def test_a_bad_stored_choice_falls_back_to_the_system_setting(browser, base_url, stored):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        loaded(page, base_url + PAGE)
        page.evaluate("v => localStorage.setItem(__md_scope.pathname + '.__palette', v)", stored)
        state = loaded(page, base_url + PAGE)
        assert state["scheme"] == "slate" and state["toggle"] == ["Switch to light mode"], (stored, state)
        page.locator("form.md-header__option label:not([hidden])").click()
        page.wait_for_function(f"() => ({SCHEME})() === 'default'")
    finally:
        context.close()
