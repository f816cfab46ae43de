"""Shared fixtures: a strictly built site, a local server for it, and Debian's Chromium."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import units
from scripts import site as site_module
from scripts.site import CHROMIUM, CHROMIUM_ARGS, ROOT, serving

BIN = Path(sys.executable).parent  # the venv's tools (check-jsonschema, properdocs)
# What a fixture project copies from the real one.
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "macros", "overrides"]


def build(project: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` for a project folder into `site`; return the finished process."""
    return site_module.build(site, project / "mkdocs.yml", strict=strict)


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


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on 127.0.0.1 (a free port)."""
    with serving(site) as base:
        yield base


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


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    """A tab on a phone-sized touch screen."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def book():
    """The handbook's data, loaded and checked as the build does (the models are frozen)."""
    from macros.handbook import load_handbook
    return load_handbook(ROOT / "data", ROOT / "docs")


@pytest.fixture(scope="session")
def examples(book):
    return book.examples


def site_files(config_file: Path = ROOT / "mkdocs.yml", **overrides):
    """MkDocs' own Files collection of the handbook's docs/, as a build sees it."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    return get_files(load_config(str(config_file), **overrides))


@pytest.fixture(scope="session")
def here():
    """here("examples/chat.md") -> the Here a macro gets on that page, URLs from MkDocs itself."""
    from macros.registry import here_for
    files = {True: site_files(), False: site_files(use_directory_urls=False)}

    def make(src: str, directory_urls: bool = True):
        return here_for(files[directory_urls], files[directory_urls].get_file_from_path(src))
    return make


def markdown_table_cells(md: str) -> tuple[str, list[list[str]]]:
    """The assumptions line and the table cells of render_estimate_table(), as plain text."""
    lines = md.splitlines()
    rows = []
    for line in [l for l in lines if l.startswith("|")][2:]:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c.replace("**", "").replace("\\|", "|")
                                          .replace("<br>", "\n"))) for c in cells])
    return lines[0].replace("**", ""), rows


def typed_figure(metric: str, value: float) -> str:
    """A drill's figure as a reader types it ("694/s", "30 TB/day", "5.5 PB"), with the Python
    formatters; metric is the field or "<operation>.<field>"."""
    field = metric.rpartition(".")[2]
    if field == "peak_qps":
        return units.format_rate(value, sig=3)
    if field == "bandwidth_bytes_per_s":
        return units.format_byte_rate(value, sig=3)
    if field == "stored_bytes_per_day":
        return units.format_byte_rate(value, "day", sig=3)
    return units.format_bytes(value, sig=3)


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium carries the browser marker, wherever it lives."""
    for item in items:
        if {"browser", "page", "pdf_dir", "downloads"} & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)


def pytest_xdist_make_scheduler(config, log):
    """`make test` runs two workers (pytest -n 2). A file's tests stay on one worker, so its module
    fixtures are made once, and the export tests share one, so the PDFs, the deck and the zip are
    made once. (xdist's own loadgroup cannot do the second: it renames node ids, which pytest 9
    no longer lets a plugin do.)"""
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "tests/export" if path.startswith("tests/export/") else path

    return ByFile(config, log)
