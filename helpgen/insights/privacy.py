"""What a visitor typed, made safe to keep: personal data masked, the text cut to a bounded length.

Visitors paste order numbers, card numbers, email addresses and phone numbers into a search box. None of
that may reach the store: before anything is written, email addresses become "[email]", phone numbers
"[phone]" and any other run of six or more digits (orders, cards, accounts) "[number]". Short numbers
stay ("iphone 15", "error 404", "size 42"): they are what people search for. The site's script
(helpgen-events.js) applies the same rules before an event leaves the browser, so nothing personal is
sent either; the collector applies them again because a request may come from anywhere.
"""
from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 100  # a search is a few words; the rest of a pasted paragraph is not a search
MIN_NUMBER_DIGITS = 6  # a run this long is an order, card or account number, not a model or size
PHONE_DIGITS = range(7, 16)  # E.164 numbers have at most 15 digits; with separators or a + they are phones

# Not the RFC's grammar: what people paste. Punctuation around the address (a comma after it) stays.
EMAIL = re.compile(r"[^\s@,;<>()\"']+@[^\s@,;<>()\"']+\.[^\s@,;<>()\"'.]+")
# Digits with the separators people type in numbers: spaces, dots, dashes, slashes, brackets, a leading +.
DIGIT_RUN = re.compile(r"\+?\(?[0-9][0-9 ().\-/]*[0-9]|[0-9]")
SPACES = re.compile(r"\s+")


def _mask_number(match: re.Match) -> str:
    run = match.group(0)
    digits = sum(c.isdigit() for c in run)
    grouped = not run.isdigit()
    if digits in PHONE_DIGITS and (grouped or run.startswith("+")):
        return "[phone]"
    if digits >= MIN_NUMBER_DIGITS:
        return "[number]"
    return run


def mask(text: str) -> str:
    """Email addresses, phone numbers and long digit runs replaced by a word saying what was there."""
    text = EMAIL.sub("[email]", text)
    return DIGIT_RUN.sub(_mask_number, text)


def clean_query(text: str) -> str:
    """A search as it is kept: NFKC (full-width digits are digits), masked, spaces collapsed, lower case,
    at most MAX_QUERY_CHARS characters. Two visitors typing "Refund " and "refund" searched the same."""
    text = unicodedata.normalize("NFKC", text)
    text = SPACES.sub(" ", mask(text)).strip().lower()
    return text[:MAX_QUERY_CHARS].rstrip()
