"""The red-team drill in Chromium: n / r keys and buttons, every interrupt once per round, the reveal
from data/red_team.yml with a working link to the page that explains it, and the prompt picker."""
import html
import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.conftest import site_files

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PAGE = "practice/red-team-drill/"


def shown_card(page):
    cards = page.locator(".drill-card:visible")
    expect(cards).to_have_count(1)
    return cards


def test_keys_walk_every_interrupt_once_and_reveal_the_answer(page, base_url, book):
    questions = {q.id: q for q in book.red_team}
    page.goto(base_url + PAGE)
    page.wait_for_selector("#drill-tool[data-ready]")
    expect(page.locator(".drill-card:visible")).to_have_count(0)

    seen = []
    for i in range(len(questions)):
        page.keyboard.press("n")
        card = shown_card(page)
        qid = card.get_attribute("data-question")
        seen.append(qid)
        q = questions[qid]
        expect(card.locator(".drill-card__question")).to_contain_text(q.question)
        answer = card.locator(".drill-card__answer")
        expect(answer).to_be_hidden()
        expect(page.locator(".drill__count")).to_have_text(f"Interrupt {i + 1} of {len(questions)}.")
        if i < 3:
            page.keyboard.press("r")
            expect(answer).to_be_visible()
            for line in q.strong_answer:
                expect(answer).to_contain_text(line)
            expect(page.get_by_role("button", name="Hide answer")).to_have_attribute("aria-expanded", "true")
            href = answer.get_by_role("link").get_attribute("href")
            path, _, anchor = q.see.partition("#")
            target = urljoin(page.url, href)
            assert target == base_url + site_files().get_file_from_path(path).url + (f"#{anchor}" if anchor else "")
            with urllib.request.urlopen(target.split("#")[0]) as response:
                assert response.status == 200
            page.keyboard.press("r")
            expect(answer).to_be_hidden()
    assert sorted(seen) == sorted(questions)        # each once before any repeats
    assert page.url == base_url + PAGE               # `n` did not go to Material's next page

    page.keyboard.press("n")                          # a new round
    expect(page.locator(".drill__count")).to_have_text(f"Interrupt 1 of {len(questions)}.")
    assert shown_card(page).get_attribute("data-question") != seen[-1]


def test_buttons_and_the_prompt_picker(page, base_url, book):
    examples = book.examples
    page.goto(base_url + PAGE)
    page.get_by_role("button", name="Next interrupt").click()
    card = shown_card(page)
    page.get_by_role("button", name="Reveal answer").click()
    expect(card.locator(".drill-card__answer")).to_be_visible()

    items = page.evaluate("""() => [...document.querySelectorAll('#prompt-picker li')].map(li =>
        [li.querySelector('.prompt-picker__prompt').textContent, li.querySelector('a').textContent,
         li.querySelector('a').href])""")
    expected = [[f"“{we.example.prompt}”", we.example.title, base_url + f"examples/{slug}/"] for slug, we in examples.items()]
    expected += [[f"“{p.prompt}”", p.title, base_url + f"practice/cold-prompts/#cold-{p.id}"]
                 for p in book.cold_prompts.prompts]
    expected = [[html.unescape(x) for x in row] for row in expected]
    assert sorted(items) == sorted(expected)
    page.get_by_role("button", name="Pick a prompt at random").click()
    pick = page.locator(".prompt-picker__pick")
    expect(pick).to_be_visible()
    text = pick.inner_text()
    chosen = [(prompt, title, href) for prompt, title, href in expected if prompt.strip("“”") in text]
    assert len(chosen) == 1
    prompt, title, href = chosen[0]
    pick.get_by_role("link", name=title).click()
    page.wait_for_url(href)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
