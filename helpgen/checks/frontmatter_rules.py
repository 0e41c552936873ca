"""Rules on what the front matter says: stale reviews, undated policies, unfinished drafts.

Schema errors and unknown keys come from articles.py's own validation (see source.read_source): the
checker and the build must never disagree about what valid front matter is.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..content.scaffold import PLACEHOLDER_BODY
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
        # `description:` written but left empty is how `helpgen new` leaves a draft; an article without
        # the key at all is the writer's choice (its first paragraph serves as the snippet).
        line = source.key_line("description")
        if line > 1 and not article.is_index and not article.description.strip():
            yield finding("draft-empty-description", source.at(line, 1), "the description is empty",
                          "write one sentence that answers the question: search shows it under the title")
        if PLACEHOLDER_BODY in article.body:
            offset = article.body[:article.body.index(PLACEHOLDER_BODY)].count("\n")
            yield finding("draft-placeholder", source.at(article.body_line + offset, 1),
                          "the article still has the placeholder text of `helpgen new`",
                          "replace it with the answer, in one or two sentences, then the details")
