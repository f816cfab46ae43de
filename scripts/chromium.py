"""The one browser every script and test drives: Debian's Chromium unless CHROMIUM names another."""
from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # the Makefile exports it
# No sandbox (root), and no background traffic: this machine reaches nothing but loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def wait_until_quiet(page, in_flight: set, quiet_ms: int, limit_ms: int) -> None:
    """Wait until no request has been in flight for `quiet_ms` (what scripts fetch after load counts),
    or `limit_ms` have passed. `in_flight` is kept up to date by the caller's request listeners."""
    step, quiet = 50, 0
    for _ in range(limit_ms // step):
        page.wait_for_timeout(step)
        quiet = quiet + step if not in_flight else 0
        if quiet >= quiet_ms:
            return
