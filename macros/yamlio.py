"""Read a YAML file, remembering the line of every key, and turn pydantic errors into DataErrors."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError

Model = TypeVar("Model", bound=BaseModel)
Where = tuple  # a key path: ("steps", 2, "questions")


def _lines(node: yaml.Node, path: Where, out: dict[Where, int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[path + (key.value,)] = key.start_mark.line + 1
            _lines(value, path + (key.value,), out)
            out[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, path + (i,), out)


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (YAML would keep the last)."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"key {key!r} appears twice (first on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path | str) -> tuple[Any, dict[Where, int]]:
    """Parse a YAML file; return its data and a map from key path to line number."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(str(path), [f"cannot be read ({exc.strerror})"]) from None
    try:
        node = yaml.compose(text, Loader=_UniqueKeyLoader)
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(str(path), [f"{where}broken YAML: {problem}"]) from None
    lines: dict[Where, int] = {}
    if node is not None:
        _lines(node, (), lines)
    return data, lines


def describe(loc: Where) -> str:
    """("steps", 2, "questions") -> "steps[2].questions"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def line_of(loc: Where, lines: dict[Where, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def problem(loc: Where, lines: dict[Where, int], expected: str) -> str:
    line = line_of(loc, lines)
    return f"{describe(loc)}" + (f" (line {line})" if line else "") + f": {expected}"


def _expected(err: dict) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "extra_forbidden":
        return "unknown key (a typo?)"
    if kind == "missing":
        return "missing required field"
    return msg[0].lower() + msg[1:] if msg else kind


def validate(model: type[Model], data: Any, path: Path | str, lines: dict[Where, int]) -> Model:
    """Validate data against a pydantic model; every problem is reported with its place."""
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            problems.append(problem(loc, lines, _expected(err)))
        raise DataError(str(path), problems) from None


def load_model(model: type[Model], path: Path | str) -> Model:
    data, lines = read_yaml(path)
    return validate(model, data, path, lines)
