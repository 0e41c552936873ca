"""Rules on what the front matter says: stale reviews and undated policies.

Schema errors and unknown keys come from articles.py's own validation (see source.read_source): the
checker and the build must never disagree about what valid front matter is.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..errors import Problem
from .rules import finding
from .source import SourceFile


def check_front_matter(sources: list[SourceFile], today: dt.date) -> Iterator[Problem]:
    for source in sources:
        article = source.article
        if article is None:
            continue
        if article.review_by and article.review_by < today:
            days = (today - article.review_by).days
            yield finding("review-overdue", source.at(source.key_line("review_by"), 1),
                          f"review_by {article.review_by.isoformat()} has passed ({days} day{'s' * (days != 1)} ago)",
                          "re-read the article, update it and its `updated` date, then set a new `review_by`")
        if article.type == "policy" and article.updated is None and not article.is_index:
            yield finding("policy-missing-updated", source.at(source.key_line("type"), 1),
                          "this policy has no `updated` date",
                          f"add `updated: {today.isoformat()}` (the date the policy last changed)")
