"""`helpgen insights suggest`: synonyms.yml lines from searches refined into another, valid YAML of
Solr-style lines a writer can paste."""
from __future__ import annotations

import re

import yaml
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.insights.events import read_event
from helpgen.insights.store import now, open_store
from helpgen.insights.suggest import format_suggestions, suggestions_from

from .conftest import SEARCH

SOLR_LINE = re.compile(r"^[^,=>]+( => [^,=>]+|(, [^,=>]+)+)$")


def test_a_refinement_that_ends_in_a_click_becomes_a_one_way_synonym():
    [line] = suggestions_from([("en", "chargeback", "refund", 12, 10)])
    assert (line.line, line.seen, line.language) == ("chargeback => refund", 12, "en")
    assert line.yaml_item() == "- chargeback => refund  # seen 12 times, then an article clicked 10 times"


def test_both_ways_make_equivalent_words_and_what_is_no_synonym_is_left_out():
    found = suggestions_from([
        ("en", "tee", "t-shirt", 5, 4), ("en", "t-shirt", "tee", 3, 3),  # both ways: equivalent
        ("en", "refund", "refund klarna", 9, 9),  # narrowing, not another word
        ("en", "how do i return", "return", 9, 9),  # widening
        ("en", "order [number]", "track order", 9, 9),  # masked personal data
        ("en", "lost parcel", "missing package", 9, 2),  # the second search did not help either
        ("da", "fortryde", "returnere", 4, 4),
    ])
    assert [(s.language, s.line, s.seen) for s in found] == [("da", "fortryde => returnere", 4),
                                                             ("en", "t-shirt, tee", 8)]


def test_a_pair_synonyms_yml_already_has_is_not_proposed_again():
    pairs = [("en", "chargeback", "refund", 12, 10), ("en", "tee", "t-shirt", 5, 5)]
    known = {("en", "chargeback", "refund")}
    found = suggestions_from(pairs, lambda *pair: pair in known)
    assert [s.line for s in found] == ["tee => t-shirt"]


def test_the_output_is_yaml_a_writer_can_paste():
    text = format_suggestions(suggestions_from([("en", "chargeback", "refund", 12, 10),
                                                ("en", "yes: really", "no #1", 3, 3)]))
    lines = yaml.safe_load(text)
    assert lines == ["chargeback => refund", "yes: really => no #1"]
    assert all(SOLR_LINE.match(line) for line in lines)
    several = yaml.safe_load(format_suggestions(suggestions_from([("en", "a b", "c d", 3, 3),
                                                                  ("zh", "退款", "退货", 3, 3)])))
    assert several == {"en": ["a b => c d"], "zh": ["退款 => 退货"]}
    assert format_suggestions([]).startswith("# No synonyms")


def test_the_command_reads_the_collectors_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no synonyms.yml here (the repository's own has chargeback => refund)
    url = f"sqlite:///{tmp_path / 'insights.db'}"
    store = open_store(url)
    refined = read_event({**SEARCH, "query": "refund", "results": 3, "clicked": "/r/", "refined_from": "chargeback"})
    store.insert([(refined, now() - 3600)] * 4)
    store.close()
    result = CliRunner().invoke(main, ["insights", "suggest", "--db", url])
    assert result.exit_code == 0
    assert "- chargeback => refund  # seen 4 times" in result.output
    assert "No synonyms" in CliRunner().invoke(main, ["insights", "suggest", "--db", url, "--min-count", "5"]).output


def _refinements(tmp_path, *pairs):
    url = f"sqlite:///{tmp_path / 'insights.db'}"
    store = open_store(url)
    for language, before, after in pairs:
        refined = read_event({**SEARCH, "language": language, "query": after, "results": 3, "clicked": "/r/",
                              "refined_from": before})
        store.insert([(refined, now() - 3600)] * 4)
    store.close()
    return url


def test_the_command_leaves_out_what_synonyms_yml_already_says(tmp_path, monkeypatch):
    url = _refinements(tmp_path, ("en", "chargeback", "refund"), ("en", "Store  Credit", "gift card"),
                       ("en", "rma", "return"), ("da", "penge tilbage", "refusion"))
    (tmp_path / "synonyms.yml").write_text(
        "en:\n  - chargeback => refund\n  - gift card, store credit\n"
        "da:\n  - refusion => penge tilbage   # the other way: the visitors' way is still new\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # synonyms.yml beside mkdocs.yml, where the command runs
    result = CliRunner().invoke(main, ["insights", "suggest", "--db", url])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.output) == {"da": ["penge tilbage => refusion"], "en": ["rma => return"]}


def test_a_shared_list_counts_for_every_language_and_another_file_can_be_named(tmp_path):
    url = _refinements(tmp_path, ("en", "退钱", "退款"), ("zh", "退钱", "退款"), ("zh", "rma", "退货"))
    named = tmp_path / "search" / "words.yml"
    named.parent.mkdir()
    named.write_text("- 退款, 退钱\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["insights", "suggest", "--db", url, "--synonyms", str(named)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.output) == ["rma => 退货"]


def test_a_broken_or_missing_synonyms_file_is_named_with_its_line(tmp_path):
    url = _refinements(tmp_path, ("en", "chargeback", "refund"))
    broken = tmp_path / "synonyms.yml"
    broken.write_text("- refund, reimbursement\n- chargeback => refund => money\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["insights", "suggest", "--db", url, "--synonyms", str(broken)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"{broken}:2" in result.output and "more than one" in result.output
    missing = CliRunner().invoke(main, ["insights", "suggest", "--db", url, "--synonyms", str(tmp_path / "nope.yml")])
    assert missing.exit_code != 0 and "does not exist" in missing.output and "Traceback" not in missing.output


def test_the_synonyms_file_mkdocs_yml_names_is_the_one_read(tmp_path, monkeypatch):
    url = _refinements(tmp_path, ("en", "chargeback", "refund"), ("en", "rma", "return"))
    (tmp_path / "mkdocs.yml").write_text("site_name: X\ndocs_dir: content\ntheme:\n  name: material\n"
                                         "plugins:\n  - search\n  - helpgen:\n      synonyms: search/words.yml\n")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "words.yml").write_text("- chargeback => refund\n", encoding="utf-8")
    (tmp_path / "synonyms.yml").write_text("- rma => return\n", encoding="utf-8")  # not the site's: ignored
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["insights", "suggest", "--db", url])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.output) == ["rma => return"]
    (tmp_path / "search" / "words.yml").unlink()
    missing = CliRunner().invoke(main, ["insights", "suggest", "--db", url])
    assert missing.exit_code == 1 and "search/words.yml" in missing.output and "does not exist" in missing.output
