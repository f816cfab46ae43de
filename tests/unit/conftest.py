"""What the unit tests of data/ share: a copy of data/ to damage, and the one message loading it gives."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.handbook import load_handbook

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of data/ for a test to change."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def error_of(data: Path) -> str:
    """The whole DataError message that loading a (damaged) copy of data/ gives."""
    with pytest.raises(DataError) as caught:
        load_handbook(data, ROOT / "docs")
    return str(caught.value)
