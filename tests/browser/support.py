"""Helpers for the browser tests: which pages the built site has, and what a section of one says."""
from __future__ import annotations

import html
import re
from pathlib import Path

from tests.build.htmltext import text

from scripts.site import PAGE_TYPES  # one page of each kind; the practice tools come from the built site


def all_pages(site: Path) -> list[str]:
    """URL paths ("" for home, "numbers/", ...) of every index.html the build wrote."""
    found = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        found.append("" if rel == "." else rel + "/")
    return found


def practice_pages(site: Path) -> list[str]:
    return [p for p in all_pages(site) if p.startswith("practice/")]


def page_types(site: Path) -> dict[str, str]:
    types = dict(PAGE_TYPES)
    for path in practice_pages(site):
        types["practice " + (path.removeprefix("practice/").strip("/") or "index")] = path
    return types


def page_text(site: Path, url_path: str) -> str:
    return text(site / url_path / "index.html")


def element_ids(site: Path, url_path: str) -> set[str]:
    raw = (site / url_path / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'\sid="([^"]+)"', raw))


def section_text(site: Path, url_path: str, anchor: str) -> str:
    """The visible text from the element with this id up to the next heading: what the link lands on."""
    raw = (site / url_path / "index.html").read_text(encoding="utf-8")
    start = raw.find(f'id="{anchor}"')
    assert start >= 0, f"no id={anchor!r} on {url_path or 'home'}"
    # The heading itself, then everything up to the next heading.
    end_of_heading = raw.find("</h", start)
    nxt = re.compile(r"<h[1-6][\s>]").search(raw, end_of_heading if end_of_heading >= 0 else start)
    chunk = raw[start:nxt.start() if nxt else len(raw)]
    chunk = re.sub(r"<(script|style)\b.*?</\1>", " ", chunk, flags=re.S)
    chunk = re.sub(r"<[^>]+>", " ", chunk)
    return re.sub(r"\s+", " ", html.unescape(chunk))


def term_pattern(query: str) -> re.Pattern:
    """The query as a phrase: words joined by a space or hyphen (or nothing), each singular or plural."""
    words = re.split(r"[\s\-]+", query.strip())
    parts = []
    for word in words:
        if re.fullmatch(r"[A-Za-z]+", word) and len(word) > 2 and word.lower().endswith("s"):
            word = word[:-1]
        piece = re.escape(word)
        if re.fullmatch(r"[A-Za-z]+", word):
            piece += "(?:s|es)?"
        parts.append(piece)
    return re.compile(r"(?<![\w])" + r"[\s\-]?".join(parts) + r"(?![\w])", re.I)


def wait_for_search(page) -> None:
    """The search index loads when a reader reaches for search (handbook.js holds it back until
    then): open the box as a reader does, wait until Material says it is ready, close it again."""
    page.keyboard.press("s")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && !/initializing/i.test(m.textContent); }", timeout=15_000)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
