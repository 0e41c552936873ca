"""How big an article may be before helpgen refuses it, rather than spend a minute and a gigabyte on it.

A 50 MB article took 42 s and 1.35 GB to build, and a page with thousands of headings grows the table of
contents, the search index and every visitor's download with it. Real help articles are a few KB with
a dozen headings; the defaults leave a wide margin, and a site with a real need raises them in mkdocs.yml.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, Problem
from .rules import finding
from .source import SourceFile

_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)|<h[1-6][\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    max_article_kb: int = 1024
    max_headings: int = 1000


def too_large(docs_dir: Path, src: str, file: str, limits: Limits) -> Problem | None:
    """Checked on the file's size before it is read at all."""
    try:
        size = os.stat(docs_dir / src).st_size
    except OSError:
        return None  # read_source reports unreadable files
    if size <= limits.max_article_kb * 1024:
        return None
    return finding("article-too-large", Location(file, 1), f"this article is {size / 1024:,.0f} KB, more than "
                   f"max_article_kb ({limits.max_article_kb:,} KB)",
                   "split it into several articles, or raise `max_article_kb` under the helpgen plugin in mkdocs.yml")


def too_many_headings(source: SourceFile, limits: Limits) -> Problem | None:
    count = sum(1 for _, line in source.prose_lines() if _HEADING.match(line))
    if count <= limits.max_headings:
        return None
    return finding("article-too-large", source.at(source.body_line, 1), f"this article has {count:,} headings, "
                   f"more than max_headings ({limits.max_headings:,})",
                   "split it into several articles, or raise `max_headings` under the helpgen plugin in mkdocs.yml")

