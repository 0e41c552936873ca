"""Running the browser's search worker in Node, for the tests that compare it with `helpgen search`.

The worker the site ships is built from the theme's parts (helpgen/search/worker_script.py); the
tests run that very script, written once per session by the `worker` fixture.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpgen.search import worker_script
from helpgen.search.rank import rank

from .conftest import REPO

THEME_SCRIPTS = REPO / "themes" / "helpcenter" / "assets" / "javascripts"

# Every Node script gets the worker's module and an index folder: node -e SCRIPT WORKER FOLDER [ARG].
NODE_PRELUDE = """
const fs = require("fs"), path = require("path"), api = require(process.argv[1]), root = process.argv[2];
const newSearcher = () => new api.Searcher(p => Promise.resolve(JSON.parse(fs.readFileSync(path.join(root, p), "utf8"))));
"""

NODE_DRIVER = NODE_PRELUDE + """
const queries = JSON.parse(process.argv[3]);
(async () => {
  const out = {};
  for (const q of queries) {
    // A visitor's first query: nothing loaded yet (a worker keeps what earlier queries fetched).
    const searcher = newSearcher();
    const ranked = await searcher.rank(q);
    const early = [];
    const result = await searcher.search(q, {suggest: true}, null, r => early.push(r));
    out[q] = {ranks: ranked.hits.map(h => [h.doc, h.score]), matched: ranked.hits.map(h => h.matched),
              items: result.items, suggest: result.suggest, total: result.total, early: early};
  }
  process.stdout.write(JSON.stringify(out));
})();
"""


@pytest.fixture(scope="session")
def worker(tmp_path_factory) -> Path:
    """helpgen-search.js as a build writes it."""
    path = tmp_path_factory.mktemp("worker") / "helpgen-search.js"
    path.write_text(worker_script(THEME_SCRIPTS), encoding="utf-8")
    return path


def run_node(worker: Path, script: str, folder: Path, *arguments: str):
    """Run a Node script over the worker module and an index folder; its output, read as JSON."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    done = subprocess.run([node, "-e", script, str(worker), str(folder), *arguments],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def run_worker(worker: Path, folder: Path, queries: list[str]) -> dict:
    """Each query's ranking, its results, and its first paint from the cards (`early`)."""
    return run_node(worker, NODE_DRIVER, folder, json.dumps(queries))


def python_ranks(files, query: str) -> tuple[list[list], list[list[bool]]]:
    """[[doc, score], …] and each hit's matched units, as `helpgen search` ranks the query."""
    lexicon = files.lexicon()
    units, alternatives = files.expanded(query, lexicon)
    hits = rank(units, lexicon, files.manifest["docs"], alternatives=alternatives)
    return [[h.doc, h.score] for h in hits], [list(h.matched) for h in hits]


def assert_same_ranking(worker: Path, files, queries: list[str]) -> dict:
    """The browser worker ranks every query exactly like Python (documents, scores, words matched)."""
    js = run_worker(worker, files.folder, queries)
    for query in queries:
        ranks, matched = python_ranks(files, query)
        assert js[query]["ranks"] == ranks, query
        assert js[query]["matched"] == matched, query
    return js
