"""Print the built handbook to PDF with headless Chromium (Playwright, Debian's browser).

    python -m scripts.export_pdf [SITE_DIR]      (default: site)

Writes into SITE_DIR/downloads/:
  one-pager-a4.pdf, one-pager-letter.pdf                 the one-pager, one sheet each
  pocket-checklist-a4.pdf, pocket-checklist-letter.pdf   the pocket checklist, one sheet each
  cold-prompts-a4.pdf, cold-prompts-letter.pdf           the cold prompts: a title page, then one
                                                          interviewer's sheet a page
  handbook.pdf                                            the print page: cover, contents, page numbers

The site is served on 127.0.0.1 from inside this script, so the site's scripts load as they do for
a reader. Each page is printed in the light scheme; diagrams are static SVG, so nothing is waited for.
The one-page layout itself is CSS (docs/assets/stylesheets/print.css); this script only checks the
result is one page when `pdfinfo` (poppler-utils) is there.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scripts.site import CHROMIUM, CHROMIUM_ARGS, ExportError, serving

# (site path, output stem): pages printed on exactly one sheet of each paper size.
ONE_PAGERS = [("one-pager/", "one-pager"), ("pocket-checklist/", "pocket-checklist")]
# Chromium rounds page sizes to its pixel grid; A4 by millimetres comes out closest to 210 x 297 mm.
PAPERS = {"a4": {"width": "210mm", "height": "297mm"}, "letter": {"format": "Letter"}}
# The page the print-site plugin writes: the whole handbook in one document.
PRINT_PAGE = "print_page/"
COLD_PROMPTS = ("practice/cold-prompts/", "cold-prompts")
HANDBOOK = "handbook.pdf"

# Page numbers for the whole handbook; Chromium fills in the two spans.
FOOTER = ('<div style="width:100%;margin:0 12mm;font-size:8pt;font-family:sans-serif;color:#555;'
          'text-align:right"><span class="pageNumber"></span> / <span class="totalPages"></span></div>')
HANDBOOK_MARGIN = {"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"}
# The footer above is the handbook's only running text: whatever @page margin boxes (running page
# numbers, titles) the site's stylesheets define are switched off for this export.
_BOXES = ["top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "left-top", "left-middle",
          "left-bottom", "right-top", "right-middle", "right-bottom", "bottom-left-corner", "bottom-left",
          "bottom-center", "bottom-right", "bottom-right-corner"]
HANDBOOK_PAGE_CSS = ("@page { margin: %(top)s %(right)s %(bottom)s %(left)s; " % HANDBOOK_MARGIN
                     + " ".join(f"@{box} {{ content: none; }}" for box in _BOXES) + " }")


def check_site(site: Path) -> None:
    missing = [p for p in [""] + [path for path, _ in ONE_PAGERS] + [PRINT_PAGE]
               if not (site / p / "index.html").is_file()]
    if missing:
        listed = ", ".join(str(site / p / "index.html") for p in missing)
        raise ExportError(f"the site is not built (missing {listed}); run `make build` first")


def page_count(pdf: Path) -> int | None:
    """Pages in a PDF according to pdfinfo, or None when poppler-utils is not installed."""
    if not shutil.which("pdfinfo"):
        return None
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def open_drawn(page, url: str) -> None:
    """Load a page in the light scheme, ready to print."""
    page.emulate_media(color_scheme="light", media="screen")
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        raise ExportError(f"{url} answered {response.status if response else 'nothing'}")
    page.evaluate("() => document.fonts.ready")
    # Print as a reader's browser would: print media, light colours whatever the screen theme.
    page.emulate_media(color_scheme="light", media="print")


def export(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    check_site(site)
    if not Path(CHROMIUM).exists():
        raise ExportError(f"{CHROMIUM} is missing: install Debian's chromium (`make system-packages`)")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serving(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(f"script error on {page.url}: {exc}"))
        for path, stem in ONE_PAGERS:
            open_drawn(page, base + path)
            for suffix, paper in PAPERS.items():
                target = out / f"{stem}-{suffix}.pdf"
                # Margins and layout come from the page's own print CSS, as when a reader prints it.
                page.pdf(path=str(target), print_background=True, **paper)
                pages = page_count(target)
                if pages is not None and pages != 1:
                    problems.append(f"{target.name} has {pages} pages, not 1 (see print.css)")
                written.append(target)
        path, stem = COLD_PROMPTS
        open_drawn(page, base + path)
        sheets = page.locator("section.cold-sheet").count()
        for suffix, paper in PAPERS.items():
            target = out / f"{stem}-{suffix}.pdf"
            page.pdf(path=str(target), print_background=True, **paper)
            pages = page_count(target)
            if pages is not None and pages != sheets + 1:
                problems.append(f"{target.name} has {pages} pages, not {sheets + 1}: a sheet runs over its page")
            written.append(target)
        open_drawn(page, base + PRINT_PAGE)
        page.add_style_tag(content=HANDBOOK_PAGE_CSS)
        target = out / HANDBOOK
        page.pdf(path=str(target), **PAPERS["a4"], print_background=True, display_header_footer=True,
                 header_template="<span></span>", footer_template=FOOTER, margin=HANDBOOK_MARGIN,
                 outline=True, tagged=True)
        written.append(target)
        browser.close()
        if problems:
            raise ExportError("; ".join(problems))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--out", type=Path, help="where the PDFs go (default: SITE/downloads)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        written = export(args.site, args.out or args.site / "downloads")
    except ExportError as exc:
        print(f"export_pdf: error: {exc}", file=sys.stderr)
        return 1
    for pdf in written:
        print(f"wrote {pdf} ({pdf.stat().st_size // 1024} KiB)")
    print(f"export_pdf: {len(written)} PDFs in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
