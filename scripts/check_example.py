"""Check worked examples one at a time, without the rest of data/examples/: the file is loaded
with every cross-check and its page rendered, so an author sees what the build would say.

    python -m scripts.check_example data/examples/chat.yml [...] [--markdown OUT.md]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.errors import DataError
from macros.example_page import worked_example
from macros.handbook import load_handbook
from macros.registry import Here

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--markdown", type=Path, help="write the rendered page(s) here")
    args = ap.parse_args(argv)
    try:
        book = load_handbook(ROOT / "data", examples=[f.resolve() for f in args.files])
    except DataError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    pages = []
    for f in args.files:
        src = f"examples/{f.stem}.md"
        pages.append(worked_example(book, Here(src, lambda target: target), f.stem))
        print(f"{f}: ok")
    if args.markdown:
        args.markdown.write_text("\n\n".join(pages), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
