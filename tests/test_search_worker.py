"""The browser's search worker (helpgen-search.js, run in Node): it ranks exactly like `helpgen search`,
paints from the chunks' cards before the articles arrive, speaks Material's protocol and escapes
everything it shows."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpgen.search import SearchDocument, Section, build_index, open_site_index, write_index

from .search_node import NODE_PRELUDE, assert_same_ranking, run_node, run_worker, worker  # noqa: F401 (fixture)
from .conftest import REPO
from .test_search import QUERIES


@pytest.fixture(scope="module")
def demo_site(demo_build) -> Path:
    return demo_build / "site"


def test_browser_worker_ranks_exactly_like_python(demo_site, worker):
    queries = [c["query"] for c in QUERIES] + ["ret", "retu", "refunding", "运", "how do i", "qwxzv", "gift card ",
                                           "pasword", "refnud ", "delivey times", "acount", "garanti", "shiping cost",
                                           "password?", "how do i re", "EU"]
    assert_same_ranking(worker, open_site_index(demo_site), queries)
    for lang, words_ in (("da", ["returnere vare", "hvornår får jeg pengene", "returneringen"]),
                         ("zh", ["国际运输", "关税", "如何退货", "运费", "运", "国际运"])):
        assert_same_ranking(worker, open_site_index(demo_site, f"{lang}/"), words_)


def test_worker_results_link_sections_highlight_and_suggest(demo_site, worker):
    result = run_worker(worker, open_site_index(demo_site).folder, ["return an item", "retu"])
    group = result["return an item"]["items"][0]
    assert group[0]["location"] == "returns/how-do-i-return-an-item/"
    assert "<mark>return</mark>" in group[0]["title"]
    assert any("#" in item["location"] for item in group[1:])
    assert result["retu"]["suggest"] == ["return"]


def test_one_word_results_show_from_the_chunk_before_the_articles_arrive(demo_site, worker):
    """The first paint needs no article file: the same articles, in the same order, with the same
    titles, tags and description snippets; the sections come with the second."""
    checked = []
    for prefix, words_ in (("", ["refund", "password", "warranty", "delivery", "invoice", "retu"]),
                           ("zh/", ["运输"]), ("da/", ["returnere"])):
        checked += _first_paint_matches_final(worker, open_site_index(demo_site, prefix), words_)
    assert any(len(group) > 1 for results, word in checked for group in results[word]["items"])


def _first_paint_matches_final(worker, files, words_):
    results = run_worker(worker, files.folder, words_ + ["return an item"])
    docs = {json.loads(p.read_text(encoding="utf-8"))["u"]: json.loads(p.read_text(encoding="utf-8"))
            for p in files.root.glob("d/*.json")}
    for word in words_:
        result = results[word]
        assert result["items"], word
        assert len(result["early"]) == 1, word
        early = result["early"][0]
        assert [g[0]["location"] for g in early["items"]] == [g[0]["location"] for g in result["items"]]
        assert all(len(group) == 1 for group in early["items"])
        assert early["total"] == result["total"] and early["suggest"] == result["suggest"]
        for first, final in zip(early["items"], result["items"]):
            same = ("title", "tags", "score", "terms") + (("text",) if docs[final[0]["location"]]["d"] else ())
            assert {k: first[0][k] for k in same} == {k: final[0][k] for k in same}, word
    return [(results, word) for word in words_]


def test_results_show_from_the_cards_and_once_when_their_articles_are_here(demo_site, worker):
    """The cards' answer comes at once, the sections SECTIONS_AFTER_MS later (their article files wait
    that long, so that a keystroke's answer is one paint while the visitor types on); articles an
    earlier keystroke fetched give one paint, complete (Material redraws the list for each answer)."""
    script = NODE_PRELUDE + """
// A fake clock: timers fire at once and move it on by their delay, so the wait is measured exactly.
let now = 0;
globalThis.setTimeout = (fn, ms) => { now += ms || 0; Promise.resolve().then(fn); return 0; };
Date.now = () => now;
(async () => {
  const searcher = newSearcher(), paints = [];
  let earlyAt = null, firstArticleAfter = null;
  const load = searcher.load;
  searcher.load = p => {
    if (p.includes("/d/") && firstArticleAfter === null) firstArticleAfter = Date.now() - earlyAt;
    return load(p);
  };
  for (const q of ["refund", "refund"]) {
    let early = 0;
    const result = await searcher.search(q, {}, null, () => { early++; earlyAt = Date.now(); });
    paints.push([early, result.items.some(group => group.length > 1)]);
  }
  process.stdout.write(JSON.stringify({paints, firstArticleAfter}));
})();
"""
    out = run_node(worker, script, open_site_index(demo_site).folder)
    assert out["paints"] == [[1, True], [0, True]]
    sections_after = int(re.search(r"SECTIONS_AFTER_MS = (\d+)", worker.read_text()).group(1))
    assert out["firstArticleAfter"] == sections_after > 0


def test_article_files_are_fetched_with_a_query_known_early_and_not_for_one_typed_over(demo_site, worker):
    """A query known while the page loads (a search link's, or typed before Material listens) has its
    articles fetched with its ranking, so that Material's question is answered at once from the cards
    and completed with no fetch; a newer one stops an older one's fetching; a query typed over before
    its articles were asked for fetches none."""
    script = """
const fs = require("fs"), path = require("path"), api = require(process.argv[1]), root = process.argv[2];
const loaded = [];
const newSearcher = () => new api.Searcher(p => {
  loaded.push(p.includes("/d/") ? "article" : p);
  return Promise.resolve(JSON.parse(fs.readFileSync(path.join(root, p), "utf8")));
});
const articles = () => loaded.filter(p => p === "article").length;
(async () => {
  const out = {};
  const linked = newSearcher();
  linked.prefetch("refund");
  const ranked = await linked.prefetched.ranked;
  out.prefetch = [ranked.hits.length, articles()];
  let paints = 0;
  const answer = await linked.search("refund", {}, null, () => paints++);
  out.prefetchedAnswer = [paints, answer.items.length === ranked.hits.length, answer.items.some(g => g.length > 1),
                          articles()];
  const typing = newSearcher(), before = articles();
  typing.prefetch("gift");
  typing.prefetch("refund");
  const typed = await typing.prefetched.ranked;
  await new Promise(resolve => setTimeout(resolve, 0));
  out.typedWhileLoading = [typed.hits.length, articles() - before];
  const counted = articles();
  let current = true;
  const outcome = await newSearcher().search("refund", {}, () => current, () => { current = false; })
    .then(() => "answered", () => "superseded");
  out.typedOver = [outcome, articles() - counted];
  process.stdout.write(JSON.stringify(out));
})();
"""
    out = run_node(worker, script, open_site_index(demo_site).folder)
    hits, fetched = out["prefetch"]
    assert hits and fetched == hits
    # The page's first answer: the cards at once, then the sections from the articles fetched meanwhile.
    assert out["prefetchedAnswer"] == [1, True, True, hits]
    assert out["typedWhileLoading"][1] == out["typedWhileLoading"][0]  # "gift"'s articles never fetched
    assert out["typedOver"] == ["superseded", 0]  # typed on after the cards' answer


WORKER_DRIVER = NODE_PRELUDE + """
const failing = process.argv[3];
globalThis.fetch = url => {
  const file = path.join(root, new URL(url).pathname.replace(/^\\/search\\/helpgen\\//, ""));
  if (failing && file.includes(failing)) return Promise.resolve({ok: false, status: 404});
  const response = {ok: true, json: () => Promise.resolve(JSON.parse(fs.readFileSync(file, "utf8")))};
  // The article files over a slow network: the worker answers first from the chunks' cards.
  return file.includes("/d/") ? new Promise(resolve => setTimeout(() => resolve(response), 300))
    : Promise.resolve(response);
};
const listeners = [], posted = [];
const scope = {location: {href: "http://help.example/assets/javascripts/helpgen-search.js", hash: ""},
               addEventListener: (type, listener) => listeners.push(listener),
               postMessage: message => posted.push(message)};
console.warn = () => {};
api.installWorker(scope);
listeners.forEach(l => l({data: {type: 0, data: {options: {suggest: false}}}}));
listeners.forEach(l => l({data: {type: 2, data: "password"}}));
const deadline = Date.now() + 2000;  // two answers, or what came by then
(function report() {
  if (posted.filter(m => m.type === 3).length < 2 && Date.now() < deadline) return setTimeout(report, 20);
  process.stdout.write(JSON.stringify(posted.map(m => m.type === 3
    ? [m.type, m.data.items.map(group => group.length)] : [m.type])));
  process.exit(0);  // the worker's BroadcastChannel would keep Node running
})();
"""


def worker_messages(worker: Path, folder: Path, failing: str = "") -> list:
    return run_node(worker, WORKER_DRIVER, folder, failing)


def test_the_worker_answers_material_first_from_the_cards_then_with_sections(demo_site, worker):
    messages = worker_messages(worker, open_site_index(demo_site).folder)
    assert messages[0] == [1]  # READY
    (_, early), (_, final) = messages[1:]
    assert early and all(size == 1 for size in early) and len(final) == len(early)
    assert any(size > 1 for size in final)


def test_results_shown_from_the_cards_stay_when_the_article_files_fail(demo_site, worker):
    messages = worker_messages(worker, open_site_index(demo_site).folder, failing="/d/")
    assert len(messages) == 2 and messages[1][1]  # the cards' results, not an empty answer after them


def test_worker_escapes_everything_from_front_matter(tmp_path, worker):
    evil = '<img src=x onerror="alert(1)">'
    doc = SearchDocument("evil/", f"Kayak {evil}", description=f"Kayak {evil}", tags=(evil, "kayak"),
                         sections=(Section("", "", "intro"), Section(f"Kayak {evil}", "a", f"kayak {evil}")))
    write_index(build_index([doc]), tmp_path)
    items = run_worker(worker, tmp_path, ["kayak"])["kayak"]["items"][0]
    rendered = json.dumps(items)
    assert "<img" not in rendered
    assert "&lt;img" in rendered


def test_the_worker_is_written_in_parts_named_like_the_engine_each_under_400_lines():
    """search/*.js sit beside helpgen/search/*.py: the same steps under the same names, each file small."""
    from helpgen.search.worker_script import PARTS

    from .search_node import THEME_SCRIPTS

    folder = THEME_SCRIPTS / "search"
    assert sorted(p.stem for p in folder.glob("*.js")) == sorted(PARTS)
    engine = REPO / "helpgen" / "search"
    for name in ("text", "lexicon", "query", "synonyms", "rank", "searcher"):
        assert (engine / f"{name}.py").is_file() and (folder / f"{name}.js").is_file(), name
    for path in [*folder.glob("*.js"), THEME_SCRIPTS / "helpgen-search-ui.js"]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name
    assert not (THEME_SCRIPTS / "helpgen-search.js").exists()  # built by helpgen, never kept in the theme
