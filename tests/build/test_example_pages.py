"""Every worked example page, as built: all sections, a drawn-ready diagram, the estimate table."""
from __future__ import annotations

import pytest

from macros.estimates import estimate
from macros.example_page import SECTIONS, headline
from tests.build.htmltext import page, read, text
from tests.build.test_site import BOOK

EXAMPLES = BOOK.examples


@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_example_page(site, slug):
    path = page(site, f"examples/{slug}")
    ids = read(path).ids
    assert all(ident in ids for ident, _, _ in SECTIONS), [i for i, _, _ in SECTIONS if i not in ids]
    raw = path.read_text(encoding="utf-8")
    assert raw.count('<figure class="diagram"') == 1 and "<svg" in raw
    body = text(path)
    for op in estimate(EXAMPLES[slug].scenario)["operations"]:
        assert op["name"] in body
    assert EXAMPLES[slug].example.wrap_up.summary.split(".")[0] in body


def test_examples_index_lists_every_example_with_its_numbers(site):
    body = text(page(site, "examples"))
    for slug, we in EXAMPLES.items():
        reads, writes, stored = headline(we)
        assert we.example.title in body and reads in body and writes in body and stored in body
    assert "Peak reads" in body and "Peak writes" in body and "copies)" in body
