"""Screenshots of the handbook as a reader sees it: three pages, phone and desktop, light and dark.

    .venv/bin/python -m scripts.screenshots [OUT_DIR] [--site SITE_DIR] [--full-page]

OUT_DIR defaults to build/screenshots/. SITE_DIR defaults to site/ (what `make build` writes); when
it holds no built site, the handbook is built strictly into a temporary folder first. The site is
served on 127.0.0.1 only. Writes 12 PNGs named PAGE-WIDTH-SCHEME.png (e.g. home-phone-dark.png)
and prints their paths. Each shot is one screen (the viewport); --full-page takes whole pages.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.site import CHROMIUM, CHROMIUM_ARGS, ROOT, build, serving

PAGES = {"home": "", "one-pager": "one-pager/", "url-shortener": "examples/url-shortener/"}
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = {"light": "default", "dark": "slate"}


def build_site(dest: Path) -> Path:
    done = build(dest)
    if done.returncode:
        sys.exit("mkdocs build failed:\n" + done.stderr[-3000:])
    return dest


def shoot(site: Path, out: Path, full_page: bool = False) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serving(site) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size_name, viewport in SIZES.items():
                phone = size_name == "phone"
                for scheme, md_scheme in SCHEMES.items():
                    context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1,
                                                  is_mobile=phone, has_touch=phone)
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(base + path, wait_until="load")
                        page.wait_for_function(
                            "s => document.body.getAttribute('data-md-color-scheme') === s", arg=md_scheme)
                        # The page has laid out when the browser has painted two more frames.
                        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                        target = out / f"{name}-{size_name}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=full_page)
                        written.append(target)
                    context.close()
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "build" / "screenshots"), help="folder for the PNGs")
    parser.add_argument("--site", default=str(ROOT / "site"), help="a built site (default: site/)")
    parser.add_argument("--full-page", action="store_true", help="whole pages instead of one screen")
    args = parser.parse_args(argv)
    site = Path(args.site)
    with tempfile.TemporaryDirectory(prefix="handbook-shots-") as tmp:
        if not (site / "index.html").exists():
            site = build_site(Path(tmp) / "site")
        for path in shoot(site, Path(args.out), args.full_page):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
