"""Load and check every data file at once; the build starts only if all of them are right."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import RootModel

from . import schema
from .errors import DataError
from .yamlio import Where, problem, read_yaml, validate


@dataclass(frozen=True)
class Handbook:
    framework: schema.Framework
    one_pager: schema.OnePager
    deep_keys: list[schema.DeepKey]
    reflection: schema.Reflection
    baseline: list[schema.BaselineGroup]
    red_team: list[schema.Interrupt]
    practice: schema.Practice
    pocket_checklist: list[schema.Mistake]
    glossary: list[schema.Term]
    references: list[schema.Reference]
    numbers: schema.Numbers
    guide: schema.Guide

    def step(self, step_id: str) -> schema.Step:
        for s in self.framework.steps:
            if s.id == step_id:
                return s
        raise KeyError(f"no framework step {step_id!r}; steps are {[s.id for s in self.framework.steps]}")

    # Headings of the one-pager that links may point at, besides the mantra's sections.
    ONE_PAGER_SUBSECTIONS = {"data-model": "Data model", "data-flow": "Data flow", "security": "Security",
                             "job-state-machine": "Job state machine"}

    def label(self, target: str) -> str:
        """Reader-facing name of a link target: 'one-pager.md#failures' -> 'One-pager: FAILURE'."""
        path, _, section = target.partition("#")
        for step in self.framework.steps:
            if step.page == path:
                return f"Step {step.number}: {step.short}"
        if path == "one-pager.md":
            words = {w.section: w.word for w in self.one_pager.mantra} | self.ONE_PAGER_SUBSECTIONS
            if not section or section in words:
                return "One-pager" + (f": {words[section]}" if section else "")
        if path == "deep-keys.md":
            names = {k.id: k.name for k in self.deep_keys}
            if not section or section in names:
                return "Deep keys" + (f": {names[section]}" if section else "")
        raise KeyError(f"no reader-facing name for {target!r}")

    def reference(self, ref_id: str) -> schema.Reference:
        for r in self.references:
            if r.id == ref_id:
                return r
        raise KeyError(f"no reference {ref_id!r}")


def duplicate_ids(data: Any, lines: dict[Where, int], where: Where = ()) -> list[str]:
    """Every list of mappings with an `id` (or `term`) must not repeat one."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += duplicate_ids(value, lines, where + (key,))
    elif isinstance(data, list):
        first: dict[Any, int] = {}
        for i, item in enumerate(data):
            if isinstance(item, dict):
                key_name = "id" if "id" in item else "term" if "term" in item else None
                if key_name:
                    value = item[key_name]
                    value = value.lower() if isinstance(value, str) else value
                    if value in first:
                        found.append(problem(where + (i, key_name), lines,
                                             f"duplicate {key_name} {item[key_name]!r} (first at item [{first[value]}])"))
                    else:
                        first[value] = i
            found += duplicate_ids(item, lines, where + (i,))
    return found


def load_file(data_dir: Path, name: str) -> Any:
    path = data_dir / f"{name}.yml"
    data, lines = read_yaml(path)
    dupes = duplicate_ids(data, lines)
    if dupes:
        raise DataError(str(path), dupes)
    model = validate(schema.FILES[name], data, path, lines)
    return model.root if isinstance(model, RootModel) else model


def _cross_checks(book: Handbook, data_dir: Path, docs_dir: Path | None) -> None:
    step_ids = [s.id for s in book.framework.steps]
    for i, m in enumerate(book.pocket_checklist):
        if m.step not in step_ids:
            raise DataError(str(data_dir / "pocket_checklist.yml"),
                            [f"[{i}].step: unknown step {m.step!r}, expected one of {step_ids}"])
    sections = [w.section for w in book.one_pager.mantra]
    expected = ["spec", "numbers", "flow", "failures", "trade-offs", "roadmap"]
    if sections != expected:
        raise DataError(str(data_dir / "one_pager.yml"),
                        [f"mantra: sections must be {expected} (the one-pager's order), found {sections}"])
    ref_ids = [r.id for r in book.references]
    if book.numbers.latency.source not in ref_ids:
        raise DataError(str(data_dir / "numbers.yml"),
                        [f"latency.source: unknown reference {book.numbers.latency.source!r}, expected one of {ref_ids}"])
    if docs_dir is not None:
        pages = [(f"steps[{i}].page", s.page) for i, s in enumerate(book.framework.steps)]
        for where, page in pages:
            if not (docs_dir / page.split("#")[0]).is_file():
                raise DataError(str(data_dir / "framework.yml"), [f"{where}: no page docs/{page}"])
        for i, item in enumerate(book.red_team):
            if not (docs_dir / item.see.split("#")[0]).is_file():
                raise DataError(str(data_dir / "red_team.yml"), [f"[{i}].see: no page docs/{item.see.split('#')[0]}"])
    for i, item in enumerate(book.red_team):
        try:
            book.label(item.see)
        except KeyError:
            raise DataError(str(data_dir / "red_team.yml"), [
                f"[{i}].see: {item.see!r} is not a step page, a one-pager section or a deep key"]) from None


def load_handbook(data_dir: Path | str, docs_dir: Path | str | None = None) -> Handbook:
    """Read every file of data/; raise one DataError naming the file and place of the first bad one."""
    data_dir = Path(data_dir)
    book = Handbook(**{name: load_file(data_dir, name) for name in schema.FILES})
    _cross_checks(book, data_dir, Path(docs_dir) if docs_dir else None)
    return book
