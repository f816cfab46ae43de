"""Tables in their scroll box and with their tab stop from the build (no script moves or measures
tables while the page loads).

Material's script puts each table into a scroll box of two divs when a page loads. Moving a table
makes the browser restyle the whole article (Material's `table + *` rule), the largest task on a
worked example: about 390 ms of a phone's main thread under 4x CPU throttling. Here the page comes
with the same two divs around each table, and handbook.js has Material's script skip tables that
already sit in one.

Keyboard users can only scroll a box they can focus. A table gets `tabindex="0"` when its narrowest
layout (each column as wide as its longest unbreakable word, plus Material's cell padding) is wider
than a 390 px phone's content column. The estimate leans wide: a table near the limit gets a tab
stop it may not need, never the reverse.
"""
from __future__ import annotations

import html
import re

from mkdocs.plugins import event_priority

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
# A phone's content column (390 px less Material's margins), and the sizes of its table text.
COLUMN_PX = 340
CHAR_PX = 7.6          # a wide average character of the system font at Material's 0.64rem table text
CODE_CHAR_PX = 8.2     # monospace at the same size
CELL_PADDING_PX = 2 * 16


def _longest_word_px(cell: str) -> float:
    codes = re.findall(r"<code>(.*?)</code>", cell, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<code>.*?</code>", " ", cell, flags=re.S)))
    words = [len(w) * CHAR_PX for w in text.split()]
    words += [len(w) * CODE_CHAR_PX for c in codes for w in html.unescape(re.sub(r"<[^>]+>", "", c)).split()]
    return max(words, default=0)


def min_width_px(table: str) -> float:
    """The estimated narrowest width a table can take."""
    columns: dict[int, float] = {}
    for row in ROW.findall(table):
        for i, cell in enumerate(CELL.findall(row)):
            columns[i] = max(columns.get(i, 0), _longest_word_px(cell))
    return sum(w + CELL_PADDING_PX for w in columns.values())


# Material's own scroll box (the markup its script would build around a table at load).
BOX = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'


def mark(page_html: str) -> str:
    def one(m: re.Match) -> str:
        wide = min_width_px(m.group(1)) > COLUMN_PX
        return BOX.format(f'<table tabindex="0" data-scroll-focus>{m.group(1)}</table>' if wide else m.group(0))
    return TABLE.sub(one, page_html)


@event_priority(50)  # before print-site keeps each page's HTML for the print page
def on_page_content(html_text, page, config, files):
    return mark(html_text)
