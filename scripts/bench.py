"""How heavy and how fast the handbook is: `make bench` (a report, not a test).

    .venv/bin/python -m scripts.bench [--out build/bench.json] [--no-lighthouse] [--runs 5]

Measures, on this machine:
- build: a clean `mkdocs build --strict` in a fresh process, into a temporary folder (wall time);
  then the same build in this process with mkdocs-macros timed: its on_config (define_env: loading
  and checking data/, the examples, the scenarios) and its on_page_markdown (rendering every page's
  macros), as seconds and as a share of that build.
- bytes per page type, measured in Chromium from the freshly built site: every response while the
  page loads and settles (including the search index the search worker fetches), split into
  HTML, CSS, JS, fonts, images and data (JSON/XML), both as sent (gzip, as any static host does)
  and uncompressed.
- Lighthouse mobile (performance, accessibility, best practices, SEO, total blocking time, bytes
  transferred) for each page type (home, one-pager, pocket checklist, a worked example, a building
  block, the estimator) and, in the same run, for a plain Material probe page (same theme, no
  extras) built beside the site: medians of 5 runs each (--runs; one run's TBT moves by 20 ms
  or so on this machine, three runs' median by about 10).
- diagrams: how long drawing every diagram takes from an empty cache (the build itself reuses the
  cache, so a rebuild draws only what changed), and their bytes.
- the search index size (fetched only when a reader opens search).
- the budgets, each with its verdict: performance >= 0.98 median on every page type, TBT within
  50 ms of the probe page, accessibility, best practices and SEO 1.0, a worked example <= 200 KB
  transferred with its diagrams, a clean strict build <= 5 s.

The site is served on 127.0.0.1 by a small static server that gzips text like GitHub Pages or
Netlify do (Python's http.server does not compress at all, which no real host does).
Prints a short table and writes the whole report as JSON (default build/bench.json).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.site import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, ROOT, build, serving, wait_until_quiet

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
# The reader's page kinds, and a few more the bench weighs.
BENCH_PAGES = {**PAGE_TYPES, "glossary": "glossary/", "practice": "practice/", "practice tool": "practice/estimator/"}
LIGHTHOUSE_PAGES = {"home": "", "one-pager": "one-pager/", "pocket checklist": "pocket-checklist/",
                    "worked example": "examples/url-shortener/", "building block": "blocks/caching/",
                    "estimator": "practice/estimator/"}
PROBE = "probe (plain Material)"
BUDGET = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
TBT_OVER_PROBE_MS = 50
EXAMPLE_BUDGET_BYTES = 200 * 1024   # a worked example with its diagrams, as sent
BUILD_BUDGET_S = 5.0
PROBE_CONFIG = """site_name: Probe
theme:
  name: material
  font: false
  palette:
    - {media: "(prefers-color-scheme: light)", scheme: default, primary: indigo, accent: indigo}
    - {media: "(prefers-color-scheme: dark)", scheme: slate, primary: indigo, accent: indigo}
"""
PROBE_PAGE = "# A plain page\n\n" + "\n\n".join(
    "A paragraph of ordinary prose, as long as a paragraph of the handbook, with nothing but the theme "
    "around it: no macros, no extra scripts, no extra styles." for _ in range(8)) + (
    "\n\n| Column | Another |\n| --- | --- |\n" + "| a cell | another cell |\n" * 6)
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "font": "fonts", "image": "images",
         "fetch": "data", "xhr": "data"}


# --- build ----------------------------------------------------------------------------------------

def clean_build(dest: Path) -> float:
    start = time.perf_counter()
    done = build(dest)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit("mkdocs build failed:\n" + done.stderr[-3000:])
    return seconds


def timed_build(dest: Path) -> dict:
    """Build again in this process, timing what mkdocs-macros does inside it."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs_macros.plugin import MacrosPlugin

    spent = {"define_env": 0.0, "pages": 0.0, "page_count": 0}
    on_config, on_page = MacrosPlugin.on_config, MacrosPlugin.on_page_markdown

    def timed_config(self, config):
        t = time.perf_counter()
        try:
            return on_config(self, config)
        finally:
            spent["define_env"] += time.perf_counter() - t

    def timed_page(self, markdown, *args, **kwargs):
        t = time.perf_counter()
        try:
            return on_page(self, markdown, *args, **kwargs)
        finally:
            spent["pages"] += time.perf_counter() - t
            spent["page_count"] += 1

    MacrosPlugin.on_config, MacrosPlugin.on_page_markdown = timed_config, timed_page
    try:
        start = time.perf_counter()
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(dest), strict=True)
        build(config)
        total = time.perf_counter() - start
    finally:
        MacrosPlugin.on_config, MacrosPlugin.on_page_markdown = on_config, on_page
    macros = spent["define_env"] + spent["pages"]
    return {"in_process_build_s": round(total, 3), "macros_s": round(macros, 3),
            "macros_define_env_s": round(spent["define_env"], 3), "macros_pages_s": round(spent["pages"], 3),
            "macros_pages": spent["page_count"], "macros_share": round(macros / total, 3)}


# --- bytes per page -------------------------------------------------------------------------------

def totals(finished: list) -> dict:
    sent = dict.fromkeys(["html", "css", "js", "fonts", "images", "data", "other"], 0)
    raw = dict(sent)
    for request in finished:
        kind = KINDS.get(request.resource_type, "other")
        response = request.response()
        sizes = request.sizes()
        sent[kind] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        raw[kind] += len(response.body()) if response else 0
    return {"sent": sent, "sent_total": sum(sent.values()), "uncompressed": raw, "uncompressed_total": sum(raw.values())}


def page_weights(base: str, site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    report = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in BENCH_PAGES.items():
            if not (site / path / "index.html").exists():
                continue
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            finished, pending = [], set()
            page.on("request", lambda r: pending.add(r))
            page.on("requestfinished", lambda r: (finished.append(r), pending.discard(r)))
            page.on("requestfailed", lambda r: pending.discard(r))
            page.goto(base + path, wait_until="load")
            wait_until_quiet(page, pending, quiet_ms=300, limit_ms=20_000)
            load = totals(finished)
            diagrams = (site / path / "index.html").read_text(encoding="utf-8").count('<figure class="diagram"')
            report[name] = {"path": path, "diagrams": diagrams, "requests": len(finished), **load}
            context.close()
        browser.close()
    return report


# --- Lighthouse -----------------------------------------------------------------------------------

def lighthouse_once(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new"] + CHROMIUM_ARGS)
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    cmd = ["timeout", "180", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           f"--chrome-flags={flags}", "--form-factor=mobile"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode or not out.exists():
        return {"error": (done.stderr or done.stdout)[-500:]}
    lh = json.loads(out.read_text())
    audits = lh["audits"]
    failed = sorted(a["id"] for cat in ("accessibility", "best-practices", "seo")
                    for ref in lh["categories"][cat]["auditRefs"]
                    if ref["weight"] and (a := audits[ref["id"]])["score"] is not None and a["score"] < 1)
    return {
        "scores": {cat: lh["categories"][cat]["score"] for cat in BUDGET},
        "metrics": {k: round(audits[k]["numericValue"]) if k != "cumulative-layout-shift"
                    else round(audits[k]["numericValue"], 3)
                    for k in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                              "cumulative-layout-shift", "speed-index", "total-byte-weight")},
        "failed_audits": failed,
    }


def lighthouse(pages: dict[str, str], workdir: Path, runs: int) -> dict:
    """Each page `runs` times; the run with the median performance score is reported (Lighthouse's
    own advice: one run's performance varies by several points on a busy machine)."""
    if not LIGHTHOUSE.exists():
        return {"error": "node_modules/.bin/lighthouse is missing: npm ci installs it (package.json)"}
    report = {}
    for name, url in pages.items():
        results = [lighthouse_once(url, workdir / f"lh-{name.replace(' ', '-').replace('(', '').replace(')', '')}-{i}.json")
                   for i in range(runs)]
        good = sorted((r for r in results if "scores" in r), key=lambda r: r["scores"]["performance"] or 0)
        if not good:
            report[name] = results[0]
            continue
        median = dict(good[len(good) // 2])
        median["performance_runs"] = [r["scores"]["performance"] for r in good]
        tbt = sorted(r["metrics"]["total-blocking-time"] for r in good)
        median["tbt_median_ms"] = tbt[len(tbt) // 2]
        median["tbt_runs_ms"] = tbt
        report[name] = median
    return report


# --- report ---------------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / 1024:.0f}"


def probe_site(dest: Path) -> Path:
    """The plain Material page the budgets are measured against."""
    (dest / "docs").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(PROBE_CONFIG)
    (dest / "docs" / "index.md").write_text(PROBE_PAGE)
    done = build(dest / "site", dest / "mkdocs.yml")
    if done.returncode:
        sys.exit("the probe build failed:\n" + done.stderr[-2000:])
    return dest / "site"


def diagram_report() -> dict:
    """Every diagram the site draws, drawn again from an empty cache: the cost of a cold build."""
    from macros import diagrams
    from macros.handbook import load_handbook

    book = load_handbook(ROOT / "data")
    sources = [diagrams.flow_source(we.example.flow) for we in book.examples.values()]
    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        svgs = [diagrams.draw(src, Path(cache)) for src in sources]
        seconds = time.perf_counter() - start
    sizes = [len(gzip.compress(svg.encode(), 6)) for svg in svgs]
    return {"flows": len(svgs), "cold_draw_s": round(seconds, 3), "gzip_bytes_median": sorted(sizes)[len(sizes) // 2],
            "gzip_bytes_max": max(sizes)}


def verdicts(build_report: dict, weights: dict, scores: dict) -> dict:
    """Each budget, what was measured and whether it holds."""
    out = {"clean build <= 5 s": {"measured": build_report["clean_build_s"], "ok": build_report["clean_build_s"] <= BUILD_BUDGET_S}}
    example = weights.get("worked example")
    if example:
        out["worked example <= 200 KB sent"] = {"measured_kb": round(example["sent_total"] / 1024),
                                                 "ok": example["sent_total"] <= EXAMPLE_BUDGET_BYTES}
    probe = scores.get(PROBE, {})
    for name, r in scores.items():
        if name == PROBE or "scores" not in r:
            continue
        misses = [f"{cat} {r['scores'][cat]}" for cat, want in BUDGET.items() if (r["scores"][cat] or 0) < want]
        if "tbt_median_ms" in probe and r["tbt_median_ms"] > probe["tbt_median_ms"] + TBT_OVER_PROBE_MS:
            misses.append(f"TBT {r['tbt_median_ms']} ms vs probe {probe['tbt_median_ms']} ms")
        out[f"lighthouse: {name}"] = {"misses": misses, "ok": not misses}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "bench.json"))
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs (about 15 s each)")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page; the median is reported")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        build_s = clean_build(site)
        build_report = {"clean_build_s": round(build_s, 3), **timed_build(tmp / "site-timed")}
        index = site / "search" / "search_index.json"
        search = {"search_index_bytes": index.stat().st_size,
                  "search_index_gzip_bytes": len(gzip.compress(index.read_bytes(), 6))}
        drawn = diagram_report()
        probe = probe_site(tmp / "probe")
        with serving(site) as base, serving(probe) as probe_base:
            weights = page_weights(base, site)
            pages = {name: base + path for name, path in LIGHTHOUSE_PAGES.items()} | {PROBE: probe_base}
            scores = {} if args.no_lighthouse else lighthouse(pages, tmp, args.runs)

    report = {
        "machine": {"cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)},
        "build": build_report, "diagrams": drawn, "search": search, "pages": weights, "lighthouse": scores,
        "budgets": verdicts(build_report, weights, scores),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")

    print(f"clean build {build_report['clean_build_s']:.1f} s; macros {build_report['macros_s']:.2f} s "
          f"({build_report['macros_share']:.0%} of an in-process build of {build_report['in_process_build_s']:.1f} s)")
    print(f"diagrams: {drawn['flows']} flows drawn from an empty cache in {drawn['cold_draw_s']:.2f} s "
          f"({drawn['cold_draw_s'] / build_report['in_process_build_s']:.0%} of a build's time if none were cached); "
          f"{drawn['gzip_bytes_median'] / 1024:.1f} KB gzip each (median), {drawn['gzip_bytes_max'] / 1024:.1f} KB at most")
    print(f"search index {kb(search['search_index_bytes'])} KB ({kb(search['search_index_gzip_bytes'])} KB gzip), "
          "fetched when a reader opens search")
    print()
    print(f"{'page (KB sent, gzip)':24} {'html':>5} {'css':>5} {'js':>5} {'fonts':>5} {'img':>5} {'data':>5} "
          f"{'total':>6} {'raw':>6}  diagrams")
    for name, w in weights.items():
        s = w["sent"]
        print(f"{name:24} {kb(s['html']):>5} {kb(s['css']):>5} {kb(s['js']):>5} {kb(s['fonts']):>5} "
              f"{kb(s['images']):>5} {kb(s['data']):>5} {kb(w['sent_total']):>6} {kb(w['uncompressed_total']):>6}  {w['diagrams']}")
    if scores:
        print()
        print(f"{'lighthouse (mobile)':24} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'TBT':>6} {'KB':>5}  (medians of {args.runs} runs)")
        for name, r in scores.items():
            if "scores" in r:
                sc = r["scores"]
                print(f"{name:24} {sc['performance']:>5} {sc['accessibility']:>5} {sc['best-practices']:>5} "
                      f"{sc['seo']:>5} {r['tbt_median_ms']:>6} {kb(r['metrics']['total-byte-weight']):>5}  "
                      f"perf runs {r['performance_runs']}, TBT runs {r['tbt_runs_ms']} {', '.join(r['failed_audits'])}")
            else:
                print(f"{name:24} error: {r['error'][:200]}")
    print()
    for budget, v in report["budgets"].items():
        print(f"{'ok  ' if v['ok'] else 'MISS'} {budget}: " + ", ".join(f"{k} {x}" for k, x in v.items() if k != "ok"))
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
