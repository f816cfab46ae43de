"""The strictly built site: every page clean, every data item on every page that should show it."""
from __future__ import annotations

import html

import re
from pathlib import Path

import pytest

from macros.handbook import load_handbook
from macros.numbers import downtime_seconds, format_duration
from tests.build.htmltext import page, read, text
from tests.conftest import ROOT

BOOK = load_handbook(ROOT / "data", ROOT / "docs")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_page_is_clean(site):
    found = pages(site)
    assert len(found) >= 15
    for path in found:
        body = text(path)
        raw = path.read_text(encoding="utf-8")
        assert "{{" not in body and "{%" not in body, f"raw Jinja in {path}"
        assert "Macro Rendering Error" not in raw and "Traceback" not in raw, path
        assert "Macro Syntax Error" not in raw, path


def test_no_page_asks_a_cdn_for_anything(site):
    for path in pages(site):
        for url in read(path).loads:
            assert not re.match(r"^([a-z]+:)?//", url), (path, url)
        raw = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in raw and "fonts.gstatic" not in raw, path


def test_no_diagram_script_is_shipped(site):
    assert not (site / "assets" / "vendor").exists()
    assert not [p for p in site.rglob("*.js") if "mermaid" in p.name]
    assert not [p for p in pages(site) if "mermaid" in p.read_text(encoding="utf-8")]


def test_every_diagram_is_a_static_svg_with_a_text_alternative(site):
    figures = 0
    for path in pages(site):
        raw = path.read_text(encoding="utf-8")
        for figure in re.findall(r'<figure class="diagram".*?</figure>', raw, re.S):
            figures += 1
            assert 'aria-label="' in figure and '<svg role="img" aria-label="' in figure, path
            assert "@font-face" not in figure and "base64" not in figure, f"{path}: an embedded font"
    assert figures >= 22  # a flow per worked example, the framework overview, the job states


def where(item_id_prefix: str, ids: list[str]) -> list[str]:
    return [f"{item_id_prefix}-{i}" for i in ids]


# Which anchored items must appear on which pages (url paths).
EXPECTED = [
    ("pocket-checklist", where("pocket", [m.id for m in BOOK.pocket_checklist]) + [m.id for m in BOOK.pocket_checklist]),
    ("red-team", [q.id for q in BOOK.red_team]),
    ("deep-keys", [k.id for k in BOOK.deep_keys]),
    ("one-pager", where("opening", [l.id for l in BOOK.one_pager.opening_script.lines])
     + where("estimate", [f.id for f in BOOK.one_pager.back_of_envelope.formulas])
     + where("latency", [h.id for h in BOOK.one_pager.back_of_envelope.latency_budget.hops])
     + where("data-model", [i.id for i in BOOK.one_pager.data_model_checklist])
     + where("flow", [s.id for s in BOOK.one_pager.data_flow.steps])
     + where("failure", [m.id for m in BOOK.one_pager.failure_inventory.modes])
     + where("control", [c.id for c in BOOK.one_pager.failure_inventory.controls])
     + where("tradeoff", [c.id for c in BOOK.one_pager.tradeoff_playbook.choices])
     + where("job-state", [s.id.lower() for s in BOOK.one_pager.job_state_machine.states])
     + [s.id for s in BOOK.one_pager.sections]),
    ("numbers", where("latency-row", [r.id for r in BOOK.numbers.latency.rows])
     + where("baseline", [b.id for g in BOOK.baseline for b in g.items])),
    ("practice", where("practice", [b.id for b in BOOK.practice.blocks])
     + where("post-mortem", [b.id for b in BOOK.practice.post_mortem.bullets])
     + [p.id for p in BOOK.reflection.prompts]),
    ("references", where("ref", [r.id for r in BOOK.references])),
    ("framework/in-practice", where("practice-patterns", [p.id for p in BOOK.guide.practice_patterns])
     + where("anti-patterns", [p.id for p in BOOK.guide.anti_patterns])
     + where("advanced", [p.id for p in BOOK.guide.advanced])),
] + [
    (s.page.removesuffix(".md"), where(f"step-{s.id}-q", [q.id for q in s.questions])
     + where(f"step-{s.id}-out", [o.id for o in s.outputs])
     + where(f"step-{s.id}-pitfall", [p.id for p in s.pitfalls]))
    for s in BOOK.framework.steps
]


@pytest.mark.parametrize("url_path, ids", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_items_have_their_anchors(site, url_path, ids):
    found = read(page(site, url_path)).ids
    missing = [i for i in ids if i not in found]
    assert not missing


def shown(markdown: str) -> str:
    """Data text as a reader sees it: the schema writes its &, < and > as entities."""
    return html.unescape(markdown)


def test_item_texts_reach_their_pages(site):
    pocket = text(page(site, "pocket-checklist"))
    for m in BOOK.pocket_checklist:
        assert m.mistake in pocket and m.fix in pocket
    red = text(page(site, "red-team"))
    for q in BOOK.red_team:
        assert q.question in red
    glossary = text(page(site, "glossary"))
    for t in BOOK.glossary:
        assert shown(t.term) in glossary and shown(t.means) in glossary
    for step in BOOK.framework.steps:
        body = text(page(site, step.page.removesuffix(".md")))
        assert step.goal in body
        assert all(q.text in body for q in step.questions)


def test_the_print_page_holds_every_page(site):
    body = text(page(site, "print_page"))
    for heading in ["The four-step framework", "The one-pager", "Pocket checklist", "Numbers", "Deep keys",
                    "Red team yourself", "Practice", "Glossary", "References", "Worked examples"]:
        assert heading in body
    for m in BOOK.pocket_checklist:
        assert m.fix in body


def test_computed_numbers_are_on_the_numbers_page(site):
    body = text(page(site, "numbers"))
    assert format_duration(downtime_seconds("99.9", "year")) in body
    assert f"{2 ** 40:,}" in body


def test_budgets_on_step_pages_and_overview(site):
    overview = text(page(site, "framework"))
    for step in BOOK.framework.steps:
        assert f"{step.minutes} min" in overview
        step_page = text(page(site, step.page.removesuffix(".md")))
        assert f"{step.minutes} minutes of a 45-minute interview" in step_page


def test_glossary_terms_are_tooltips_across_the_site(site):
    one_pager = page(site, "one-pager").read_text(encoding="utf-8")
    for term in ("p95", "SLO", "MVP", "AuthN"):
        assert re.search(rf'<abbr title="[^"]+">{term}</abbr>', one_pager), term


