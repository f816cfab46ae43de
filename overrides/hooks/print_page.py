"""The print page (mkdocs-print-site-plugin) joins every page's HTML into one, but the practice
tools' own scripts keep the paths of the pages they came from: under a project sub-path they 404,
and in the offline copy they point outside the folder. After the plugin has written the print
page, each page script's path is made relative to the print page itself."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

PAGE_SCRIPT = re.compile(r'(<script defer data-page-script src=")[^"]*?(assets/javascripts/[\w.-]+\.js)(")')


@event_priority(-100)  # after print-site's on_post_build has written the page
def on_post_build(config):
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return
    page = Path(plugin.print_page.file.abs_dest_path)
    folder = posixpath.dirname(plugin.print_page.file.dest_uri)
    html = page.read_text(encoding="utf-8")
    fixed = PAGE_SCRIPT.sub(lambda m: m.group(1) + posixpath.relpath(m.group(2), folder or ".") + m.group(3), html)
    if fixed != html:
        page.write_text(fixed, encoding="utf-8")
