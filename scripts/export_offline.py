#!/usr/bin/env python3
"""Build the handbook for reading from a folder with no server, and zip it.

    python scripts/export_offline.py OUT.zip [--downloads DIR]

Builds mkdocs-offline.yml (mkdocs.yml plus Material's offline plugin: page.html links, search that
runs from file://, no CDN) into a temporary directory, never into site/, and writes OUT.zip holding
one folder, system-design-handbook/, to unzip and open index.html from. PDFs and the Anki deck
already in DIR (default: the folder OUT.zip goes in, site/downloads for `make offline`) are copied
into its downloads/ folder, so the download links work offline too.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs-offline.yml"
FOLDER = "system-design-handbook"          # the one folder inside the zip
DOWNLOADS = ("*.pdf", "*.apkg")           # files carried over from the downloads folder
# Files the offline copy cannot work without: the start page, the inlined search index (written by
# the offline plugin), the local search shim and the local Mermaid library.
REQUIRED = ["index.html", "search/search_index.js", "assets/javascripts/iframe-worker.js",
            "assets/vendor/mermaid.min.js"]


class ExportError(Exception):
    """A problem the user can act on; printed without a traceback."""


def build(config: Path, dest: Path) -> None:
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(dest)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=config.parent)
    if done.returncode != 0:
        raise ExportError(f"`mkdocs build -f {config.name}` failed:\n{done.stderr[-4000:]}")
    missing = [name for name in REQUIRED if not (dest / name).is_file()]
    if missing:
        hint = " (run `make setup`, which copies Mermaid into docs/assets/vendor)" if any("vendor" in m for m in missing) else ""
        raise ExportError(f"the offline build lacks {', '.join(missing)}{hint}")


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


def export(out: Path, config: Path = CONFIG, downloads: Path | None = None) -> tuple[int, list[str]]:
    if not config.is_file():
        raise ExportError(f"{config} is missing")
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        tree = Path(tmp) / FOLDER
        build(config, tree)
        copied = copy_downloads(downloads, tree)
        count = write_zip(tree, out)
    return count, copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the zip to write, e.g. site/downloads/handbook-offline.zip")
    parser.add_argument("--downloads", type=Path, help="PDFs and decks to include (default: the zip's folder)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the offline MkDocs config")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    started = time.monotonic()
    try:
        count, copied = export(out, args.config.resolve(), (args.downloads or out.parent).resolve())
    except ExportError as exc:
        print(f"export_offline: error: {exc}", file=sys.stderr)
        return 1
    extra = f", with {', '.join(copied)}" if copied else ", no PDFs yet (run `make pdf` first to include them)"
    print(f"wrote {args.out} ({out.stat().st_size // 1024} KiB, {count} files{extra}) "
          f"in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
