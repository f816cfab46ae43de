"""Typed shape of every file in data/. Unknown keys are refused, so a typo stops the build."""
from __future__ import annotations

from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Strict):
    """One checklist line: a stable id (its anchor) and its text."""
    id: Slug
    text: Text


# --- framework.yml -------------------------------------------------------------------------

class Step(Strict):
    id: Slug
    number: int = Field(ge=1, le=4)
    title: Text
    short: Text
    page: PagePath
    minutes: int = Field(gt=0, description="minutes in the shortest interview length")
    published_range: Text
    goal: Text
    questions: list[Item] = Field(min_length=1)
    outputs: list[Item] = Field(min_length=1)
    pitfalls: list[Item] = Field(min_length=1)
    body: Text
    flow: Optional[list[Text]] = None
    topics: Optional[list[Item]] = None


class Analogy(Strict):
    title: Text
    summary: Text
    stages: dict[Slug, Text]


class Framework(Strict):
    why: Text
    themes: list[Text]
    interview_minutes: list[int] = Field(min_length=1)
    budget_note: Text
    steps: list[Step] = Field(min_length=4, max_length=4)
    analogy: Analogy

    @model_validator(mode="after")
    def _consistent(self):
        numbers = [s.number for s in self.steps]
        if numbers != [1, 2, 3, 4]:
            raise ValueError(f"steps must be numbered 1, 2, 3, 4 in order, found {numbers}")
        step_ids = {s.id for s in self.steps}
        if set(self.analogy.stages) != step_ids:
            raise ValueError(f"analogy.stages must have one entry per step id {sorted(step_ids)}")
        base = self.interview_minutes[0]
        total = sum(s.minutes for s in self.steps)
        if total != base:
            raise ValueError(f"step minutes add up to {total}, expected interview_minutes[0] = {base}")
        return self


# --- one_pager.yml ---------------------------------------------------------------------------

class MantraWord(Strict):
    word: Text
    section: Slug


class OpeningLine(Strict):
    id: Slug
    label: Text
    say: Text


class OpeningScript(Strict):
    intro: Text
    lines: list[OpeningLine] = Field(min_length=1)


class Formula(Strict):
    id: Slug
    name: Text
    formula: Text
    gives: Text


class Hop(Strict):
    id: Slug
    hop: Text
    max_ms: float = Field(gt=0)
    min_ms: Optional[float] = Field(default=None, gt=0)
    asynchronous: bool = False


class LatencyBudget(Strict):
    note: Text
    hops: list[Hop] = Field(min_length=1)


class BackOfEnvelope(Strict):
    intro: Text
    formulas: list[Formula]
    latency_budget: LatencyBudget


class JobState(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]+$")]
    label: Optional[Text] = None
    meaning: Text
    final: bool = False


class Transition(Strict):
    from_: str = Field(alias="from")
    to: str
    event: Text


class JobStateMachine(Strict):
    intro: Text
    states: list[JobState] = Field(min_length=2)
    transitions: list[Transition] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_states(self):
        known = {s.id for s in self.states}
        for t in self.transitions:
            for end in (t.from_, t.to):
                if end not in known:
                    raise ValueError(f"transition names unknown state {end!r}; states are {sorted(known)}")
        return self


class DataFlow(Strict):
    intro: Text
    steps: list[Item]
    rules: list[Item]


class FailureMode(Strict):
    id: Slug
    name: Text
    what: Text
    controls: list[Slug] = Field(min_length=1)


class Control(Strict):
    id: Slug
    name: Text
    what: Text


class FailureInventory(Strict):
    intro: Text
    modes: list[FailureMode]
    controls: list[Control]

    @model_validator(mode="after")
    def _known_controls(self):
        known = {c.id for c in self.controls}
        for m in self.modes:
            missing = [c for c in m.controls if c not in known]
            if missing:
                raise ValueError(f"failure mode {m.id!r} names unknown controls {missing}")
        return self


class Choice(Strict):
    id: Slug
    options: list[Text] = Field(min_length=2, max_length=2)
    first_when: Text
    second_when: Text
    reverse: Text


class TradeoffPlaybook(Strict):
    rule: Text
    choices: list[Choice]


class Rung(Strict):
    horizon: Optional[Text] = None
    items: list[Item]


class RoadmapLadder(Strict):
    mvp: Rung
    next_10x: Rung


class Link(Strict):
    id: Slug
    name: Text
    what: Text


class SecurityChain(Strict):
    intro: Text
    links: list[Link]


class Principles(Strict):
    intro: Text
    items: list[Item]


class OnePager(Strict):
    mantra: list[MantraWord] = Field(min_length=1)
    opening_script: OpeningScript
    back_of_envelope: BackOfEnvelope
    data_model_checklist: list[Item]
    job_state_machine: JobStateMachine
    data_flow: DataFlow
    failure_inventory: FailureInventory
    tradeoff_playbook: TradeoffPlaybook
    roadmap_ladder: RoadmapLadder
    security_chain: SecurityChain
    principles: Principles


# --- the smaller files ----------------------------------------------------------------------

class DeepKey(Strict):
    id: Slug
    name: Text
    rule: Text
    why: Text


class ReflectionPrompt(Strict):
    id: Slug
    theme: Text
    question: Text
    practice: Text


class Reflection(Strict):
    intro: Text
    prompts: list[ReflectionPrompt]


class ByteCheck(Strict):
    floats: int = Field(gt=0)
    bytes_per_float: int = Field(gt=0)


class Baseline(Strict):
    id: Slug
    what: Text
    value: Text
    check: Optional[ByteCheck] = None
    see: Optional[Slug] = None


class BaselineGroup(Strict):
    id: Slug
    name: Text
    items: list[Baseline]


class Interrupt(Strict):
    id: Slug
    question: Text
    strong_answer: list[Text] = Field(min_length=1)
    see: PagePath


class PracticeBlock(Strict):
    id: Slug
    name: Text
    minutes: int = Field(gt=0)
    do: Text


class PostMortem(Strict):
    intro: Text
    bullets: list[Item] = Field(min_length=3, max_length=3)


class Hub(Strict):
    text: Text


class Practice(Strict):
    cadence: Text
    blocks: list[PracticeBlock]
    post_mortem: PostMortem
    hub: Hub


class Mistake(Strict):
    id: Slug
    mistake: Text
    fix: Text
    step: Slug
    show_job_states: bool = False


class Term(Strict):
    term: Text
    full: Optional[Text] = None
    means: Text


class Reference(Strict):
    id: Slug
    title: Text
    authors: Text
    publisher: Text
    year: Optional[int] = None
    url: Annotated[str, StringConstraints(pattern=r"^https://")]
    used_for: Text


class Named(Strict):
    id: Slug
    name: Text
    text: Text


class Guide(Strict):
    practice_patterns: list[Named]
    tensions: list[Named]
    best_practices: list[Named]
    anti_patterns: list[Named]
    real_world_example: Text
    advanced: list[Named]
    summary: Text


# --- numbers.yml ---------------------------------------------------------------------------

class LatencyRow(Strict):
    id: Slug
    what: Text
    ns: float = Field(gt=0)


class LatencyTable(Strict):
    title: Text
    source: Slug
    year: int
    origin: Text
    rows: list[LatencyRow]
    differences: list[Text]


class PowerRow(Strict):
    power: int = Field(ge=0, le=128)
    name: str = ""
    use: Optional[Text] = None
    bytes: Optional[Text] = None


class PowersOfTwo(Strict):
    note: Text
    rows: list[PowerRow]


Percent = Annotated[str, StringConstraints(pattern=r"^\d{2}(\.\d+)?$")]


class Composition(Strict):
    a: Percent
    b: Percent


class Availability(Strict):
    note: Text
    nines: list[Percent]
    composition_example: Composition


class TimeFacts(Strict):
    note: Text
    seconds_per_day: int
    rounded_seconds_per_day: int


class Numbers(Strict):
    latency: LatencyTable
    powers_of_two: PowersOfTwo
    availability: Availability
    time: TimeFacts


# The files of data/ and the model each must match.
FILES: dict[str, type] = {
    "framework": Framework,
    "one_pager": OnePager,
    "deep_keys": RootModel[list[DeepKey]],
    "reflection": Reflection,
    "baseline": RootModel[list[BaselineGroup]],
    "red_team": RootModel[list[Interrupt]],
    "practice": Practice,
    "pocket_checklist": RootModel[list[Mistake]],
    "glossary": RootModel[list[Term]],
    "references": RootModel[list[Reference]],
    "numbers": Numbers,
    "guide": Guide,
}
