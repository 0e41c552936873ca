"""Search: what a customer types finds the article they mean, in English, Danish and Chinese,
from a small prebuilt index; the browser worker ranks exactly like `helpgen search`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.search import (IndexFiles, SearchDocument, Section, build_index, open_site_index, split_sections,
                            write_index)
from helpgen.search.text import detect_language, terms, words

from .conftest import REPO, tree_bytes

QUERIES = yaml.safe_load((REPO / "tests" / "search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_site(demo_build) -> Path:
    return demo_build / "site"


def index_of(*documents: SearchDocument, folder: Path) -> IndexFiles:
    write_index(build_index(list(documents)), folder)
    return IndexFiles(folder)


def location(src: str, lang: str | None = None) -> str:
    """The URL of a content path; in the demo, other languages than English live under /<lang>/."""
    return (f"{lang}/" if lang else "") + src.removesuffix(".md") + "/"


# --- text ------------------------------------------------------------------------------------------

def test_words_are_lowercased_and_han_runs_kept_apart():
    assert words("Track my ORDER, now!") == ["track", "my", "order", "now"]
    assert words("iPhone手机壳 3-D") == ["iphone", "手机壳", "3"]


def test_english_is_stemmed_and_stop_words_dropped():
    assert terms("How do I return items?", "en") == [("return", "return"), ("items", "item")]


def test_danish_is_stemmed_with_the_danish_stemmer_and_kept_apart_from_english():
    assert ("returnerer", "return~da") in terms("Hvordan returnerer jeg en vare?", "da")
    assert detect_language("Hvordan returnerer jeg en vare? Du kan returnere varer gratis.") == "da"
    assert detect_language("How do I return an item? You can return it for free.") == "en"


def test_chinese_is_segmented_with_jieba():
    found = [surface for surface, _ in terms("国际运输需要多长时间", "en")]
    assert {"国际", "运输", "时间"} <= set(found)


# helpgen reads jieba's dictionary cache itself (at once, not a few bytes at a time): it must hold what
# jieba would have loaded, and leave the loading to jieba when there is no cache to read.
_JIEBA_LOAD = """
import sys, jieba
from helpgen.search import text
text._jieba()
ours = jieba.dt
own = jieba.Tokenizer()
own.initialize()
sentence = "如何更改我的送货地址？我们会在两个工作日内回复您的邮件，退款需要五到七个工作日。"
print(ours.initialized, ours.FREQ == own.FREQ, ours.total == own.total,
      list(ours.cut_for_search(sentence)) == list(own.cut_for_search(sentence)))
"""


def test_jiebas_dictionary_is_loaded_as_jieba_loads_it(tmp_path):
    done = subprocess.run([sys.executable, "-c", _JIEBA_LOAD], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split() == ["True"] * 4


def test_without_jiebas_cache_jieba_loads_its_dictionary_itself(tmp_path):
    import jieba

    from helpgen.search.text import _load_dictionary
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)  # no jieba.cache here
    module = type("jieba", (), {"dt": tokenizer, "DEFAULT_DICT": jieba.DEFAULT_DICT})
    _load_dictionary(module)
    assert not tokenizer.initialized
    (tmp_path / "jieba.cache").write_bytes(b"not marshal data")
    _load_dictionary(module)
    assert not tokenizer.initialized


# --- sections --------------------------------------------------------------------------------------

def test_sections_follow_headings_and_drop_permalinks_and_excluded_parts():
    html = ('<p>Intro <strong>text</strong>.</p><h2 id="by-parcel">By parcel<a class="headerlink" href="#by-parcel">'
            '&para;</a></h2><table><tr><td>a</td><td>b</td></tr></table>'
            '<div data-search-exclude><p>hidden</p></div><h3 id="fees">Fees</h3><p>None &amp; free.</p>')
    assert split_sections(html) == [Section("", "", "Intro text."), Section("By parcel", "by-parcel", "a b"),
                                    Section("Fees", "fees", "None & free.")]


# --- relevance ---------------------------------------------------------------------------------------

def test_fields_rank_title_over_tags_over_description_over_headings_over_body(tmp_path):
    filler = Section("", "", "Some words about nothing in particular. " * 3)
    docs = [
        SearchDocument("body/", "Alpha", sections=(filler, Section("Other", "o", "the kayak is here"))),
        SearchDocument("headings/", "Beta", sections=(filler, Section("Kayak care", "k", "text"))),
        SearchDocument("description/", "Gamma", description="All about the kayak.", sections=(filler,)),
        SearchDocument("tags/", "Delta", tags=("kayak",), sections=(filler,)),
        SearchDocument("title/", "Kayak rental", sections=(filler,)),
    ]
    results = index_of(*docs, folder=tmp_path).search("kayak")
    assert [r.location for r in results] == ["title/", "tags/", "description/", "headings/", "body/"]


def test_keywords_find_an_article_like_its_title_and_are_never_shown(tmp_path):
    filler = (Section("", "", "Some words about nothing in particular."),)
    alike = [SearchDocument("title/", "Kayak", sections=filler),
             SearchDocument("keywords/", "Paddle", keywords=("kayak",), sections=filler),
             SearchDocument("tags/", "Canoe", tags=("kayak",), sections=filler)]
    scores = {r.location: r.score for r in index_of(*alike, folder=tmp_path / "alike").search("kayak")}
    assert scores["keywords/"] == scores["title/"] > scores["tags/"]
    docs = [SearchDocument("returns/", "How do I return an item?", keywords=("send back", "give back")),
            SearchDocument("other/", "Shipping times")]
    files = index_of(*docs, folder=tmp_path / "demo")
    assert files.search("send something back")[0].location == "returns/"
    shown = json.dumps([json.loads(p.read_text(encoding="utf-8")) for p in files.root.rglob("*.json")])
    assert "send back" not in shown and "give back" not in shown


def test_articles_matching_every_word_come_first(tmp_path):
    docs = [SearchDocument("a/", "Gift cards", sections=(Section("", "", "Gift cards never expire."),)),
            SearchDocument("b/", "Lost gift card balance", sections=(Section("", "", "Check the balance."),))]
    assert index_of(*docs, folder=tmp_path).search("gift card balance")[0].location == "b/"


def test_a_word_the_articles_do_not_use_still_finds_its_stem(tmp_path):
    docs = [SearchDocument("refund/", "When will I get my refund?"), SearchDocument("other/", "Shipping")]
    assert [r.location for r in index_of(*docs, folder=tmp_path).search("refunding")] == ["refund/"]


def test_the_word_being_typed_is_completed(tmp_path):
    docs = [SearchDocument("returns/", "Returning an item"), SearchDocument("other/", "Retail stores")]
    results = index_of(*docs, folder=tmp_path).search("returni")
    assert [r.location for r in results] == ["returns/"]


def test_only_a_word_that_ends_the_query_is_being_typed():
    from helpgen.search.query import parse

    def typing(query: str) -> list[bool]:
        return [unit.prefix for unit in parse(query)]

    assert typing("return an ite") == [False, False, True]
    assert typing("return an item ") == [False, False, False]
    assert typing("password?") == [False]  # punctuation ends a word
    assert typing("how do i") == [False, False]  # "i" is no word, and "do" is finished
    assert typing("运输") == [True]


def test_stop_words_alone_find_nothing_and_do_not_count_as_missing(tmp_path):
    files = index_of(SearchDocument("a/", "How do I track my order?"), folder=tmp_path)
    assert files.search("how do I") == []
    assert files.search("how do I track")[0].missing == ()


def test_two_letter_words_are_searched_and_stop_words_do_not_match_another_language(tmp_path):
    """"EU", "UK", "TV" are words too, typed or finished. A finished stop word in a query with other
    words is dropped: the English "an" must not find a Danish article's "an" and rank it first."""
    docs = [SearchDocument("eu/", "Shipping inside the EU", language="en"),
            SearchDocument("en/", "How do I return an item?", language="en"),
            SearchDocument("da/", "Returner en vare", sections=(Section("", "", "an item an item an"),),
                           language="da")]
    files = index_of(*docs, folder=tmp_path)
    assert [r.location for r in files.search("eu ")] == ["eu/"]
    assert files.search("eu shipping")[0].missing == ()
    assert files.search("return an item")[0].location == "en/"


def test_a_misspelt_word_finds_the_word_it_is_one_typo_from(tmp_path):
    docs = [SearchDocument("pw/", "How do I reset my password?"), SearchDocument("rf/", "When will I get my refund?"),
            SearchDocument("dl/", "Delivery times and costs"), SearchDocument("ac/", "Create an account"),
            SearchDocument("fe/", "The return fee")]
    files = index_of(*docs, folder=tmp_path)
    assert files.search("pasword ")[0].location == "pw/"  # a letter missing
    assert files.search("refnud ")[0].location == "rf/"  # two letters swapped
    assert files.search("delivey times")[0].location == "dl/"
    assert files.search("delivey times")[0].missing == ()
    assert files.search("acount ")[0].location == "ac/"
    assert files.search("xcount ") == []  # the first letter must be right
    assert files.search("fea ") == []  # short words: one letter off is usually another word ("fee")
    assert files.search("fee ")[0].location == "fe/"


def test_edit_distance_counts_a_swap_as_one_and_stops_at_the_limit():
    from helpgen.search.query import edit_distance

    assert edit_distance("refnud", "refund", 1) == 1
    assert edit_distance("pasword", "password", 1) == 1
    assert edit_distance("kitten", "sitting", 2) == 3
    assert edit_distance("abcdef", "abcdef", 1) == 0


def test_unknown_words_are_reported_missing(tmp_path):
    files = index_of(SearchDocument("a/", "Track my order"), folder=tmp_path)
    assert files.search("track qwxz ")[0].missing == ("qwxz",)
    assert files.search("qwxzv") == []


def test_index_is_byte_identical_for_the_same_articles(tmp_path):
    docs = [SearchDocument(f"d{i}/", f"Article {i}", "desc", ("tag",), (Section("", "", f"text {i}"),))
            for i in range(30)]
    write_index(build_index(docs), tmp_path / "one")
    write_index(build_index(list(reversed(docs))), tmp_path / "two")
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


def test_each_chunk_carries_the_cards_of_its_stems_best_articles(tmp_path):
    """A one-word query's results are painted from its chunk: every stem's best RESULTS articles (the
    ranking's order: score, then id) have their card, [title, location, tags, description], in the
    stem's own chunk. Cards count towards the chunk's size."""
    from helpgen.search.index import CHUNK_BYTES
    from helpgen.search.postings import RESULTS, best_documents

    docs = [SearchDocument(f"c{i % 3}/d{i:03}/", f"Parcel {i} " + "kayak " * (i % 7), f"About parcel {i}",
                           (f"tag{i % 4}",), (Section("", "", f"parcel kayak word{i} " * (1 + i % 5)),))
            for i in range(600)]
    index = build_index(docs)
    assert len(index.chunks) > 2
    for _, chunk in index.chunks:
        assert len(json.dumps(chunk, ensure_ascii=False, separators=(",", ":"))) < 2 * CHUNK_BYTES
        for stem, postings in chunk["s"].items():
            best = best_documents(postings)
            assert len(best) == min(RESULTS, len(postings) // 3)
            for doc_id in best:
                doc = index.documents[doc_id]
                assert chunk["c"][str(doc_id)] == [doc.title, doc.location, list(doc.tags), doc.description]
    kayak = next(chunk["s"]["kayak"] for _, chunk in index.chunks if "kayak" in chunk["s"])
    scores = {}
    doc = 0
    for at in range(0, len(kayak), 3):
        doc += kayak[at]
        scores[doc] = kayak[at + 1]
    assert best_documents(kayak) == sorted(scores, key=lambda d: (-scores[d], d))[:RESULTS]


def test_chunk_and_article_files_are_exactly_the_json_of_what_they_hold(tmp_path):
    """The build writes chunks from each stem's postings encoded once, and article files encoded in the
    page workers (with_terms): the bytes must be those of encoding the whole value, in a file's words."""
    from helpgen.search.index import document_json, with_terms

    docs = [SearchDocument(f"c{i % 3}/d{i:03}/", f"Colis {i} 包裹", f"Über parcel {i}", (f"tag{i % 4}",),
                           (Section("", "", f"parcel « kayak » word{i} " * (1 + i % 5)), Section("Æble", "a", "退货")))
            for i in range(300)]
    prepared = build_index([with_terms(doc) for doc in docs])
    plain = build_index(docs)
    encode = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()  # noqa: E731
    assert len(prepared.chunks) > 1
    assert prepared.chunk_bytes == plain.chunk_bytes == [encode(chunk) for _, chunk in plain.chunks]
    assert prepared.document_bytes == plain.document_bytes == [encode(document_json(d)) for d in plain.documents]
    assert prepared.build == plain.build


def test_rewriting_an_index_writes_only_what_changed_and_leaves_what_a_clean_write_leaves(tmp_path):
    """The preview writes its new index over the previous one: the previous build's folder is taken over
    (its id changes with any article), only changed files are written, nothing stale stays; the bytes are
    those of a clean write. The terms cache gives the same index as no cache."""
    from helpgen.search import TermsCache

    docs = [SearchDocument(f"d{i}/", f"Article {i}", "desc", ("tag",), (Section("", "", f"text number {i}"),))
            for i in range(30)]
    cache = TermsCache()
    folder = tmp_path / "preview"
    (folder / "0123456789ab" / "d").mkdir(parents=True)  # a leftover from some older build
    (folder / "0123456789ab" / "d" / "0.json").write_text("{}", encoding="utf-8")
    first = build_index(docs, cache)
    write_index(first, folder)
    changed = SearchDocument("d5/", "Article 5", "desc", ("tag",), (Section("", "", "new words"),))
    edited = docs[:5] + [changed] + docs[6:]
    second = build_index(edited, cache)
    assert second.build != first.build
    written = write_index(second, folder)
    write_index(build_index(list(reversed(edited))), tmp_path / "clean")
    assert tree_bytes(folder) == tree_bytes(tmp_path / "clean")
    assert [p.name for p in folder.iterdir() if p.is_dir()] == [second.build]
    written_docs = [p for p in written if p.parent.name == "d"]  # the others were left in place
    assert len(written_docs) == 1 and "new words" in written_docs[0].read_text(encoding="utf-8")
    assert folder / "manifest.json" in written
    fewer = [d for d in edited if d.location != "d9/"]  # the last by location: the others keep their ids
    write_index(build_index(fewer, cache), folder)
    write_index(build_index(fewer), tmp_path / "clean-fewer")
    assert tree_bytes(folder) == tree_bytes(tmp_path / "clean-fewer")


# --- the demo help center -----------------------------------------------------------------------------

def test_index_holds_articles_only_and_not_the_contact_block(demo_site):
    files = open_site_index(demo_site)
    root = files.root
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "d").glob("*.json"))]
    locations = {d["u"] for d in docs}
    assert len(docs) == 30
    assert "returns/how-do-i-return-an-item/" in locations
    assert not locations & {"", "returns/", "contact/"}
    text = json.dumps(docs, ensure_ascii=False)
    assert "Still need help" not in text and "Support hours" not in text
    # Each language has its own index, of its own articles only: results never mix languages.
    for lang, count in (("da", 3), ("zh", 3)):
        root = open_site_index(demo_site, f"{lang}/").root
        theirs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "d").glob("*.json"))]
        assert len(theirs) == count and all(d["u"].startswith(f"{lang}/") for d in theirs)
        assert not {d["u"] for d in theirs} & locations
    # Material's own index only carries its settings: visitors do not download every page's text.
    material = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and material["config"]["separator"]


def test_pages_use_helpgens_worker_and_fallback(demo_site):
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "helpgen-search.js" in html and "helpgen-search-ui.js" in html
    assert (demo_site / "assets" / "javascripts" / "helpgen-search.js").is_file()


def known_item_ranks(search) -> list[int | None]:
    """`search(query, lang)`: the results of one language's index (lang None: the default's)."""
    ranks = []
    for case in QUERIES:
        found = [r.location for r in search(case["query"], case.get("lang"))]
        want = location(case["expect"], case.get("lang"))
        ranks.append(found.index(want) + 1 if want in found else None)
    return ranks


def test_known_item_queries_find_their_article_in_the_top_3(demo_site, capsys):
    assert len(QUERIES) >= 30
    indexes = {lang: open_site_index(demo_site, f"{lang}/" if lang else "") for lang in (None, "da", "zh")}
    ranks = known_item_ranks(lambda query, lang: indexes[lang].search(query))
    failures = [(c["query"], r) for c, r in zip(QUERIES, ranks) if (r is None or r > 3) and not c.get("known_miss")]
    top1 = sum(r == 1 for r in ranks) / len(ranks)
    top3 = sum(r is not None and r <= 3 for r in ranks) / len(ranks)
    with capsys.disabled():
        print(f"\nhelpgen known-item set: {len(ranks)} queries, top-1 {top1:.0%}, top-3 {top3:.0%}")
    assert not failures
    assert top1 >= 0.9


def test_a_visitor_downloads_a_few_small_files_per_query(demo_site):
    files = open_site_index(demo_site)
    files.search("return an item", limit=3)
    assert len([f for f in files.files_read if f.startswith("t/")]) <= 3
    assert len([f for f in files.files_read if f.startswith("d/")]) == 3


def test_search_index_is_reproducible(demo_site, tmp_path):
    from helpgen.mkdocs.commands import build_site

    project = demo_site.parent
    build_site(project / "mkdocs.yml", tmp_path / "again")
    assert tree_bytes(demo_site / "search") == tree_bytes(tmp_path / "again" / "search")


# --- the CLI ---------------------------------------------------------------------------------------------

def test_cli_search_lists_ranked_articles(demo_site):
    result = CliRunner().invoke(main, ["search", "reset password", "-d", str(demo_site), "-n", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(" 1. How do I reset my password?")


def test_cli_search_json_and_chinese(demo_site):
    result = CliRunner().invoke(main, ["search", "国际运输", "--json", "-d", str(demo_site), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["results"][0]["url"] == "zh/shipping/guoji-yunshu/"
    assert data["results"][0]["sections"][0]["url"].startswith("zh/shipping/guoji-yunshu/#")
    # The English index has no Chinese article, and Danish stems find the Danish one in Danish only.
    english = CliRunner().invoke(main, ["search", "国际运输", "--json", "-d", str(demo_site)])
    assert not [r for r in json.loads(english.output)["results"] if r["url"].startswith("zh/")]
    danish = json.loads(CliRunner().invoke(main, ["search", "returneringen", "--json", "-d", str(demo_site),
                                                  "--lang", "da"]).output)["results"]
    assert danish and all(r["url"].startswith("da/") for r in danish)


def test_cli_search_without_a_built_site_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["search", "x", "-d", str(tmp_path)])
    assert result.exit_code == 1
    assert "helpgen build" in result.output


def test_cli_search_with_no_match_points_at_the_contact_fallback(demo_site):
    result = CliRunner().invoke(main, ["search", "qwxzv", "-d", str(demo_site)])
    assert result.exit_code == 0 and "No article matches" in result.output
