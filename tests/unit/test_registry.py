"""Renderers declare themselves; define_env fills in `book` and `here` and registers each by name."""
from __future__ import annotations

import importlib

import pytest

from macros import registry, render


def test_every_page_macro_is_registered_once_under_its_name():
    assert registry.MACROS["pocket_checklist"] is render.pocket_checklist
    assert all(name == fn.__name__ for name, fn in registry.MACROS.items())


def test_a_reloaded_module_replaces_its_own_macros():
    count = len(registry.MACROS)
    importlib.reload(render)  # what the dev server may do when a module changes
    assert len(registry.MACROS) == count and registry.MACROS["pocket_checklist"] is render.pocket_checklist


def test_two_macros_of_one_name_from_different_modules_are_refused():
    def pocket_checklist():
        return ""
    with pytest.raises(ValueError, match="two page macros are named 'pocket_checklist'"):
        registry.macro(pocket_checklist)


def test_context_parameters_are_filled_in_and_the_page_passes_the_rest(book, here):
    calls = []

    def probe(book, here, slug):
        calls.append((book, here.src, slug))
        return slug

    bound = registry.bound(probe, {"book": lambda: book, "here": lambda: here("index.md")})
    assert bound("chat") == "chat" and calls == [(book, "index.md", "chat")]
    assert registry.context_of(render.glossary) == ["book", "here"]
    assert registry.context_of(render.mantra) == ["book"]
