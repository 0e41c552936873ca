"""What visitors type is masked before it is kept: email addresses, phone numbers, runs of six or more
digits; short numbers stay; the text is cut to a bounded length. (The browser's copy of these rules is
held to the same table in test_events_browser.py.)"""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings, strategies as st

from helpgen.insights.privacy import MAX_QUERY_CHARS, clean_query

settings.register_profile("insights", max_examples=int(os.environ.get("HELPGEN_PROPERTY_EXAMPLES", "200")),
                          derandomize=True, deadline=None)

CASES = {
    "Refund for order 12345678": "refund for order [number]",
    "where is #1234567": "where is #[number]",
    "call +45 70 12 34 56 please": "call [phone] please",
    "555-123-4567": "[phone]",
    "(555) 123-4567 today": "[phone] today",
    "jane.doe+help@example.co.uk refund": "[email] refund",
    "from jane@example.com, about returns": "from [email], about returns",
    "card 4111 1111 1111 1111": "card [number]",
    "4111111111111111": "[number]",
    "ＲＥＦＵＮＤ　１２３４５６７": "refund [number]",  # full-width letters and digits are the same
    "iphone 15 size 42": "iphone 15 size 42",
    "error 404": "error 404",
    "order 12345": "order 12345",
    "  Return   an ITEM ": "return an item",
    "退货 订单 20261201998": "退货 订单 [number]",
}


@pytest.mark.parametrize("typed, kept", CASES.items())
def test_personal_data_is_masked_and_searches_kept(typed, kept):
    assert clean_query(typed) == kept


def test_a_pasted_paragraph_is_cut_to_a_search():
    assert clean_query("how do I " + "return " * 100) == ("how do i " + "return " * 100)[:MAX_QUERY_CHARS].rstrip()
    assert len(clean_query("x" * 5000)) == MAX_QUERY_CHARS


@settings(settings.get_profile("insights"))
@given(st.text(alphabet=st.sampled_from("0123456789 -+().@abcxyz_/é退"), max_size=200))
def test_no_long_digit_run_or_email_survives(text):
    kept = clean_query(text)
    assert len(kept) <= MAX_QUERY_CHARS
    assert not re.search(r"\d{6}", kept)
    assert "@" not in kept or not re.search(r"[^\s@]@[^\s@]+\.[^\s@]", kept)
    assert clean_query(kept) == kept  # cleaning is stable: what is kept reads back the same
