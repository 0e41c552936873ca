"""Template tags another generator would have run: Liquid (`{% include x %}`, `{{ site.title }}`) and Hugo
shortcodes (`{{< note >}}`, `{{% tip %}}`). helpgen runs no template engine over articles, so each would
reach the page as raw braces; they are reported where they stand, in prose only (code shows them on purpose).
"""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import Problem
from .rules import finding
from .source import SourceFile

LIQUID_ROOTS = ("site", "page", "jekyll", "layout", "include", "content", "paginator", "theme", "params")
_TAGS = re.compile(r"\{%-?\s*(\w+)[^%]*%\}|\{\{[<%]-?\s*/?\s*([\w./-]+)[^}]*[>%]\}\}"
                   r"|\{\{-?\s*((?:" + "|".join(LIQUID_ROOTS) + r")\b[^}]*)\}\}")


def template_tags(text: str) -> Iterator[tuple[int, str, str]]:
    """(column, the tag as written, its name) of every template tag on a line."""
    for match in _TAGS.finditer(text):
        name = match.group(1) or match.group(2) or match.group(3).split(".")[0].split("|")[0].strip()
        yield match.start() + 1, match.group(0), name


def check_template_tags(sources: list[SourceFile]) -> Iterator[Problem]:
    for source in sources:
        for number, text in source.prose_lines():
            if "{" not in text:
                continue
            for col, tag, name in template_tags(text):
                kind = "a Hugo shortcode" if tag.startswith(("{{<", "{{%")) else "a Liquid tag"
                yield finding("template-tag", source.at(number, col),
                              f"{tag} is {kind} ({name}); helpgen runs no templates, so it would show as raw text",
                              "write the text it stood for, or delete it" +
                              ("; links with {{ site.baseurl }} are rewritten by `helpgen check --fix`"
                               if "baseurl" in tag else ""))
