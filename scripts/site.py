"""What the scripts and the tests share about a built site: building it, serving it on 127.0.0.1,
the browser that reads it, and the kinds of page a reader meets.

    build(dest, config=MKDOCS_YML, strict=True, env=None) -> CompletedProcess
    serving(site) -> context manager yielding the base URL ("http://127.0.0.1:PORT/")
    CHROMIUM, CHROMIUM_ARGS, wait_until_quiet(page, in_flight, quiet_ms, limit_ms)
    PAGE_TYPES            one page of each kind
"""
from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
MKDOCS_YML = ROOT / "mkdocs.yml"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # the Makefile exports it
# No sandbox (root), and no background traffic: this machine reaches nothing but loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# One page of each kind a reader meets.
PAGE_TYPES = {
    "home": "",
    "framework step": "framework/step-1-scope/",
    "one-pager": "one-pager/",
    "pocket checklist": "pocket-checklist/",
    "numbers": "numbers/",
    "worked example": "examples/url-shortener/",
}

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class ExportError(Exception):
    """A problem the user can act on; the scripts print it without a traceback."""


def build(dest: Path, config: Path = MKDOCS_YML, strict: bool = True, env: dict | None = None,
          timeout: int = 300) -> subprocess.CompletedProcess:
    """`mkdocs build --clean` of a config into dest, in a fresh process; the finished process."""
    args = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(dest)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(args + (["--strict"] if strict else []), capture_output=True, text=True, env=env,
                          cwd=Path(config).parent, timeout=timeout)


def _handler(site: Path):
    root = site.resolve()

    class Handler(http.server.BaseHTTPRequestHandler):
        """Static files as a real host sends them: gzip for text when asked, a 404 otherwise."""

        def log_message(self, *args):
            pass

        def _send(self, with_body: bool) -> None:
            path = root / unquote(urlsplit(self.path).path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.resolve().is_relative_to(root) or not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(200)
            if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_GET(self):
            self._send(True)

        def do_HEAD(self):
            self._send(False)

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that drops a connection (a blocked or cancelled request) is no server error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(site: Path):
    """Serve a built site on 127.0.0.1 (a free port) while the block runs; yields its base URL."""
    server = _Server(("127.0.0.1", 0), _handler(Path(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def wait_until_quiet(page, in_flight: set, quiet_ms: int, limit_ms: int) -> None:
    """Wait until no request has been in flight for `quiet_ms` (what scripts fetch after load counts),
    or `limit_ms` have passed. `in_flight` is kept up to date by the caller's request listeners."""
    step, quiet = 50, 0
    for _ in range(limit_ms // step):
        page.wait_for_timeout(step)
        quiet = quiet + step if not in_flight else 0
        if quiet >= quiet_ms:
            return
