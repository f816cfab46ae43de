"""`make serve`: the dev server answers on 127.0.0.1, rebuilds when data/ changes, and survives a
bad data file: every page it serves says which file is wrong and where (no traceback, no raw `{{`),
and saving the fixed file brings the pages back."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.5)
    return None


def other_addresses() -> list[str]:
    """This machine's addresses that are not loopback (a server on 127.0.0.1 must not answer there)."""
    try:
        found = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return sorted({a[4][0] for a in found if not a[4][0].startswith("127.")})


def test_make_serve_answers_on_loopback_port_8000_only():
    server = subprocess.Popen(["make", "serve"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        home = wait_for(lambda: fetch("http://127.0.0.1:8000/"), 120)
        assert home and "System Design Interview Handbook" in home
        for address in other_addresses():
            assert fetch(f"http://{address}:8000/") is None, f"make serve also answers on {address}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_dev_server_rebuilds_when_data_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        url = f"http://127.0.0.1:{port}/pocket-checklist/"
        first = wait_for(lambda: fetch(url), 90)
        assert first and "Write down the goal, the non-goals and the SLOs." in first
        path = project / "data" / "pocket_checklist.yml"
        path.write_text(path.read_text().replace("Write down the goal, the non-goals and the SLOs.",
                                                 "Name the goal and two SLOs first."))
        changed = wait_for(lambda: (body := fetch(url)) and "Name the goal and two SLOs first." in body, 90)
        assert changed, "the page did not change after data/pocket_checklist.yml was edited"
    finally:
        server.terminate()
        server.wait(timeout=20)


def page_url(docs: Path, md: Path) -> str:
    """docs/practice/drills.md -> practice/drills/; an index.md -> its folder."""
    stem = md.relative_to(docs).with_suffix("").as_posix()
    return "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def test_dev_server_survives_a_bad_data_file_and_recovers(tmp_path):
    project = copy_project(tmp_path / "project")
    scenario = project / "data" / "scenarios" / "url-shortener.yml"
    good = scenario.read_text()
    assert "    per_day: 100M\n" in good
    scenario.write_text(good.replace("    per_day: 100M\n", "    per_day: 1e306\n"))  # figures overflow
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_SERVE="1"))
    try:
        home = f"http://127.0.0.1:{port}/"
        body = wait_for(lambda: (b := fetch(home)) and "A data file is wrong" in b and b, 120)
        assert body, "the dev server did not show the data error"
        assert "data/scenarios/url-shortener.yml" in body and "Traceback" not in body and "{{" not in body
        # the example whose data is wrong, and every page that reads `book` in its own text
        pages = ["examples/url-shortener/"] + [page_url(project / "docs", md) for md in sorted((project / "docs").rglob("*.md"))
                                               if "{{ book." in md.read_text(encoding="utf-8")]
        for path in pages:
            body = fetch(home + path)
            assert body and "A data file is wrong" in body and "Traceback" not in body and "{{" not in body, path
        assert server.poll() is None, "the server stopped"
        scenario.write_text(good)
        back = wait_for(lambda: (b := fetch(home)) and "A data file is wrong" not in b and "Worked examples" in b, 180)
        assert back and server.poll() is None, "the pages did not come back after the fix"
    finally:
        server.terminate()
        server.wait(timeout=20)
