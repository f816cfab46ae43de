"""Page macros declare themselves here; define_env registers them all in one loop.

    @macro
    def budget_table(book, here): ...      # {{ budget_table() }} on a page

A macro's leading parameters named `book` (the loaded Handbook) or `here` (the page being
rendered) are filled in by define_env at call time; the page passes the rest. A macro's name
on a page is its function name."""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable

CONTEXT = ("book", "here")
MACROS: dict[str, Callable] = {}


@dataclass(frozen=True)
class Here:
    """The page being rendered: its source path (for Markdown links, which MkDocs checks and
    rewrites) and MkDocs' own URL of any other file relative to it (for raw HTML, which it does not)."""
    src: str                        # "examples/chat.md"
    url: Callable[[str], str]       # url("practice/estimator.md#s=...") -> "../../practice/estimator/#s=..."


def here_for(files, page_file) -> Here:
    """The Here of a page, its URLs asked of MkDocs: `files` is the build's Files collection and
    `page_file` the page's File (duck-typed, so this module needs no MkDocs import)."""
    def url(target: str) -> str:
        path, _, anchor = target.partition("#")
        file = files.get_file_from_path(path)
        if file is None:
            raise KeyError(f"{page_file.src_uri}: no file docs/{path}")
        return file.url_relative_to(page_file) + (f"#{anchor}" if anchor else "")
    return Here(page_file.src_uri, url)


def context_of(fn: Callable) -> list[str]:
    """The leading parameters of fn that define_env fills in."""
    names = []
    for p in inspect.signature(fn).parameters.values():
        if p.name not in CONTEXT or p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            break
        names.append(p.name)
    return names


def macro(fn: Callable) -> Callable:
    known = MACROS.get(fn.__name__)
    # The same function registered again (its module reloaded by the dev server) replaces itself.
    if known is not None and known.__module__ != fn.__module__:
        raise ValueError(f"two page macros are named {fn.__name__!r} ({known.__module__} and {fn.__module__})")
    rest = [p for p in list(inspect.signature(fn).parameters)[len(context_of(fn)):] if p in CONTEXT]
    if rest:
        raise TypeError(f"{fn.__name__}: {rest} must come first among its parameters")
    MACROS[fn.__name__] = fn
    return fn


def bound(fn: Callable, context: dict[str, Callable[[], Any]]) -> Callable:
    """fn as a page calls it: the context parameters it declares are filled in at each call."""
    names = context_of(fn)

    def call(*args, **kwargs):
        return fn(*(context[n]() for n in names), *args, **kwargs)
    call.__name__ = fn.__name__
    call.__doc__ = fn.__doc__
    return call


class Unavailable:
    """What a page's `{{ book... }}` finds while the data is broken (the dev server only): any
    attribute, call, item or iteration gives a short notice instead of an error, so every page still
    renders and shows the data error above it."""
    NOTICE = "(not shown: a data file is wrong)"

    def __getattr__(self, name: str) -> "Unavailable":
        return self

    def __call__(self, *args, **kwargs) -> "Unavailable":
        return self

    def __getitem__(self, key) -> "Unavailable":
        return self

    def __iter__(self):
        return iter(())

    def __str__(self) -> str:
        return self.NOTICE
