"""The Nu HTML checker (vnu-jar from npm) finds no error in any page of the built site, but for the
few listed below: markup that Material or print-site write outside anything this project renders."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"

# (message, page) patterns of errors that are not ours to fix. Keep this list short.
ALLOWED = [
    # Material's base.html gives its hidden drawer/search toggle checkboxes autocomplete="off"
    # (outside any template block, so an override cannot drop it without copying base.html).
    (r"^Attribute “autocomplete” is only allowed when the input type is", r".*"),
    # print-site numbers the sections of the print page with a heading-number attribute ...
    (r"^Attribute “heading-number” not allowed on element “section”", r"print_page/"),
    # ... and writes its own <style> inside the body of that page.
    (r"^A “style” element in “body” must be the first child of its parent", r"print_page/"),
    # print-site prefixes the ids of <input>s and the for= of <label>s with the page name when it
    # merges pages, but not the ids of <textarea>s: the post-mortem form's labels lose their box
    # on the print page only (the practice page itself is checked without exception).
    (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r"print_page/"),
]


def allowed(message: dict) -> bool:
    return any(re.search(m, message.get("message", "")) and re.search(p, message.get("url", ""))
               for m, p in ALLOWED)


@pytest.fixture(scope="module")
def vnu_messages(site):
    if not VNU.exists():
        pytest.fail("vnu-jar is missing: run `make test` (npm ci installs it from package.json)")
    if not shutil.which("java"):
        pytest.fail("java is missing: the Nu checker needs a Java runtime")
    done = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                           str(site)], capture_output=True, text=True, timeout=300)
    report = json.loads(done.stderr or done.stdout)  # vnu writes its JSON report to stderr
    return report["messages"]


def test_the_checker_read_the_site(vnu_messages, site):
    # Sanity: the filter above is still needed (so the checker saw Material's pages), and nothing
    # went wrong reading a file.
    assert any(allowed(m) for m in vnu_messages)
    assert not [m for m in vnu_messages if m.get("type") == "non-document-error"]


def test_no_html_errors(vnu_messages, site):
    errors = [m for m in vnu_messages if m.get("type") == "error" and not allowed(m)]
    shown = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors[:25]]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(shown)
