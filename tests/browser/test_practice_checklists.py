"""Checklists remember ticks (localStorage, per page and item id), have a clear control and
accessible names, also after a move from another page; the post-mortem note keeps its text and
prints it."""
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.render import anchor

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def box_for(page, item_id: str):
    return page.locator(f"li.task-list-item:has(> .item-anchor#{item_id}) input[type=checkbox]")


def tick(page, item_id: str):
    """Toggle an item from the keyboard (Material draws its box over the real, hidden input)."""
    box_for(page, item_id).focus()
    page.keyboard.press("Space")


def test_pocket_checklist_ticks_survive_a_reload_and_clear(page, base_url, book):
    page.goto(base_url + "pocket-checklist/")
    items = book.pocket_checklist
    boxes = page.locator("article li.task-list-item input[type=checkbox]")
    expect(boxes).to_have_count(len(items))
    labels = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        'article li.task-list-item')].map(li => [li.querySelector(':scope > .item-anchor').id,
        li.querySelector('input').getAttribute('aria-label')]))""")
    for i, m in enumerate(items):
        label = labels[anchor("pocket", m.id)]
        assert label.startswith(f"{i + 1}. {m.mistake} →"), label
    expect(page.get_by_role("checkbox", name=labels[anchor("pocket", items[0].id)])).to_have_count(1)

    tick(page, anchor("pocket", items[1].id))
    tick(page, anchor("pocket", items[3].id))
    expect(box_for(page, anchor("pocket", items[3].id))).to_be_checked()
    tick(page, anchor("pocket", items[3].id))
    page.reload()
    expect(box_for(page, anchor("pocket", items[1].id))).to_be_checked()
    expect(page.locator("article input[type=checkbox]:checked")).to_have_count(1)

    page.get_by_role("button", name="Clear ticks on this page").click()
    expect(page.locator("article input[type=checkbox]:checked")).to_have_count(0)
    tick(page, anchor("pocket", items[0].id))
    page.reload()
    expect(page.locator("article input[type=checkbox]:checked")).to_have_count(1)

    # Another page keeps its own ticks, under its own key.
    page.goto(base_url + "one-pager/")
    item = book.one_pager.data_model_checklist[0]
    expect(page.locator("article input[type=checkbox]:checked")).to_have_count(0)
    tick(page, anchor("data-model", item.id))
    page.reload()
    expect(box_for(page, anchor("data-model", item.id))).to_be_checked()
    stored = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    assert {k: json.loads(v) for k, v in stored.items() if k.startswith("handbook-ticks:")} == {
        "handbook-ticks:/pocket-checklist/": [anchor("pocket", items[0].id)],
        "handbook-ticks:/one-pager/": [anchor("data-model", item.id)],
    }


def test_step_page_questions_after_arriving_from_another_page(page, base_url, book):
    from axe_playwright_python.sync_playwright import Axe

    step = book.framework.steps[0]
    page.goto(base_url)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Pocket checklist").first.click()
    page.wait_for_url(re.compile(r"/pocket-checklist/$"))
    expect(page.get_by_role("button", name="Clear ticks on this page")).to_have_count(1)
    assert all(box.get_attribute("aria-label") for box in page.locator("article input[type=checkbox]").all())
    results = Axe().run(page, options={"runOnly": ["label"]})
    assert results.violations_count == 0, results.generate_report()

    page.goto(base_url + step.page.replace(".md", "/"))
    q = step.questions[0]
    box = box_for(page, anchor(f"step-{step.id}-q", q.id))
    assert box.get_attribute("aria-label") == q.text
    tick(page, anchor(f"step-{step.id}-q", q.id))
    expect(box).to_be_checked()
    page.reload()
    expect(box_for(page, anchor(f"step-{step.id}-q", q.id))).to_be_checked()
    expect(page.get_by_role("button", name="Clear ticks on this page")).to_have_count(1)  # one per page


def test_post_mortem_note_keeps_its_text_and_prints_it(page, base_url, book):
    bullets = book.practice.post_mortem.bullets
    page.goto(base_url + "practice/post-mortem/")
    for b in bullets:
        expect(page.get_by_role("textbox", name=b.text, exact=True)).to_be_visible()
    first = page.get_by_role("textbox", name=bullets[0].text, exact=True)
    first.fill("Skipped the failure inventory.\nNo numbers for the cache.")
    page.reload()
    first = page.get_by_role("textbox", name=bullets[0].text, exact=True)
    expect(first).to_have_value("Skipped the failure inventory.\nNo numbers for the cache.")

    page.emulate_media(media="print")
    expect(first).to_be_hidden()
    copy = page.locator(f'.post-mortem__print[data-for="pm-{bullets[0].id}"]')
    expect(copy).to_be_visible()
    expect(copy).to_have_text("Skipped the failure inventory.\nNo numbers for the cache.")
    expect(page.locator(f'.post-mortem__print[data-for="pm-{bullets[1].id}"]')).to_be_visible()  # room to write
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Clear the note").click()
    page.reload()
    expect(page.get_by_role("textbox", name=bullets[0].text, exact=True)).to_have_value("")


def open_with_stored(page, url: str, key: str, stored: str) -> list[str]:
    """Open url with `stored` (raw text) in localStorage under the key the JS expression names;
    return the list that collects the page's script errors from then on."""
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.evaluate(f"v => localStorage.setItem({key}, v)", stored)
    page.reload()
    return errors


@pytest.mark.parametrize("stored", ['"a note"', "42", "true", '["a", "list"]', '{"pm-x": 5}', "{not json"])
def test_post_mortem_starts_clean_and_says_so_when_the_stored_note_has_the_wrong_shape(page, base_url, book, stored):
    errors = open_with_stored(page, base_url + "practice/post-mortem/", "'handbook-post-mortem'", stored)
    expect(page.locator(".post-mortem__reset")).to_contain_text("starts clean")
    first = page.get_by_role("textbox", name=book.practice.post_mortem.bullets[0].text, exact=True)
    expect(first).to_have_value("")
    first.fill("Kept this time.")
    page.reload()
    expect(page.get_by_role("textbox", name=book.practice.post_mortem.bullets[0].text, exact=True)).to_have_value("Kept this time.")
    expect(page.locator(".post-mortem__reset")).to_have_count(0)
    assert errors == []


@pytest.mark.parametrize("stored", ['"ticks"', "7", "true", '{"a": 1}', "[1, 2]", "{not json"])
def test_checklist_ticks_start_clean_when_the_stored_ticks_have_the_wrong_shape(page, base_url, book, stored):
    errors = open_with_stored(page, base_url + "pocket-checklist/", "'handbook-ticks:' + location.pathname", stored)
    first = anchor("pocket", book.pocket_checklist[0].id)
    expect(page.locator("article input[type=checkbox]:checked")).to_have_count(0)
    tick(page, first)
    page.reload()
    expect(box_for(page, first)).to_be_checked()
    assert errors == []


def test_page_scripts_load_only_on_their_page(site):
    scripts = {"practice/estimator": ["estimate-core.js", "estimator.js"], "practice/timer": ["mock-core.js", "mock.js"],
               "practice/drills": ["estimate-core.js", "drill-core.js", "drills.js"],
               "practice/red-team-drill": ["red-team-drill.js"], "practice/post-mortem": ["post-mortem.js"]}
    every = {name for names in scripts.values() for name in names}
    for page in ["index.html", "pocket-checklist/index.html", "practice/index.html"]:
        text = (site / page).read_text(encoding="utf-8")
        assert "checklists.js" in text
        assert not [n for n in every if f"javascripts/{n}" in text], page
    for page, names in scripts.items():
        text = (site / page / "index.html").read_text(encoding="utf-8")
        for n in names:
            assert f'<script defer data-page-script src="../../assets/javascripts/{n}"></script>' in text
    practice = (site / "practice" / "index.html").read_text(encoding="utf-8")
    for page in scripts:
        assert f'href="{page.split("/")[1]}/"' in practice   # linked from the practice page


def test_the_print_page_loads_every_page_script_from_where_it_is(site):
    """The print page joins the practice pages; their scripts' paths are made relative to it."""
    text = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    srcs = re.findall(r'<script defer data-page-script src="([^"]+)"', text)
    assert len(srcs) >= 5
    missing = [s for s in srcs if not (site / "print_page" / s).resolve().is_file()]
    assert missing == [] and all(s.startswith("../assets/javascripts/") for s in srcs), srcs
