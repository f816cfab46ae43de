"""Load and check every data file at once; the build starts only if all of them are right.

    load_handbook(data_dir, docs_dir=None) -> Handbook      raises one DataError

Reads data/*.yml (one model each, schema.FILES), data/scenarios/*.yml, data/blocks/*.yml and
data/examples/*.yml,
each through the loader, once; then checks what links the files together (ids one file names
and another defines)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import estimates, example_figures, loader, schema
from .errors import DataError


@dataclass(frozen=True)
class WorkedExample:
    """An example with its slug (the file name) and the scenario its numbers come from; its text
    has the placeholders replaced by the figures they name."""
    slug: str
    example: schema.Example
    scenario: schema.Scenario
    figures: example_figures.Figures            # its estimate, sizing and cache, computed once at load

    @property
    def estimate(self) -> dict:
        return self.figures.result


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
    capacity: schema.Capacity
    cold_prompts: schema.ColdPrompts
    rubric: schema.Rubric
    drills: schema.Drills
    scenarios: dict[str, schema.Scenario]      # by slug: data/scenarios/<slug>.yml
    blocks: dict[str, schema.Block]            # by slug: data/blocks/<slug>.yml
    examples: dict[str, WorkedExample]         # by slug: data/examples/<slug>.yml

    def capacity_row(self, row_id: str) -> schema.CapacityRow:
        for r in self.capacity.rows:
            if r.id == row_id:
                return r
        raise KeyError(f"no capacity row {row_id!r}")

    def term_homes(self) -> dict[str, str]:
        """Glossary term (lower case) -> the building block that lists it among its own terms."""
        homes: dict[str, str] = {}
        for slug, block in self.blocks.items():
            for term in block.terms:
                homes.setdefault(term.lower(), slug)
        return {t.term.lower(): homes[t.term.lower()] for t in self.glossary if t.term.lower() in homes}

    def used_in(self, block_slug: str) -> list[WorkedExample]:
        """The worked examples whose data names this building block."""
        return [we for we in self.examples.values() if block_slug in we.example.blocks]

    def step(self, step_id: str) -> schema.Step:
        for s in self.framework.steps:
            if s.id == step_id:
                return s
        raise KeyError(f"no framework step {step_id!r}; steps are {[s.id for s in self.framework.steps]}")

    def section(self, section_id: str) -> schema.Section:
        for s in self.one_pager.sections:
            if s.id == section_id:
                return s
        raise KeyError(f"no one-pager section {section_id!r}")

    def label(self, target: str) -> str:
        """Reader-facing name of a link target: 'one-pager.md#failures' -> 'One-pager: FAILURE'."""
        path, _, section = target.partition("#")
        for step in self.framework.steps:
            if step.page == path:
                return f"Step {step.number}: {step.short}"
        if path == "one-pager.md":
            words = {w.section: w.word for w in self.one_pager.mantra}
            titles = {s.id: words.get(s.id, s.title) for s in self.one_pager.sections}
            if not section or section in titles:
                return "One-pager" + (f": {titles[section]}" if section else "")
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


def _folder(data_dir: Path, name: str, load) -> dict:
    """Every data/<name>/*.yml, by slug, each read by `load(path)`."""
    return {path.stem: load(path) for path in sorted((data_dir / name).glob("*.yml"))}


def _unknown(where: str, value: str, known, what: str) -> str:
    return f"{where}: unknown {what} {value!r}, expected one of {sorted(known)}"


def _cross_checks(files: dict, data_dir: Path, docs_dir: Path | None) -> None:
    """Ids that one file names and another defines; pages that data links to."""
    def fail(name: str, problems: list[str]) -> None:
        if problems:
            raise DataError(str(data_dir / name), problems)

    steps = [s.id for s in files["framework"].steps]
    fail("pocket_checklist.yml", [_unknown(f"[{i}].step", m.step, steps, "step")
                                  for i, m in enumerate(files["pocket_checklist"]) if m.step not in steps])
    one_pager = files["one_pager"]
    mantra = [w.section for w in one_pager.mantra]
    top = [s.id for s in one_pager.sections if s.level == 2]
    fail("one_pager.yml", [f"sections: the level-2 sections must start with the mantra's {mantra}, found {top}"]
         if top[:len(mantra)] != mantra else [])
    refs = [r.id for r in files["references"]]
    fail("rubric.yml", [_unknown(f"sources[{i}]", r, refs, "reference") for i, r in enumerate(files["rubric"].sources)
                        if r not in refs])
    source = files["numbers"].latency.source
    fail("numbers.yml", [_unknown("latency.source", source, refs, "reference")] if source not in refs else [])
    if docs_dir is not None:
        fail("framework.yml", [f"steps[{i}].page: no page docs/{s.page}" for i, s in enumerate(files["framework"].steps)
                               if not (docs_dir / s.page.split("#")[0]).is_file()])
        fail("red_team.yml", [f"[{i}].see: no page docs/{q.see.split('#')[0]}" for i, q in enumerate(files["red_team"])
                              if not (docs_dir / q.see.split("#")[0]).is_file()])


def _check_blocks(blocks: dict, files: dict, data_dir: Path) -> None:
    """What blocks and the capacity table name must exist: references, capacity rows, glossary terms."""
    refs = {r.id for r in files["references"]}
    rows = {r.id for r in files["capacity"].rows}
    terms = {t.term.lower() for t in files["glossary"]}
    capacity = files["capacity"]
    bad = [_unknown(f"rows[{i}].source", r.source, refs, "reference") for i, r in enumerate(capacity.rows) if r.source not in refs]
    if bad:
        raise DataError(str(data_dir / "capacity.yml"), bad)
    latency = files["numbers"].latency
    bad = [_unknown(f"latency.current[{i}].source", r.source, refs, "reference")
           for i, r in enumerate(latency.current) if r.source not in refs]
    if bad:
        raise DataError(str(data_dir / "numbers.yml"), bad)
    named = [("framework.yml", f"steps[{i}].topics[{k}].block", t.block) for i, st in enumerate(files["framework"].steps)
             for k, t in enumerate(st.topics or []) if t.block]
    named += [("one_pager.yml", f"tradeoff_playbook.choices[{i}].block", c.block)
              for i, c in enumerate(files["one_pager"].tradeoff_playbook.choices)]
    named += [("cold_prompts.yml", f"prompts[{i}].blocks[{k}]", b)
              for i, p in enumerate(files["cold_prompts"].prompts) for k, b in enumerate(p.blocks)]
    for name, where, slug in named:
        if slug not in blocks:
            raise DataError(str(data_dir / name), [_unknown(where, slug, blocks, "building block (data/blocks/)")])
    for slug, block in blocks.items():
        bad = [_unknown(f"sources[{i}]", ref, refs, "reference") for i, ref in enumerate(block.sources) if ref not in refs]
        bad += [_unknown(f"options[{i}].capacity", row, rows, "capacity row")
                for i, o in enumerate(block.options) for row in o.capacity if row not in rows]
        bad += [f"glossary[{i}]: {term!r} is not a term of data/glossary.yml" for i, term in enumerate(block.glossary)
                if term.lower() not in terms]
        if bad:
            raise DataError(str(data_dir / "blocks" / f"{slug}.yml"), bad)


def _check_labels(book: Handbook, data_dir: Path) -> None:
    bad = []
    for i, item in enumerate(book.red_team):
        try:
            book.label(item.see)
        except KeyError:
            bad.append(f"[{i}].see: {item.see!r} is not a step page, a one-pager section or a deep key")
    if bad:
        raise DataError(str(data_dir / "red_team.yml"), bad)


def _examples(paths: list[Path], files: dict, scenarios: dict[str, schema.Scenario],
              blocks: dict[str, schema.Block]) -> dict[str, WorkedExample]:
    inventory = files["one_pager"].failure_inventory
    modes, controls = {m.id for m in inventory.modes}, {c.id for c in inventory.controls}
    questions = {q.id for q in files["red_team"]}
    rows = {r.id: r for r in files["capacity"].rows}
    out = {}
    for path in paths:
        slug, ex = path.stem, loader.load(schema.Example, path)
        problems = [] if ex.scenario in scenarios else [_unknown("scenario", ex.scenario, scenarios, "scenario (data/scenarios/)")]
        for i, f in enumerate(ex.failures):
            problems += [_unknown(f"failures[{i}].mode", f.mode, modes, "failure mode")] if f.mode not in modes else []
            problems += [_unknown(f"failures[{i}].controls", c, controls, "control") for c in f.controls if c not in controls]
        problems += [_unknown(f"red_team[{i}].question", r.question, questions, "red-team question")
                     for i, r in enumerate(ex.red_team) if r.question not in questions]
        problems += [_unknown(f"blocks[{i}]", b, blocks, "building block (data/blocks/)")
                     for i, b in enumerate(ex.blocks) if b not in blocks]
        if not problems:
            result = estimates.estimate(scenarios[ex.scenario])
            problems = example_figures.check(ex, result, rows)
        if not problems:
            figures = example_figures.Figures(ex, result, rows)
            # Placeholders become figures once, here, so every page that quotes the example prints them.
            ex, problems = figures.expand(ex)
        if problems:
            raise DataError(str(path), problems)
        out[slug] = WorkedExample(slug, ex, scenarios[ex.scenario], figures)
    return out


def load_handbook(data_dir: Path | str, docs_dir: Path | str | None = None,
                  examples: list[Path] | None = None) -> Handbook:
    """Read every file of data/; raise one DataError naming the file and place of the first bad one.
    `examples` loads only those example files instead of data/examples/*.yml (the checker's case)."""
    data_dir = Path(data_dir)
    files = {name: loader.load(model, data_dir / f"{name}.yml") for name, model in schema.FILES.items()}
    _cross_checks(files, data_dir, Path(docs_dir) if docs_dir else None)
    scenarios = _folder(data_dir, "scenarios", estimates.load_scenario)  # checked to compute without overflow
    blocks = _folder(data_dir, "blocks", lambda p: loader.load(schema.Block, p))
    _check_blocks(blocks, files, data_dir)
    book = Handbook(**files, scenarios=scenarios, blocks=blocks, examples=_examples(sorted((data_dir / "examples").glob("*.yml")) if examples is None else examples,
                                         files, scenarios, blocks))
    _check_labels(book, data_dir)
    return book
