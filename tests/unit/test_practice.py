"""The practice pages' renderers (macros/practice.py) and the estimator link state (scenario_data)."""
import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from macros import contract, numbers, practice
from macros.estimates import estimate, load_scenario, scenario_data, scenario_from_data
from macros.render import budgets

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "data" / "scenarios").glob("*.yml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_data_reads_back_to_the_same_estimate(path):
    scenario = load_scenario(path)
    data = scenario_data(scenario)
    json.dumps(data)  # plain data
    assert estimate(scenario_from_data(data)) == estimate(scenario)


def test_scenario_data_is_compact_and_exact():
    s = scenario_from_data({"name": "x", "users": {"monthly_active": "300M", "daily_active_ratio": 0.5},
                            "operations": [{"name": "w", "kind": "write", "per_second": 1234.5678,
                                            "payload": [{"size": "1 MiB", "share": 0.1}, "1.5 KB"]}]})
    data = scenario_data(s)
    assert data["users"] == {"monthly_active": "300M", "daily_active_ratio": 0.5}
    assert "assumptions" not in data                      # defaults stay implicit
    op = data["operations"][0]
    assert op["per_second"] == 1234.5678                  # "1.23K" would not read back exactly
    assert scenario_from_data(data).operations[0].per_second == 1234.5678
    assert op["payload"] == [{"size": "1 MiB", "share": 0.1}, {"size": "1.5 KB"}]


def test_estimator_fragment_is_uri_component_encoded_json():
    scenario = load_scenario(ROOT / "data" / "scenarios" / "url-shortener.yml")
    fragment = practice.estimator_fragment(scenario)
    assert fragment.startswith("s=%7B%22name%22")
    assert re.fullmatch(r"s=[A-Za-z0-9%\-_.!~*'()]+", fragment)
    data = json.loads(unquote(fragment[2:]))
    assert "source" not in data                           # long prose, not needed for the figures
    assert estimate(scenario_from_data(data)) == dict(estimate(scenario), source=None)


def test_raw_html_urls_come_from_mkdocs_in_both_url_styles(here):
    assert here("examples/chat.md").url("practice/estimator.md") == "../../practice/estimator/"
    assert here("index.md").url("practice/estimator.md#s=1") == "practice/estimator/#s=1"
    assert here("examples/chat.md", False).url("practice/estimator.md") == "../practice/estimator.html"
    assert here("index.md", False).url("practice/estimator.md") == "practice/estimator.html"
    assert practice.page_scripts(here("practice/timer.md"), "mock-core.js", "mock.js") == (
        '<script defer data-page-script src="../../assets/javascripts/mock-core.js"></script>\n'
        '<script defer data-page-script src="../../assets/javascripts/mock.js"></script>\n')
    assert practice.page_scripts(here("practice/timer.md", False), "mock.js") == (
        '<script defer data-page-script src="../assets/javascripts/mock.js"></script>\n')
    with pytest.raises(KeyError, match="no file docs/assets/javascripts/nope.js"):
        practice.page_scripts(here("practice/timer.md"), "nope.js")


def test_example_link_opens_its_scenario(book, examples, here):
    for slug, we in examples.items():
        line = practice.estimator_link(we.scenario, here(f"examples/{slug}.md"))
        href = html.unescape(re.search(r'href="([^"]+)"', line).group(1))
        assert href.startswith("../../practice/estimator/#s=")
        data = json.loads(unquote(href.split("#s=", 1)[1]))
        assert estimate(scenario_from_data(data)) == dict(estimate(we.scenario), source=None)


def attr_json(markup: str, name: str):
    return json.loads(html.unescape(re.search(rf'{name}="([^"]*)"', markup).group(1)))


def test_estimator_lists_every_scenario_in_the_link_serialisation(book):
    markup = practice.estimator(book)
    listed = attr_json(markup, "data-scenarios")
    assert sorted(listed) == [p.stem for p in SCENARIOS]
    for slug, data in listed.items():
        scenario = book.scenarios[slug]
        assert data == practice.estimator_state(scenario)
        assert "source" not in data
        assert estimate(scenario_from_data(data)) == dict(estimate(scenario), source=None)
    assert attr_json(markup, "data-contract") == contract.contract()


def test_timer_steps_carry_the_budgets_and_every_steps_questions(book, here):
    # The static step list under the mock (mock.js reads the mock's own data-config, not this).
    markup = practice.interview_timer(book, here("practice/timer.md"))
    assert 'id="timer-tool"' not in markup and "data-config" not in markup
    assert markup.count('class="timer-step"') == len(book.framework.steps)
    plan = budgets(book)
    for i, step in enumerate(book.framework.steps):
        assert f'data-step="{step.number}"' in markup
        for q in step.questions:
            assert q.text in markup
        assert f"](../{step.page})" in markup
        for length, minutes in plan.items():
            start = numbers.step_starts(minutes)[i]
            assert f"{minutes[i]} min of {length} (minutes {start}–{start + minutes[i]})" in markup


def test_drill_has_every_interrupt_with_its_answer_and_a_relative_link(book, here):
    markup = practice.red_team_drill(book, here("practice/red-team-drill.md"))
    for q in book.red_team:
        assert f'data-question="{q.id}"' in markup
        assert q.question in markup
        for a in q.strong_answer:
            assert a in markup
        assert f"]({'../' + q.see})" in markup


def test_prompt_picker_links_every_example(book, examples, here):
    markup = practice.prompt_picker(book, here("practice/red-team-drill.md"))
    for slug, we in examples.items():
        assert f"[{we.example.title}](../examples/{slug}.md)" in markup
        assert we.example.prompt in markup


def test_post_mortem_form_has_the_three_bullets(book):
    markup = practice.post_mortem_form(book)
    bullets = book.practice.post_mortem.bullets
    assert len(bullets) == 3
    for b in bullets:
        assert f'<label for="pm-{b.id}">{b.text}</label>' in markup
        assert f'<textarea id="pm-{b.id}"' in markup
