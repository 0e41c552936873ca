"""Instant search at any size: helpgen's search against Pagefind and plain MkDocs + Material, same content.

    python bench/search_speed.py [--articles 5000 --articles 20000] [--plain-up-to 5000] [--runs 3]
                                 [--work /tmp/helpgen-search-bench] [--json results.json] [--reuse-builds]
                                 [--no-pagefind]
    python bench/search_speed.py --languages en,da,zh [--articles 1000] [--runs 3] ...

The issue 21 comparison, in every run (bench/search_typing.py says how it is timed): the visitor
types an English query (TYPED_QUERY) and a Chinese one (the first Chinese article's title) as soon
as the search box exists; the complete answer (helpgen: the results with their sections; Pagefind:
with their excerpts) in ms since navigation, for helpgen on its home page against that page's
DOMContentLoaded, and for Pagefind (pip `pagefind[extended]`) indexing the same article pages, on a
page with its Default UI only (bench/pagefind_site.py; the Chinese query against Pagefind's index
built with --force-language zh, so that Pagefind segments it). Search bytes: gzip size of each file
fetched (helpgen: worker, manifest, chunks, articles; Pagefind: everything under its bundle folder).

For each size, generates a help center with bench/generate.py (seed 1: 20 categories, 300-900 words
per article, ~10% Chinese), builds it with `helpgen build`, and, up to --plain-up-to articles, builds
the same Markdown with plain MkDocs + Material. The plain build lists only the home and category pages
in its navigation: with MkDocs' default navigation (every article on every page) a 5,000-article
build takes ~11 minutes, and the navigation has no effect on search (see ../shared/MEASUREMENTS.md).

Then headless Chromium (bench/search.py's server and recorder; a fresh browser context per run) times
navigation start -> first result two ways, median over queries x runs:
- deep link: open /?q=QUERY, Material's search link, so the query is known from navigation start and
  the figure is page load + search start-up + search (the issue's goal, without the harness's typing);
- typed: bench/search.py's way, open the home page, click the box, type; Playwright types a key per
  CDP round trip, so this also reports the time from the last key to the first result.
Search bytes are the files a visitor fetched whose URL contains "search" (index, worker, chunks,
documents), reported raw and gzip-compressed (level 6, as static hosts serve JSON and JS).
Prints one table and the helpgen : Material ratios.

With --languages, per language: the help center is generated in every language listed (bench/
translations.py: the same N articles in each, at the same paths; the first language at the site root,
the others under /<code>/), built once with `helpgen build`, and each language is measured on its own
home page (/da/?q=…, typing on /da/) with queries in that language (translations.QUERIES); the page's
search reads only its language's index. Prints a table per language (one row per size), to compare with
the one-language figures. Plain Material is not built in this mode (it has no per-language index).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import vocabulary as vocab  # noqa: E402
from generate import generate, write_plain_variant  # noqa: E402
from translations import QUERIES as LANGUAGE_QUERIES, generate_languages  # noqa: E402
from search import (CHROMIUM, CHROMIUM_ARGS, FIRST_RESULT, RECORD_FIRST_RESULT_JS, serve_directory,  # noqa: E402
                    time_one_search)
import pagefind_site  # noqa: E402
from search_typing import time_typing  # noqa: E402

REPO = BENCH.parent
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
# Words from the generator's own vocabulary: each matches many article titles and bodies.
QUERIES = ("refund", "password", "warranty")
TYPED_QUERY = "refund policy"  # issue 21's English query
HELPGEN_BOX, HELPGEN_RESULTS = "input.md-search__input", ".md-search-result__list"


def log(message: str) -> None:
    print(f"[search-bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SOURCE_DATE_EPOCH="1795000000")
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def run_build(command: list[str], cwd: Path) -> float:
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build failed in {cwd}:\n{done.stderr[-3000:]}")
    return round(time.monotonic() - started, 1)


def category_navigation_yaml() -> str:
    lines = ["nav:", "  - index.md"] + [f"  - {c.slug}/index.md" for c in vocab.CATEGORIES]
    return "\n".join(lines) + "\n"


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def search_transfer(site: Path, files: list[str]) -> tuple[int, int]:
    """(raw bytes, gzip bytes) of the search files a visit fetched (URL paths under the site)."""
    raw = zipped = 0
    for url in files:
        path = site / url.split("?")[0].lstrip("/")
        if path.is_file():
            raw += path.stat().st_size
            zipped += gzip_size(path)
    return raw, zipped


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def time_deep_link(browser, base_url: str, server, query: str, timeout_s: float) -> dict:
    """Open /?q=QUERY (Material's search deep link): the query is there from navigation start, so the
    figure is page load + search start-up + the search itself, without Playwright's typing time."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.add_init_script(RECORD_FIRST_RESULT_JS)
        server.sent.clear()
        page.goto(f"{base_url}/?q={quote(query)}", wait_until="domcontentloaded", timeout=timeout_s * 1000)
        page.wait_for_selector(FIRST_RESULT, state="visible", timeout=timeout_s * 1000)
        first_result_ms = page.evaluate("window.__firstResultAt")
        loaded_ms = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        sent = list(server.sent)
    finally:
        context.close()
    return {"first_result_s": round(first_result_ms / 1000, 3), "page_loaded_s": round(loaded_ms / 1000, 3),
            "search_files": sorted({path for path, _ in sent if "search" in path})}


def measure(site: Path, runs: int, timeout: float, prefix: str = "", queries: tuple[str, ...] = QUERIES) -> dict:
    """Per query and run, a fresh browser context each: the deep link, then typing (bench/search.py).
    `prefix`: the language's part of the site ("da/"), whose home page the visits start from."""
    from playwright.sync_api import sync_playwright

    deep, typed, latency, loaded, transfers, fetched = [], [], [], [], [], set()
    with serve_directory(site) as (server_url, server), sync_playwright() as playwright:
        base_url = server_url + ("/" + prefix.rstrip("/") if prefix else "")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for query in queries:
                for _ in range(runs):
                    sample = time_deep_link(browser, base_url, server, query, timeout)
                    deep.append(sample["first_result_s"])
                    loaded.append(sample["page_loaded_s"])
                    transfers.append(search_transfer(site, sample["search_files"]))
                    fetched.update(sample["search_files"])
                    sample = time_one_search(browser, base_url, server, query, timeout)
                    typed.append(sample["first_result_s"])
                    latency.append(round(sample["first_result_s"] - sample["typed_at_s"], 3))
                log(f"  {query!r}: deep link {deep[-runs:]} s, typed {typed[-runs:]} s "
                    f"(after the last key {latency[-runs:]} s)")
        finally:
            browser.close()
    return {
        "first_result_median_s": statistics.median(deep),
        "deep_link_all_s": deep,
        "page_loaded_median_s": statistics.median(loaded),
        "typed_median_s": statistics.median(typed),
        "typed_all_s": typed,
        "after_last_key_median_s": statistics.median(latency),
        "search_bytes_raw": round(statistics.median(t[0] for t in transfers)),
        "search_bytes_gzip": round(statistics.median(t[1] for t in transfers)),
        # helpgen's index folders the pages read (Material's own, nearly empty search_index.json aside).
        "index_folders_fetched": sorted({path.split("search/helpgen/")[0] + "search/helpgen/" for path in fetched
                                         if "search/helpgen/" in path}),
    }


def chinese_title(project: Path) -> str:
    """The title of the first Chinese article (generate.py names them zh-…): a Chinese query."""
    for path in sorted((project / "content").glob("*/zh-*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("title:"):
                return line.split(":", 1)[1].strip().strip('"')
    sys.exit(f"no Chinese article in {project}")


def typing_race(site: Path, runs: int, timeout: float, zh_query: str, pagefind: bool, plain: Path | None = None) -> dict:
    """helpgen and Pagefind, each query typed as soon as the box exists, `runs` fresh contexts each,
    alternating the tools so that both meet the same spells of load; medians. With `plain` (the same
    articles built by plain MkDocs + Material), the English query on its page too: when Material's own
    page lets the box be typed into and the typing end is the floor of any answer shown by Material's
    search UI, helpgen's included."""
    from contextlib import ExitStack

    from playwright.sync_api import sync_playwright

    def helpgen_files(url: str) -> bool:
        return "search" in url and "pagefind" not in url

    samples: dict[str, list[dict]] = {}
    with ExitStack() as stack, sync_playwright() as playwright:
        base, _ = stack.enter_context(serve_directory(site))
        plain_base = stack.enter_context(serve_directory(plain))[0] if plain else None
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for _ in range(runs):
                for lang, query in (("en", TYPED_QUERY), ("zh", zh_query)):
                    samples.setdefault(f"helpgen-{lang}", []).append(time_typing(
                        browser, base + "/", HELPGEN_BOX, HELPGEN_RESULTS, query, helpgen_files, timeout))
                    if plain_base and lang == "en":  # Material's lunr: English only
                        samples.setdefault("material-en", []).append(time_typing(
                            browser, plain_base + "/", HELPGEN_BOX, HELPGEN_RESULTS, query,
                            lambda url: "search_index.json" in url, timeout))
                    if pagefind:
                        bundle = "pagefind" if lang == "en" else "pagefind-zh"
                        samples.setdefault(f"pagefind-{lang}", []).append(time_typing(
                            browser, f"{base}/{bundle}-search.html", pagefind_site.BOX, pagefind_site.RESULTS, query,
                            lambda url, bundle=bundle: f"/{bundle}/" in url, timeout))
                log("  typed: " + ", ".join(f"{k} {v[-1]['complete_ms']} ms" for k, v in samples.items()))
        finally:
            browser.close()
    out = {}
    for key, found in samples.items():
        out[key] = {"complete_ms": statistics.median(s["complete_ms"] for s in found),
                    "box_ms": statistics.median(s["box_ms"] for s in found),
                    "typed_ms": statistics.median(s["typed_ms"] for s in found),
                    "after_typing_ms": statistics.median(s["complete_ms"] - s["typed_ms"] for s in found),
                    "complete_all_ms": [s["complete_ms"] for s in found],
                    "dom_content_loaded_ms": statistics.median(s["dom_content_loaded_ms"] for s in found),
                    "search_bytes": statistics.median(search_transfer(site, s["search_files"])[1] for s in found)}
    return out


def race_table(rows: list[dict]) -> str:
    lines = ["| articles | query | helpgen complete | its page's DOMContentLoaded | helpgen / DCL | Pagefind complete | "
             "helpgen / Pagefind | search bytes helpgen | Pagefind | box typed into, typing done, answer after it: "
             "helpgen · Pagefind | plain Material's page, same articles: box typed into, typing done, complete |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        race = row.get("typed_race") or {}
        for lang in ("en", "zh"):
            h, p = race.get(f"helpgen-{lang}"), race.get(f"pagefind-{lang}")
            if not h:
                continue
            pf = f"{p['complete_ms']:.0f} ms | {h['complete_ms'] / p['complete_ms']:.2f}x" if p else "– | –"
            pb = f"{p['search_bytes'] / 1e3:,.0f} kB" if p else "–"
            lines.append(f"| {row['articles']:,} | {row['typed_queries'][lang]} | {h['complete_ms']:.0f} ms | "
                         f"{h['dom_content_loaded_ms']:.0f} ms | {h['complete_ms'] / h['dom_content_loaded_ms']:.2f}x | "
                         f"{pf} | {h['search_bytes'] / 1e3:,.0f} kB | {pb} | {_phases(h)} · {_phases(p)} | "
                         f"{_floor(race.get(f'material-{lang}'))} |")
    return "\n".join(lines)


def _floor(m: dict | None) -> str:
    """Material's own page: no answer shown by its search UI can come before the typing is done there."""
    return f"{m['box_ms']:.0f}, {m['typed_ms']:.0f}, {m['complete_ms']:.0f} ms" if m else "–"


def _phases(m: dict | None) -> str:
    """When the box could be typed into, when the typing was done, and the answer's own time after it."""
    return f"{m['box_ms']:.0f}, {m['typed_ms']:.0f}, +{m['after_typing_ms']:.0f} ms" if m else "–"


def bench_size(n: int, work: Path, with_plain: bool, runs: int, timeout: float, reuse: bool = False,
               pagefind: bool = True) -> dict:
    project, plain = work / f"helpgen-{n}", work / f"plain-{n}"
    if not (project / "content").is_dir():
        log(f"generating {n} articles into {project}")
        generate(project, n)
    row: dict = {"articles": n}
    log(f"helpgen build of {n} articles")
    row["helpgen_build_s"] = (None if reuse and (project / "site" / "index.html").is_file() else
                              run_build([str(VENV_BIN / "helpgen"), "build", "--site-dir", str(project / "site")],
                                        project))
    index_bytes, index_files = folder_size(project / "site" / "search" / "helpgen")
    row["helpgen_index_bytes"], row["helpgen_index_files"] = index_bytes, index_files
    if pagefind:
        log("Pagefind index of the same article pages (and one with --force-language zh)")
        for bundle, language in (("pagefind", None), ("pagefind-zh", "zh")):
            pagefind_site.index_site(project / "site", bundle, language, PYTHON)
            pagefind_site.write_search_page(project / "site", bundle, language or "en")
    if with_plain:
        if not (plain / "content").is_dir():
            write_plain_variant(project, plain)
            with open(plain / "mkdocs.yml", "a", encoding="utf-8") as config:
                config.write(category_navigation_yaml())
        log(f"plain MkDocs + Material build of {n} articles (category navigation)")
        row["material_build_s"] = (None if reuse and (plain / "site" / "index.html").is_file() else
                                   run_build([PYTHON, "-m", "mkdocs", "build", "-d", str(plain / "site")], plain))
    row["typed_queries"] = {"en": TYPED_QUERY, "zh": chinese_title(project)}
    log(f"typing {TYPED_QUERY!r} and {row['typed_queries']['zh']!r} as soon as the box exists ({runs} runs)")
    row["typed_race"] = typing_race(project / "site", runs, timeout, row["typed_queries"]["zh"], pagefind,
                                    plain / "site" if with_plain else None)
    log(f"measuring helpgen search ({len(QUERIES)} queries x {runs} runs)")
    row["helpgen"] = measure(project / "site", runs, timeout)
    if with_plain:
        log(f"measuring Material search ({len(QUERIES)} queries x {runs} runs)")
        row["material"] = measure(plain / "site", runs, timeout)
    return row


def bench_languages(n: int, work: Path, languages: tuple[str, ...], runs: int, timeout: float,
                    reuse: bool = False) -> dict:
    """One multi-language help center with `n` articles in each language, built once; each language's
    search measured from its own home page with its own queries."""
    project = work / f"helpgen-{n}-{'-'.join(languages)}"
    if not (project / "content").is_dir():
        log(f"generating {n} articles in each of {', '.join(languages)} into {project}")
        generate_languages(project, n, languages)
    row: dict = {"articles": n, "languages": {}}
    log(f"helpgen build of {n} articles x {len(languages)} languages")
    row["helpgen_build_s"] = (None if reuse and (project / "site" / "index.html").is_file() else
                              run_build([str(VENV_BIN / "helpgen"), "build", "--site-dir", str(project / "site")],
                                        project))
    for position, code in enumerate(languages):
        prefix = "" if position == 0 else f"{code}/"
        index_bytes, index_files = folder_size(project / "site" / prefix / "search" / "helpgen")
        log(f"measuring {code} search at /{prefix} ({len(LANGUAGE_QUERIES[code])} queries x {runs} runs)")
        result = measure(project / "site", runs, timeout, prefix, LANGUAGE_QUERIES[code])
        if result["index_folders_fetched"] != [f"/{prefix}search/helpgen/"]:
            sys.exit(f"error: the {code} pages read {result['index_folders_fetched']}, "
                     f"not /{prefix}search/helpgen/ only")
        row["languages"][code] = {"queries": list(LANGUAGE_QUERIES[code]), "prefix": prefix,
                                  "index_bytes": index_bytes, "index_files": index_files, **result}
    return row


def language_tables(rows: list[dict]) -> str:
    """A table per language, a row per size."""
    out = []
    for code in rows[0]["languages"]:
        m0 = rows[0]["languages"][code]
        out.append(f"\n{code}: pages at /{m0['prefix']}, queries {', '.join(m0['queries'])} "
                   "(build s: the whole site, every language)")
        out.append("| articles per language | build s | first result: ?q= deep link | typed (after last key) | "
                   "page loaded | search transfer gzip (raw) | index on disk |")
        out.append("|---|---|---|---|---|---|---|")
        for row in rows:
            m = row["languages"][code]
            out.append(f"| {row['articles']:,} | {row['helpgen_build_s'] or 'reused'} | "
                       f"{m['first_result_median_s']:.3f} s | {m['typed_median_s']:.3f} s "
                       f"({m['after_last_key_median_s']:.3f} s) | {m['page_loaded_median_s']:.3f} s | "
                       f"{m['search_bytes_gzip'] / 1e3:,.0f} kB ({m['search_bytes_raw'] / 1e3:,.0f} kB) | "
                       f"{m['index_bytes'] / 1e6:.1f} MB, {m['index_files']} files |")
    return "\n".join(out).lstrip("\n")


def table(rows: list[dict]) -> str:
    lines = ["| articles | tool | build s | first result: ?q= deep link | typed (after last key) | "
             "page loaded | search transfer gzip (raw) |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        for tool in ("helpgen", "material"):
            if tool not in row:
                continue
            m = row[tool]
            lines.append(f"| {row['articles']:,} | {tool} | {row[f'{tool}_build_s'] or 'reused'} | "
                         f"{m['first_result_median_s']:.3f} s | {m['typed_median_s']:.3f} s "
                         f"({m['after_last_key_median_s']:.3f} s) | {m['page_loaded_median_s']:.3f} s | "
                         f"{m['search_bytes_gzip'] / 1e3:,.0f} kB ({m['search_bytes_raw'] / 1e3:,.0f} kB) |")
        if "material" in row:
            h, m = row["helpgen"], row["material"]
            lines.append(f"| {row['articles']:,} | Material / helpgen | | "
                         f"{m['first_result_median_s'] / h['first_result_median_s']:.1f}x | "
                         f"{m['typed_median_s'] / h['typed_median_s']:.1f}x "
                         f"({m['after_last_key_median_s'] / max(h['after_last_key_median_s'], 0.001):.0f}x) | | "
                         f"{m['search_bytes_gzip'] / max(h['search_bytes_gzip'], 1):.0f}x |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="sizes (default: 5000)")
    parser.add_argument("--plain-up-to", type=int, default=5000, help="build plain Material up to this size")
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts per query")
    parser.add_argument("--timeout", type=float, default=180, help="seconds to wait for a first result")
    parser.add_argument("--work", type=Path, default=Path("/tmp/helpgen-search-bench"),
                        help="where projects are generated and built (reused when present)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--reuse-builds", action="store_true", help="measure sites already built in --work")
    parser.add_argument("--languages", help="per language: a multi-language site, e.g. en,da,zh (the first at "
                        "the root), N articles in each; a table per language")
    parser.add_argument("--no-pagefind", action="store_true", help="leave Pagefind out of the typing comparison")
    args = parser.parse_args(argv)
    if args.languages:
        languages = tuple(args.languages.split(","))
        unknown = [code for code in languages if code not in LANGUAGE_QUERIES]
        if unknown:
            parser.error(f"no queries for {', '.join(unknown)}: use some of {', '.join(LANGUAGE_QUERIES)}")
        rows = [bench_languages(n, args.work, languages, args.runs, args.timeout, args.reuse_builds)
                for n in (args.articles or [1000])]
    else:
        rows = [bench_size(n, args.work, n <= args.plain_up_to, args.runs, args.timeout, args.reuse_builds,
                           not args.no_pagefind) for n in (args.articles or [5000])]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(json.dumps(rows, indent=2), file=sys.stderr)
    print(language_tables(rows) if args.languages else table(rows) + "\n\n" + race_table(rows))


if __name__ == "__main__":
    main()
