"""`helpgen import zendesk EXPORT_DIR`: a Zendesk Guide export (Help Center API JSON, zendesk_export.py) -> content/.

Categories and sections become folders with an index.md (title, description, order from `position`),
articles Markdown files (HTML converted by markdownify, heading and anchor ids kept so `#h_01…` links still
land) with `label_names` -> tags, `promoted`, `updated_at` -> updated, `draft`, the Zendesk id as `id:` and
`html_url` -> redirect_from (the old URL keeps working). Links to other exported articles, sections and
categories become relative .md links, in whatever form the export wrote them (`/hc/en-us/articles/1-Title`,
`/api/v2/help_center/en-us/articles/1.json`); images and attachments stay linked where Zendesk serves them.
Translations go to a folder per language (content/<code>/…, the multi-language layout).

A dump without categories or sections (one file per article is common) gets a placeholder section per
`section_id`, named "Section <id>", with a warning: rename them in their index.md.

Every name that becomes a folder or file comes from a slug of it or from a checked language code, and every
file written is checked to be inside the content folder: nothing in an export writes anywhere else.
"""
from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markdownify import MarkdownConverter

from ..errors import HelpgenError, Location
from .zendesk_export import Export, Record, read_export

_SLUG = re.compile(r"[^a-z0-9]+")
_ARTICLE_LINK = re.compile(r"\]\(((?:https?://[^\s)]+?/|/?)(?:[^\s)]*?/)?(articles|sections|categories)/(\d+)[^\s)#]*)"
                           r"(#[^\s)]*)?\)")
_PLACEHOLDER_CATEGORY = "articles"


@dataclass
class ImportResult:
    files: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # image and file URLs still served by Zendesk
    warnings: list[str] = field(default_factory=list)
    previous_site: str = ""  # the old help center's address, for mkdocs.yml


def language_code(locale: str) -> str:
    """Zendesk locales ("en-us", "da", "zh-tw") -> helpgen language codes ("en", "da", "zh-TW")."""
    language, _, region = (locale or "en").partition("-")
    return f"{language.lower()}-{region.upper()}" if language.lower() == "zh" and region.lower() in ("tw", "hk") \
        else language.lower()


def slug(text: str, fallback: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")[:80].strip("-") or fallback


class _Converter(MarkdownConverter):
    """markdownify, keeping the ids links land on: a heading's `id` and an `<a name>` anchor."""

    def convert_hN(self, n, el, text, parent_tags):  # noqa: N802 - markdownify's name
        anchor = _anchor(el.get("id"))
        return super().convert_hN(n, el, anchor + text if anchor else text, parent_tags)

    def escape(self, text, parent_tags):
        # `[[name]]` in a Zendesk article is text (a placeholder to fill in), never an Obsidian wikilink.
        # `<Groupname>` written as text stays text: Markdown would take it for a tag.
        escaped = super().escape(text, parent_tags)
        return escaped if "_noformat" in parent_tags else \
            escaped.replace("[[", "\\[\\[").replace("]]", "\\]\\]").replace("<", "&lt;")

    def convert_a(self, el, text, parent_tags):
        if not el.get("href") and (el.get("name") or el.get("id")):
            return _anchor(el.get("name") or el.get("id")) + text
        return super().convert_a(el, text, parent_tags)


def _anchor(value) -> str:
    value = str(value or "")
    return f'<span id="{value}"></span>' if re.fullmatch(r"[\w:.-]{1,100}", value) else ""


def import_zendesk(export_dir: Path, content_dir: Path) -> ImportResult:
    export = read_export(export_dir)
    result = ImportResult()
    _placeholders(export, result)
    first = min(export.articles.values(), key=lambda a: a.id)
    source_language = language_code(first.get("source_locale") or first.get("locale") or "en")
    languages = sorted({language_code(t.get("locale")) for t in export.translations
                        if str(t.get("source_type", "article")).lower() == "article"} - {source_language})
    result.languages = [source_language] + languages
    prefix = (lambda lang: f"{lang}/") if languages else (lambda lang: "")
    folders = _folders(export)
    paths = _article_paths(export, folders)
    targets = {("articles", aid): path for aid, path in paths.items()}
    targets.update({("sections", sid): f"{folders[('section', sid)][0]}/index.md" for sid in export.sections})
    targets.update({("categories", cid): f"{folders[('category', cid)][0]}/index.md" for cid in export.categories})
    by_source = {(str(t.get("source_type", "article")).lower(), t.id, language_code(t.get("locale"))): t
                 for t in export.translations}
    pages: dict[str, str] = {}
    for lang in result.languages:
        for (kind, owner), (folder, title, description, order) in sorted(folders.items(), key=lambda i: i[1][0]):
            translated = by_source.get((kind, owner, lang)) if lang != source_language else None
            if translated:
                title, description = translated.get("title") or title, _text(translated.get("body")) or description
            pages[f"{prefix(lang)}{folder}/index.md"] = _front_matter({"title": title, "description": description,
                                                                       "order": order}) + "\n"
    for article in sorted(export.articles.values(), key=lambda a: (a.get("position", 0), a.id)):
        path = paths[article.id]
        for lang in result.languages:
            version = article if lang == source_language else by_source.get(("article", article.id, lang))
            if version is not None:
                pages[f"{prefix(lang)}{path}"] = _article_text(article, version, path, targets, result)
    _write(pages, content_dir, result)
    result.attachments = sorted(set(result.attachments))
    hosts = Counter(urlsplit(a.get("html_url", "")).netloc for a in export.articles.values() if a.get("html_url"))
    result.previous_site = f"https://{hosts.most_common(1)[0][0].lower()}" if hosts else ""
    return result


def _placeholders(export: Export, result: ImportResult) -> None:
    """Sections (and categories) the articles name that the export lacks: a placeholder each, and a warning."""
    missing = sorted({a.get("section_id") for a in export.articles.values() if a.get("section_id") is not None}
                     - set(export.sections))
    _stand_ins(export.sections, missing, "section")
    if missing:
        result.warnings.append(f"the export has no section{'s' * (len(missing) > 1)} {', '.join(map(str, missing[:5]))}"
                               f"{' …' if len(missing) > 5 else ''}: {len(missing)} placeholder section"
                               f"{'s' * (len(missing) != 1)} named \"Section <id>\" hold their articles; rename each "
                               "in its index.md (title:), or export sections.json and import again")
    lost = sorted({s.get("category_id") for s in export.sections.values() if s.get("category_id") is not None}
                  - set(export.categories))
    _stand_ins(export.categories, lost, "category")
    if lost:
        result.warnings.append(f"the export has no category {', '.join(map(str, lost[:5]))}: placeholder categories "
                               "named \"Category <id>\"; rename each in its index.md")


def _stand_ins(records: dict, ids: list[int], kind: str) -> None:
    for rid in ids:
        records[rid] = Record(kind, rid, {"id": rid, "name": f"{kind.capitalize()} {rid}"}, "(placeholder)")


def _folders(export: Export) -> dict[tuple[str, int], tuple[str, str, str, int | None]]:
    """(kind, id) -> (folder, title, description, order) for every category and section."""
    found: dict[tuple[str, int], tuple[str, str, str, int | None]] = {}
    taken: set[str] = set()

    def placeholder_category() -> tuple[str, str, str, int | None]:
        """Where sections without a category and articles without a section go: one folder, its name
        kept apart from the real categories' (a category may well be called "Articles")."""
        return found.setdefault(("category", -1), (_unique(_PLACEHOLDER_CATEGORY, taken), "Articles", "", None))
    for cid, category in sorted(export.categories.items()):
        folder = _unique(slug(category.get("name", ""), f"category-{cid}"), taken)
        found[("category", cid)] = (folder, category.get("name") or folder, _text(category.get("description")),
                                    _order(category.get("position")))
    for sid, section in sorted(export.sections.items()):
        parent = found.get(("category", section.get("category_id")))
        if parent is None:
            parent = placeholder_category()
        ancestor = export.sections.get(section.get("parent_section_id"))
        name = section.get("name") or f"Section {sid}"
        if ancestor:  # helpgen has one level of sections: a sub-section is named after both
            name = f"{ancestor.get('name', '')} – {name}"
        folder = _unique(f"{parent[0]}/{slug(name, f'section-{sid}')}", taken)
        found[("section", sid)] = (folder, name, _text(section.get("description")), _order(section.get("position")))
    if any(("section", a.get("section_id")) not in found for a in export.articles.values()):
        placeholder_category()
    return found


def _article_paths(export: Export, folders: dict) -> dict[int, str]:
    """article id -> its path: the section's folder (or the placeholder category), a slug of the title, unique."""
    taken: set[str] = set()
    paths = {}
    for aid, article in sorted(export.articles.items()):
        folder = folders.get(("section", article.get("section_id"))) or folders[("category", -1)]
        paths[aid] = _unique(f"{folder[0]}/{slug(article.get('title', ''), f'article-{aid}')}", taken) + ".md"
    return paths


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _order(value) -> int | None:
    return int(value) if isinstance(value, (int, float)) else None


def _text(html: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html or "")).strip()


def _front_matter(values: dict) -> str:
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()
                       if value is not None and value is not False and value != "" and value != []]
    return "\n".join(lines + ["---"]) + "\n"


def _article_text(article: Record, version: Record, path: str, targets: dict, result: ImportResult) -> str:
    old_url = version.get("html_url", "")
    front = {
        "title": version.get("title") or article.get("title"),
        "id": article.id,
        "tags": list(article.get("label_names", [])),
        "promoted": bool(article.get("promoted")),
        "updated": str(version.get("updated_at") or article.get("updated_at") or "")[:10],
        "redirect_from": [old_url] if old_url.startswith(("https://", "http://")) else [],
        "draft": bool(version.get("draft")),
    }
    body = _Converter(heading_style="ATX", bullets="-").convert(version.get("body", "")).strip()
    result.attachments += re.findall(r"!\[[^\]]*\]\((https?://[^)\s]+)", body)

    def local(match: re.Match[str]) -> str:
        target = targets.get((match.group(2), int(match.group(3))))
        if target is None:
            return match.group(0)
        return "](" + posixpath.relpath(target, posixpath.dirname(path)) + (match.group(4) or "") + ")"

    return _front_matter(front) + "\n" + _ARTICLE_LINK.sub(local, body) + "\n"


def _write(pages: dict[str, str], content_dir: Path, result: ImportResult) -> None:
    root = content_dir.resolve()
    outside = [src for src in pages if not (content_dir / src).resolve().is_relative_to(root)]
    if outside:  # no name reaches here unchecked (slugs, language codes); this is the last word all the same
        raise HelpgenError.at(Location(str(content_dir / outside[0])), "would be written outside the content folder",
                              "report this export: its names are not what the Help Center API answers")
    existing = [src for src in sorted(pages) if (content_dir / src).exists()]
    if existing:
        raise HelpgenError.at(Location(str(content_dir / existing[0])), "already exists; the import writes new files only",
                              "import into an empty content folder (--content-dir)")
    for src, text in sorted(pages.items()):
        target = content_dir / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        result.files.append(src)
