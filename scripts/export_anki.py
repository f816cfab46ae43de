"""Write the handbook's Anki deck from data/: `python -m scripts.export_anki OUT_DIR` writes
OUT_DIR/system-design-handbook.apkg (the name the home page links to).

The cards come from macros.anki (pure); this script only packs them with genanki. Note guids come
from each card's stable key and the deck and note type have fixed ids, so re-importing a newer deck
updates the cards already in Anki instead of duplicating them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import genanki

from macros import anki
from macros.errors import DataError
from macros.handbook import load_handbook
from scripts.site import ROOT

GUID_PREFIX = "system-design-handbook"
DECK_FILE = "system-design-handbook.apkg"

# Anki's dark mode puts the classes nightMode and night_mode on the card itself (older versions on
# an ancestor); both are matched, and every colour the cards use has a dark twin. No url(): the
# deck carries no images, local or remote.
NIGHT = (".card.nightMode", ".card.night_mode", ".nightMode .card", ".night_mode .card")


def _night(inner: str, rule: str) -> str:
    """A rule for every way Anki marks dark mode (plain selector lists: old card viewers lack :is())."""
    return ", ".join(f"{n} {inner}".strip() for n in NIGHT) + " { " + rule + " }\n"


CSS = (""".card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45;
  color: #1b1b1b; background: #fff; text-align: left; max-width: 40em; margin: 0 auto; }
small, .source { color: #595959; font-size: 14px; }
code { font-family: ui-monospace, monospace; background: #f0f0f0; color: #1b1b1b; padding: 0 0.2em; border-radius: 3px; }
hr { border: 0; border-top: 1px solid #ccc; }
ul { padding-left: 1.2em; }
""" + _night("", "color: #e8e8e8; background: #1e1e1e;") + _night("small", "color: #b0b0b0;")
       + _night(".source", "color: #b0b0b0;") + _night("code", "background: #333; color: #e8e8e8;")
       + _night("hr", "border-top-color: #555;"))


def model() -> genanki.Model:
    return genanki.Model(
        anki.MODEL_ID,
        anki.MODEL_NAME,
        fields=[{"name": f} for f in anki.FIELDS],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<p class="source">Handbook: {{Source}}</p>',
        }],
        css=CSS,
    )


def guid(card: anki.Card) -> str:
    return genanki.guid_for(GUID_PREFIX, card.key)


def build_deck(data_dir: Path) -> genanki.Deck:
    book = load_handbook(data_dir)
    deck = genanki.Deck(anki.DECK_ID, anki.DECK_NAME)
    note_model = model()
    for card in anki.notes(book):
        deck.add_note(genanki.Note(
            model=note_model,
            fields=[card.front, card.back, card.source],
            guid=guid(card),
            tags=list(card.tags),
        ))
    return deck


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the handbook's Anki deck.")
    parser.add_argument("out_dir", type=Path, help=f"the folder to write {DECK_FILE} into, e.g. site/downloads")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    try:
        deck = build_deck(args.data)
    except DataError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    output = args.out_dir / DECK_FILE
    genanki.Package(deck).write_to_file(str(output))
    print(f"{output}: {len(deck.notes)} notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
