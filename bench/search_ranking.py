"""Does the article a customer means come first? helpgen, Pagefind and plain Material on real help centers.

    python bench/search_ranking.py CORPORA [--set tests/search_ranking/plausible_en.yml ...]
                                   [--tools helpgen,pagefind,material] [--work DIR] [--json F] [--misses]

CORPORA is a folder holding copies of public help centers' repositories (never this repository):
each known-item set under tests/search_ranking/ names the folder below it (`corpus:`), its language,
and questions written the way customers ask, each with the article a person would open. Per set:

1. bench/corpus.py turns every Markdown file into a page of a helpgen project and of a plain
   MkDocs + Material project, at the same URL, with the same title, description and text;
2. helpgen builds the first (its index, searched with `helpgen search`'s engine, which the browser
   worker matches exactly: tests/test_search_worker.py); plain MkDocs + Material builds the second;
3. Pagefind (pip `pagefind[extended]`: Chinese segmentation included) indexes the plain site's
   article pages, their <article> element only (Material's navigation and footer left out), and
   answers each question through its own JavaScript API in headless Chromium;
4. Material's own search worker answers each question from the plain site's search_index.json in
   headless Chromium (default settings; jieba segments its Chinese at build time);
5. for each engine: the position of the expected article among the articles it lists (category and
   home pages skipped), and the share of questions answered first (top-1) and in the first three (top-3).

Prints a table (and with --misses, each miss with what came first); --json writes every ranking.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
from corpus import Page, read_pages, write_projects  # noqa: E402
from search import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402
from search_speed import PYTHON, VENV_BIN, run_build  # noqa: E402
import pagefind_site  # noqa: E402

SETS = sorted((REPO / "tests" / "search_ranking").glob("*.yml"))
TOOLS = ("helpgen", "pagefind", "material")
SHOWN = 10

PAGEFIND_JS = """
async (queries) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const out = {};
  for (const q of queries) {
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, %d).map(r => r.data()));
    out[q] = data.map(d => d.url);
  }
  return out;
}
""" % SHOWN

MATERIAL_JS = """
async ([workerUrl, queries]) => {
  const index = await (await fetch("search/search_index.json")).json();
  const worker = new Worker(workerUrl);
  const next = () => new Promise(resolve => worker.addEventListener("message", e => resolve(e.data), {once: true}));
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await next();
  const out = {};
  for (const q of queries) {
    worker.postMessage({type: 2, data: q});
    const result = await next();
    out[q] = result.data.items.map(group => group[0].location.split("#")[0]);
  }
  worker.terminate();
  return out;
}
"""


def log(message: str) -> None:
    print(f"[ranking {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_set(path: Path) -> dict:
    known = yaml.safe_load(path.read_text(encoding="utf-8"))
    for case in known["queries"]:
        case["expect"] = [case["expect"]] if isinstance(case["expect"], str) else list(case["expect"])
    return known


def url_key(url: str) -> str:
    """A result's page, as `Page.url` spells it: no site root, no #anchor, no index.html."""
    path = url.split("#")[0].split("?")[0].removesuffix("index.html").lstrip("/")
    return path if path.endswith("/") or not path else path + "/"


def ranks(results: dict[str, list[str]], queries: list[dict], by_url: dict[str, Page]) -> list[dict]:
    """Per question: the expected article's position among the articles listed (None: not listed)."""
    out = []
    for case in queries:
        listed = list(dict.fromkeys(by_url[key].source for key in map(url_key, results.get(case["q"], []))
                                    if key in by_url))
        found = [i + 1 for i, source in enumerate(listed) if source in case["expect"]]
        out.append({"q": case["q"], "expect": case["expect"], "rank": found[0] if found else None, "top": listed[:3]})
    return out


def rates(ranked: list[dict]) -> tuple[float, float]:
    n = max(len(ranked), 1)
    return (sum(r["rank"] == 1 for r in ranked) / n, sum(r["rank"] is not None and r["rank"] <= 3 for r in ranked) / n)


def helpgen_results(site: Path, queries: list[str]) -> dict[str, list[str]]:
    sys.path.insert(0, str(REPO))
    from helpgen.search import open_site_index

    index = open_site_index(site)
    return {q: [r.location for r in index.search(q, SHOWN)] for q in queries}


def browser_results(site: Path, script: str, argument) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as (base_url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_context().new_page()
            page.goto(base_url + "/")
            return page.evaluate(script, argument)
        finally:
            browser.close()


def bench_set(path: Path, corpora: Path, work: Path, tools: tuple[str, ...]) -> dict:
    known = load_set(path)
    folder = corpora / known["corpus"]
    if not folder.is_dir():
        sys.exit(f"error: {folder} not found: fetch the help center named in {path.name} into {corpora}")
    pages = read_pages(folder)
    by_url = {page.url: page for page in pages}
    sources = {page.source for page in pages}
    missing = [e for case in known["queries"] for e in case["expect"] if e not in sources]
    if missing:
        sys.exit(f"error: {path.name} expects articles {folder} does not have: {missing}")
    root = work / path.stem
    helpgen_dir, plain_dir = root / "helpgen", root / "plain"
    if root.exists():
        shutil.rmtree(root)
    write_projects(pages, helpgen_dir, plain_dir, known["name"], known["language"])
    queries = [case["q"] for case in known["queries"]]
    row: dict = {"set": known["name"], "articles": len(pages), "queries": len(queries), "tools": {}}
    results: dict[str, dict[str, list[str]]] = {}
    if "helpgen" in tools:
        log(f"{known['name']}: helpgen build of {len(pages)} articles")
        run_build([str(VENV_BIN / "helpgen"), "build", "--site-dir", str(helpgen_dir / "site")], helpgen_dir)
        results["helpgen"] = helpgen_results(helpgen_dir / "site", queries)
    if {"pagefind", "material"} & set(tools):
        log(f"{known['name']}: plain MkDocs + Material build")
        run_build([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(plain_dir / "site")], plain_dir)
    if "pagefind" in tools:
        log(f"{known['name']}: Pagefind index of the article pages")
        pagefind_site.index_site(plain_dir / "site", "pagefind", python=PYTHON)
        results["pagefind"] = browser_results(plain_dir / "site", PAGEFIND_JS, queries)
    if "material" in tools:
        log(f"{known['name']}: Material's search worker")
        worker = next((plain_dir / "site" / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
        results["material"] = browser_results(plain_dir / "site", MATERIAL_JS,
                                              [f"assets/javascripts/workers/{worker}", queries])
    for tool, found in results.items():
        ranked = ranks(found, known["queries"], by_url)
        top1, top3 = rates(ranked)
        row["tools"][tool] = {"top1": top1, "top3": top3, "ranks": ranked}
    return row


def table(rows: list[dict], tools: tuple[str, ...]) -> str:
    head = "| help center | articles | questions | " + " | ".join(f"{t} top-1 | {t} top-3" for t in tools) + " |"
    lines = [head, "|---|---|---|" + "---|---|" * len(tools)]
    for row in rows:
        cells = " | ".join(f"{row['tools'][t]['top1']:.0%} | {row['tools'][t]['top3']:.0%}" if t in row["tools"]
                           else "– | –" for t in tools)
        lines.append(f"| {row['set']} | {row['articles']} | {row['queries']} | {cells} |")
    return "\n".join(lines)


def misses(rows: list[dict]) -> str:
    out = []
    for row in rows:
        for tool, result in row["tools"].items():
            for r in result["ranks"]:
                if r["rank"] is None or r["rank"] > 3:
                    out.append(f"{row['set']} · {tool}: {r['q']!r} -> rank {r['rank']} (want {r['expect'][0]}; "
                               f"got {r['top']})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, help="folder holding the help centers the sets name")
    parser.add_argument("--set", dest="sets", type=Path, action="append", help="known-item sets (default: all)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: helpgen, pagefind, material")
    parser.add_argument("--work", type=Path, default=Path("/tmp/helpgen-search-ranking"))
    parser.add_argument("--json", type=Path, help="also write every ranking here")
    parser.add_argument("--misses", action="store_true", help="list each question not in an engine's top 3")
    args = parser.parse_args(argv)
    tools = tuple(t for t in args.tools.split(",") if t)
    unknown = set(tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools {sorted(unknown)}: use some of {', '.join(TOOLS)}")
    rows = [bench_set(path, args.corpora, args.work, tools) for path in (args.sets or SETS)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(rows, tools))
    if args.misses:
        print(misses(rows))


if __name__ == "__main__":
    main()
