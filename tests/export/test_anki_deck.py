"""`make anki`'s script: a real .apkg (a zip holding a SQLite collection) read back note by note."""
import json
import sqlite3
import zipfile
from pathlib import Path

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
