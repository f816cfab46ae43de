"""Read built HTML the way a reader sees it: visible text and element ids."""
from __future__ import annotations

import html.parser
import re
from pathlib import Path


class _Reader(html.parser.HTMLParser):
    SKIP = {"script", "style", "template"}
    INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "small", "span", "strong", "sub", "sup"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []  # what a browser fetches when the page loads
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            self.loads.append(a["href"])
        if tag in self.SKIP:
            self._skip += 1
        if tag not in self.INLINE:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.text.append(" ")
        if tag in self.SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def read(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def text(path: Path) -> str:
    return re.sub(r"\s+", " ", "".join(read(path).text))


def page(site: Path, url_path: str) -> Path:
    return site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
