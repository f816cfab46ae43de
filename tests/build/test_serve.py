"""`make serve`: the dev server answers on 127.0.0.1 and rebuilds when data/ changes."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

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
