"""Hostile input for the security tests: what a contributor sending a pull request could write.

BODY_PAYLOADS are article bodies (each one its own article); FIELD_PAYLOADS go into front matter,
category titles, tags and support.yml text. Every `alert(N)` carries its own N, so a dialog in the
browser test names the payload that got through. hostile_project() writes a project holding them all.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from bs4 import BeautifulSoup

from helpgen.security.sanitize import code_scheme

BODY_PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    "<svg/onload=alert(2)>",
    "<img src=x\nonerror=alert(3)>",
    "<div>`<img src=x onerror=alert(4)>`</div>",
    " ```\n<script>alert(5)</script>\n ```",
    "\t```\n<script>alert(6)</script>\n\t```",
    '```js title="a"\n<script>alert(7)</script>\n```',
    "<!-- x --!><img src=x onerror=alert(8)> -->",
    '<iframe srcdoc="&lt;script&gt;alert(9)&lt;/script&gt;"></iframe>',
    '[a](https://e.x){: href="javascript:alert(10)" }',
    "[a](jav&#x61;script:alert(11))",
    '<a href="jav&#x61;script:alert(12)">x</a>',
    '<a href="java&#x09;script:alert(13)">x</a>',
    '<object data="javascript:alert(14)"></object>',
    '<embed src="javascript:alert(15)">',
    '<a href="data:text/html,&lt;script&gt;alert(16)&lt;/script&gt;">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(17)>",
    "<details open ontoggle=alert(18)><summary>x</summary></details>",
    "<form><button formaction=javascript:alert(19)>x</button></form>",
    '<a href="vbscript:msgbox(20)">x</a>',
    "<input autofocus onfocus=alert(21)>",
    "<body onload=alert(22)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(23)>\"></noscript>",
    '<svg><a xlink:href="javascript:alert(24)"><text x="20" y="20">x</text></a></svg>',
    '<img src="x" onerror  =  "alert(25)">',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(26)">x</a>',
    '<iframe src="javascript:alert(27)"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(28)">',
    '<base href="javascript:alert(29)//">',
    "[x][r]\n\n[r]: javascript:alert(30)",
    '![x](x" onerror="alert(31))',
    "<div>\n<img src=x onerror=alert(32)>\n</div>",
    '<a href=" &#14;javascript:alert(33)">x</a>',
    "<img src=x onerror=alert&lpar;34&rpar;>",
    '<svg><animate attributeName="href" values="javascript:alert(35)"/><a><text>x</text></a></svg>',
    '<p style="background:url(javascript:alert(36))">x</p>',
]

FIELD_PAYLOADS: list[str] = [
    "</title><script>alert(101)</script>",
    '"><img src=x onerror=alert(102)>',
    "<img src=x onerror=alert(103)>",
    "&lt;script&gt;alert(104)&lt;/script&gt;",
    "</script><script>alert(105)</script>",
    "<svg onload=alert(106)>",
    "' onmouseover='alert(107)' x='",
    "\u2028</script><!--<script>alert(108)</script>",
]

PAYLOAD_COUNT = len(BODY_PAYLOADS) + len(FIELD_PAYLOADS)

MKDOCS_YML = """\
site_name: Hostile Help Center
docs_dir: content
theme:
  name: material
plugins:
  - search
  - helpgen
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - attr_list
"""


def _q(text: str) -> str:
    """A YAML scalar holding `text` exactly: JSON strings are YAML double-quoted strings."""
    return json.dumps(text)


def support_yml(fields: list[str]) -> str:
    organization, channel, holiday = (fields * 3)[:3]
    return f"""\
organization: {_q(organization)}
timezone: Europe/Copenhagen
hours:
  monday-friday: "09:00-17:00"
holidays:
  - {{date: 2026-12-24, name: {_q(holiday)}}}
  - {{date: 2027-12-24, name: {_q(holiday)}}}
channels:
  - id: email
    name: {_q(channel)}
    address: support@acme.example
    availability: always
    response: 1 business day
  - id: chat
    name: {_q(channel + " chat")}
    url: https://acme.example/chat
    availability: business-hours
    response: 5 minutes
"""


def article(title: str, description: str, tags: list[str], body: str) -> str:
    return (f"---\ntitle: {_q(title)}\ndescription: {_q(description)}\ntype: faq\n"
            f"tags: [{', '.join(_q(t) for t in tags)}]\nkeywords: [{', '.join(_q(t) for t in tags)}]\n---\n\n"
            f"{body}\n")


def hostile_project(root: Path, fields: list[str], bodies: list[str]) -> dict[str, tuple[str, str]]:
    """Write a project with every field and body; returns {article src: (its title, its description)}."""
    fields = fields or ["x"]
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "support.yml").write_text(support_yml(fields), encoding="utf-8")
    content = root / "content"
    (content / "hostile").mkdir(parents=True, exist_ok=True)
    (content / "hostile" / "index.md").write_text(
        f"---\ntitle: {_q('Category ' + fields[0])}\ndescription: {_q(fields[-1])}\n---\n\n{bodies[0] if bodies else ''}\n",
        encoding="utf-8")
    titles: dict[str, tuple[str, str]] = {}
    for i, body in enumerate(bodies or ["Plain text."]):
        title = f"T{i} {fields[i % len(fields)]}"
        description = fields[(i + 1) % len(fields)]
        tags = [fields[(i + 2) % len(fields)], "tag"]
        src = f"hostile/a{i:02d}.md"
        (content / src).write_text(article(title, description, tags, body), encoding="utf-8")
        titles[src] = (title, description)
    return titles


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc",
                  "values", "to", "from", "by")
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")


def active_content(html: str, allowed_inline: set[str]) -> list[str]:
    """Everything in a page that could run code, read with a real HTML parser: event-handler attributes,
    code URLs, frames and objects, and any script that is not the theme's own."""
    found: list[str] = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}=…>")
            elif name.lower() in URL_ATTRIBUTES and (code_scheme(value) or name == "srcdoc"):
                found.append(f"<{element.name} {name}={value[:40]!r}>")
        if element.name in ("iframe", "object", "embed", "frame", "base"):
            found.append(f"<{element.name}>")
        if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
            found.append("<meta refresh>")
        if element.name == "script":
            text = element.string or ""
            kind = str(element.get("type", "")).lower()
            if element.get("src"):
                if ":" in str(element["src"]).split("/")[0]:
                    found.append(f"<script src={element['src']!r}>")
            elif kind in DATA_SCRIPT_TYPES:
                try:
                    json.loads(text)  # data stays data: a payload that closed the element would break it
                except ValueError:
                    found.append(f"<script type={kind}> that is not JSON: {text[:60]!r}")
            elif text.strip() not in allowed_inline:
                found.append(f"unexpected inline <script>: {text.strip()[:60]!r}")
    return found


def inline_scripts(html: str) -> set[str]:
    return {(s.string or "").strip() for s in BeautifulSoup(html, "html.parser").find_all("script")
            if not s.get("src") and str(s.get("type", "")).lower() not in DATA_SCRIPT_TYPES}


@contextmanager
def check_misses_everything():
    """The build's check reports what the sanitizer removes and stops the build on it. Here it misses all
    of it, as it would miss a bypass nobody has thought of yet: the sanitizer must hold on its own."""
    import helpgen.mkdocs.plugin as plugin
    from helpgen.checks import check_content
    from helpgen.checks.rules import RULE_BY_ID

    def blind(project, today, cache=None):
        result = check_content(project, today, cache)
        return replace(result, findings=tuple(p for p in result.findings
                                              if RULE_BY_ID[p.rule].family not in ("safety", "links")))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "check_content", blind)
        yield
