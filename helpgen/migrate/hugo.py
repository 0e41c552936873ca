"""Hugo's shortcodes and Jekyll sites' own Liquid tags, as far as the build can draw them: callouts (`{{< note >}}`
… `{{< /note >}}`, `{{% notice warning %}}` … `{{% /notice %}}`, `{{< hint info >}}`, `{{< alert type="danger" >}}`,
`{% callout warning %}` … `{% endcallout %}`) become the admonitions Material styles, titled in the page's
language; and a shortcode or tag the site names under the plugin's `components:` (`legacynotice: ""`,
`version: "2.4"`, `linked_headline: "## {0}"`, `image: "![{1*}](/images/{0})"` with the arguments: `{0}`, `{1}`
by position, `{1*}` the second and all after it, `{name}` by name) is written in by `helpgen check --fix`, as
MDX components are. Every other one stays a `template-tag` error at its line (checks/template_rules.py).
"""
from __future__ import annotations

import re

from ..checks.source import SourceFile
from ..checks.template_rules import one_line_callout, rendered_callouts
from ..content.variables import lines_outside_code
from .link_fix import LinkFix

_SHORTCODE = re.compile(r"\{\{([<%])-?\s*([\w-]+)((?:\s[^}]*?)?)\s*-?[>%]\}\}|\{%-?\s*([\w-]+)((?:\s[^%]*?)?)\s*-?%\}")
_ARGUMENT = re.compile(r"""(?:([\w-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_PLACEHOLDER = re.compile(r"\{([\w-]+)(\*?)\}")


def _filled(snippet: str, arguments: str) -> str:
    """A snippet with `{0}`, `{1}` (the positional arguments), `{1*}` (the second and all after it, spaced,
    as in `{% image x.png Alt text in words %}`) and `{name}` (the named ones)."""
    values: dict[str, str] = {}
    positional: list[str] = []
    for match in _ARGUMENT.finditer(arguments):
        value = next((g for g in match.group(2, 3, 4) if g is not None), "")
        if match.group(1):
            values[match.group(1)] = value
        else:
            values[str(len(positional))] = value
            positional.append(value)

    def value(placeholder: re.Match) -> str:
        name, rest = placeholder.groups()
        if rest and name.isdigit():
            return " ".join(positional[int(name):])
        return values.get(name, "")
    return _PLACEHOLDER.sub(value, snippet)


def hugo_callouts(markdown: str, title_of) -> str:
    """Paired callouts on lines of their own -> `!!! kind "Title"` with the body indented."""
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    lines = list(lines_outside_code(markdown))
    callouts = rendered_callouts({offset: line for offset, line, in_code in lines if not in_code})
    single = {offset: found for offset, line, in_code in lines if not in_code and (found := one_line_callout(line))}
    if not callouts and not single:
        return markdown
    out: list[str] = []
    depth = 0
    for offset, line, _ in lines:
        indent = "    " * depth
        if offset in single:
            own, kind, _, body, _ = single[offset]
            # In a list item, as indented as the item's text: Python-Markdown needs four columns per level
            # where kramdown and others take three.
            own = " " * (-(-len(own.expandtabs(4)) // 4) * 4)
            out += [f'{indent}{own}!!! {kind} "{title_of(kind)}"', "", f"{indent}{own}    {body}", ""]
        elif offset not in callouts:
            out.append(indent + line if line.strip() and depth else line)
        elif callouts[offset] is not None:
            kind = callouts[offset]
            out += [f'{indent}!!! {kind} "{title_of(kind)}"', ""]
            depth += 1
        else:
            depth = max(0, depth - 1)
            out.append("")
    return "\n".join(out)


def shortcode_fixes(source: SourceFile, components: dict[str, str]) -> list[LinkFix]:
    """Shortcodes the site maps under `components:`, written in: the whole line when the shortcode is one,
    else in place. A paired shortcode (`{{< x >}}` … `{{< /x >}}`) wraps text a snippet cannot hold: left."""
    if not components:
        return []
    text = "\n".join(source.prose.values())
    fixes = []
    for number, line in source.prose_lines():
        if "{{" not in line and "{%" not in line:
            continue
        for match in _SHORTCODE.finditer(line):
            name, arguments = (match.group(2), match.group(3)) if match.group(2) else (match.group(4), match.group(5))
            if name not in components or _closed(name, text):
                continue
            snippet = _filled(components[name], arguments or "")
            whole = not line[:match.start()].strip() and not line[match.end():].strip()
            if whole:
                fixes.append(LinkFix(number, 1, line, snippet, kind="syntax", end_line=number))
            elif "\n" not in snippet:
                fixes.append(LinkFix(number, match.start() + 1, match.group(0), snippet, kind="syntax"))
    return fixes


def _closed(name: str, text: str) -> bool:
    """The shortcode or tag wraps text (`{{< x >}}` … `{{< /x >}}`, `{% x %}` … `{% endx %}`)."""
    return bool(re.search(r"\{\{[<%]-?\s*/\s*" + re.escape(name) + r"\b|\{%-?\s*end" + re.escape(name) + r"\b", text))
