"""mkdocs-macros entry point: load and check data/ once, then expose the renderers to pages."""


def define_env(env):
    from pathlib import Path

    from mkdocs.exceptions import PluginError

    from . import practice, render
    from .errors import DataError
    from .example_page import render_example, render_examples_index
    from .examples import load_examples
    from .handbook import load_handbook

    root = Path(env.conf["config_file_path"]).parent
    data_dir = Path(env.conf.get("extra", {}).get("handbook_data", root / "data"))
    data_dir = data_dir if data_dir.is_absolute() else root / data_dir
    try:
        book = load_handbook(data_dir, env.conf["docs_dir"])
        examples = load_examples(data_dir, book)
        scenarios = practice.load_raw_scenarios(data_dir)
    except DataError as exc:
        raise PluginError(str(exc)) from None  # MkDocs prints this cleanly and writes nothing
    env.variables["book"] = book

    def here() -> str:
        return env.page.file.src_uri

    # Renderers that need the current page (for relative links) get it here; the rest take only data.
    for name in ("budget_table", "steps_overview", "pocket_checklist", "pocket_details",
                 "red_team", "red_team_questions", "baseline", "latency_table"):
        fn = getattr(render, name)
        env.macro(lambda *a, _fn=fn, **k: _fn(book, here(), *a, **k), name)
    for name in ("mantra", "framework_diagram", "step_budget", "step_checklists", "step_analogy", "analogy",
                 "opening_script", "back_of_envelope", "data_model_checklist",
                 "job_state_machine", "job_states_inline", "data_flow", "failure_inventory",
                 "tradeoff_playbook", "roadmap_ladder", "security_chain", "principles", "deep_keys",
                 "practice_protocol", "post_mortem", "reflection", "glossary", "references",
                 "powers_of_two", "availability", "time_facts"):
        fn = getattr(render, name)
        env.macro(lambda *a, _fn=fn, **k: _fn(book, *a, **k), name)
    env.macro(lambda slug: render_example(book, examples[slug], here(), env.conf["use_directory_urls"]),
              "worked_example")
    env.macro(lambda: render_examples_index(book, examples, here()), "examples_index")

    # Practice tools (pages under docs/practice/; their scripts load only there).
    env.macro(lambda: practice.estimator(scenarios), "estimator")
    env.macro(lambda: practice.timer(book, here()), "interview_timer")
    env.macro(lambda: practice.red_team_drill(book, here()), "red_team_drill")
    env.macro(lambda: practice.prompt_picker(examples, here()), "prompt_picker")
    env.macro(lambda: practice.post_mortem_form(book), "post_mortem_form")
    env.macro(lambda *names: practice.page_scripts(env.page.url, *names), "page_scripts")

    @env.macro
    def guide(section: str) -> str:
        value = getattr(book.guide, section)
        return render.named_list(value, section.replace("_", "-")) if isinstance(value, list) else value + "\n"

    # Every glossary term becomes a tooltip on every page (Python-Markdown's abbr glossary).
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = render.abbreviation_glossary(book)
