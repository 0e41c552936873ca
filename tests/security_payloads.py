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
    from helpgen.checks import check_content
    from helpgen.checks.rules import RULE_BY_ID

    def blind(project, today, cache=None):
        result = check_content(project, today, cache)
        return replace(result, findings=tuple(p for p in result.findings
                                              if RULE_BY_ID[p.rule].family not in ("safety", "links")))

    import helpgen.checks as checks

    with pytest.MonkeyPatch.context() as patch:
        # The build checks each language through helpgen.checks.check_content (checks/languages.py).
        patch.setattr(checks, "check_content", blind)
        yield


# --- The classes of the second sweep (#24): families of hostile inputs, written to be refused ----------
# Each family holds several variants of one class; tests/test_security_classes.py writes each into a fresh
# project, runs `helpgen check` and `helpgen build`, and expects both to refuse it at its file (or, where
# the input is allowed, the built site to be safe), never a traceback. The browser half loads what builds.

def _material_file(pattern: str) -> str:
    import material

    root = Path(material.__file__).parent / "templates"
    return next(root.glob(pattern)).relative_to(root).as_posix()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
BUNDLE = _material_file("assets/javascripts/bundle.*.min.js")
WORKER = _material_file("assets/javascripts/workers/search.*.min.js")

# 1. Content files at the paths of the theme's files and of what the build generates.
SHADOWING = {
    "assets/javascripts/helpgen-status.js": b"alert(1101)",
    BUNDLE: b"alert(1102)",
    "assets/stylesheets/helpgen.css": b"body{background:url(javascript:alert(1103))}",
    WORKER: b"alert(1104)",
    "assets/javascripts/lunr/min/lunr.da.min.js": b"alert(1105)",
    "Assets/JavaScripts/helpgen-search.js": b"alert(1106)",  # case-insensitive hosts
    "assets/images/favicon.png": PNG,
    "search/search_index.json": b'{"docs": []}',
    "sitemap.xml": b"<urlset/>",
    "404.html": b"<script>alert(1110)</script>",
    "search/helpgen/manifest.json": b"{}",
}

# 2. Links that would lead to script: stubs' redirect:, permalinks, redirect_from, support.yml urls.
URL_FRONT_MATTER = [
    'redirect: "javascript:alert(1201)"',
    'redirect: "JaVaScRiPt:alert(1202)"',
    'redirect: " javascript:alert(1203)"',
    'redirect: "java\\tscript:alert(1204)"',
    'redirect: "data:text/html,<script>alert(1205)</script>"',
    'redirect: "vbscript:msgbox(1206)"',
    'redirect: "/javascript:alert(1207).html"',
    'redirect: "javascript%3Aalert(1208)"',
    'redirect: "//evil.example/1209"',
    'redirect: "https://evil.example\\\\@www.example.com/1210"',
    'redirect: "https://user@evil.example/1211"',
    'title: X\npermalink: "/javascript:alert(1212).html"\nredirect_from: [old/1212]',
    'title: X\npermalink: "/a%0a/1213/"',
    'title: X\npermalink: "/../../1214/"',
    'title: X\nredirect_from: ["javascript:alert(1215)"]',
    'title: X\nredirect_from: ["/x:y/1216/"]',
    'title: X\naliases: ["data:text/html,1217"]',
]
URL_SUPPORT = [  # (what replaces the chat channel's url, or the feedback block)
    ("url: https://acme.example/chat", "url: \"javascript:alert(1251)\""),
    ("url: https://acme.example/chat", "url: \"https://evil.example\\\\@acme.example/1252\""),
    ("url: https://acme.example/chat", "url: \"https://acme.example/chat\\n\""),
    ("url: https://acme.example/chat", "url: \"data:text/html,1254\""),
    ("address: support@acme.example", "address: \"support@acme.example\\n<script>\""),
    ("  - id: chat", "  - id: \"chat\\n\""),
]

# 3. Elements an article could make that the page's own scripts might read in its place.
CLOBBERING = [
    '<p id="__config">{"base": "javascript:alert(1301)//", "features": [], "search": "data:,alert(1301)"}</p>',
    '<a name="__config" id="__config" href="#x">x</a>',
    '<img id="helpgen-hours-data" alt="{}">',
    '<span id="helpgen-strings">{"search.no_results": "<img src=x onerror=alert(1304)>"}</span>',
    'Paragraph that becomes the config.\n{: #__config }',
    "## __config",
    '<div id="__search"><input id="__drawer"></div>',
    '<label for="__search">open</label><table><tr><td headers="__config">x</td></tr></table>',
    '<p id="hg-contact-title">not the contact block</p>',
]

# 4. XML documents and SVG images that run script when opened.
ACTIVE_FILES = {
    "img/xslt.svg": b'<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="style.png"?>\n'
                    b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "img/element.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><xsl:element '
                       b'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="script"/></svg>',
    "img/xhtml.svg": b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1403)</script></html>',
    "img/inner.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><metadata><h:script '
                     b'xmlns:h="http://www.w3.org/1999/xhtml">alert(1404)</h:script></metadata></svg>',
    "img/no-namespace.svg": b"<svg><script>alert(1405)</script></svg>",
    "img/use.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml,x#a"/></svg>',
    "img/style.png": b'<?xml version="1.0"?><xsl:stylesheet version="1.0" '
                     b'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>',
    "img/page.png": b"<html><script>alert(1408)</script></html>",
    "img/fake.jpg": PNG,
    "docs/process.xpdl": b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1410)</script></html>',
    "docs/feed.xml": b"<rss/>",
    "docs/sheet.xsl": b"<xsl:stylesheet/>",
    "docs/page.xhtml": b"<html/>",
    "img/zipped.svgz": b"\x1f\x8b",
    "docs/data.rdf": b"<rdf/>",
    "docs/app.wasm": b"\x00asm",
    "docs/script.mjs": b"alert(1417)",
}

# 5. A host's own configuration, and rules smuggled into the generated _redirects.
HOST_FILES = {"_headers": b"/*.txt\n  Content-Type: text/html\n", "_redirects": b"/* https://evil.example/:splat 200!\n",
              "CNAME": b"evil.example\n", "netlify.toml": b"[[redirects]]\n", "vercel.json": b"{}",
              "_routes.json": b"{}", "_worker.js": b"export default {}", "sub/_headers": b"/*\n  X: y\n"}
REDIRECT_INJECTION = [
    'title: X\nredirect_from: ["old/x\\n/* https://evil.example/:splat 200!"]',
    'title: X\nredirect_from: ["old/x\\r/* https://evil.example/:splat 200!"]',
    'title: X\nredirect_from: ["old/x\\u2028/* https://evil.example/:splat 200!"]',
    'title: X\nredirect_from: ["old/x https://evil.example/ 200!"]',
    'title: X\nredirect_from: ["old/x\\t/* https://evil.example/ 200!"]',
    'redirect: "https://evil.example/ 200!\\n/* https://evil.example/:splat"',
    'title: X\npermalink: "/new/\\n/* https://evil.example/:splat 200!"',
]

# 6. Pages, permalinks and redirects over what the build writes.
RESERVED_URLS = [
    "title: X\npermalink: /assets/javascripts/helpgen-search.js",
    "title: X\npermalink: /sitemap.xml",
    "title: X\npermalink: /404.html",
    "title: X\npermalink: /search/helpgen/manifest.json",
    "title: X\npermalink: /.helpgen/urls.json",
    "title: X\npermalink: /_redirects",
    "title: X\npermalink: /search/search_index.json",
    "title: X\nredirect_from: [/404.html]",
    "title: X\nredirect_from: [/sitemap.xml]",
    "title: X\nredirect_from: [/assets/javascripts/helpgen-status.js]",
]
RESERVED_PAGES = ["sitemap.xml.md", "404.html.md", "search/helpgen.md", "_redirects.md"]

# 9. Titles Material's tooltips would insert as HTML, and frames whose host is read differently.
TOOLTIP_TITLES = ['[a](https://acme.example/ "<img src=x onerror=alert(1901)>")',
                  '<abbr title="<img src=x onerror=alert(1902)>">AB</abbr>',
                  '<span title="&lt;img src=x onerror=alert(1903)&gt;">x</span>']
EMBEDS = ["https://evil.example\\@www.youtube.com/embed/1", "https://www.youtube.com.evil.example/embed/2",
          "https://user@evil.example@www.youtube.com/embed/3", "https://www.youtube.com%2F@evil.example/embed/4",
          "https:/\\evil.example/embed/5", "https://evil.example#@www.youtube.com/embed/6",
          "https://evil.example\\\\www.youtube.com/embed/7", "https://www.youtube.com\t.evil.example/embed/8",
          "https://www.youtube.com/embed/ok"]

# 10. Inputs under the size limit that Markdown renders in quadratic time or by deep recursion.
TIME_BOMBS = {
    "brackets": "[" * 30_000,
    "tags": "<a" * 60_000,
    "word-paste-900k": "<span>a</span><font>b</font>\n" * 32_000,
    "list-markers": "- " * 1000,
    "ordered-markers": "1. " * 1000,
    "nested-lists": "".join("  " * i + "- x\n" for i in range(400)),
    "nested-quotes": "".join(">" * i + " x\n" for i in range(400)),
    "one-line-quotes": ">" * 5000 + " x",
    "images": "![" * 20_000,
    "links": "[a](" * 15_000,
    "footnotes": "[^" * 20_000,
    "autolinks": "<http://" * 20_000,
    "backticks": "`a" * 60_000,
    "emphasis-lines": "*a\n" * 100_000,
    "fences": "```\n" * 8_000,
    "nested-admonitions": "".join("    " * i + "!!! note\n" for i in range(200)),
    "nested-html": '<div markdown="1">\n' * 5_000,
    "slow-paragraphs": ("`a" * 30_000 + "\n\n") * 16,  # each under the scan's limits: the CPU budget stops it
}

# 11. Inputs that crashed with a traceback.
FRONT_MATTER_TYPES = ["search: exclude", "search: [1]", "search: {exclude: maybe}", "hide: 5", "template: [a]",
                      "icon: {a: 1}", "search: {boost: high}"]
FILE_NAMES = [b"returns/caf\xe9.md", b"returns/new\nline.md", "returns/\u202egnp.md".encode(), b"returns/a:b.png",
              b"returns/tab\there.md"]

# 12. Text a CI runner would read as workflow commands.
CI_COMMANDS = ["\n::error file=x.md,line=1::injected", "\r\n::warning::injected", "\u2028::error::injected",
               "##[error]injected", "x\n  ::add-mask::secret", "%0A::error::injected"]
