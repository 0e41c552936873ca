"""Synonyms: customers search with their words, not the help center's. synonyms.yml is read strictly
(file:line errors), applied at query time alike by `helpgen search` and the browser worker, in each
language with its stemmer, and `helpgen check` warns about a line that can find nothing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.search import (IndexFiles, SearchDocument, Section, SynonymSource, build_index, read_synonyms,
                            write_index)

from .search_node import assert_same_ranking, run_worker, worker  # noqa: F401 (fixture)

LANGUAGES = ("en", "da", "zh", "zh-TW")


def synonyms_from(tmp_path: Path, text: str, languages=LANGUAGES):
    path = tmp_path / "synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return read_synonyms(SynonymSource(path), languages)


def doc(location: str, title: str, text: str = "", language: str = "", **fields) -> SearchDocument:
    return SearchDocument(location, title, sections=(Section("", "", text or title),), language=language, **fields)


def index_with(tmp_path: Path, docs: list[SearchDocument], lines: str, language: str = "en") -> IndexFiles:
    synonyms, problems = synonyms_from(tmp_path, lines)
    assert problems == []
    folder = tmp_path / f"index-{language}"
    write_index(build_index(docs, synonyms=synonyms.for_language(language), language=language), folder)
    return IndexFiles(folder)


def top(files: IndexFiles, query: str, n: int = 3) -> list[str]:
    return [r.location for r in files.search(query)[:n]]


ENGLISH = [
    doc("refund/", "When will I get my refund?", "We refund within 5 days of receiving your return."),
    doc("return/", "How do I return an item?", "Returns are free within 30 days: print a label."),
    doc("privacy/", "Privacy policy", "We keep your personal data safe and never sell data about you."),
    doc("data-export/", "Export your data", "Download a data export as CSV."),
    doc("gift/", "How do gift cards work?", "A gift card never expires."),
    doc("reimburse/", "Travel reimbursement for staff", "Staff get a reimbursement for travel."),
    doc("shipping/", "Shipping times", "Parcels arrive in 2-4 days."),
]
ENGLISH_LINES = """\
- refund, reimbursement, money back
- chargeback, dispute => refund
- ship it back, send back => return
- gdpr => personal data
- voucher, store credit => gift card
"""


@pytest.fixture
def english(tmp_path) -> IndexFiles:
    return index_with(tmp_path, ENGLISH, ENGLISH_LINES)


# --- reading synonyms.yml ------------------------------------------------------------------------------

def test_a_list_is_for_every_language_and_a_mapping_per_language(tmp_path):
    shared, problems = synonyms_from(tmp_path, "- refund, reimbursement\n- chargeback => refund\n")
    assert problems == [] and not shared.per_language
    assert [(s.sources, s.targets) for s in shared.for_language("da")] == [
        (("refund", "reimbursement"), ("refund", "reimbursement")), (("chargeback",), ("refund",))]
    assert shared.for_language("da")[1].location.line == 2
    own, problems = synonyms_from(tmp_path, "en: ['refund, reimbursement']\nda:\n  - refusion, tilbagebetaling\n")
    assert problems == [] and own.per_language
    assert own.for_language("da")[0].sources == ("refusion", "tilbagebetaling")
    assert own.for_language("zh") == ()


def test_terms_are_read_as_search_reads_words(tmp_path):
    synonyms, _ = synonyms_from(tmp_path, "- Ship it BACK , Send-Back => RMA\n- 退款, 退錢\n")
    first, second = synonyms.shared
    assert first.sources == ("ship it back", "send back") and first.targets == ("rma",) and not first.equivalent
    assert second.equivalent and second.sources == ("退款", "退錢")


@pytest.mark.parametrize("line, message", [
    ("- a => b => c", 'more than one "=>"'),
    ("- refund,", "a word is missing"),
    ("- refund, , money back", "a word is missing"),
    ("- => refund", "a word is missing"),
    ("- refund", "names one word only"),
    ("- how do i, send back", "only words that search ignores"),
    ("- refund, Refund", '"Refund" is there twice'),
    ("- refund => refund, money", 'is on both sides of "=>"'),
    ("- 退 款, 退钱", "a Chinese synonym is one word"),
    ("- 退款 money, 退钱", "a Chinese synonym is one word"),
    ("- 17:30", "was read as the number 1050"),
    ("- yes", "was read as the boolean true"),
    ("-", "is empty"),
    ("- ?!, refund", "has no word search can find"),
    ("- " + "x" * 90 + ", refund", "longer than 80 characters"),
    ("- one two three four five six seven, refund", "more than 6 words"),
])
def test_a_bad_line_is_an_error_at_its_line_and_column(tmp_path, line, message):
    _, problems = synonyms_from(tmp_path, f"# synonyms\n- refund, reimbursement\n{line}\n")
    assert len(problems) == 1, problems
    assert message in problems[0].message
    assert (problems[0].location.file, problems[0].location.line) == ("synonyms.yml", 3)
    assert problems[0].location.col >= 1 and problems[0].hint


def test_a_language_the_site_lacks_and_broken_yaml_are_errors_with_their_place(tmp_path):
    _, problems = synonyms_from(tmp_path, "en: ['refund, reimbursement']\ndk: ['ab, cd']\n")
    assert [(p.location.line, p.message) for p in problems] == [(2, '"dk" is not a language of this help center')]
    _, problems = synonyms_from(tmp_path, "- refund, reimbursement\n  - nested: [\n")
    assert problems and problems[0].location.line >= 2 and "invalid YAML" in problems[0].message
    _, problems = synonyms_from(tmp_path, "refund: reimbursement\n", ("en",))
    assert '"refund" is not a language' in problems[0].message


def test_no_file_is_no_synonyms_unless_mkdocs_yml_names_one(tmp_path):
    assert read_synonyms(SynonymSource(tmp_path / "synonyms.yml"), LANGUAGES) == (read_synonyms(None, ())[0], [])
    _, problems = read_synonyms(SynonymSource(tmp_path / "mine.yml", "mine.yml", required=True), LANGUAGES)
    assert "does not exist" in problems[0].message and problems[0].location.file == "mine.yml"


# --- query time ------------------------------------------------------------------------------------------

def test_equivalent_words_find_each_other_and_the_exact_word_ranks_first(english):
    assert top(english, "refund", 2) == ["refund/", "reimburse/"]
    assert top(english, "reimbursement", 2) == ["reimburse/", "refund/"]
    assert top(english, "money back", 1) == ["refund/"]


def test_a_synonym_match_ranks_below_an_exact_match_of_the_same_word(tmp_path):
    """Two articles alike but for the word: the one with the customer's own word comes first, whichever
    of the two words is rarer (they count as one word for rarity)."""
    docs = [doc("a/", "Refund", "refund"), doc("b/", "Reimbursement", "reimbursement")] + \
        [doc(f"x{i}/", f"Refund note {i}", "refund") for i in range(5)]
    files = index_with(tmp_path, docs, "- refund, reimbursement\n")
    reimbursement = {r.location: r.score for r in files.search("reimbursement")}
    assert max(reimbursement, key=reimbursement.get) == "b/" and reimbursement["a/"] < reimbursement["b/"]
    refund = {r.location: r.score for r in files.search("refund ")}
    assert refund["a/"] > refund["b/"]


def test_one_way_synonyms_go_one_way_and_keep_the_customers_word(english, tmp_path):
    assert top(english, "chargeback", 1) == ["refund/"]
    assert top(english, "dispute", 1) == ["refund/"]
    assert "refund/" not in top(english, "voucher") and top(english, "voucher", 1) == ["gift/"]
    # `refund` does not find what only `chargeback` says.
    files = index_with(tmp_path, ENGLISH + [doc("cb/", "Chargebacks from your bank")], ENGLISH_LINES)
    assert "cb/" not in top(files, "refund", 10)
    assert top(files, "chargeback", 2)[0] == "cb/"  # an article with the word itself still comes first


def test_several_words_on_either_side(english):
    assert top(english, "how do i ship it back", 1) == ["return/"]
    assert top(english, "send it back", 1) == ["return/"]
    assert top(english, "store credit", 1) == ["gift/"]
    # A target of several words finds articles having them all, not each one.
    assert top(english, "gdpr", 10) == ["privacy/"]
    assert english.search("gdpr")[0].missing == ()


def test_inflected_forms_of_a_synonym_find_it_too(english):
    for query in ("chargebacks", "disputes", "disputed", "reimbursements", "vouchers"):
        assert english.search(query), query
    assert top(english, "chargebacks", 1) == ["refund/"]


def test_danish_synonyms_use_the_danish_stemmer(tmp_path):
    docs = [doc("da/refusion/", "Hvornår får jeg min refusion?", "Vi sender refusionen inden for fem dage.", "da"),
            doc("da/retur/", "Hvordan returnerer jeg en vare?", "Du kan returnere varer gratis.", "da"),
            doc("da/gavekort/", "Sådan bruger du et gavekort", "Et gavekort udløber aldrig.", "da")]
    files = index_with(tmp_path, docs, "da:\n  - refusion, tilbagebetaling, penge tilbage\n"
                       "  - sende tilbage => returnere\n  - værdikort => gavekort\n", language="da")
    for query, expected in (("tilbagebetaling", "da/refusion/"), ("tilbagebetalingen", "da/refusion/"),
                            ("tilbagebetalinger", "da/refusion/"), ("penge tilbage", "da/refusion/"),
                            ("hvordan sender jeg varen tilbage", "da/retur/"), ("værdikortet", "da/gavekort/")):
        assert top(files, query, 1) == [expected], query


def test_chinese_synonyms_are_found_inside_a_run_simplified_and_traditional(tmp_path):
    docs = [doc("zh/refund/", "如何申请退款", "退款会在五个工作日内退回原付款方式。", "zh"),
            doc("zh/ship/", "国际运输需要多长时间", "国际包裹通常需要两周。", "zh")]
    files = index_with(tmp_path, docs, "zh:\n  - 退款, 退钱\n", language="zh")
    for query in ("退钱", "如何退钱", "我想退钱怎么办"):
        assert top(files, query, 1) == ["zh/refund/"], query
    docs = [doc("tw/refund/", "如何申請退款", "退款會在五個工作日內退回原付款方式。", "zh-TW"),
            doc("tw/ship/", "國際運輸需要多長時間", "國際包裹通常需要兩週。", "zh-TW")]
    files = index_with(tmp_path, docs, "zh-TW:\n  - 退款, 退錢\n", language="zh-TW")
    assert top(files, "如何退錢", 1) == ["tw/refund/"]


def test_a_target_no_article_has_ships_nothing(tmp_path):
    files = index_with(tmp_path, ENGLISH, "- chargeback => zorblax\n")
    assert files.search("chargeback") == []
    chunks = [json.loads(p.read_text(encoding="utf-8")) for p in files.root.glob("t/*.json")]
    assert not any("y" in chunk for chunk in chunks)


def test_synonyms_ride_in_the_chunk_of_their_word_not_in_the_manifest(english):
    assert "chargeback" not in json.dumps(english.manifest)
    english.search("chargeback")
    assert len([f for f in english.files_read if f.startswith("t/")]) <= 4


# --- both engines alike ------------------------------------------------------------------------------------

SYNONYM_QUERIES = ["refund", "reimbursement", "reimbursements", "money back", "chargeback", "chargebacks ",
                   "dispute", "how do i ship it back", "send it back", "ship", "gdpr", "gdpr data", "voucher",
                   "store credit", "store", "gift card", "refund polic", "charge"]


def test_the_browser_worker_applies_synonyms_exactly_like_python(tmp_path, worker):
    english = index_with(tmp_path, ENGLISH, ENGLISH_LINES)
    js = assert_same_ranking(worker, english, SYNONYM_QUERIES)
    assert js["chargeback"]["ranks"][0][0] == js["refund"]["ranks"][0][0]
    # What the synonym found is highlighted, and Material highlights it on the article page (?h=).
    first = js["chargeback"]["items"][0][0]
    assert "<mark>refund</mark>" in first["title"].lower() and first["terms"].get("refund") is True
    danish = [doc("da/refusion/", "Hvornår får jeg min refusion?", "Vi sender refusionen inden for fem dage.", "da"),
              doc("da/retur/", "Hvordan returnerer jeg en vare?", "Du kan returnere varer gratis.", "da")]
    assert_same_ranking(worker, index_with(tmp_path, danish, "da:\n  - refusion, tilbagebetaling, penge tilbage\n"
                                           "  - sende tilbage => returnere\n", language="da"),
                        ["tilbagebetalingen", "penge tilbage", "hvordan sender jeg varen tilbage", "refusion"])
    chinese = [doc("zh/refund/", "如何申请退款", "退款会在五个工作日内退回原付款方式。", "zh"),
               doc("zh/ship/", "国际运输需要多长时间", "国际包裹通常需要两周。", "zh")]
    js = assert_same_ranking(worker, index_with(tmp_path, chinese, "zh:\n  - 退款, 退钱\n  - 寄回 => 退款\n", language="zh"),
                             ["退钱", "如何退钱", "我想退钱怎么办", "寄回", "退款", "退"])
    assert "<mark>退款</mark>" in js["如何退钱"]["items"][0][0]["title"]


def test_the_demo_finds_customers_words_in_each_language(demo_build, worker):
    site = demo_build / "site"
    from helpgen.search import open_site_index

    english, danish, chinese = (open_site_index(site, prefix) for prefix in ("", "da/", "zh/"))
    assert top(english, "chargeback", 1) == ["returns/when-will-i-get-my-refund/"]
    assert top(english, "rma", 1) == ["returns/how-do-i-return-an-item/"]
    assert top(danish, "tilbagebetaling", 1) == ["da/returns/when-will-i-get-my-refund/"]
    assert top(chinese, "退钱", 1) == ["zh/returns/how-do-i-return-an-item/"]
    assert_same_ranking(worker, english, ["chargeback", "rma", "voucher", "how do i ship it back", "gdpr"])
    assert_same_ranking(worker, danish, ["tilbagebetaling", "penge tilbage"])
    assert_same_ranking(worker, chinese, ["退钱", "寄回"])


# --- helpgen check and the build -------------------------------------------------------------------------

def test_check_reports_bad_lines_and_dead_synonyms_at_their_line(demo_copy, monkeypatch):
    demo_copy.write("synonyms.yml", "en:\n  - refund, reimbursement\n  - chargeback => zorblax\n  - a => b => c\n"
                    "da:\n  - tilbagebetaling => refusion\n  - sende => qwxzv\n")
    monkeypatch.chdir(demo_copy.root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    found = {(f["rule"], f["line"]): f for f in json.loads(result.stdout)
             if f["file"] == "synonyms.yml"}
    assert set(found) == {("synonym-dead", 3), ("synonyms-invalid", 4), ("synonym-dead", 7)}
    assert "no en article" in found[("synonym-dead", 3)]["message"]
    assert "no da article" in found[("synonym-dead", 7)]["message"]


def test_a_shared_line_is_dead_only_when_no_language_has_its_target(demo_copy, monkeypatch):
    demo_copy.write("synonyms.yml", "- chargeback => refund\n- 退钱 => 退款\n- zorblax => qwxzv\n")
    monkeypatch.chdir(demo_copy.root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    dead = [f for f in json.loads(result.stdout) if f["rule"] == "synonym-dead"]
    assert [(f["line"], "en, da, zh" in f["message"]) for f in dead] == [(3, True)]


def test_the_build_stops_on_a_bad_line_and_searches_with_good_ones(demo_copy, tmp_path):
    demo_copy.write("synonyms.yml", "- a => b => c\n")
    with pytest.raises(HelpgenError) as error:
        demo_copy.build()
    assert "synonyms.yml:1:3" in str(error.value)
    demo_copy.write("mkdocs.yml", demo_copy.config.read_text(encoding="utf-8").replace(
        "languages: [en, da, zh]", "languages: [en, da, zh]\n      synonyms: search-words.yml"))
    demo_copy.write("search-words.yml", "- chargeback => refund\n")
    demo_copy.build()
    result = CliRunner().invoke(main, ["search", "chargeback", "-d", str(demo_copy.root / "site"), "--json"])
    assert json.loads(result.output)["results"][0]["url"] == "returns/when-will-i-get-my-refund/"


def test_worker_results_for_a_synonym_are_escaped(tmp_path, worker):
    evil = '<img src=x onerror="alert(1)">'
    files = index_with(tmp_path, [doc("evil/", f"Refund {evil}", f"refund {evil}")], "- chargeback => refund\n")
    rendered = json.dumps(run_worker(worker, files.folder, ["chargeback"])["chargeback"]["items"])
    assert "<img" not in rendered and "&lt;img" in rendered
