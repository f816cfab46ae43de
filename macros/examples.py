"""Worked examples: one YAML file per design in data/examples/, each following the one-pager."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .errors import DataError
from .estimates import Scenario, load_scenario
from .handbook import Handbook, duplicate_ids
from .schema import Item, Slug, Strict, Text
from .yamlio import read_yaml, validate

Method = Literal["GET", "POST", "PUT", "PATCH", "DELETE", "WS", "GRPC"]


class Opening(Strict):
    goal: Text                                   # "X delivers Y to Z users"
    non_goals: list[Text] = Field(min_length=1)
    slos: list[Item] = Field(min_length=1)       # p95 latency, freshness, availability, cost
    scope_note: Text | None = None               # the scoping decision said aloud (1:1 vs groups...)


class Endpoint(Strict):
    method: Method
    path: Annotated[str, StringConstraints(pattern=r"^/\S*$")]
    does: Text
    request: Text | None = None
    response: Text | None = None


class Api(Strict):
    endpoints: list[Endpoint] = Field(min_length=1)
    note: Text | None = None


class Entity(Strict):
    name: Text
    key: Text
    fields: Text
    store: Text


class DataModel(Strict):
    entities: list[Entity] = Field(min_length=1)
    shard_key: Text
    why: Text                                    # why the shard key spreads load
    hot_key_risk: Text                           # where it can still run hot, and the remedy
    indexes: list[Text] = Field(default_factory=list)
    states: Text | None = None                   # a job state machine, when the design has jobs


class Arrow(Strict):
    source: Text = Field(alias="from")
    to: Text
    says: Text                                   # what travels on the arrow, with its size
    async_: bool = Field(default=False, alias="async")


class Flow(Strict):
    arrows: list[Arrow] = Field(min_length=3)
    critical_path: list[int] = Field(min_length=1)   # arrow numbers, 1-based, in order
    narrative: Text

    @model_validator(mode="after")
    def _known_arrows(self):
        bad = [n for n in self.critical_path if not 1 <= n <= len(self.arrows)]
        if bad:
            raise ValueError(f"critical_path names arrows {bad}, but arrows are numbered 1 to {len(self.arrows)}")
        return self


class Failure(Strict):
    mode: Slug                                   # an id from the one-pager's failure inventory
    here: Text                                   # how it shows up in this design
    controls: list[Slug] = Field(min_length=1)   # ids from the failure inventory's controls
    detail: Text                                 # the control applied to this design
    alert: Text


class Tradeoff(Strict):
    choice: Text
    chosen: Text
    pros: list[Text] = Field(min_length=2, max_length=2)
    cons: list[Text] = Field(min_length=2, max_length=2)
    reverse: Text


class Roadmap(Strict):
    mvp: list[Text] = Field(min_length=1)
    next_10x: list[Text] = Field(min_length=1)


class RedTeamAnswer(Strict):
    question: Slug                               # an id from data/red_team.yml
    answer: Text


class Example(Strict):
    title: Text
    prompt: Text                                 # what the interviewer says; used by the drill picker
    summary: Text                                # one line for the index
    scenario: Slug                               # data/scenarios/<scenario>.yml
    opening: Opening
    numbers_note: Text                           # what the numbers mean for the design
    api: Api
    data_model: DataModel
    flow: Flow
    failures: list[Failure] = Field(min_length=2, max_length=2)
    tradeoffs: list[Tradeoff] = Field(min_length=1)
    roadmap: Roadmap
    red_team: list[RedTeamAnswer] = Field(min_length=3)
    wrap_up: Text


class WorkedExample:
    """An example with its slug and its loaded scenario."""

    def __init__(self, slug: str, example: Example, scenario: Scenario):
        self.slug, self.example, self.scenario = slug, example, scenario


def _cross_check(slug: str, path: Path, ex: Example, book: Handbook) -> None:
    problems = []
    modes = {m.id for m in book.one_pager.failure_inventory.modes}
    controls = {c.id for c in book.one_pager.failure_inventory.controls}
    questions = {q.id for q in book.red_team}
    for i, f in enumerate(ex.failures):
        if f.mode not in modes:
            problems.append(f"failures[{i}].mode: unknown failure mode {f.mode!r}, expected one of {sorted(modes)}")
        for c in f.controls:
            if c not in controls:
                problems.append(f"failures[{i}].controls: unknown control {c!r}, expected one of {sorted(controls)}")
    for i, r in enumerate(ex.red_team):
        if r.question not in questions:
            problems.append(f"red_team[{i}].question: unknown red-team question {r.question!r}, expected one of {sorted(questions)}")
    if problems:
        raise DataError(str(path), problems)


def load_examples(data_dir: Path | str, book: Handbook) -> dict[str, WorkedExample]:
    """Every data/examples/*.yml, validated, with its scenario; keyed by slug (the file name)."""
    data_dir = Path(data_dir)
    found: dict[str, WorkedExample] = {}
    for path in sorted((data_dir / "examples").glob("*.yml")):
        slug = path.stem
        data, lines = read_yaml(path)
        dupes = duplicate_ids(data, lines)
        if dupes:
            raise DataError(str(path), dupes)
        ex = validate(Example, data, path, lines)
        scenario_path = data_dir / "scenarios" / f"{ex.scenario}.yml"
        if not scenario_path.is_file():
            raise DataError(str(path), [f"scenario (line {lines.get(('scenario',), '?')}): no file {scenario_path}"])
        _cross_check(slug, path, ex, book)
        found[slug] = WorkedExample(slug, ex, load_scenario(scenario_path))
    return found
