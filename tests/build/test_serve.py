"""`make serve`: the dev server answers on 127.0.0.1 and rebuilds when data/ changes."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request

from tests.conftest import BIN, ROOT, copy_project


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


def test_make_serve_uses_loopback_port_8000():
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M).group(1)
    assert "mkdocs serve" in recipe and "--dev-addr 127.0.0.1:8000" in recipe


def test_dev_server_rebuilds_when_data_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-f", str(project / "mkdocs.yml"),
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
