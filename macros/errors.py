"""The one error type for bad data: it names the file, the place in it and what was expected."""
from __future__ import annotations


class DataError(Exception):
    """A data file is wrong. `str()` is the whole message a reader needs."""

    def __init__(self, path: str, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__(self.message)

    @property
    def message(self) -> str:
        lines = [f"{self.path}: {p}" for p in self.problems]
        return "bad data file\n  " + "\n  ".join(lines)
