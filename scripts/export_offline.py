"""Build the handbook for reading from a folder with no server, and zip it.

    python -m scripts.export_offline OUT_DIR [--downloads DIR]

Builds mkdocs.yml with OFFLINE=true (Material's offline plugin and overrides/hooks/offline.py:
page.html links, search that runs from file://, no CDN) into a temporary directory, never into
site/, and writes OUT_DIR/handbook-offline.zip (the name the home page links to) holding
one folder, system-design-handbook/, to unzip and open index.html from. PDFs and the Anki deck
already in DIR (default: OUT_DIR, site/downloads for `make offline`) are copied
into its downloads/ folder, so the download links work offline too.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from scripts.site import MKDOCS_YML, ExportError, build

ZIP_FILE = "handbook-offline.zip"
FOLDER = "system-design-handbook"          # the one folder inside the zip
DOWNLOADS = ("*.pdf", "*.apkg")           # files carried over from the downloads folder
# Files the offline copy cannot work without: the start page, the inlined search index (written by
# the offline plugin) and the local search shim.
REQUIRED = ["index.html", "search/search_index.js", "assets/javascripts/iframe-worker.js"]


def build_offline(config: Path, dest: Path) -> None:
    done = build(dest, config, env={"OFFLINE": "true"})
    if done.returncode != 0:
        raise ExportError(f"`OFFLINE=true mkdocs build -f {config.name}` failed:\n{done.stderr[-4000:]}")
    missing = [name for name in REQUIRED if not (dest / name).is_file()]
    if missing:
        raise ExportError(f"the offline build lacks {', '.join(missing)}")


def copy_downloads(source: Path | None, dest: Path) -> list[str]:
    if source is None or not source.is_dir():
        return []
    copied = []
    for pattern in DOWNLOADS:
        for file in sorted(source.glob(pattern)):
            (dest / "downloads").mkdir(exist_ok=True)
            shutil.copy2(file, dest / "downloads" / file.name)
            copied.append(file.name)
    return copied


def dead_download_links(tree: Path) -> list[str]:
    """Links of the offline pages into downloads/ whose file is not in the tree."""
    dead = []
    for page in sorted(tree.rglob("*.html")):
        for href in re.findall(r'href="([^"#?]*downloads/[^"#?]+)"', page.read_text(encoding="utf-8")):
            if not (page.parent / href).resolve().is_file():
                dead.append(f"{page.relative_to(tree)} -> {href}")
    return dead


def write_zip(tree: Path, out: Path) -> int:
    """Zip `tree` as FOLDER/... into `out` (written to a temporary name first); return the file count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in files:
            zf.write(path, f"{FOLDER}/{path.relative_to(tree).as_posix()}")
    partial.replace(out)
    return len(files)


def export(out: Path, config: Path = MKDOCS_YML, downloads: Path | None = None) -> tuple[int, list[str]]:
    if not config.is_file():
        raise ExportError(f"{config} is missing")
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        tree = Path(tmp) / FOLDER
        build_offline(config, tree)
        copied = copy_downloads(downloads, tree)
        dead = dead_download_links(tree)
        if dead:  # nothing half-built: every download the pages offer is in the zip
            raise ExportError(f"the pages link to downloads that {downloads} lacks (run `make pdf` first): "
                              + "; ".join(dead[:5]))
        count = write_zip(tree, out)
    return count, copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help=f"the folder to write {ZIP_FILE} into, e.g. site/downloads")
    parser.add_argument("--downloads", type=Path, help="PDFs and decks to include (default: the zip's folder)")
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="the MkDocs config")
    args = parser.parse_args(argv)
    out = (args.out_dir / ZIP_FILE).resolve()
    started = time.monotonic()
    try:
        count, copied = export(out, args.config.resolve(), (args.downloads or out.parent).resolve())
    except ExportError as exc:
        print(f"export_offline: error: {exc}", file=sys.stderr)
        return 1
    extra = f", with {', '.join(copied)}" if copied else ", no PDFs yet (run `make pdf` first to include them)"
    print(f"wrote {args.out_dir / ZIP_FILE} ({out.stat().st_size // 1024} KiB, {count} files{extra}) "
          f"in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
