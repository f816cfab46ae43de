"""Shared fixtures: a strictly built site, a local server for it, and Debian's Chromium."""
from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
# What a fixture project copies from the real one.
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "macros", "overrides"]


def build(project: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` for a project folder into `site`; return the finished process."""
    args = [str(BIN / "mkdocs"), "build", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(args + (["--strict"] if strict else []), capture_output=True, text=True, env=env, timeout=300)


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the handbook sources, to change and build in a test."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once with --strict."""
    out = tmp_path_factory.mktemp("site") / "site"
    done = build(ROOT, out)
    assert done.returncode == 0, done.stderr[-4000:]
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on 127.0.0.1 (a free port)."""
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def book():
    """The handbook's data, loaded and checked as the build does (the models are frozen)."""
    from macros.handbook import load_handbook
    return load_handbook(ROOT / "data", ROOT / "docs")


@pytest.fixture(scope="session")
def examples(book):
    from macros.examples import load_examples
    return load_examples(ROOT / "data", book)


def markdown_table_cells(md: str) -> tuple[str, list[list[str]]]:
    """The assumptions line and the table cells of render_estimate_table(), as plain text."""
    lines = md.splitlines()
    rows = []
    for line in [l for l in lines if l.startswith("|")][2:]:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c.replace("**", "").replace("\\|", "|")
                                          .replace("<br>", "\n"))) for c in cells])
    return lines[0].replace("**", ""), rows
