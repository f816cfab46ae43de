"""`make offline`'s script: the zipped site, unpacked and opened from file:// with no server.

The zip is made once per session by scripts/export_offline.py (see conftest.py), with the session's
PDFs in its downloads folder.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.export.conftest import run

pytestmark = pytest.mark.browser  # the zip's own tests open it in Chromium; the zip holds PDFs it printed
LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture
def local_page(page):
    """A browser tab that records every request it makes."""
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    elsewhere = [url for url in page.requests if not url.startswith(LOCAL)]
    assert elsewhere == [], f"requests off the disk: {elsewhere}"


# ---------------------------------------------------------------- one config, two builds

def page_config(html_text: str) -> dict:
    """The __config JSON Material writes into every page (features, search worker, base)."""
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html_text, re.S).group(1))


def test_the_offline_build_is_the_site_build_less_what_file_cannot_do(site, offline_root):
    online = page_config((site / "index.html").read_text())
    offline = page_config((offline_root / "index.html").read_text())
    # Neither uses instant navigation (it cannot work from file://, and make bench finds it too slow
    # for the site); the offline build keeps every feature the site has.
    assert not [f for f in online["features"] if f.startswith("navigation.instant")]
    assert offline["features"] == online["features"]
    # The search shim is the site's own copy, in the offline build only.
    assert (offline_root / "assets" / "javascripts" / "iframe-worker.js").is_file()
    assert not (site / "assets" / "javascripts" / "iframe-worker.js").exists()
    assert "iframe-worker" not in (site / "index.html").read_text()
    # The same pages, as page.html instead of page/index.html.
    online_pages = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    offline_pages = {p.relative_to(offline_root).as_posix().removesuffix(".html").removesuffix("/index")
                     for p in offline_root.rglob("*.html")}
    assert {"index" if p == "." else p for p in online_pages} == offline_pages - {"404"}


# ---------------------------------------------------------------- the zip

def test_zip_holds_a_site_to_open_from_disk(offline_root, pdf_dir):
    assert (offline_root / "index.html").is_file()
    # Pages are page.html, not folders: links work without a server answering "dir/" with index.html.
    assert (offline_root / "one-pager.html").is_file() and not (offline_root / "one-pager").exists()
    assert (offline_root / "search" / "search_index.js").is_file()
    home = (offline_root / "index.html").read_text()
    assert "unpkg.com" not in home and "cdn.jsdelivr" not in home
    for pdf in pdf_dir.glob("*.pdf"):
        assert (offline_root / "downloads" / pdf.name).read_bytes() == pdf.read_bytes()
    # The pages' links to the PDFs lead to those copies (pages are page.html here, not page/).
    for page in ["index.html", "one-pager.html", "pocket-checklist.html"]:
        pdfs = re.findall(r'href="([^"]*downloads/[^"]*\.pdf)"', (offline_root / page).read_text())
        assert pdfs and [h for h in pdfs if not (offline_root / h).is_file()] == [], page


def test_links_between_pages_resolve_on_disk(offline_root):
    broken = []
    # 404.html is for a web server to answer with; its links are absolute, and nothing on disk opens it.
    for page in sorted(p for p in offline_root.rglob("*.html") if p.name != "404.html"):
        for href in re.findall(r'<a [^>]*href="([^"#?:]+\.html)[#?"]', page.read_text()):
            if not (page.parent / href).resolve().is_file():
                broken.append(f"{page.relative_to(offline_root)}: {href}")
    assert broken == []


def test_navigation_works_from_file(local_page, offline_root, book):
    page = local_page
    page.goto((offline_root / "index.html").as_uri())
    link = page.locator(".md-sidebar--primary a.md-nav__link[href$='numbers.html']").first
    link.click()
    page.wait_for_url("**/numbers.html")
    assert page.locator("h1").first.inner_text().strip()
    page.go_back()
    page.locator(".md-sidebar--primary a.md-nav__link[href$='one-pager.html']").first.click()
    page.wait_for_url("**/one-pager.html")
    assert book.section(book.one_pager.mantra[0].section).title in page.locator("article h2").first.inner_text()


def test_search_works_from_file(local_page, offline_root):
    page = local_page
    page.goto((offline_root / "index.html").as_uri())
    page.keyboard.press("s")
    query = page.locator("input.md-search__input")
    query.press_sequentially("idempotency", delay=50)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    hrefs = [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]
    assert hrefs
    first = hrefs[0].split("?")[0].split("#")[0]
    assert first.startswith(offline_root.as_uri()) and Path(first.removeprefix("file://")).is_file(), hrefs[0]
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert "idempotency" in page.locator("article").inner_text().lower()


def test_diagrams_show_from_file(local_page, offline_root):
    page = local_page
    page.goto((offline_root / "framework" / "index.html").as_uri())
    box = page.locator("figure.diagram svg").first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20


# ---------------------------------------------------------------- the script itself

def test_missing_config_is_a_clear_error(tmp_path):
    done = run("-m", "scripts.export_offline", str(tmp_path / "x.zip"), "--config", str(tmp_path / "none.yml"), timeout=60)
    assert done.returncode != 0 and "none.yml is missing" in done.stderr
    assert not (tmp_path / "x.zip").exists()


def test_the_offline_copy_does_not_link_to_itself(offline_root):
    home = (offline_root / "index.html").read_text(encoding="utf-8")
    assert "handbook-offline.zip" not in home and "this copy" in home


def test_an_offline_copy_without_its_downloads_is_refused(tmp_path):
    done = run("-m", "scripts.export_offline", str(tmp_path / "out"), "--downloads", str(tmp_path / "none"))
    assert done.returncode != 0
    assert "lacks (run `make pdf` first)" in done.stderr and "one-pager-a4.pdf" in done.stderr
    assert not (tmp_path / "out" / "handbook-offline.zip").exists()
