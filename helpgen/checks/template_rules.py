"""Syntax another tool would have run or drawn, which helpgen's build neither runs nor renders: Liquid
(`{% include x %}`, `{{ site.title }}`), GitBook blocks (`{% hint %}`), Hugo shortcodes (`{{< note >}}`), MDX
(`import` lines, components such as `<Tabs>`, JSX expressions `{useBaseUrl('x')}`, `<head>` blocks). Each
would reach the page as raw text, so each is an error where it stands, grouped by construct in the text report. Prose only: code spans,
code blocks, comments and escaped text (`\\<Sketch name\\>`) show such things on purpose.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import Problem
from .rules import finding
from .source import SourceFile

LIQUID_ROOTS = ("site", "page", "jekyll", "layout", "include", "content", "paginator", "theme", "params")
_TAGS = re.compile(r"\{%-?\s*(\w[\w-]*)[^%]*%\}|\{\{[<%]-?\s*/?\s*([\w./-]+)[^}]*[>%]\}\}"
                   r"|\{\{-?\s*((?:" + "|".join(LIQUID_ROOTS) + r")\b[^}]*)\}\}")
GITBOOK_BLOCKS = frozenset({"hint", "endhint", "tabs", "endtabs", "tab", "endtab", "embed", "content-ref",
                            "endcontent-ref", "file", "swagger", "endswagger", "code", "endcode", "stepper",
                            "endstepper", "step", "endstep", "columns", "endcolumns", "column", "endcolumn"})

# MDX (Docusaurus): `import Tabs from '@theme/Tabs';`, React components such as <Tabs> or <TabItem />, and
# JSX expressions: an attribute `src={useBaseUrl('x')}`, or text `{props.name}` and `{/* comment */}`. Not
# attr_list's `{#id}`, `{.class}` or `{target=_blank}`, nor `{{ support.… }}` variables.
_MDX = re.compile(r"^import\s+[\w{}, *]+\s+from\s+['\"][^'\"]+['\"];?\s*$"
                  r"|(?<!\\)</?([A-Z][A-Za-z0-9.]*)(?=[\s/>]|$)(?:[^>]*(?<!\\)>|[^>]*$)")  # its > may be lines on
# Only what reads as code: a call, a member (`props.x`), a comment, or any value given to an attribute.
# A bare `{word}` in prose is a placeholder writers use (`https://…/{event}`), not an expression.
_EXPRESSION = re.compile(r"(?<![\w{\\$])\{(?:/\*.*?\*/|[A-Za-z_$][\w$]*(?:\.[\w$]+)+(?:\([^{}]*\))?"
                         r"|[A-Za-z_$][\w$.]*\([^{}]*\)(?:\.[\w$]+)*)\}(?!\})|(?<==)\{[^{}\n]+\}")
_PLACEHOLDER = re.compile(r"^<(?:[A-Z0-9_]+|[A-Z][a-z]+(?: [a-z]+)+)>$")  # <SSID>, <Device name>: words to fill in
_HEAD = re.compile(r"^\s*<head\s*>\s*$", re.IGNORECASE)

_HTML_ELEMENTS = frozenset("""
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col
    colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1
    h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark menu meta
    meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
    section select small source span strong style sub summary sup svg table tbody td template textarea tfoot th
    thead time title tr track u ul var video wbr math frame frameset applet marquee font center
""".split())


# GitBook blocks the build renders (migrate/gitbook.py) when the tag is a line of its own.
RENDERED_BLOCKS = frozenset({"hint", "endhint", "tabs", "endtabs", "tab", "endtab", "stepper", "endstepper", "step",
                             "endstep", "code", "endcode", "content-ref", "endcontent-ref"})
_BLOCK_LINE = re.compile(r"^\s*\{%-?\s*([\w-]+)((?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'))*)\s*-?%\}\s*$")
_BLOCK_ATTRIBUTE = re.compile(r"""([\w-]+)=(?:"([^"]*)"|'([^']*)')""")


def rendered_block(line: str) -> tuple[str, str, dict] | None:
    """(name, the tag, its attributes) when the line is one GitBook block tag the build renders."""
    match = _BLOCK_LINE.match(line) if "{%" in line else None
    if match is None or match.group(1) not in RENDERED_BLOCKS:
        return None
    attributes = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                  for m in _BLOCK_ATTRIBUTE.finditer(match.group(2))}
    return match.group(1), line.strip(), attributes


# Callouts the build renders as admonitions (migrate/hugo.py) when each opening on a line of its own has its
# closing on a line of its own: Hugo's shortcodes, `{{< note >}}` … `{{< /note >}}`, `{{% notice warning %}}` …
# `{{% /notice %}}`, and Jekyll sites' own Liquid tags, `{% callout warning %}` … `{% endcallout %}`.
CALLOUTS = {"note": "note", "tip": "tip", "info": "info", "important": "info", "warning": "warning",
            "caution": "danger", "danger": "danger", "success": "success", "error": "danger", "attention": "warning"}
CALLOUT_WRAPPERS = frozenset({"notice", "hint", "alert", "callout", "admonition"})  # their kind is an argument
_SHORTCODE_LINE = re.compile(r"^\s*\{\{([<%])-?\s*(/?)\s*([\w-]+)((?:\s[^}]*?)?)\s*-?[>%]\}\}\s*$")
_LIQUID_LINE = re.compile(r"^\s*\{%-?\s*(end)?([\w-]+?)((?:\s[^%]*?)?)\s*-?%\}\s*$")


def callout_line(text: str) -> tuple[bool, str, str] | None:
    """(closing, name, arguments) when the line is one callout-shaped tag: a Hugo shortcode or a Liquid tag
    (whose closing is `end` + its name)."""
    if "{{" in text:
        match = _SHORTCODE_LINE.match(text)
        return (match.group(2) == "/", match.group(3), match.group(4) or "") if match else None
    if "{%" in text:
        match = _LIQUID_LINE.match(text)
        return (bool(match.group(1)), match.group(2), match.group(3) or "") if match else None
    return None


# A Liquid callout opened and closed on one line: `{% callout success %}Windows users may need …{% endcallout %}`
# (in a list item, indented as the item's text). Hugo's one-line shortcodes stay errors: their pairs are on
# lines of their own in the sites we have seen, and a one-line pair is more often code shown as text.
_ONE_LINE = re.compile(r"^(?P<indent>\s*)(?P<open>\{%-?\s*(?P<name>[\w-]+?)(?P<args>(?:\s[^%]*?)?)\s*-?%\})(?P<body>.*?)"
                       r"(?P<close>\{%-?\s*end(?P=name)\s*-?%\})\s*$")


def one_line_callout(text: str) -> tuple[str, str, str, str, str] | None:
    """(indent, admonition kind, opening tag, the text inside, closing tag) of a Liquid callout on one line."""
    match = _ONE_LINE.match(text) if "{%" in text else None
    if match is None:
        return None
    kind = callout_kind(match.group("name"), match.group("args") or "")
    if kind is None or not match.group("body").strip():
        return None
    return match.group("indent"), kind, match.group("open"), match.group("body").strip(), match.group("close")


def callout_kind(name: str, arguments: str) -> str | None:
    """The admonition a callout shortcode stands for (its name, or its first or type/style argument)."""
    if name in CALLOUTS:
        return CALLOUTS[name]
    if name not in CALLOUT_WRAPPERS:
        return None
    named = re.search(r"\b(?:type|style|context|theme)\s*=\s*[\"']?(\w+)", arguments)
    word = named.group(1) if named else (re.findall(r"[\w-]+", arguments) or ["note"])[0]
    return CALLOUTS.get(word.lower(), "note")


def rendered_callouts(lines: dict[int, str]) -> dict[int, str | None]:
    """line -> the admonition kind an opening renders as, or None for its closing: every callout shortcode
    whose opening and closing are each on a line of their own, paired. Others stay template-tag errors."""
    found: dict[int, str | None] = {}
    open_at: list[tuple[int, str, str]] = []  # (line, name, kind)
    for number, text in sorted(lines.items()):
        tag = callout_line(text) if "{" in text else None
        if tag is None:
            continue
        closing, name, arguments = tag
        if not closing:
            kind = callout_kind(name, arguments)
            if kind:
                open_at.append((number, name, kind))
        elif open_at and open_at[-1][1] == name:
            start, _, kind = open_at.pop()
            found[start], found[number] = kind, None
    return found


def template_tags(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(column, the construct as written, its name, what it is) of every foreign construct on a line."""
    if "import" in text or "<" in text:
        for match in _MDX.finditer(text):
            if match.group(1) and match.group(1).lower() in _HTML_ELEMENTS:
                continue  # <SCRIPT>, <Div>: HTML in any case, for the safety rules and the sanitizer
            if match.group(1) and _PLACEHOLDER.match(match.group(0)):
                yield match.start() + 1, match.group(0).strip(), match.group(0).strip(), "a placeholder read as an HTML tag"
            elif match.group(1):
                yield match.start() + 1, match.group(0).strip(), f"<{match.group(1)}>", "an MDX component"
            else:
                yield match.start() + 1, match.group(0).strip(), "import", "an MDX import"
    if "{" in text and rendered_block(text) is None:
        for match in _TAGS.finditer(text):
            name = match.group(1) or match.group(2) or match.group(3).split(".")[0].split("|")[0].strip()
            kind = ("a Hugo shortcode" if match.group(0).startswith(("{{<", "{{%")) else
                    "a GitBook block" if match.group(1) in GITBOOK_BLOCKS else "a Liquid tag")
            yield match.start() + 1, match.group(0), name, kind
        for match in _EXPRESSION.finditer(text):
            name = "comment" if match.group(0).startswith("{/*") else match.group(0)[1:].split("(")[0].split(".")[0]
            yield match.start() + 1, match.group(0), name, "an MDX expression"


def check_template_tags(sources: list[SourceFile]) -> Iterator[Problem]:
    for source in sources:
        prose = "".join(source.prose.values())
        callouts = rendered_callouts(source.prose) if "{{" in prose or "{%" in prose else {}
        for number, text in source.prose_lines():
            if ("{" not in text and "import" not in text and "<" not in text) or number in callouts:
                continue
            drawn = one_line_callout(text)
            for col, tag, name, kind in template_tags(text):
                if drawn and tag in (drawn[2], drawn[4]):
                    continue  # the callout's own tags: drawn as an admonition; what it holds is checked
                message = (f"{tag} is read as an HTML tag: the page would show nothing there"
                           if kind == "a placeholder read as an HTML tag" else
                           f"{tag} is {kind} ({name}); helpgen runs no templates, so it would show as raw text")
                yield finding("template-tag", source.at(number, col), message, _hint(tag, kind), group=f"{kind} {name}")
            if _HEAD.match(text):
                yield finding("template-tag", source.at(number, 1), "an MDX <head> block would show its contents "
                              "as text", "delete the block (`helpgen check --fix` does): helpgen writes each page's "
                              "<head>, structured data included", group="an MDX <head> block")


def _hint(tag: str, kind: str) -> str:
    if "baseurl" in tag:
        return "write the text it stood for, or delete it; links with {{ site.baseurl }} are rewritten by " \
               "`helpgen check --fix`"
    if kind == "an MDX import":
        return "delete the line (`helpgen check --fix` does): helpgen imports nothing"
    if kind == "an MDX component":
        return "give the component's Markdown or HTML in mkdocs.yml (`components: {Name: \"…\"}` under the helpgen " \
               "plugin) and `helpgen check --fix` writes it in, or write the text it stood for"
    if kind == "an MDX expression":
        return "write the value itself; `helpgen check --fix` resolves useBaseUrl('…') and require('…') to the file"
    if kind == "a placeholder read as an HTML tag":
        return f"the browser takes it for a tag and shows nothing: write it as `{tag}` (code) or \\{tag[:-1]}\\>"
    if kind == "a GitBook block":
        return "write it as an admonition (`!!! note`) or as plain Markdown"
    if kind == "a Hugo shortcode" or (kind == "a Liquid tag" and tag.startswith("{%")):
        return "give what it stands for in mkdocs.yml (`components: {name: \"…\"}` under the helpgen plugin) and " \
               "`helpgen check --fix` writes it in, or write the text it stood for; callouts (note, warning, notice, " \
               "hint, alert, callout) opened and closed on lines of their own are drawn as admonitions"
    return "write the text it stood for, or delete it"
