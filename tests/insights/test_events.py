"""The events the site sends, read strictly (helpgen/insights/events.py): the three kinds with every
field, and each way a request can be wrong, refused with a reason that names the field."""
from __future__ import annotations

import json

import pytest

from helpgen.insights.events import Contact, EventRefused, Search, Vote, event_json, parse_event, read_event

from .conftest import CONTACT, SEARCH, VOTE


def test_the_three_kinds_read_back_as_sent():
    assert read_event(VOTE) == Vote("/returns/how-do-i-return-an-item/", "yes", "en")
    assert read_event(SEARCH) == Search("klarna", 0, "en")
    assert read_event(CONTACT) == Contact("email", "article", "/returns/how-do-i-return-an-item/", "en", False)
    for event in (VOTE, SEARCH, CONTACT):
        assert event_json(read_event(event)) == event


def test_a_vote_from_a_site_built_before_events_had_a_type_is_a_vote():
    legacy = {"article": "/a/", "vote": "no", "language": "da"}
    assert read_event(legacy) == Vote("/a/", "no", "da")


def test_optional_fields_may_be_left_out_and_chinese_paths_are_paths():
    assert read_event({"type": "search", "query": "退货", "results": 3, "language": "zh"}).clicked is None
    contact = read_event({"type": "contact", "channel": "live-chat", "from": "404", "page": "/zh/退货/"})
    assert (contact.language, contact.after_search, contact.page) == (None, False, "/zh/退货/")


@pytest.mark.parametrize("event, reason", [
    ({**VOTE, "language": "english please"}, "vote.language"),
    ({**VOTE, "article": "returns/"}, "vote.article"),
    ({**VOTE, "article": "/a/#top"}, "vote.article"),
    ({**SEARCH, "results": 1.5}, "search.results"),
    ({**SEARCH, "query": ["refund"]}, "search.query: expected text, got a list"),
    ({**SEARCH, "query": "r" * 1001}, "longer than 1000"),
    ({**SEARCH, "refined_from": 7}, "search.refined_from"),
    ({**CONTACT, "after_search": "yes"}, "contact.after_search: expected true or false"),
    ({**CONTACT, "page": None}, "contact.page"),
    ({"type": None}, "expected one of vote, search, contact"),
    ({}, "no type"),
])
def test_a_wrong_field_is_named(event, reason):
    with pytest.raises(EventRefused) as refused:
        read_event(event)
    assert reason in str(refused.value) and refused.value.status == 422


def test_bodies_that_are_no_json_object():
    for body, status in [(b"", 400), (b"null", 422), (b'"vote"', 422), (b"[" * 100_000, 400), (b"\x80", 400)]:
        with pytest.raises(EventRefused) as refused:
            parse_event(body)
        assert refused.value.status == status, body[:10]
    assert parse_event(json.dumps(VOTE).encode()) == read_event(VOTE)
