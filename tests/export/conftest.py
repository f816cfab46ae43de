"""Fixtures for the export tests: the PDFs and the offline zip, made once per session by the real scripts
from the session's freshly built site."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scripts.site import ROOT


def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.fixture(scope="session")
def pdf_dir(site, tmp_path_factory) -> Path:
    """scripts/export_pdf.py run against the built site; the PDFs it wrote."""
    out = tmp_path_factory.mktemp("pdf")
    done = run("-m", "scripts.export_pdf", str(site), "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="session")
def downloads(pdf_dir, tmp_path_factory) -> Path:
    """Every download, as `make pdf offline` writes them into site/downloads: the PDFs, then the
    Anki deck and the offline zip (which carries the PDFs and the deck), each by its own script."""
    out = tmp_path_factory.mktemp("downloads")
    for pdf in pdf_dir.iterdir():
        (out / pdf.name).write_bytes(pdf.read_bytes())
    for script in ("scripts.export_anki", "scripts.export_offline"):
        done = run("-m", script, str(out))
        assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="session")
def offline_zip(downloads) -> Path:
    """scripts/export_offline.py's zip, carrying the PDFs and the deck made above."""
    zips = list(downloads.glob("*.zip"))
    assert len(zips) == 1, zips
    return zips[0]


@pytest.fixture(scope="session")
def offline_root(offline_zip, tmp_path_factory) -> Path:
    """The zip unpacked as a reader would; the folder holding index.html."""
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(dest)
    folders = [p for p in dest.iterdir()]
    assert len(folders) == 1 and folders[0].is_dir(), f"the zip should hold one folder, not {folders}"
    return folders[0]
