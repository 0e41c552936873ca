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


def test_the_command_reads_the_collectors_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'insights.db'}"
    store = open_store(url)
    refined = read_event({**SEARCH, "query": "refund", "results": 3, "clicked": "/r/", "refined_from": "chargeback"})
    store.insert([(refined, now() - 3600)] * 4)
    store.close()
    result = CliRunner().invoke(main, ["insights", "suggest", "--db", url])
    assert result.exit_code == 0
    assert "- chargeback => refund  # seen 4 times" in result.output
    assert "No synonyms" in CliRunner().invoke(main, ["insights", "suggest", "--db", url, "--min-count", "5"]).output
