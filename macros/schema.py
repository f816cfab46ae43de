"""Typed shape of every file in data/: the handbook's files, the worked examples and the estimate
scenarios. One strict base for all of them: unknown keys are refused, so a typo stops the build,
and text has a length limit, so a runaway value cannot stall it.

A model may add `problems()`: checks across its fields, each a (key path, what was expected) pair;
the loader reports them with their lines, as it does pydantic's own errors."""
from __future__ import annotations

import html
import re
from typing import Annotated, Any, Literal, Optional

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, RootModel,
                      StringConstraints, model_validator)
from pydantic_core import PydanticCustomError

from . import units
from .messages import message, quote

TEXT_LIMIT = 2_000     # characters in one text value: the longest paragraph the handbook prints
SHORT_LIMIT = 200      # a name, a label, a table cell
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def safe_markdown(text: str) -> str:
    """Data text is Markdown, never HTML: &, < and > are written as entities outside code spans
    (inside them Markdown shows them as they are), so markup in a data file prints as text."""
    out, at = [], 0
    for m in CODE_SPAN.finditer(text):
        out.append(html.escape(text[at:m.start()], quote=False))
        out.append(m.group(0))
        at = m.end()
    out.append(html.escape(text[at:], quote=False))
    return "".join(out)


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# Text a page prints (Markdown): length-limited, markup escaped.
Text = Annotated[str, StringConstraints(min_length=1, max_length=TEXT_LIMIT, strip_whitespace=True),
                 AfterValidator(safe_markdown)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=SHORT_LIMIT, strip_whitespace=True),
                  AfterValidator(safe_markdown)]
# Text the estimate engine reads as it is (names that operations refer to each other by).
Name = Annotated[str, StringConstraints(min_length=1, max_length=SHORT_LIMIT, strip_whitespace=True)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=TEXT_LIMIT, strip_whitespace=True)]
PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$", max_length=SHORT_LIMIT)]
Problems = list[tuple[tuple, str]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def problems(self) -> Problems:
        """Checks across fields that pydantic cannot make one field at a time; none by default."""
        return []


class Item(Strict):
    """One checklist line: a stable id (its anchor) and its text; `short` is its few-word form for
    a strip on paper (the one-pager's clarifying questions)."""
    id: Slug
    text: Text
    short: Optional[Short] = None


# --- framework.yml -------------------------------------------------------------------------

class RequestPath(Strict):
    """The pieces a request meets, in order, and what kind of request it is."""
    path: list[Short] = Field(min_length=2)
    says: Short


class Topic(Item):
    """A deep-dive topic, with the building block that explains its options."""
    block: Optional[Slug] = None


class Step(Strict):
    id: Slug
    number: int = Field(ge=1, le=4)
    title: Text
    short: Text
    page: PagePath
    minutes: int = Field(gt=0, description="minutes in the shortest interview length")
    published_minutes: tuple[int, int]   # the range Alex Xu's framework gives, for a 45-minute session
    goal: Text
    questions: list[Item] = Field(min_length=1)
    outputs: list[Item] = Field(min_length=1)
    pitfalls: list[Item] = Field(min_length=1)
    body: Text
    flow: Optional[list[RequestPath]] = None
    flow_note: Optional[Text] = None
    topics: Optional[list[Topic]] = None

    @property
    def published_range(self) -> str:
        low, high = self.published_minutes
        return f"{low}-{high} minutes"

    def problems(self) -> Problems:
        low, high = self.published_minutes
        return [] if 0 < low <= high else [(("published_minutes",), f"a range low <= high above 0, found {low}-{high}")]


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
        unshort = [q.id for q in self.steps[0].questions if not q.short]
        if unshort:
            raise ValueError(f"steps[0].questions: each needs a short form for the one-pager's strip, missing for {unshort}")
        base = self.interview_minutes[0]
        total = sum(s.minutes for s in self.steps)
        if total != base:
            raise ValueError(f"step minutes add up to {total}, expected interview_minutes[0] = {base}")
        return self


# --- one_pager.yml ---------------------------------------------------------------------------

class MantraWord(Strict):
    word: Short
    section: Slug


class Section(Strict):
    """A heading of the one-pager: the mantra's sections (level 2) and the ones inside them."""
    id: Slug
    title: Short
    level: int = Field(default=2, ge=2, le=3)


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
    wide: bool = False                # in the wider inventory the examples draw on, not on paper


class Control(Strict):
    id: Slug
    name: Text
    what: Text
    wide: bool = False


class FailureInventory(Strict):
    """The failure modes to name, and the shared pool of controls a design picks from."""
    intro: Text
    modes: list[FailureMode]
    controls: list[Control]


class Choice(Strict):
    id: Slug
    block: Slug                       # the building block that explains the choice
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
    sections: list[Section] = Field(min_length=1)
    opening_script: OpeningScript
    back_of_envelope: BackOfEnvelope
    api_line: Text                     # the API in one line, in FLOW before the data model
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


class Mock(Strict):
    intro: Text
    lengths: list[int] = Field(min_length=1)     # minutes a mock can last; budgets are scaled to each

    def problems(self) -> Problems:
        bad = [(("lengths", i), f"a length between 20 and 120 minutes, found {m}") for i, m in enumerate(self.lengths)
               if not 20 <= m <= 120]
        return bad or ([(("lengths",), "each length once, shortest first")] if self.lengths != sorted(set(self.lengths)) else [])


class Practice(Strict):
    cadence: Text
    blocks: list[PracticeBlock]
    post_mortem: PostMortem
    hub: Hub
    mock: Mock


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
    source: Slug
    year: int
    origin: Text
    rows: list[LatencyRow]
    differences: list[Text]
    current_note: Text                 # what the current column adds, and what a "hop" budget means
    by_year_note: Text
    current: list[CurrentLatency] = Field(min_length=1)

    def problems(self) -> Problems:
        rows = {r.id for r in self.rows}
        return [(("current", i, "classic"), f"unknown classic row {c.classic!r}, expected one of {sorted(rows)}")
                for i, c in enumerate(self.current) if c.classic and c.classic not in rows]


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



# --- data/scenarios/*.yml: the estimate engine's input ----------------------------------------

# The engine's constants: macros/estimates.py computes with them, macros/contract.py hands them to
# the browser's engine, so neither side types them again.
DAYS_PER_YEAR = 365        # retention years are counted in 365-day years, as published estimates do
DAYS_PER_MONTH = 30        # per_month rates: a month is 30 days
RATE_FIELDS = ("per_user_per_day", "per_day", "per_month", "per_second", "ratio")
MAX_OPERATIONS = 500       # a scenario with more is refused: the checks and the page stay quick


def _reason(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{reason}", {"reason": message})


def _as_count(value: Any) -> float:
    try:
        return units.parse_count(value)
    except ValueError as exc:
        raise _reason("count", str(exc)) from None


def _as_size(value: Any) -> float:
    try:
        return units.parse_size(value)
    except ValueError as exc:
        raise _reason("size", str(exc)) from None


def _bounded(kind: str, test):
    """A bound on a count; `kind` names its message ("positive": must be more than 0)."""
    def check(value: float) -> float:
        if not test(value):
            raise _reason(kind, message(kind, got=units.format_number(value)))
        return value
    return AfterValidator(check)


Count = Annotated[float, BeforeValidator(_as_count)]                            # >= 0, "300M"
Size = Annotated[float, BeforeValidator(_as_size)]                              # bytes, "1.5 KB"
Fraction = Annotated[Count, _bounded("at_most_one", lambda v: v <= 1)]          # 0..1
Positive = Annotated[Count, _bounded("positive", lambda v: v > 0)]              # > 0
AtLeastOne = Annotated[Count, _bounded("at_least_one", lambda v: v >= 1)]       # >= 1


class PayloadPart(Strict):
    """`share` of the operations carry `size` bytes (e.g. 10% of tweets have 1 MB of media)."""
    size: Size
    share: Fraction = 1.0


def _payload_parts(value: Any) -> Any:
    """One size, one {size, share} mapping, or a list of either -> list of part mappings."""
    if value is None:
        return []
    if isinstance(value, list):
        return [item if isinstance(item, dict) else {"size": item} for item in value]
    if isinstance(value, dict):
        return [value]
    return [{"size": _as_size(value)}]


class Users(Strict):
    monthly_active: Optional[Count] = None
    daily_active: Optional[Count] = None
    daily_active_ratio: Optional[Fraction] = None


class Assumptions(Strict):
    seconds_per_day: Positive = 86400.0   # 100000 for quick mental maths, 23400 for a trading day
    peak_factor: AtLeastOne = 2.0         # peak QPS = average QPS x peak_factor
    retention_years: Count = 5.0          # how long written data is kept
    replication: AtLeastOne = 1.0         # copies stored


class Ratio(Strict):
    """`times` operations of this kind for every one of operation `to` (reads 10:1 -> times: 10)."""
    to: Name
    times: Count


class Operation(Strict):
    name: Name
    kind: Literal["write", "read"]
    per_user_per_day: Optional[Count] = None
    per_day: Optional[Count] = None
    per_month: Optional[Count] = None        # a month is DAYS_PER_MONTH days
    per_second: Optional[Count] = None       # an average over the day
    ratio: Optional[Ratio] = None
    payload: Annotated[list[PayloadPart], BeforeValidator(_payload_parts)] = []

    def rates(self) -> list[str]:
        """The rate fields this operation sets (a valid scenario has exactly one)."""
        return [f for f in RATE_FIELDS if getattr(self, f) is not None]

    @property
    def bytes_per_op(self) -> float:
        return sum(part.size * part.share for part in self.payload)


class Scenario(Strict):
    name: Name
    source: Optional[Prose] = None
    users: Optional[Users] = None
    assumptions: Assumptions = Field(default_factory=Assumptions)
    operations: list[Operation] = Field(min_length=1, max_length=MAX_OPERATIONS)

    @property
    def daily_active_users(self) -> float | None:
        """DAU as given, or monthly_active x daily_active_ratio; None without users."""
        users = self.users
        if users is None:
            return None
        if users.daily_active is not None:
            return users.daily_active
        if users.daily_active_ratio is not None and users.monthly_active is not None:
            return users.monthly_active * users.daily_active_ratio
        return None

    def _by_name(self) -> dict[str, Operation]:
        by_name: dict[str, Operation] = {}
        for op in self.operations:
            by_name.setdefault(op.name, op)
        return by_name

    def problems(self) -> Problems:
        found: Problems = []
        users = self.users
        if users is not None:
            given = [f for f in ("daily_active", "daily_active_ratio") if getattr(users, f) is not None]
            if not given:
                found.append((("users",), message("users_need_one")))
            elif len(given) == 2:
                found.append((("users", "daily_active_ratio"), message("users_not_both")))
            elif given == ["daily_active_ratio"] and users.monthly_active is None:
                found.append((("users", "daily_active_ratio"), message("ratio_needs_monthly")))
            elif (given == ["daily_active"] and users.monthly_active is not None
                  and users.daily_active > users.monthly_active):
                found.append((("users", "daily_active"), message(
                    "daily_above_monthly", daily=units.format_count(users.daily_active),
                    monthly=units.format_count(users.monthly_active))))
        first_use: dict[str, int] = {}
        for i, op in enumerate(self.operations):
            if op.name in first_use:
                found.append((("operations", i, "name"), message(
                    "name_taken", name=quote(op.name), first=first_use[op.name])))
            else:
                first_use[op.name] = i
        by_name = self._by_name()
        for i, op in enumerate(self.operations):
            rates = op.rates()
            if not rates:
                found.append((("operations", i), message("no_rate", fields=", ".join(RATE_FIELDS))))
            elif len(rates) > 1:
                found.append((("operations", i, rates[1]), message("two_rates", rates=" and ".join(rates))))
            if op.per_user_per_day is not None and self.daily_active_users is None:
                found.append((("operations", i, "per_user_per_day"), message("rate_needs_users")))
            if op.ratio is not None and op.ratio.to not in by_name:
                known = ", ".join(quote(o.name) for o in self.operations)
                found.append((("operations", i, "ratio", "to"), message(
                    "no_such_operation", name=quote(op.ratio.to), known=known)))
        found += [(("operations", i, "ratio", "to"), message("ratio_cycle", chain=" -> ".join(chain)))
                  for i, chain in ratio_cycles(self.operations, by_name)]
        return found


def ratio_cycles(operations: list[Operation], by_name: dict[str, Operation]) -> list[tuple[int, list[str]]]:
    """Each loop of ratio chains once, at the operation where the walk first meets it, with the
    names around the loop ("a -> b -> a"). Iterative and linear: every operation is walked once."""
    done: set[str] = set()
    found = []
    for op in operations:
        path: list[str] = []
        on_path: dict[str, int] = {}
        current: Operation | None = op
        while current is not None and current.name not in done:
            if current.name in on_path:
                loop = path[on_path[current.name]:] + [current.name]
                found.append((next(i for i, o in enumerate(operations) if o.name == loop[0]), loop))
                break
            on_path[current.name] = len(path)
            path.append(current.name)
            current = by_name.get(current.ratio.to) if current.ratio is not None else None
        done.update(path)
    return found


# --- capacity.yml: what one machine handles, and what it costs --------------------------------

CapacityUnit = Literal["per_second", "bytes", "bytes_per_second", "count", "ms", "usd_per_gb_month", "usd_per_gb"]


class CapacityRow(Strict):
    id: Slug
    component: Short                  # "PostgreSQL 16, one primary"
    measure: Short                    # "point reads by primary key"
    unit: CapacityUnit                # how `value` reads: per_second = operations a second
    value: float = Field(gt=0)        # the planning figure: nodes needed = load / value
    low: Optional[float] = Field(default=None, gt=0)
    high: Optional[float] = Field(default=None, gt=0)
    workload: Text                    # what the figure assumes
    kind: Literal["measured", "vendor-documented", "rule-of-thumb"]
    source: Slug                      # a reference id
    year: int = Field(ge=1990, le=2100)
    differs: Optional[Text] = None    # where sources disagree: which one is used, what the others say

    def problems(self) -> Problems:
        if self.low is not None and self.low > self.value:
            return [(("low",), f"{self.low:g} is above the planning value {self.value:g}")]
        if self.high is not None and self.high < self.value:
            return [(("high",), f"{self.high:g} is below the planning value {self.value:g}")]
        return []


class CurrentLatency(Strict):
    """A row of today's latency column, beside the classic table."""
    id: Slug
    classic: Optional[Slug] = None    # the classic row it updates, when there is one
    what: Short
    ns: float = Field(gt=0)
    source: Slug
    year: int = Field(ge=1990, le=2100)
    kind: Literal["measured", "vendor-documented", "rule-of-thumb"]
    note: Text


class Capacity(Strict):
    intro: Text
    rows: list[CapacityRow] = Field(min_length=1)


# --- data/blocks/*.yml: the building blocks ----------------------------------------------------

class BlockOption(Strict):
    name: Short
    how: Text                         # how it works
    costs: Text                       # what it costs
    gives_up: Text                    # what it gives up
    numbers: Optional[Text] = None    # a figure or a small estimate, worked in words
    capacity: list[Slug] = []         # capacity-table rows it relies on (printed from the table)


class FailureControl(Strict):
    failure: Short
    control: Text


class NextQuestion(Strict):
    question: Text
    strong_answer: list[Text] = Field(min_length=2)


class Levels(Strict):
    """What a mid-level, a senior and a staff candidate are expected to show."""
    mid: Text
    senior: Text
    staff: Text


BLOCK_GROUPS = {"traffic": "Traffic and the edge", "data": "Storing data", "distribution": "Spreading data and agreeing",
                "async": "Asynchronous work", "apis": "APIs and security", "specialised": "Specialised indexes",
                "operations": "Running it"}


class Block(Strict):
    title: Short
    group: Literal[tuple(BLOCK_GROUPS)]
    idea: Text                        # the idea in two or three sentences
    reach_for: Text                   # when to reach for it
    avoid_when: Text                  # when not to
    terms: list[Short] = Field(min_length=2)          # what a reader searches for, with its spellings
    options: list[BlockOption] = Field(min_length=2)  # the ladder, weakest first where there is one
    failures: list[FailureControl] = Field(min_length=2)
    next_question: NextQuestion
    levels: Levels
    sources: list[Slug] = Field(min_length=1)         # reference ids
    glossary: list[Short] = []                        # glossary terms the block uses

    def problems(self) -> Problems:
        text = " ".join([self.title, self.idea, self.reach_for, self.avoid_when] + [
            " ".join(filter(None, [o.name, o.how, o.costs, o.gives_up, o.numbers])) for o in self.options] + [
            f.failure + " " + f.control for f in self.failures] + [self.next_question.question] +
            self.next_question.strong_answer + [self.levels.mid, self.levels.senior, self.levels.staff]).lower()
        return [(("terms", i), f"{term!r} never appears in the block's text, so search cannot land on it here")
                for i, term in enumerate(self.terms) if term.lower() not in text]


# --- data/examples/*.yml: the worked examples ----------------------------------------------------
# One template, in the order of the interview: scope, numbers, high-level design, deep dives,
# failures, wrap-up, what each level shows, follow-up questions. Figures the estimate or the
# capacity table holds are written as placeholders ([[peak: <operation>]], [[cap: <row>]] ...)
# and rendered from the data, so prose cannot drift from it.

Method = Literal["GET", "POST", "PUT", "PATCH", "DELETE", "WS", "GRPC", "SSE"]
PLACEHOLDER = re.compile(r"\[\[\s*([a-z-]+)\s*:\s*([^\]]+?)\s*\]\]")
PLACEHOLDER_KINDS = ("peak", "avg", "per-day", "stored-day", "stored", "bandwidth", "cap", "nodes")
# A rate written out as a figure ("23K/s", "2,300 writes a second") where a placeholder belongs.
LITERAL_RATE = re.compile(r"\d[\d,.]*\s?[KMB]?\s?(?:/s\b|(?:reads|writes|requests|queries|ops|operations|messages)?\s?(?:a|per) second)")


def placeholders(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in PLACEHOLDER.finditer(text)]


class Question(Strict):
    ask: Text                                    # a clarifying question the candidate asks
    assume: Text                                 # the answer this example assumes


class Requirement(Strict):
    id: Slug
    text: Text

    def problems(self) -> Problems:
        return [] if re.search(r"\d", self.text) else [(("text",), "a non-functional requirement with a number in it")]


class Scope(Strict):
    goal: Text                                   # "X delivers Y to Z users"
    questions: list[Question] = Field(min_length=3)
    functional: list[Text] = Field(min_length=1, max_length=3)   # the top three
    non_functional: list[Requirement] = Field(min_length=2)       # each with a number
    non_goals: list[Text] = Field(min_length=1)
    scope_note: Optional[Text] = None            # the scoping decision said aloud (1:1 vs groups...)


class Sizing(Strict):
    """One line of cluster sizing: nodes = peak load x ops per request x copies / what one node handles,
    or, against a capacity row in bytes, the operation's stored total x copies / what one node holds."""
    what: Short                                  # "Redirect servers"
    load: Name                                   # an operation of the example's scenario
    per_op: float = Field(default=1, gt=0)       # store operations per request (2 when a write touches two keys)
    copies: float = Field(default=1, ge=1)       # replicas that each take the write
    after_cache: bool = False                    # only the cache's misses reach it
    capacity: Slug                               # a capacity-table row, unit per_second or bytes
    note: Optional[Text] = None


class CacheSizing(Strict):
    """Cache size from the working set, and what the hit ratio leaves for the store behind it."""
    serves: Name                                 # the read operation the cache answers
    hit_ratio: float = Field(gt=0, lt=1)
    items: Annotated[float, BeforeValidator(units.parse_count)]   # the working set, in items ("20M")
    item_bytes: Annotated[float, BeforeValidator(units.parse_size)]
    overhead: Slug                               # capacity row: bytes of overhead per key
    why: Text                                    # why this working set and this hit ratio


class ExampleNumbers(Strict):
    note: Text                                   # what the numbers mean for the design
    sizing: list[Sizing] = Field(min_length=1)
    cache: Optional[CacheSizing] = None

    def problems(self) -> Problems:
        after = [i for i, s in enumerate(self.sizing) if s.after_cache]
        if after and self.cache is None:
            return [(("sizing", after[0], "after_cache"), "a cache: section, since this line counts only its misses")]
        return []


class Endpoint(Strict):
    method: Method
    path: Annotated[str, StringConstraints(pattern=r"^/\S*$", max_length=SHORT_LIMIT)]
    does: Text
    request: Optional[Text] = None
    response: Optional[Text] = None


class Api(Strict):
    endpoints: list[Endpoint] = Field(min_length=1)
    note: Optional[Text] = None


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


NODE_KINDS = ("client", "edge", "load-balancer", "service", "cache", "database", "queue", "object-store", "external")


class Node(Strict):
    id: Slug
    label: Short
    kind: Literal[NODE_KINDS]


class Edge(Strict):
    """One arrow, numbered by its place in the list: the order a request meets it."""
    source: Slug = Field(alias="from")
    to: Slug
    what: Short                                  # what travels
    format: Short                                # "JSON over HTTPS", "Protobuf over gRPC", "Kafka record"
    size: Short                                  # "≈100 B", "1-4 MB chunk"
    mode: Literal["sync", "async"]
    retry: Text                                  # its retry or idempotency rule


class Transition(Strict):
    source: Slug = Field(alias="from")
    to: Slug
    event: Short


class StateMachine(Strict):
    name: Short                                  # "Upload"
    states: list[Slug] = Field(min_length=2)
    transitions: list[Transition] = Field(min_length=1)

    def problems(self) -> Problems:
        known = set(self.states)
        return [(("transitions", i, end), f"one of the states {sorted(known)}")
                for i, t in enumerate(self.transitions) for end, s in (("from", t.source), ("to", t.to)) if s not in known]


class Flow(Strict):
    nodes: list[Node] = Field(min_length=3)
    edges: list[Edge] = Field(min_length=3)
    critical_path: list[int] = Field(min_length=1)   # edge numbers, 1-based, in order
    narrative: Text
    states: Optional[StateMachine] = None        # the job's state machine, when the design has jobs

    def problems(self) -> Problems:
        ids = [n.id for n in self.nodes]
        out: Problems = [(("nodes", i, "id"), f"an id used once, but {n!r} repeats") for i, n in enumerate(ids) if n in ids[:i]]
        out += [(("edges", i, end), f"a node id, one of {ids}") for i, e in enumerate(self.edges)
                for end, n in (("from", e.source), ("to", e.to)) if n not in ids]
        used = {n for e in self.edges for n in (e.source, e.to)}
        out += [(("nodes", i), f"a node some edge uses, but no edge reaches {n!r}") for i, n in enumerate(ids) if n not in used]
        bad = [n for n in self.critical_path if not 1 <= n <= len(self.edges)]
        if bad:
            out.append((("critical_path",), f"names edges {bad}, but edges are numbered 1 to {len(self.edges)}"))
        return out


class DeepDiveOption(Strict):
    name: Short
    how: Text
    costs: Text
    gives_up: Text
    numbers: Text                                # the figures that decide it
    capacity: list[Slug] = []                    # capacity rows it relies on (printed from the table)


class DeepDive(Strict):
    hotspot: Short                               # "Generating short codes"
    why: Text                                    # why it is hot: a figure from the numbers, by placeholder
    ladder: bool = False                         # the options run from weakest to strongest
    options: list[DeepDiveOption] = Field(min_length=2)
    pick: Short                                  # the name of the option chosen
    because: Text
    reverse: Text                                # how to reverse the choice later
    check: Text                                  # what to check with the interviewer

    def problems(self) -> Problems:
        names = [o.name for o in self.options]
        out: Problems = [] if self.pick in names else [(("pick",), f"the name of one of the options {names}")]
        if not placeholders(self.why):
            out.append((("why",), "a figure from the numbers, as a placeholder such as [[peak: <operation>]]"))
        return out


class Failure(Strict):
    mode: Slug                                   # an id from the failure inventory
    here: Text                                   # how it shows up in this design
    controls: list[Slug] = Field(min_length=1)   # ids from the failure inventory's controls
    detail: Text                                 # the controls applied to this design
    alert: Text


class Roadmap(Strict):
    mvp: list[Text] = Field(min_length=1)
    next_10x: list[Text] = Field(min_length=1)


class WrapUp(Strict):
    summary: Text
    gives_up: list[Text] = Field(min_length=1)   # what the design gives up
    roadmap: Roadmap


class FollowUp(Strict):
    question: Text                               # what the interviewer asks of this design
    strong_answer: list[Text] = Field(min_length=2)


class RedTeamAnswer(Strict):
    question: Slug                               # an id from data/red_team.yml
    answer: Text


class Example(Strict):
    title: Short
    prompt: Text                                 # what the interviewer says; used by the drill picker
    summary: Text                                # one line for the index
    scenario: Slug                               # data/scenarios/<scenario>.yml
    blocks: list[Slug] = Field(min_length=1)     # the building blocks it relies on (data/blocks/<slug>.yml)
    scope: Scope
    numbers: ExampleNumbers
    api: Api
    data_model: DataModel
    flow: Flow
    deep_dives: list[DeepDive] = Field(min_length=2, max_length=3)
    failures: list[Failure] = Field(min_length=2, max_length=2)
    wrap_up: WrapUp
    levels: Levels
    follow_ups: list[FollowUp] = Field(min_length=3)
    red_team: list[RedTeamAnswer] = Field(min_length=2)

    def problems(self) -> Problems:
        out: Problems = []
        if LITERAL_RATE.search(self.numbers.note):
            out.append((("numbers", "note"), "rates as placeholders ([[peak: <operation>]]), not typed figures: "
                        + quote(LITERAL_RATE.search(self.numbers.note).group(0))))
        for i, d in enumerate(self.deep_dives):
            if LITERAL_RATE.search(d.why):
                out.append((("deep_dives", i, "why"), "rates as placeholders, not typed figures: " + quote(LITERAL_RATE.search(d.why).group(0))))
        modes = [f.mode for f in self.failures]
        if len(set(modes)) < len(modes):
            out.append((("failures",), "two different failure modes"))
        return out


# --- data/cold_prompts.yml: prompts to practise with no worked answer ---------------------------

class Reveal(Strict):
    ask: Text                                    # what the candidate must ask
    answer: Text                                 # what the interviewer reveals, only when asked


class ColdPrompt(Strict):
    id: Slug
    title: Short
    prompt: Text                                 # what the interviewer says at the start
    reveal: list[Reveal] = Field(min_length=4)   # requirements given only when asked
    curveballs: list[Text] = Field(min_length=2, max_length=2)   # what the interviewer throws in mid-way
    levels: Levels                               # what each level must show for it
    blocks: list[Slug] = Field(min_length=1)     # the building blocks it exercises


class ColdPrompts(Strict):
    intro: Text
    prompts: list[ColdPrompt] = Field(min_length=10)


# --- data/rubric.yml: what the interview assesses, by level -------------------------------------

class Ability(Strict):
    id: Slug
    name: Short
    asks: Text                                   # the question behind the ability
    weak: Text
    solid: Text
    strong: Text


class Level(Strict):
    id: Literal["mid", "senior", "staff"]
    name: Short
    balance: Text                                # breadth against depth
    drives: Text                                 # who picks and leads the deep dives
    unprompted: list[Text] = Field(min_length=2) # what to raise without being asked
    bar: Text


class Rubric(Strict):
    intro: Text
    scale: Text
    sources: list[Slug] = Field(min_length=1)
    abilities: list[Ability] = Field(min_length=4, max_length=4)
    levels: list[Level] = Field(min_length=3, max_length=3)

    def problems(self) -> Problems:
        found = [lv.id for lv in self.levels]
        return [] if found == ["mid", "senior", "staff"] else [(("levels",), f"mid, senior and staff in that order, found {found}")]


# --- data/drills.yml: estimation drills ----------------------------------------------------------

# The traps a drill checks a wrong answer against; drills.js computes each one's wrong figure by id.
TRAP_IDS = ("replication", "per-day-as-per-second", "hundred-thousand-seconds", "peak-vs-average",
            "binary-units", "unit-step", "retention")
DRILL_FIELDS = ("peak_qps", "bandwidth_bytes_per_s", "stored_bytes_per_day", "stored_bytes_total")


class Grades(Strict):
    exact: float = Field(gt=0, lt=1)             # within this fraction of the figure
    order: float = Field(gt=1, le=10)            # within this factor either way


class DrillWrite(Strict):
    name: Name
    per_user_per_day: list[Count] = Field(min_length=1)
    payload: list[Size] = Field(min_length=1)


class DrillRead(Strict):
    name: Name
    times: list[Count] = Field(min_length=1)     # reads per write


class Theme(Strict):
    id: Slug
    write: DrillWrite
    read: DrillRead


class DrillQuestion(Strict):
    id: Slug
    of: Literal["write", "read", "totals"]      # the operation asked about, or the writes' totals
    field: Literal[DRILL_FIELDS]
    ask: Short                                   # {write} and {read} name the theme's operations

    def problems(self) -> Problems:
        if self.of in ("read",) and self.field.startswith("stored"):
            return [(("field",), "reads store nothing: ask for a peak or a bandwidth")]
        return []


class Trap(Strict):
    id: Literal[TRAP_IDS]
    name: Short
    explain: Text


class Drills(Strict):
    intro: Text
    grades: Grades
    daily_active_users: list[Count] = Field(min_length=1)
    peak_factor: list[AtLeastOne] = Field(min_length=1)
    retention_years: list[Count] = Field(min_length=1)
    replication: list[AtLeastOne] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=2)
    questions: list[DrillQuestion] = Field(min_length=1)
    traps: list[Trap]

    def problems(self) -> Problems:
        ids = [t.id for t in self.traps]
        missing = [t for t in TRAP_IDS if t not in ids]
        return [(("traps",), f"each trap once: missing {missing}" if missing else f"each trap once, found {ids}")] \
            if missing or len(ids) != len(set(ids)) else []


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
    "capacity": Capacity,
    "cold_prompts": ColdPrompts,
    "rubric": Rubric,
    "drills": Drills,
}
