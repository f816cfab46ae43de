"""`make pdf`'s script: the one-sheet PDFs and the whole handbook, read back with poppler-utils.

The PDFs are made once per session by scripts/export_pdf.py from the freshly built site (see
conftest.py). What a page should show is read from the built site itself, in a browser with print
media, so nothing here is a hard-coded copy of the content.
"""
from __future__ import annotations

import html
import re
import subprocess
from collections import Counter

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.handbook import load_handbook
from macros.render import budgets
from tests.export.conftest import ROOT, run
from tests.export.pdftools import pdf_fonts, pdf_info, pdf_text, pdf_words, squash

pytestmark = pytest.mark.browser

PAPER = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
SIZE_TOLERANCE_PT = 1.0          # Chromium rounds the page box to its pixel grid (A4: 595.92 x 841.92)
ONE_SHEET = [f"{page}-{paper}.pdf" for page in ("one-pager", "pocket-checklist") for paper in PAPER]
BOOK = load_handbook(ROOT / "data")
MANTRA = [w.word for w in BOOK.one_pager.mantra]  # the one-pager's section words, from data
# Legibility floor for the one-sheet PDFs. pdftotext's word box is the font's ascent plus descent:
# 1.117 x the size for Liberation Sans, 1.164 x for DejaVu Sans Mono. Dividing by the larger ratio
# errs on the small side.
FLOOR_PT = 7.5
BOX_PER_PT = 1.17
CSS_FLOOR_PX = 7.9 * 96 / 72     # "about 8 pt" for every piece of text the print CSS shows


def paper_of(name: str) -> str:
    return name.rsplit("-", 1)[1].removesuffix(".pdf")


def words_of(text: str) -> Counter:
    """Words as a line breaker may split them: after a hyphen or a slash, as well as at spaces."""
    return Counter(w for w in re.split(r"\s+|(?<=[-/])", text) if w)


@pytest.fixture(scope="module")
def printed(browser, base_url) -> dict[str, dict]:
    """Each one-sheet page as the browser lays it out for print: its visible text blocks, the smallest
    text size used, and which parts of the site's frame are still shown."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    found = {}
    for path in ("one-pager/", "pocket-checklist/"):
        page.goto(base_url + path)
        page.emulate_media(media="print", color_scheme="light")
        found[path] = page.evaluate("""() => {
          const box = document.querySelector(".print-one-page");
          const shown = el => el.getClientRects().length > 0;
          const blocks = [...box.querySelectorAll("h1, h2, h3, p, li, th, td")]
            .filter(el => shown(el) && !el.querySelector("p, li, table"))
            .map(el => el.innerText);
          const sizes = [];
          const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (n.textContent.trim() && shown(n.parentElement))
              sizes.push([parseFloat(getComputedStyle(n.parentElement).fontSize), n.textContent.trim()]);
          }
          const frame = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                         ".md-search", ".md-top", ".downloads"]
            .filter(sel => [...document.querySelectorAll(sel)].some(shown));
          return {blocks, smallest: sizes.sort((a, b) => a[0] - b[0])[0], frame};
        }""")
    context.close()
    return found


# ---------------------------------------------------------------- one sheet each

@pytest.mark.parametrize("name", ONE_SHEET)
def test_one_sheet_of_the_right_paper(pdf_dir, name):
    info = pdf_info(pdf_dir / name)
    width, height = PAPER[paper_of(name)]
    assert info["pages"] == 1, f"{name} has {info['pages']} pages"
    assert abs(info["width"] - width) <= SIZE_TOLERANCE_PT and abs(info["height"] - height) <= SIZE_TOLERANCE_PT, info


@pytest.mark.parametrize("paper", PAPER)
def test_cold_prompts_print_one_sheet_a_page(pdf_dir, paper):
    """A title page with the instructions, then each prompt's interviewer's sheet on a page of its
    own: its title at the top, its last level expectation on the same page."""
    name = f"cold-prompts-{paper}.pdf"
    prompts = BOOK.cold_prompts.prompts
    assert pdf_info(pdf_dir / name)["pages"] == len(prompts) + 1
    for number, prompt in enumerate(prompts, 2):
        text = squash(pdf_text(pdf_dir / name, first=number, last=number))
        assert text.startswith(squash(prompt.title)), (number, text[:80])
        assert squash(prompt.levels.staff)[-40:] in text, f"{prompt.id}: the sheet runs over its page"


@pytest.mark.parametrize("paper", PAPER)
def test_one_pager_holds_every_section_and_the_mantra(pdf_dir, printed, paper):
    text = pdf_text(pdf_dir / f"one-pager-{paper}.pdf")
    for word in MANTRA:
        assert re.search(rf"^{re.escape(word)}:", text, re.M), f"no {word} heading"
    assert squash(" → ".join(MANTRA)) in squash(text)
    # Every heading, list item and table cell the print layout shows is in the PDF, word for word:
    # a line cut off at the foot of a column or the page would be missing.
    missing = words_of("\n".join(printed["one-pager/"]["blocks"])) - words_of(text)
    assert not missing, f"words not printed: {dict(missing)}"


@pytest.mark.parametrize("paper", PAPER)
def test_pocket_checklist_holds_the_ten_items_and_the_mantra_only(pdf_dir, printed, paper, site):
    text = pdf_text(pdf_dir / f"pocket-checklist-{paper}.pdf")
    shown = printed["pocket-checklist/"]["blocks"]
    items = [t for t in shown if re.match(r"\d+\.\s", t)]
    assert len(items) == 10, items
    assert squash(" → ".join(MANTRA)) in squash(text)
    missing = words_of("\n".join(shown)) - words_of(text)
    assert not missing, f"words not printed: {dict(missing)}"
    # The details section below the checklist stays on screen.
    details = re.search(r'<h2 id="details">(.*?)<a', (site / "pocket-checklist" / "index.html").read_text())
    assert details and squash(html.unescape(details.group(1))) not in squash(text)


@pytest.mark.parametrize("name", ONE_SHEET)
def test_both_sheets_carry_the_steps_with_their_minutes(pdf_dir, name):
    """The strip for the last ten minutes: each step with its minutes in every interview length (as
    the budget table computes them); the one-pager adds the clarifying questions and the API line,
    and leaves out the screen-only "(diagram)" link."""
    text = squash(pdf_text(pdf_dir / name))
    plan = budgets(BOOK)
    for i, step in enumerate(BOOK.framework.steps):
        minutes = " / ".join(str(plan[t][i]) for t in plan)
        assert squash(f"{step.number}. {step.short} {minutes}") in text, (name, step.short, minutes)
    if name.startswith("one-pager"):
        for q in BOOK.framework.steps[0].questions:
            assert squash(q.short) in text, q.short
        assert squash("API. " + BOOK.one_pager.api_line.split("`")[0]) in text
        assert "(diagram)" not in text


@pytest.mark.parametrize("name", ONE_SHEET)
def test_one_sheet_is_legible_and_within_the_page(pdf_dir, name):
    words = pdf_words(pdf_dir / name)
    info = pdf_info(pdf_dir / name)
    smallest = min(words, key=lambda w: w["height"])
    assert smallest["height"] / BOX_PER_PT >= FLOOR_PT, f"{smallest['text']!r} is set at about {smallest['height'] / BOX_PER_PT:.1f} pt"
    outside = [w["text"] for w in words if w["x0"] < 0 or w["y0"] < 0 or w["x1"] > info["width"] or w["y1"] > info["height"]]
    assert not outside
    # It uses the sheet: the text runs well down the page.
    assert max(w["y1"] for w in words) > 0.6 * info["height"]


@pytest.mark.parametrize("path", ["one-pager/", "pocket-checklist/"])
def test_print_css_keeps_text_at_about_8pt_and_hides_the_site(printed, path):
    assert printed[path]["smallest"][0] >= CSS_FLOOR_PX, printed[path]["smallest"]
    assert printed[path]["frame"] == [], f"still printed: {printed[path]['frame']}"


def test_dark_screen_theme_prints_light(browser, base_url, tmp_path):
    """A reader in the dark scheme who prints from the browser still gets black on white."""
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(base_url + "one-pager/")
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
        pdf = tmp_path / "dark.pdf"
        page.pdf(path=str(pdf), format="Letter", print_background=True)
    finally:
        context.close()
    assert pdf_info(pdf)["pages"] == 1
    subprocess.run(["pdftoppm", "-gray", "-r", "20", "-singlefile", str(pdf), str(tmp_path / "dark")], check=True)
    pgm = (tmp_path / "dark.pgm").read_bytes()
    width, height, _maxval, pixels = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", pgm, re.S).groups()
    assert len(pixels) == int(width) * int(height)
    mean = sum(pixels) / len(pixels)
    assert mean > 225, f"the printed page is dark (mean grey {mean:.0f} of 255)"


@pytest.mark.parametrize("name", ONE_SHEET + ["handbook.pdf"])
def test_fonts_are_embedded(pdf_dir, name):
    fonts = pdf_fonts(pdf_dir / name)
    assert fonts, "no fonts at all"
    assert [f["line"] for f in fonts if not f["emb"]] == []


# ---------------------------------------------------------------- the whole handbook

@pytest.fixture(scope="module")
def handbook(pdf_dir) -> dict:
    pdf = pdf_dir / "handbook.pdf"
    info = pdf_info(pdf)
    return {"info": info, "pages": pdf_text(pdf).split("\f")[: info["pages"]]}


def nav_titles() -> list[str]:
    """The titles mkdocs.yml gives its top-level sections and pages: the print page's contents list them."""
    with open(ROOT / "mkdocs.yml", "rb") as f:
        nav = yaml_load(f)["nav"]
    return [next(iter(entry)) for entry in nav if isinstance(entry, dict)]


def test_handbook_has_cover_contents_and_page_numbers(handbook):
    info, pages = handbook["info"], handbook["pages"]
    assert info["pages"] >= 30
    assert abs(info["width"] - PAPER["a4"][0]) <= SIZE_TOLERANCE_PT and abs(info["height"] - PAPER["a4"][1]) <= SIZE_TOLERANCE_PT
    assert "System Design Interview Handbook" in pages[0]
    front = squash("".join(pages[:4]))
    assert "TableofContents" in front
    titles = nav_titles()
    assert len(titles) >= 8 and [t for t in titles if squash(t) not in front] == []
    unnumbered = [i for i, text in enumerate(pages, 1) if not re.search(rf"(?<!\d){i} / {info['pages']}(?!\d)", text)]
    assert unnumbered == [], f"pages without 'n / {info['pages']}': {unnumbered[:10]}"


def test_handbook_prints_every_diagram(handbook, site):
    """Each diagram's labels occur more often in the PDF than in the page's prose around the
    diagrams: the SVG printed them (as text, so the PDF stays searchable). Tables are left out of
    the count: pdftotext interleaves the lines of a table's narrow cells, splitting their words."""
    page = (site / "print_page" / "index.html").read_text()
    figures = re.findall(r'<figure class="diagram".*?</figure>', page, re.S)
    assert len(figures) >= 22
    body = re.sub(r'<figure class="diagram".*?</figure>|<table.*?</table>|<script.*?</script>|<style.*?</style>', "",
                  page, flags=re.S)
    body = squash(html.unescape(re.sub(r"<[^>]+>", " ", body[body.index("<body"):])))
    printed = squash("".join(handbook["pages"]))
    unprinted = []
    for figure in figures:
        labels = [squash(html.unescape(t)) for t in re.findall(r"<text[^>]*>([^<]+)</text>", figure)]
        labels = [label for label in labels if len(label) > 3]
        shown = [label for label in labels if printed.count(label) > body.count(label)]
        if len(shown) < 0.8 * len(labels):
            unprinted.append(labels[:3])
    assert unprinted == [], f"diagrams missing from the PDF: {unprinted}"


# ---------------------------------------------------------------- the links to the downloads

def test_every_download_link_points_at_a_made_file(downloads, site):
    made = {p.name for p in downloads.iterdir()}
    assert {"handbook.pdf", *ONE_SHEET} <= made
    linked = {}
    for page in ["index.html", "one-pager/index.html", "pocket-checklist/index.html", "practice/cold-prompts/index.html"]:
        here = (site / page).parent
        hrefs = re.findall(r'href="([^"]*downloads/[^"]*)"', (site / page).read_text())
        assert hrefs, f"{page} links no download"
        for href in hrefs:
            target = (here / href).resolve()
            assert target.parent == (site / "downloads").resolve(), f"{page}: {href} is not in site/downloads"
            linked[target.name] = page
    assert set(linked) <= made, f"linked but never made: {set(linked) - made}"
    assert made <= set(linked), f"made but linked nowhere: {made - set(linked)}"


# ---------------------------------------------------------------- the script itself

def test_unbuilt_site_is_a_clear_error(tmp_path):
    done = run("-m", "scripts.export_pdf", str(tmp_path / "nowhere"), timeout=60)
    assert done.returncode != 0
    assert "not built" in done.stderr and "make build" in done.stderr
