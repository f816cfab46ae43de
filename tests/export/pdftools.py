"""Small readers over poppler-utils (pdfinfo, pdftotext, pdffonts) for the export tests."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path


def poppler(tool: str, *args: str) -> str:
    done = subprocess.run([tool, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def pdf_info(pdf: Path) -> dict:
    out = poppler("pdfinfo", str(pdf))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return {"pages": int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1)),
            "width": float(size.group(1)), "height": float(size.group(2))}


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return poppler("pdftotext", *pages, str(pdf), "-")


def pdf_fonts(pdf: Path) -> list[dict]:
    """One row per font: name and whether it is embedded (pdffonts' emb column)."""
    lines = poppler("pdffonts", str(pdf)).splitlines()[2:]
    fonts = []
    for line in lines:
        # The name has no spaces; type may ("CID TrueType"); emb/sub/uni are the yes/no columns.
        flags = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        fonts.append({"name": line.split()[0], "emb": flags.group(1) == "yes" if flags else False, "line": line})
    return fonts


def pdf_words(pdf: Path) -> list[dict]:
    """Every word with its box in points (pdftotext -bbox), over all pages."""
    out = poppler("pdftotext", "-bbox", str(pdf), "-")
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        words.append({"text": m.group(5), "x0": x0, "y0": y0, "x1": x1, "y1": y1, "height": y1 - y0})
    return words


def squash(text: str) -> str:
    """Text with all white space removed: line breaks in a PDF fall anywhere."""
    return re.sub(r"\s+", "", text)
