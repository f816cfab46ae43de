"""The mock interview in Chromium with Playwright's fake clock: a mock run from setup to the history,
a reload and a visit to another page half-way, a wall clock moved by hours, stored data of the wrong
shape, and the history's export, import and clear. Budgets, prompts, abilities and bullets come from
the data (macros.practice.mock_config), never typed here."""
import datetime
import json
import re

import pytest
from playwright.sync_api import expect

from macros import practice

pytestmark = pytest.mark.browser

MINUTE = 60_000
KEY, HISTORY = "handbook-mock", "handbook-mock-history"


@pytest.fixture(scope="module")
def config(book, here):
    return practice.mock_config(book, here("practice/timer.md"))


def clock(ms: int) -> str:
    s = ms // 1000
    return f"{s // 60}:{s % 60:02d}"


def open_mock(page, base_url, still=False):
    """The mock page under a fake clock; `still`: the clock then moves only when the test moves it,
    so that the splits come out to the millisecond."""
    page.clock.install()
    page.goto(base_url + "practice/timer/")
    page.wait_for_selector("#mock-tool[data-ready]")
    if still:
        page.clock.pause_at(page.evaluate("() => Date.now()") / 1000 + 1)  # Python gives seconds
    return page.locator("#mock-tool")


def elapsed_s(page) -> int:
    text = page.locator(".mock__total").inner_text()
    m = re.search(r"Elapsed (\d+):(\d\d)", text)
    assert m, text
    return int(m.group(1)) * 60 + int(m.group(2))


def expect_elapsed(page, seconds: int, slack: int = 3):
    """The clock shows `seconds` (the fake clock also runs on in real time while the test works)."""
    got = elapsed_s(page)
    assert seconds <= got <= seconds + slack, (got, seconds)


def stored(page, key):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{key}'))")


def start(page, prompt_title=None, length=None, budget_name=None, level=None):
    if prompt_title:
        page.get_by_label("Prompt").select_option(label=prompt_title)
    if length:
        page.get_by_role("radio", name=f"{length} minutes").check()
    if budget_name:
        page.get_by_role("radio", name=budget_name).check()
    if level:
        page.get_by_role("radio", name=level, exact=True).check()
    page.get_by_role("button", name="Start the mock").click()
    expect(page.locator("#mock-tool")).to_have_attribute("data-stage", "running")


def score_all(page, config, grade="Solid (2)"):
    for a in config["abilities"]:
        page.get_by_role("group", name=a["name"]).get_by_role("radio", name=re.compile("^" + re.escape(grade))).check()


def test_a_mock_from_setup_to_the_history(page, base_url, book, config):
    budget = config["budgets"]["published"]["35"]
    chat = next(p for p in config["prompts"] if p["id"] == "example-chat")
    senior = next(lv for lv in config["levels"] if lv["id"] == "senior")
    tool = open_mock(page, base_url, still=True)
    expect(page.locator(".practice-noscript")).to_have_count(0)
    expect(page.locator(".timer-step")).to_have_count(4)              # the reading material stays
    expect(page.locator(".timer-step").first).to_be_visible()
    start(page, chat["title"], 35, config["budgetNames"]["published"], "Senior")

    expect(page.locator(".mock__prompt-text")).to_have_text(chat["prompt"])
    expect(page.locator(".mock__prompt").get_by_role("link", name=chat["title"])).to_have_attribute("href", chat["url"])
    expect(tool).to_have_attribute("data-step", "1")
    for item in config["steps"][0]["checklist"]:
        expect(page.locator(".mock__checklist")).to_contain_text(item["text"])

    # Step 1 runs ten seconds over its budget, and says so.
    took = [budget[0] * MINUTE + 10_000, budget[1] * MINUTE - 20_000, budget[2] * MINUTE, budget[3] * MINUTE + 5_000]
    page.clock.fast_forward(budget[0] * MINUTE - 5_000)
    expect(tool).to_have_attribute("data-over", "false")
    page.clock.fast_forward(15_000)
    expect(tool).to_have_attribute("data-over", "true")
    expect(page.locator(".mock__step-clock .mock__over")).to_contain_text("0:10 over budget")
    page.get_by_role("button", name="Next step").click()
    expect(tool).to_have_attribute("data-step", "2")
    expect(tool).to_have_attribute("data-over", "false")
    # What step 1 covered is asked while step 2 runs.
    first_item = config["steps"][0]["checklist"][0]
    asked = page.get_by_role("group", name=re.compile("^Step 1, "))
    expect(asked.get_by_role("checkbox")).to_have_count(len(config["steps"][0]["checklist"]))
    asked.get_by_role("checkbox", name=first_item["text"]).check()
    for item in config["steps"][1]["checklist"]:
        expect(page.locator(".mock__checklist")).to_contain_text(item["text"])

    for step in (1, 2):
        page.clock.fast_forward(took[step])
        page.get_by_role("button", name="Next step").click()
    expect(tool).to_have_attribute("data-step", "4")
    expect(page.get_by_role("button", name="Next step")).to_be_hidden()
    page.clock.fast_forward(took[3])
    expect_elapsed(page, sum(took) // 1000, slack=0)
    page.get_by_role("button", name="Finish", exact=True).click()

    expect(tool).to_have_attribute("data-stage", "scoring")
    splits = page.locator(".mock__splits")
    for i, ms in enumerate(took):
        row = splits.locator("tbody tr").nth(i)
        expect(row).to_contain_text(f"{budget[i]} min")
        expect(row).to_contain_text(clock(ms))
    expect(splits.locator("tbody tr").first).to_contain_text("(over)")
    expect(page.get_by_role("checkbox", name=first_item["text"])).to_be_checked()   # kept for the score screen
    expect(page.locator(".mock__bar-text")).to_contain_text(senior["bar"])
    expect(page.locator(".mock__score").get_by_role("link", name="what interviewers expect")).to_have_attribute(
        "href", config["rubricUrl"])
    for a in config["abilities"]:
        group = page.get_by_role("group", name=a["name"])
        for grade in ("weak", "solid", "strong"):
            expect(group).to_contain_text(a[grade])

    page.get_by_role("button", name="Save to history").click()         # nothing scored yet: refused
    expect(page.locator(".mock__save-problem")).to_contain_text("Score every ability")
    expect(tool).to_have_attribute("data-stage", "scoring")
    score_all(page, config, "Strong (3)")
    page.get_by_role("group", name=config["abilities"][0]["name"]).get_by_role("radio", name=re.compile(r"^Weak \(1\)")).check()
    notes = {b["id"]: f"Note {i}" for i, b in enumerate(config["postMortem"])}
    for b in config["postMortem"]:
        page.get_by_label(b["text"], exact=True).fill(notes[b["id"]])
    page.get_by_role("button", name="Save to history").click()

    expect(tool).to_have_attribute("data-stage", "setup")
    assert stored(page, KEY) is None
    rows = page.locator(".mock__past tbody tr[data-mock]")
    expect(rows).to_have_count(1)
    row = rows.first
    for text in ["Chat system", "35 min", "Senior", "1 weak", "3 strong", "2.5"] + \
            [f"{clock(ms)} / {m}" for ms, m in zip(took, budget)]:
        expect(row).to_contain_text(text)
    expect(row.locator("td").first).to_have_text(re.compile(r"^%d-\d\d-\d\d \d\d:\d\d$" % datetime.date.today().year))
    expect(row.locator("td.mock__over")).to_have_count(2)                # steps 1 and 4 ran over
    for b in config["postMortem"]:
        expect(page.locator(".mock__note-row")).to_contain_text(f"{b['text']} {notes[b['id']]}")
    saved = stored(page, HISTORY)
    assert len(saved) == 1
    entry = saved[0]
    assert entry["splits"] == took and entry["minutes"] == budget and entry["level"] == "senior"
    assert entry["budget"] == "published" and entry["promptId"] == "example-chat"
    assert entry["covered"] == {"1": [first_item["id"]]}
    assert entry["notes"] == notes
    assert entry["scores"] == {a["id"]: 1 if i == 0 else 3 for i, a in enumerate(config["abilities"])}
    expect(page.locator(".mock__trend")).to_contain_text("2.5")


def test_a_reload_half_way_keeps_the_step_the_ticks_and_the_time(page, base_url, config):
    budget = config["budgets"]["handbook"][str(config["default"])]
    tool = open_mock(page, base_url)
    start(page)
    page.clock.fast_forward(2 * MINUTE)
    page.get_by_role("button", name="Next step").click()
    first_item = config["steps"][0]["checklist"][0]
    page.get_by_role("checkbox", name=first_item["text"]).check()
    page.clock.fast_forward(3 * MINUTE)
    expect_elapsed(page, 300)
    page.reload()
    page.wait_for_selector("#mock-tool[data-ready]")
    expect(tool).to_have_attribute("data-stage", "running")
    expect(tool).to_have_attribute("data-step", "2")
    expect_elapsed(page, 300)
    expect(page.get_by_role("checkbox", name=first_item["text"])).to_be_checked()
    expect(page.locator(".mock__bar li").first).to_contain_text("took 2:00")
    page.clock.fast_forward(MINUTE)
    expect_elapsed(page, 360)
    expect(page.locator(".mock__step-clock")).to_contain_text(f"of {budget[1]} min in this step")

    # The page that saved it read a clock three hours ahead of this one (another time origin, a wall
    # clock set back in between): the mock carries on from its checkpoint, never back, never below 0.
    # (This page may write no more: its ticks and its pagehide checkpoint would overwrite the change.)
    page.evaluate("""() => { const m = JSON.parse(localStorage.getItem('handbook-mock'));
        const ahead = 3 * 3600e3; m.clock.start += ahead; m.clock.checkpoint.at += ahead;
        localStorage.setItem('handbook-mock', JSON.stringify(m)); Storage.prototype.setItem = () => {}; }""")
    page.reload()
    page.wait_for_selector("#mock-tool[data-ready]")
    expect(tool).to_have_attribute("data-step", "2")
    expect_elapsed(page, 360)
    page.clock.fast_forward(MINUTE)
    expect_elapsed(page, 420)


def test_going_to_another_page_and_back_carries_on(page, base_url):
    page.clock.install()
    page.goto(base_url + "practice/")
    page.locator("article").get_by_role("link", name="mock interview").click()
    page.wait_for_url(re.compile(r"/practice/timer/$"))
    tool = page.locator("#mock-tool[data-ready]")
    expect(tool).to_have_count(1)
    start(page)
    page.clock.fast_forward(2 * MINUTE)
    page.get_by_role("button", name="Next step").click()
    page.clock.fast_forward(MINUTE)

    page.locator("article").get_by_role("link", name="what interviewers expect").first.click()
    page.wait_for_url(re.compile(r"/practice/rubric/$"))
    page.clock.fast_forward(MINUTE)                                    # the mock goes on meanwhile
    page.locator("article").get_by_role("link", name="mock interview").first.click()
    page.wait_for_url(re.compile(r"/practice/timer/$"))
    expect(tool).to_have_count(1)
    expect(page.locator(".mock__run")).to_have_count(1)
    expect(tool).to_have_attribute("data-step", "2")
    expect_elapsed(page, 240)

    # Only this visit's mock writes: the one left behind on the first visit has stopped.
    page.get_by_role("button", name="Next step").click()
    page.clock.fast_forward(2_000)
    assert len(stored(page, KEY)["marks"]) == 2
    expect(tool).to_have_attribute("data-step", "3")


def test_a_wall_clock_moved_by_hours_does_not_move_the_mock(page, base_url):
    open_mock(page, base_url)
    start(page)
    page.clock.fast_forward(2 * MINUTE)
    expect_elapsed(page, 120)
    shift = """shift => { const Real = window.__RealDate || Date; window.__RealDate = Real;
        const moved = () => Real.now() + shift;
        class Moved extends Real { constructor(...a) { super(...(a.length ? a : [moved()])); } static now() { return moved(); } }
        window.Date = Moved; }"""
    page.evaluate(shift, 5 * 3600_000)
    assert page.evaluate("() => Date.now() - window.__RealDate.now()") >= 5 * 3600_000 - 1000
    page.clock.fast_forward(MINUTE)
    expect_elapsed(page, 180)
    page.evaluate(shift, -5 * 3600_000)
    page.clock.fast_forward(MINUTE)
    expect_elapsed(page, 240)

    # A tab sent to the background keeps a checkpoint of the time so far.
    page.evaluate("""() => { Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    assert 240_000 <= stored(page, KEY)["clock"]["checkpoint"]["elapsed"] <= 243_000


def test_stored_data_of_the_wrong_shape_is_set_aside_and_the_page_works(page, base_url, config):
    tool = open_mock(page, base_url)
    page.evaluate("""() => { localStorage.setItem('handbook-mock', '{"version": 1, "stage": "running"}');
        localStorage.setItem('handbook-mock-history', '[{"id": "x", "scores": "all strong"}]'); }""")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.reload()
    page.wait_for_selector("#mock-tool[data-ready]")
    problems = page.locator(".mock__problem[role=status]")
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_contain_text("The mock in progress")
    expect(problems.nth(1)).to_contain_text("Your mock history")
    expect(problems.first).to_contain_text("starts clean")
    expect(tool).to_have_attribute("data-stage", "setup")
    expect(page.locator(".mock__empty")).to_be_visible()

    start(page)
    page.clock.fast_forward(MINUTE)
    page.get_by_role("button", name="Finish", exact=True).click()
    score_all(page, config)
    page.get_by_role("button", name="Save to history").click()
    expect(page.locator(".mock__past tbody tr[data-mock]")).to_have_count(1)
    expect(page.locator(".mock__past tbody tr[data-mock]").first).to_contain_text("1:00 / ")
    page.reload()
    page.wait_for_selector("#mock-tool[data-ready]")
    expect(problems).to_have_count(0)
    expect(page.locator(".mock__past tbody tr[data-mock]")).to_have_count(1)
    assert errors == []


def entry(config, i: int, score: int) -> dict:
    budget = config["budgets"]["handbook"]["45"]
    prompt = config["prompts"][i % len(config["prompts"])]
    return {"id": f"seed-{i}", "date": f"2024-06-0{i + 1}T09:00:00.000Z", "promptId": prompt["id"],
            "promptTitle": prompt["title"], "length": 45, "budget": "handbook", "level": "staff",
            "minutes": budget, "splits": [m * MINUTE for m in budget[:3]] + [None], "covered": {},
            "scores": {a["id"]: score for a in config["abilities"]}, "notes": {}}


def test_history_trend_export_import_and_clear(page, base_url, config, tmp_path):
    seeded = [entry(config, i, s) for i, s in enumerate([1, 1, 2, 2, 3, 3])]
    open_mock(page, base_url)
    page.evaluate("h => localStorage.setItem('handbook-mock-history', JSON.stringify(h))", seeded)
    page.reload()
    page.wait_for_selector("#mock-tool[data-ready]")
    rows = page.locator(".mock__past tbody tr[data-mock]")
    expect(rows).to_have_count(6)
    expect(rows.last).to_contain_text("– / ")                           # step 4 not reached
    expect(page.locator(".mock__trend")).to_contain_text("1.0, 1.0, 2.0, 2.0, 3.0, 3.0")
    expect(page.locator(".mock__trend")).to_contain_text("average 2.7, better than the three before (1.3)")

    with page.expect_download() as got:
        page.get_by_role("button", name="Export as JSON").click()
    download = got.value
    assert re.fullmatch(r"handbook-mocks-\d{4}-\d\d-\d\d\.json", download.suggested_filename)
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["kind"] == "handbook-mock-history" and data["mocks"] == seeded

    page.get_by_role("button", name="Clear the history").click()
    page.get_by_role("button", name="Keep them").click()
    expect(rows).to_have_count(6)
    page.get_by_role("button", name="Clear the history").click()
    page.get_by_role("button", name="Yes, delete 6 mocks").click()
    expect(rows).to_have_count(0)
    expect(page.locator(".mock__history-status")).to_contain_text("cleared")
    assert stored(page, HISTORY) == []

    page.get_by_label("Import mocks from a JSON file").set_input_files(exported)
    expect(rows).to_have_count(6)
    expect(page.locator(".mock__history-status")).to_contain_text("Imported 6 mocks")
    page.get_by_label("Import mocks from a JSON file").set_input_files(exported)   # again: all duplicates
    expect(page.locator(".mock__history-status")).to_contain_text("Imported 0 mocks; 6 already here were skipped")
    expect(rows).to_have_count(6)

    bad = dict(data, mocks=data["mocks"][:1] + [{"id": "broken", "scores": {"design": 9}}])
    for name, text, says in [("bad.json", json.dumps(bad), "Mock 2 in this file is not in the expected shape"),
                             ("notes.json", "just some notes", "not JSON"),
                             ("other.json", json.dumps({"mocks": "none"}), "not a mock history")]:
        page.get_by_label("Import mocks from a JSON file").set_input_files(
            {"name": name, "mimeType": "application/json", "buffer": text.encode()})
        status = page.locator(".mock__history-status")
        expect(status).to_contain_text(says)
        expect(status).to_contain_text("Nothing was changed")
        expect(rows).to_have_count(6)
    assert stored(page, HISTORY) == seeded


def test_the_running_and_score_screens_pass_axe_in_the_dark_scheme(browser, base_url, config):
    # test_accessibility.py sees the setup screen; these are the screens a mock goes on to.
    from axe_playwright_python.sync_playwright import Axe
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    try:
        open_mock(page, base_url)
        page.evaluate("h => localStorage.setItem('handbook-mock-history', JSON.stringify(h))",
                      [dict(entry(config, 0, 2), notes={config["postMortem"][0]["id"]: "The hot shard"})])
        page.reload()
        page.wait_for_selector("#mock-tool[data-ready]")
        start(page)
        page.clock.fast_forward(config["budgets"]["handbook"][str(config["default"])][0] * MINUTE + 1000)
        page.get_by_role("button", name="Next step").click()
        axe = Axe()
        for screen in ("running", "scoring"):
            if screen == "scoring":
                page.get_by_role("button", name="Finish", exact=True).click()
                score_all(page, config)
            expect(page.locator("#mock-tool")).to_have_attribute("data-stage", screen)
            page.locator("h1").click()                          # no button left hovered or focused
            page.wait_for_timeout(200)                          # Material's colour transitions
            violations = axe.run(page, context="#mock-tool").response["violations"]
            assert not violations, (screen, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations])
    finally:
        context.close()
