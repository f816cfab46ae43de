"""A Content-Security-Policy for the published site, as a meta tag (GitHub Pages sets no headers).

Scripts may come from the site itself and, inline, only as the exact scripts the page was built
with: each inline script's SHA-256 is computed from the page's own HTML here, after Material and
the macros have written it. The offline copy (file://, where 'self' means nothing useful) gets none.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.plugins import event_priority

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


def policy(html: str) -> str:
    """The policy for one page: its inline scripts, each by hash."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in INLINE_SCRIPT.findall(html)})
    return POLICY.format(hashes=" ".join(hashes))


@event_priority(-100)  # after every other plugin has written the page
def on_post_page(output, page, config):
    offline = config.plugins.get("material/offline")
    if offline and offline.config.enabled:
        return output
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)
