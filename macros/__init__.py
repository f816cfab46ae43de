"""mkdocs-macros entry point: load and check data/ once, then expose the page macros."""


def define_env(env):
    import os
    from pathlib import Path

    from mkdocs.exceptions import PluginError

    from . import building_blocks, capacity, example_page, practice, render, rubric  # noqa: F401  (they register macros)
    from .errors import DataError
    from .handbook import load_handbook
    from .registry import MACROS, Unavailable, bound, here_for

    root = Path(env.conf["config_file_path"]).parent
    data_dir = Path(env.conf.get("extra", {}).get("handbook_data", root / "data"))
    data_dir = data_dir if data_dir.is_absolute() else root / data_dir
    try:
        book = load_handbook(data_dir, env.conf["docs_dir"])
    except DataError as exc:
        if not os.environ.get("HANDBOOK_SERVE"):
            raise PluginError(str(exc)) from None  # MkDocs prints this cleanly and writes nothing
        # `make serve`: the dev server keeps running, every page says what is wrong, and the next
        # save that fixes the file brings the pages back.
        env.conf["extra"]["data_error"] = exc.message
        env.variables["book"], env.variables["offline_copy"] = Unavailable(), False
        for name in MACROS:
            env.macro(lambda *args, **kwargs: '\n!!! failure "Not shown: a data file is wrong (see the top of the page)"\n', name)
        return
    env.variables["book"] = book
    # The copy for reading from a folder (OFFLINE=true): its pages do not link to the zip they are in.
    offline = env.conf["plugins"].get("material/offline")
    env.variables["offline_copy"] = bool(offline and offline.config.enabled)

    context = {"book": lambda: book, "here": lambda: here_for(env.variables["files"], env.page.file)}
    for name, fn in MACROS.items():
        env.macro(bound(fn, context), name)

    # Every glossary term becomes a tooltip on every page (Python-Markdown's abbr glossary).
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = render.abbreviation_glossary(book)
