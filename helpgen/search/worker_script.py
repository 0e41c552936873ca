"""The browser's search worker, helpgen-search.js, joined from the theme's search/*.js at build time.

The worker is written as files named like this package's modules (text, lexicon, query, synonyms,
rank, searcher) plus Material's presentation and protocol (present, worker), each a few hundred lines at
most. A browser would fetch them one after another (a worker's importScripts runs in order), each
request after the last, so the site gets them as one file, in the order below, inside one function
whose `api` object is what Node's tests require.
"""
from __future__ import annotations

from pathlib import Path

PARTS = ("text", "lexicon", "query", "synonyms", "rank", "present", "searcher", "worker")
SCRIPT = "helpgen-search.js"  # in assets/javascripts/, where the pages' config points Material
FOLDER = "search"  # the parts, beside it in the theme

_HEAD = """/* helpgen-search.js: Material's search worker, answering from helpgen's prebuilt index.
 * Built by helpgen from the theme's assets/javascripts/search/*.js; read those (worker.js first). */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof WorkerGlobalScope !== "undefined" && root instanceof WorkerGlobalScope) {
    api.installWorker(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var api = {};
"""
_TAIL = """
  return api;
});
"""


def worker_script(javascripts: Path) -> str:
    """helpgen-search.js from the parts in `javascripts`/search/ (the theme's assets/javascripts/)."""
    parts = [(Path(javascripts) / FOLDER / f"{name}.js").read_text(encoding="utf-8") for name in PARTS]
    return _HEAD + "\n".join(parts) + _TAIL


def part_paths() -> tuple[str, ...]:
    """The parts' paths below the theme's assets/javascripts/, which the site does not need on their own."""
    return tuple(f"{FOLDER}/{name}.js" for name in PARTS)
