"""Text in data is text: markup and braces put into every prose field of a copy of data/ print as
characters, and nothing of them runs or breaks an anchor."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import build, copy_project

MARK = "<img src=x onerror=alert(1)> {me}"
SKIP = {"terms", "term", "glossary", "id", "url", "page", "see", "path", "method", "scenario", "source", "kind", "unit"}


def mark(value, key=None):
    """Every prose string (a space in it, some length) gets the markup; ids and the like are left."""
    if isinstance(value, dict):
        return {k: (v if k in SKIP else mark(v, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [mark(v, key) for v in value]
    if isinstance(value, str) and " " in value and len(value) > 20 and len(value) < 1800:
        return marked_placeholders(value) + " " + MARK
    return marked_placeholders(value) if isinstance(value, str) else value


def marked_placeholders(text: str) -> str:
    """A placeholder names an operation or a sizing line by its text, which gets the markup too."""
    return re.sub(r"\[\[\s*([a-z-]+)\s*:\s*([^\]]+?)\s*\]\]",
                  lambda m: f"[[{m.group(1)}: {mark(m.group(2))}]]", text)


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("marked"))
    for path in sorted((project / "data").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(mark(data), allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    done = build(project, project / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    return project / "site"


def test_markup_in_data_never_reaches_a_page_as_markup(marked_site):
    pages = sorted(marked_site.rglob("*.html"))
    live = [p.relative_to(marked_site) for p in pages if "<img src=x" in p.read_text(encoding="utf-8")]
    assert live == []
    shown = sum(p.read_text(encoding="utf-8").count("&lt;img src=x onerror=alert(1)&gt;") for p in pages)
    assert shown > 100  # it is there, as text, on the pages that print the fields


def test_braces_in_headings_keep_their_anchors(marked_site, book):
    page = (marked_site / "red-team" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([a-z0-9-]+)"', page)
    assert ids == [q.id for q in book.red_team]       # every question heading kept its own anchor
    assert page.count("&#123;me&#125;") >= len(book.red_team)  # and prints its braces
