"""The data behind the practice loop: the mock's budgets and config, the rubric's page and the
sheets' strip, each computed from data/ (framework, rubric, drills, practice)."""
import dataclasses
import html
import json
import re

from macros import numbers, practice, rubric
from macros.render import api_line, budgets, step_strip


def config_of(markup: str, attr: str = "data-config") -> dict:
    return json.loads(html.unescape(re.search(rf'{attr}="([^"]*)"', markup).group(1)))


def test_mock_budgets_add_up_and_follow_their_sources(book):
    plan = practice.mock_budgets(book)
    typed = [s.minutes for s in book.framework.steps]
    for length in book.practice.mock.lengths:
        handbook, published = plan["handbook"][str(length)], plan["published"][str(length)]
        assert sum(handbook) == sum(published) == length
        # The typed split comes back unchanged at its own length; other lengths keep its proportions.
        if length == book.framework.interview_minutes[0]:
            assert handbook == typed
        assert all(abs(h - m * length / sum(typed)) < 1 for h, m in zip(handbook, typed))
        mids = [(lo + hi) / 2 for lo, hi in (s.published_minutes for s in book.framework.steps)]
        assert all(abs(p - m * length / sum(mids)) < 1 for p, m in zip(published, mids))
    # Xu's ranges for 45 minutes (3-10, 10-15, 10-25, 3-5) have midpoints 6.5, 12.5, 17.5 and 4,
    # 40.5 in all; spread over 45 minutes that is 7.2, 13.9, 19.4 and 4.4.
    assert numbers.range_budget([(3, 10), (10, 15), (10, 25), (3, 5)], 45) == [7, 14, 20, 4]


def test_the_budget_split_rounds_exactly(book):
    # 5/20/15/5 over 60 is 6.67/26.67/20/6.67: three equal remainders, the earlier steps get the minutes.
    assert numbers.scaled_budget([5, 20, 15, 5], 60) == [7, 27, 20, 6]
    assert sum(numbers.scaled_budget([5, 20, 15, 5], 35)) == 35


def test_mock_config_holds_every_prompt_step_ability_and_bullet(book, here):
    markup = practice.mock_interview(book, here("practice/timer.md"))
    config = config_of(markup)
    ids = [p["id"] for p in config["prompts"]]
    assert ids == ["example-" + s for s in book.examples] + ["cold-" + p.id for p in book.cold_prompts.prompts]
    assert all(p["prompt"] and p["url"].startswith("../") for p in config["prompts"])
    assert config["lengths"] == book.practice.mock.lengths
    assert config["default"] in config["lengths"]
    assert [s["checklist"] for s in config["steps"]] == [[{"id": o.id, "text": o.text} for o in s.outputs]
                                                         for s in book.framework.steps]
    assert [a["id"] for a in config["abilities"]] == [a.id for a in book.rubric.abilities]
    assert [lv["id"] for lv in config["levels"]] == ["mid", "senior", "staff"]
    assert [b["id"] for b in config["postMortem"]] == [b.id for b in book.practice.post_mortem.bullets]
    assert config["rubricUrl"] == "../rubric/"


def test_drills_config_is_the_data_in_bytes(book, here):
    markup = practice.estimation_drills(book, here("practice/drills.md"))
    config = config_of(markup)
    assert config["themes"][0]["write"]["payload"] == book.drills.themes[0].write.payload
    assert {t["id"] for t in config["traps"]} == {t.id for t in book.drills.traps}
    assert config_of(markup, "data-contract")["size_units"]["KiB"] == 1024
    assert 'data-estimator="../estimator/"' in markup


def test_drill_grades_come_from_the_data(book, here):
    text = practice.drill_grades(book, here("practice/drills.md"))
    assert "within 10 % of the figure the [estimator](estimator.md)" in text
    assert "within 3× either way" in text
    bent = dataclasses.replace(book, drills=book.drills.model_copy(
        update={"grades": book.drills.grades.model_copy(update={"exact": 0.05, "order": 2.5})}))
    assert "within 5 %" in practice.drill_grades(bent, here("practice/drills.md"))
    assert "within 2.5×" in practice.drill_grades(bent, here("practice/drills.md"))


def test_rubric_page_prints_every_ability_grade_and_level(book, here):
    abilities = rubric.rubric_abilities(book)
    for a in book.rubric.abilities:
        assert f'{{#ability-{a.id}}}' in abilities
        assert all(getattr(a, g) in abilities for g in ("weak", "solid", "strong"))
    levels = rubric.rubric_levels(book)
    for lv in book.rubric.levels:
        assert lv.name in levels and lv.balance in levels and lv.bar in levels
        assert all(u in levels for u in lv.unprompted)
    sources = rubric.rubric_sources(book, here("practice/rubric.md"))
    assert all(book.reference(r).url in sources for r in book.rubric.sources)


def test_strip_gives_each_step_its_minutes_and_the_questions(book):
    plan = budgets(book)
    strip = step_strip(book)
    for i, s in enumerate(book.framework.steps):
        assert f"**{s.number}. {s.short}** " + " / ".join(str(plan[t][i]) for t in plan) in strip
    assert all(q.short in strip for q in book.framework.steps[0].questions)
    assert "Ask first" not in step_strip(book, questions=False)
    assert book.one_pager.api_line in api_line(book)
