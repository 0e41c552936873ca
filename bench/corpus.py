"""A public help center's Markdown -> a helpgen project and the same pages for plain MkDocs + Material.

bench/search_ranking.py ranks real help centers (Docusaurus, Obsidian Publish and Zendesk exports
fetched from their public repositories) with each search engine. Each engine must see the same
article: its title, its description and its text. So every file becomes one page at the same URL in
both projects, `<category>/<slug>/`, with:
- the title: the front matter's `title`, else the first `# heading` (then removed), else the file name;
- the description: the front matter's `description`, in helpgen's front matter (helpgen searches it as
  a field and shows it as the snippet), and as the page's first paragraph in the plain variant, where
  Material and Pagefind index only what the page shows;
- the text, with what only the original site's engine understands taken out: MDX imports and
  components, `<head>` blocks, HTML tags (their text kept), links reduced to their text (a link to a
  page the export lacks would stop helpgen's build), Obsidian's wiki links, embeds and comments.
Other front matter (aliases, ids, permalinks) is left out: no engine gets more than the reader sees.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

SUPPORT_YML = """\
organization: Ranking bench
timezone: UTC
hours:
  monday-friday: "09:00-17:00"
channels:
  - id: email
    name: Email
    address: support@example.org
    availability: always
    response: 1 business day
"""

MKDOCS_YML = """\
site_name: {name}
docs_dir: content
theme:
  name: material
  language: {language}
  features: [search.suggest, search.highlight]
plugins:
  - search
"""
HELPGEN_PLUGIN = "  - helpgen\n"
# Only the home page in the plain site's navigation (MkDocs' default lists every page on every page):
# navigation changes no engine's search; links are reduced to their text, so none is missing.
PLAIN_NAVIGATION = """\
nav:
  - index.md
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: ignore
    unrecognized_links: ignore
"""

# Folders that would take the place of a page helpgen makes (the contact page) or of the site's own files.
RESERVED = {"contact", "search", "assets", "404"}
_FRONT = re.compile(r"\A---\n(.*?)\n---\n?", re.S)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_CLEAN = [
    (re.compile(r"^(import|export)\s.*$", re.M), ""),  # MDX
    (re.compile(r"<head>.*?</head>", re.S), ""),
    (re.compile(r"<(script|style)\b.*?</\1>", re.S), ""),
    (re.compile(r"\{/\*.*?\*/\}", re.S), ""),  # MDX comments
    (re.compile(r"\{[A-Za-z_$][\w$.]*\([^{}\n]*\)\}"), ""),  # MDX expressions, {getExampleCode("…")}
    (re.compile(r"%%.*?%%", re.S), ""),  # Obsidian comments
    (re.compile(r"!\[\[[^\]]*\]\]"), ""),  # Obsidian embeds
    (re.compile(r"\[\[([^\]|#]*)(?:#[^\]|]*)?\|([^\]]*)\]\]"), r"\2"),  # [[page#heading|label]]
    (re.compile(r"\[\[(?:[^\]|]*/)?([^\]|#/]*)(?:#([^\]|]*))?\]\]"), r"\1 \2"),  # [[folder/page#heading]]
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"</?[A-Za-z][^>]*>"), " "),  # HTML and MDX tags; their text stays
    (re.compile(r"\{\{|\}\}|\{%|%\}"), " "),  # would read as helpgen's variables
    (re.compile(r"==([^=\n]+)=="), r"\1"),  # Obsidian highlights
]


@dataclass(frozen=True)
class Page:
    source: str  # the file's path in the corpus, as the known-item sets name it
    category: str
    slug: str
    title: str
    description: str
    body: str

    @property
    def url(self) -> str:
        return f"{self.category}/{self.slug}/"


def read_pages(corpus: Path) -> list[Page]:
    """Every Markdown file of the corpus folder as a page, in a stable order."""
    corpus = Path(corpus)
    pages: list[Page] = []
    categories: dict[str, str] = {}
    slugs: set[str] = set()
    for number, path in enumerate(sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".mdx"))):
        source = path.relative_to(corpus).as_posix()
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        front, body = _front_matter(text)
        title = str(front.get("title") or "").strip()
        if not title:
            heading = _H1.search(body)
            if heading:
                title, body = heading.group(1).strip(), body[:heading.start()] + body[heading.end():]
            else:
                title = PurePosixPath(source).stem
        folder = PurePosixPath(source).parent.as_posix()
        if folder not in categories:
            category = _ascii_id(folder.split("/")[0] if folder != "." else "general", f"c{len(categories)}")
            categories[folder] = f"{category}-pages" if category in RESERVED else category
        category = categories[folder]
        slug = _ascii_id(PurePosixPath(source).stem, f"a{number:03d}")
        while slug in slugs or slug == "index":  # unique in the site: helpgen warns about a slug used twice
            slug = f"{slug}-{number}"
        slugs.add(slug)
        description = " ".join(_text(str(front.get("description") or "")).split())
        pages.append(Page(source, category, slug, _text(title).strip("\"'"), description, clean(body)))
    return pages


def _text(value: str) -> str:
    """A title or description as plain text: no variable braces (helpgen would refuse them there)."""
    return re.sub(r"\{\{|\}\}|\{%|%\}", " ", value).strip()


def _front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = {}
    return (data if isinstance(data, dict) else {}), text[match.end():]


def _ascii_id(name: str, fallback: str) -> str:
    """A category id or slug helpgen accepts: lowercase letters, digits and dashes."""
    found = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return found if found and found[0].isalnum() and len(found) <= 60 else fallback


def clean(body: str) -> str:
    for pattern, replacement in _CLEAN:
        body = pattern.sub(replacement, body)
    return body.strip() + "\n"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_projects(pages: list[Page], helpgen_dir: Path, plain_dir: Path, name: str, language: str) -> None:
    """The helpgen project and its plain MkDocs + Material twin, each page at the same URL."""
    for root, rest in ((helpgen_dir, HELPGEN_PLUGIN), (plain_dir, PLAIN_NAVIGATION)):
        _write(root / "mkdocs.yml", MKDOCS_YML.format(name=name, language=language) + rest)
        _write(root / "content" / "index.md", f"# {name}\n")
    _write(helpgen_dir / "support.yml", SUPPORT_YML)
    _write(helpgen_dir / "content" / "index.md", "---\ntemplate: helpgen/home.html\n---\n")
    for category in sorted({page.category for page in pages}):
        for root in (helpgen_dir, plain_dir):
            _write(root / "content" / category / "index.md", f"---\ntitle: {_quoted(category)}\n---\n")
    for page in pages:
        front = f"title: {_quoted(page.title)}\n" + (f"description: {_quoted(page.description)}\n" if page.description else "")
        _write(helpgen_dir / "content" / page.category / f"{page.slug}.md", f"---\n{front}---\n\n{page.body}")
        intro = f"{page.description}\n\n" if page.description else ""
        _write(plain_dir / "content" / page.category / f"{page.slug}.md",
               f"---\ntitle: {_quoted(page.title)}\n---\n\n# {page.title}\n\n{intro}{page.body}")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text) if text.startswith(" ") else text, encoding="utf-8")
