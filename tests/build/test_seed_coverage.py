"""Every section of the source material reaches a page of the handbook."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.build.htmltext import page, read, text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_MAP = yaml.safe_load((FIXTURES / "seed_map.yml").read_text(encoding="utf-8"))
OUTLINE = yaml.safe_load((FIXTURES / "seed_outline.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", ["framework-guide.md", "notebook.md"])
def test_every_seed_section_is_mapped(seed):
    assert len(OUTLINE[seed]) >= 10
    missing = [s for s in OUTLINE[seed] if s not in SEED_MAP[seed]]
    assert not missing, f"seed sections with no page: {missing}"
    unknown = [s for s in SEED_MAP[seed] if s not in OUTLINE[seed]]
    assert not unknown, f"mapped sections the outline does not have: {unknown}"


CASES = [(seed, section, url, phrases) for seed in ("framework-guide.md", "notebook.md", "points")
         for section, pages in SEED_MAP[seed].items() for url, phrases in pages.items()]


@pytest.mark.parametrize("seed, section, url, phrases", CASES, ids=[f"{c[1]}->{c[2]}" for c in CASES])
def test_seed_section_is_on_its_page(site, seed, section, url, phrases):
    path = page(site, url)
    body = text(path) + " " + " ".join(read(path).links)
    missing = [p for p in phrases if p not in body]
    assert not missing, f"{section!r}: {url} lacks {missing}"


def test_no_unofficial_copies_are_cited(site):
    for path in site.rglob("*.html"):
        for link in read(path).links:
            assert "z-lib" not in link, (path, link)  # an unofficial copy of a book
