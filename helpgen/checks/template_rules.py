"""Template tags another generator would have run: Liquid (`{% include x %}`, `{{ site.title }}`), Hugo
shortcodes (`{{< note >}}`, `{{% tip %}}`) and MDX imports and components (`<Tabs>`). helpgen runs no template engine over articles, so each would
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


# MDX (Docusaurus): `import Tabs from '@theme/Tabs';` and React components such as <Tabs> or <TabItem />.
_MDX = re.compile(r"^import\s+[\w{}, *]+\s+from\s+['\"][^'\"]+['\"];?\s*$|</?([A-Z][A-Za-z0-9]*)(?=[\s/>])[^>]*>")


_HTML_ELEMENTS = frozenset("""
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col
    colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1
    h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark menu meta
    meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
    section select small source span strong style sub summary sup svg table tbody td template textarea tfoot th
    thead time title tr track u ul var video wbr math frame frameset applet marquee font center
""".split())


def template_tags(text: str) -> Iterator[tuple[int, str, str]]:
    """(column, the tag as written, its name) of every template tag on a line."""
    if "import" in text or "<" in text:
        for match in _MDX.finditer(text):
            if match.group(1) and match.group(1).lower() in _HTML_ELEMENTS:
                continue  # <SCRIPT>, <Div>: HTML in any case, for the safety rules and the sanitizer
            yield match.start() + 1, match.group(0).strip(), match.group(1) or "import"
    for match in _TAGS.finditer(text):
        name = match.group(1) or match.group(2) or match.group(3).split(".")[0].split("|")[0].strip()
        yield match.start() + 1, match.group(0), name


def check_template_tags(sources: list[SourceFile]) -> Iterator[Problem]:
    for source in sources:
        for number, text in source.prose_lines():
            if "{" not in text and "import" not in text and "<" not in text:
                continue
            for col, tag, name in template_tags(text):
                kind = ("a Hugo shortcode" if tag.startswith(("{{<", "{{%")) else
                        "an MDX import" if tag.startswith("import") else
                        "an MDX component" if tag.startswith("<") else "a Liquid tag")
                yield finding("template-tag", source.at(number, col),
                              f"{tag} is {kind} ({name}); helpgen runs no templates, so it would show as raw text",
                              "write the text it stood for, or delete it" +
                              ("; links with {{ site.baseurl }} are rewritten by `helpgen check --fix`"
                               if "baseurl" in tag else ""))
