"""Every internal link and asset in the built site resolves, anchors included (no network)."""
from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.build.htmltext import read

# Made by `make pdf` / `make offline`, not by the build; the export tests check those links.
MADE_LATER = ("downloads/",)


def target_file(site: Path, url_path: str) -> Path:
    path = site / url_path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def broken_links(site: Path) -> list[str]:
    ids = lru_cache(maxsize=None)(lambda p: frozenset(read(p).ids))
    broken = []
    for html_file in sorted(site.rglob("*.html")):
        here = "/" + html_file.relative_to(site).as_posix()
        reader = read(html_file)
        for url in reader.links + reader.loads:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or url.startswith(("mailto:", "javascript:")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path))) if parts.path else here
            if parts.path.endswith("/") and not resolved.endswith("/"):
                resolved += "/"
            if resolved.lstrip("/").startswith(MADE_LATER):
                continue
            target = target_file(site, resolved)
            if not target.is_file():
                broken.append(f"{here}: {url} (no file {target.relative_to(site)})")
            elif (parts.fragment and "=" not in parts.fragment  # "#s=..." carries state, not an anchor
                  and target.suffix == ".html" and unquote(parts.fragment) not in ids(target)):
                broken.append(f"{here}: {url} (no id #{parts.fragment})")
    return broken


def test_no_broken_internal_links(site):
    assert broken_links(site) == []


def test_the_checker_finds_a_broken_link(site, tmp_path):
    bad = tmp_path / "bad"
    (bad / "a").mkdir(parents=True)
    (bad / "b").mkdir()
    (bad / "b" / "index.html").write_text('<h2 id="here">B</h2>')
    (bad / "a" / "index.html").write_text('<a href="../b/#here">ok</a> <a href="../b/#gone">x</a> <a href="../c/">y</a>')
    found = broken_links(bad)
    assert len(found) == 2 and any("#gone" in f for f in found) and any("no file c/index.html" in f for f in found)
