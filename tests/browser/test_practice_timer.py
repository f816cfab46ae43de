"""The interview timer in Chromium with Playwright's fake clock: phases follow the framework's
budgets (computed from data/framework.yml), pause and reset work, and the page works when reached
through Material's instant navigation."""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.numbers import step_starts
from macros.render import budgets

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MINUTE = 60_000


def open_timer(page, base_url):
    page.clock.install()
    page.goto(base_url + "practice/timer/")
    page.wait_for_selector("#timer-tool[data-ready]")
    return page.locator("#timer-tool")


def current_block(page):
    return page.locator(".timer-step:visible")


def test_phases_follow_the_default_budget(page, base_url, book):
    length = book.framework.interview_minutes[0]
    minutes = budgets(book)[length]
    starts = step_starts(minutes)
    timer = open_timer(page, base_url)
    expect(timer).to_have_attribute("data-phase", "1")
    expect(page.get_by_role("radio", name=f"{length} minutes")).to_be_checked()
    expect(current_block(page)).to_have_count(1)
    expect(current_block(page)).to_have_attribute("data-step", "1")

    page.get_by_role("button", name="Start").click()
    at = 0
    for number, start in enumerate(starts[1:], 2):
        page.clock.fast_forward((start * MINUTE - 1000) - at)   # one second before the step begins
        expect(timer).to_have_attribute("data-phase", str(number - 1))
        page.clock.fast_forward(1000)
        at = start * MINUTE
        expect(timer).to_have_attribute("data-phase", str(number))
        step = book.framework.steps[number - 1]
        block = current_block(page)
        expect(block).to_have_count(1)
        expect(block).to_have_attribute("data-step", str(number))
        expect(block).to_contain_text(step.title)
        for q in step.questions:
            expect(block).to_contain_text(q.text)
        expect(page.locator(".timer__status")).to_contain_text(f"Step {number} of 4: {step.short}")

    page.clock.fast_forward(sum(minutes) * MINUTE - at)
    expect(page.locator(".timer__status")).to_contain_text("Time is up")
    expect(timer).to_have_attribute("data-phase", "4")


def test_the_issue_s_milestones_are_the_data_s(book):
    # The issue states them for the 45-minute default: 5 minutes after Start the phase is 2, after 25
    # it is 3, after 40 it is 4. The test above walks the page through the data's own starts, so this
    # pins the data to the issue (it fails if the two part ways).
    assert book.framework.interview_minutes[0] == 45
    assert step_starts(budgets(book)[45])[1:] == [5, 25, 40]


def test_sixty_minutes_pause_and_reset(page, base_url, book):
    minutes = budgets(book)[60]
    starts = step_starts(minutes)
    timer = open_timer(page, base_url)
    page.get_by_role("radio", name="60 minutes").check()
    expect(page.locator(".timer__bar li").first).to_contain_text(f"{minutes[0]} min")

    page.get_by_role("button", name="Start").click()
    page.clock.fast_forward(starts[1] * MINUTE - 2000)
    page.get_by_role("button", name="Pause").click()
    page.clock.fast_forward(30 * MINUTE)                  # paused: time does not count
    expect(timer).to_have_attribute("data-phase", "1")
    page.get_by_role("button", name="Resume").click()
    page.clock.fast_forward(2000)
    expect(timer).to_have_attribute("data-phase", "2")
    page.clock.fast_forward((starts[3] - starts[1]) * MINUTE)
    expect(timer).to_have_attribute("data-phase", "4")

    page.get_by_role("button", name="Reset").click()
    expect(timer).to_have_attribute("data-phase", "1")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.get_by_role("radio", name="60 minutes")).to_be_enabled()


def test_timer_works_after_instant_navigation(page, base_url):
    page.clock.install()
    page.goto(base_url + "practice/")
    page.locator("article").get_by_role("link", name="interview timer").click()
    page.wait_for_url(re.compile(r"/practice/timer/$"))
    timer = page.locator("#timer-tool[data-ready]")
    expect(timer).to_have_count(1)
    expect(page.locator(".timer__panel")).to_have_count(1)
    page.get_by_role("button", name="Start").click()
    page.clock.fast_forward(5 * MINUTE)
    expect(timer).to_have_attribute("data-phase", "2")

    # On to the drill and back: one panel, no ticking left behind.
    page.get_by_role("link", name="Next: Red-team drill").click()
    page.wait_for_url(re.compile(r"/practice/red-team-drill/$"))
    expect(page.locator("#drill-tool[data-ready]")).to_have_count(1)
    page.go_back()
    page.wait_for_url(re.compile(r"/practice/timer/$"))
    expect(page.locator(".timer__panel")).to_have_count(1)
    expect(page.locator("#timer-tool")).to_have_attribute("data-phase", "1")
