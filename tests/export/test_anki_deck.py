"""`make anki`'s script: a real .apkg (a zip holding a SQLite collection) read back note by note."""
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from macros import anki
from macros.handbook import load_handbook

from tests.export.conftest import ROOT, run


def build(out_dir: Path) -> Path:
    done = run("-m", "scripts.export_anki", str(out_dir), timeout=120)
    assert done.returncode == 0, done.stderr
    decks = list(out_dir.glob("*.apkg"))
    assert len(decks) == 1, decks
    return decks[0]


def read_deck(apkg: Path, tmp: Path) -> dict:
    with zipfile.ZipFile(apkg) as z:
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", tmp)
    db = sqlite3.connect(tmp / "collection.anki2")
    try:
        notes = db.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id").fetchall()
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
        cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        db.close()
    return {"notes": notes, "models": models, "decks": decks, "cards": cards}


def test_deck_has_the_cards_and_stable_guids(tmp_path):
    first = read_deck(build(tmp_path / "a"), tmp_path / "a")
    second = read_deck(build(tmp_path / "b"), tmp_path / "b")
    expected = anki.notes(load_handbook(ROOT / "data"))

    notes = first["notes"]
    assert len(notes) >= 60
    assert len(notes) == len(expected) == first["cards"]
    guids = [n[0] for n in notes]
    assert len(set(guids)) == len(guids)
    assert sorted(guids) == sorted(n[0] for n in second["notes"])  # re-import updates, never duplicates

    # Fixed ids for the note type and the deck, so Anki matches them on every import.
    assert str(anki.MODEL_ID) in first["models"] and {n[1] for n in notes} == {anki.MODEL_ID}
    assert first["models"][str(anki.MODEL_ID)]["name"] == anki.MODEL_NAME
    assert [f["name"] for f in first["models"][str(anki.MODEL_ID)]["flds"]] == anki.FIELDS
    assert first["decks"][str(anki.DECK_ID)]["name"] == anki.DECK_NAME

    # Fields are the cards of macros.anki, in order, with their tags.
    for (guid, _, flds, tags), card in zip(notes, expected):
        assert flds.split("\x1f") == [card.front, card.back, card.source]
        assert tags.split() == list(card.tags)


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> dict:
    where = tmp_path_factory.mktemp("deck")
    return read_deck(build(where), where)


def test_deck_holds_the_traps_and_the_rubric_and_no_images(deck):
    book = load_handbook(ROOT / "data")
    fronts = [n[2].split("\x1f")[0] for n in deck["notes"]]
    for trap in book.drills.traps:
        assert any(trap.name in f for f in fronts), trap.id
    for ability in book.rubric.abilities:
        assert any(ability.name in f for f in fronts), ability.id
    for level in book.rubric.levels:
        assert any(level.name in f for f in fronts), level.id
    css = deck["models"][str(anki.MODEL_ID)]["css"]
    every = css + "".join(n[2] for n in deck["notes"])
    assert "<img" not in every and "url(" not in every and "http" not in css


def _contrast(fg: list[float], bg: list[float]) -> float:
    def lum(rgb):
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    a, b = sorted([lum(fg), lum(bg)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_cards_read_in_anki_dark_and_light_mode(deck, browser):
    """Every card laid out by Chromium with the deck's own CSS, as Anki's viewer shows it (the card
    element carries `nightMode` in dark mode): all text, small print and code included, meets WCAG
    AA contrast against the background it sits on."""
    css = deck["models"][str(anki.MODEL_ID)]["css"]
    cards = "".join(f'<div class="card {{mode}}">{front}<hr id="answer">{back}<p class="source">Handbook: {source}</p></div>'
                    for front, back, source in (n[2].split("\x1f") for n in deck["notes"]))
    page = browser.new_page()
    try:
        for mode in ("", "nightMode"):
            page.set_content(f"<style>{css}</style>" + cards.replace("{mode}", mode))
            pairs = page.evaluate("""() => {
              const rgb = s => s.match(/[\\d.]+/g).map(Number);
              const out = [];
              const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                if (!n.textContent.trim()) continue;
                let el = n.parentElement, bg = null;
                for (let e = el; e; e = e.parentElement) {
                  const c = rgb(getComputedStyle(e).backgroundColor);
                  if (c.length < 4 || c[3] > 0) { bg = c; break; }
                }
                out.push([rgb(getComputedStyle(el).color), bg || [255, 255, 255], el.tagName]);
              }
              return out;
            }""")
            assert len(pairs) > len(deck["notes"])
            card_bg = page.evaluate("() => getComputedStyle(document.querySelector('.card')).backgroundColor")
            dark = _contrast([int(v) for v in card_bg[card_bg.index("(") + 1:-1].split(",")[:3]], [255, 255, 255]) > 10
            assert dark == (mode == "nightMode"), (mode, card_bg)   # dark mode turns the card dark
            worst = min(pairs, key=lambda p: _contrast(p[0], p[1]))
            assert _contrast(worst[0], worst[1]) >= 4.5, (mode or "light", worst)
    finally:
        page.close()
