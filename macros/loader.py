"""The one reader of data files: YAML in, a validated model out, or one DataError naming the file,
the place in it (key path and line) and what was expected.

    load(model, path)                  read + duplicate ids + validate + the model's own checks
    parse(model, data, path, lines)    the same for data already parsed (JSON from a browser link)

Every data kind (handbook files, worked examples, scenarios) comes through here, so every message
has the same form: `path: key.path[2] (line 14): what was expected`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, RootModel, ValidationError

from .errors import DataError
from .messages import message, shown
from .schema import Strict

Model = TypeVar("Model", bound=BaseModel)
Where = tuple  # a key path: ("steps", 2, "questions")
Lines = dict[Where, int]


# libyaml's parser when PyYAML has it (five times faster than the pure-Python one on our files).
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str) -> None:
    """An alias is refused before anything is composed: a billion-laughs file would expand without end."""
    for event in yaml.parse(text, Loader=_BASE):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in data files: write the value out",
                event.start_mark)


class _DataLoader(_BASE):
    """A safe loader that refuses a key written twice in one mapping (YAML would silently keep the
    last) or a key that is a list or a mapping."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(
                    None, None, f"a key must be text or a number, found {shown(key)}", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice (first on line {seen[key]})", key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _lines(root: yaml.Node) -> Lines:
    """Key path -> line of that key (or of the item, for list items); iterative, one pass."""
    out: Lines = {}
    stack: list[tuple[yaml.Node, Where]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        out.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    out[path + (key.value,)] = key.start_mark.line + 1
                    stack.append((value, path + (key.value,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (i,)) for i, item in enumerate(node.value))
    return out


def read(path: Path | str) -> tuple[Any, Lines]:
    """Parse a YAML file; return its data and a map from key path to line number."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(str(path), [f"cannot be read ({exc.strerror})"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(str(path), [f"line {line}: is not UTF-8 text (byte {exc.start})"]) from None
    loader = _DataLoader(text)
    try:
        _refuse_aliases(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise DataError(str(path), [_yaml_problem(exc)]) from None
    finally:
        loader.dispose()
    if node is None or data is None:
        raise DataError(str(path), ["the file is empty: it holds no data, only blank lines or comments"])
    return data, _lines(node)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML marks where it noticed a mistake and, often, where the construct it was reading began
    (an unclosed bracket, a key without its colon); the line of the mistake is the first of the two."""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    marks = [m for m in (context_mark, problem_mark) if m is not None]
    mark = min(marks, key=lambda m: m.line) if marks else None
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    text = getattr(exc, "problem", None) or str(exc)
    if context_mark is not None and getattr(exc, "context", None):
        text = f"{exc.context}: {text}"
        if problem_mark is not None and problem_mark.line != mark.line:
            text += f" (noticed on line {problem_mark.line + 1})"
    return f"{where}broken YAML: {text}"


def describe(loc: Where) -> str:
    """("steps", 2, "questions") -> "steps[2].questions"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def problem(loc: Where, lines: Lines, expected: str) -> str:
    """One line of a DataError: the key path, its line when known, and what was expected."""
    line = next((lines[loc[:end]] for end in range(len(loc), -1, -1) if loc[:end] in lines), None)
    return describe(loc) + (f" (line {line})" if line else "") + f": {expected}"


def _expected(err: dict) -> str:
    """pydantic's error, in the words of macros/messages.py (which the browser's engine shares)."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return message("missing")
    if kind == "extra_forbidden":
        return message("unknown_key")
    if kind == "string_type":
        return message("not_text", got=shown(value))
    if kind == "list_type":
        return message("not_list", got=shown(value))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return message("not_mapping", got=shown(value))
    if kind == "literal_error":
        return message("not_choice", choices=ctx.get("expected", ""), got=shown(value))
    if kind == "string_too_short":
        return message("empty_text")
    if kind == "string_too_long":
        return message("too_long", count=f"{len(value.strip()):,}", limit=f"{ctx['max_length']:,}")
    if kind == "too_short":
        return message("too_few", limit=ctx["min_length"], count=ctx["actual_length"])
    if kind == "too_long":
        return message("too_many", limit=ctx["max_length"], count=ctx["actual_length"])
    msg = err["msg"]
    return msg[0].lower() + msg[1:] if msg else kind


def _model_problems(model: BaseModel) -> list[tuple[Where, str]]:
    """Every nested model's own problems(), in file order, with key paths from the top of the file."""
    found: list[tuple[Where, str]] = []
    stack: list[tuple[Any, Where]] = [(model, ())]
    while stack:
        value, loc = stack.pop()
        children: list[tuple[Any, Where]] = []
        if isinstance(value, Strict):
            found += [(loc + sub, text) for sub, text in value.problems()]
            children = [(getattr(value, name), loc + (field.alias or name,))
                        for name, field in type(value).model_fields.items()]
        elif isinstance(value, RootModel):
            children = [(value.root, loc)]
        elif isinstance(value, (list, tuple)):
            children = [(item, loc + (i,)) for i, item in enumerate(value)]
        elif isinstance(value, dict):
            children = [(item, loc + (key,)) for key, item in value.items()]
        stack.extend(reversed(children))
    return found


def parse(model: type[Model], data: Any, path: Path | str, lines: Lines | None = None) -> Model:
    """Validate data against a model; every problem is reported with its place."""
    lines = lines or {}
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            problems.append(problem(loc, lines, _expected(err)))
        raise DataError(str(path), problems) from None
    own = _model_problems(result)
    if own:
        raise DataError(str(path), [problem(loc, lines, text) for loc, text in own])
    return result


def duplicate_ids(data: Any, lines: Lines) -> list[str]:
    """Every list of mappings with an `id` (or `term`) must not repeat one (case-insensitive)."""
    found: list[str] = []
    stack: list[tuple[Any, Where]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            stack.extend((item, where + (key,)) for key, item in value.items())
        elif isinstance(value, list):
            first: dict[Any, int] = {}
            for i, item in enumerate(value):
                stack.append((item, where + (i,)))
                if not isinstance(item, dict):
                    continue
                key_name = "id" if "id" in item else "term" if "term" in item else None
                ident = item.get(key_name) if key_name else None
                if not isinstance(ident, (str, int)):
                    continue  # a missing or mistyped id is the schema's to report
                ident = ident.lower() if isinstance(ident, str) else ident
                if ident in first:
                    found.append(problem(where + (i, key_name), lines,
                                         f"duplicate {key_name} {item[key_name]!r} (first at item [{first[ident]}])"))
                else:
                    first[ident] = i
    return sorted(found)


def load(model: type[Model], path: Path | str) -> Any:
    """Read, check and validate one data file; a RootModel's list comes back as the list itself."""
    data, lines = read(path)
    dupes = duplicate_ids(data, lines)
    if dupes:
        raise DataError(str(path), dupes)
    result = parse(model, data, path, lines)
    return result.root if isinstance(result, RootModel) else result
