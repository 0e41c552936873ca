"""`helpgen import zendesk EXPORT_DIR`: a Zendesk Guide export (Help Center API JSON) -> content/.

The export is the JSON the Help Center API answers with, saved as files: `{"categories": [...]}`,
`{"sections": [...]}`, `{"articles": [...]}` and `{"translations": [...]}` (one file each, or one per
page of results: every *.json in the folder is read by its top-level key). Categories and sections
become folders with an index.md (title, description, order from `position`), articles Markdown files
(HTML converted by markdownify) with `label_names` -> tags, `promoted`, `updated_at` -> updated,
`html_url` -> redirect_from (the old URL keeps working), `draft`. Links to other exported articles
become relative .md links; images and attachments stay linked where Zendesk serves them.
Translations go to a folder per language (content/<code>/…, the multi-language layout), the source
language's articles too.
"""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdownify import markdownify

from ..errors import HelpgenError, Location

_SLUG = re.compile(r"[^a-z0-9]+")
_ARTICLE_URL = re.compile(r"https?://[^\s)\"']*/hc/(?:[\w-]+/)?articles/(\d+)[^\s)\"'#]*(#[^\s)\"']*)?")


@dataclass
class Export:
    categories: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    translations: list[dict] = field(default_factory=list)


def read_export(folder: Path) -> Export:
    export = Export()
    files = sorted(folder.rglob("*.json"))
    if not files:
        raise HelpgenError.at(Location(str(folder)), "no Zendesk export here (no .json files)",
                              "save the Help Center API's categories, sections, articles and translations "
                              "JSON answers into this folder")
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise HelpgenError.at(Location(str(path)), f"not JSON: {exc}") from None
        for key in ("categories", "sections", "articles", "translations"):
            if isinstance(data, dict) and isinstance(data.get(key), list):
                getattr(export, key).extend(item for item in data[key] if isinstance(item, dict))
    if not export.articles:
        raise HelpgenError.at(Location(str(folder)), "the export has no articles",
                              'expected a file like articles.json holding {"articles": [...]}')
    return export


def language_code(locale: str) -> str:
    """Zendesk locales ("en-us", "da", "zh-tw") -> helpgen language codes ("en", "da", "zh-TW")."""
    language, _, region = (locale or "en").partition("-")
    return f"{language}-{region.upper()}" if language == "zh" and region in ("tw", "hk") else language.lower()


def slug(text: str, fallback: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")[:80].strip("-") or fallback


def _yaml(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings and lists are YAML too, quoted safely


@dataclass
class ImportResult:
    files: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # image and file URLs still served by Zendesk


def import_zendesk(export_dir: Path, content_dir: Path) -> ImportResult:
    export = read_export(export_dir)
    sections = {s["id"]: s for s in export.sections if "id" in s}
    categories = {c["id"]: c for c in export.categories if "id" in c}
    source_language = language_code(export.articles[0].get("source_locale") or export.articles[0].get("locale"))
    languages = sorted({language_code(t.get("locale", "")) for t in export.translations
                        if _kind(t) == "article"} - {source_language})
    prefix = (lambda lang: f"{lang}/") if languages else (lambda lang: "")
    folders = _folders(categories, sections)
    paths = _article_paths(export.articles, sections, folders)
    pages: dict[str, str] = {}
    result = ImportResult(languages=[source_language] + languages)
    by_source = {(_kind(t), t.get("source_id"), language_code(t.get("locale", ""))): t for t in export.translations}
    owners = {c.get("_folder"): ("category", cid) for cid, c in categories.items()}
    owners.update({s.get("_folder"): ("section", sid) for sid, s in sections.items()})
    for lang in result.languages:
        for folder, (title, description, order) in sorted(folders.items()):
            kind, owner = owners.get(folder, ("", None))
            translated = by_source.get((kind, owner, lang)) if lang != source_language else None
            if translated:
                title, description = translated.get("title") or title, _text(translated.get("body")) or description
            pages[f"{prefix(lang)}{folder}/index.md"] = _front_matter(
                {"title": title, "description": description, "order": order}) + "\n"
    for article in sorted(export.articles, key=lambda a: (a.get("position") or 0, a.get("id") or 0)):
        path = paths[article["id"]]
        for lang in result.languages:
            version = article if lang == source_language else by_source.get(("article", article["id"], lang))
            if version is None:
                continue
            pages[f"{prefix(lang)}{path}"] = _article_text(article, version, path, paths, result)
    existing = [src for src in sorted(pages) if (content_dir / src).exists()]
    if existing:
        raise HelpgenError.at(Location(str(content_dir / existing[0])), "already exists; the import writes new files only",
                              "import into an empty content folder (--content-dir)")
    for src, text in sorted(pages.items()):
        target = content_dir / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        result.files.append(src)
    result.attachments = sorted(set(result.attachments))
    return result


def _folders(categories: dict, sections: dict) -> dict[str, tuple[str, str, int | None]]:
    """folder -> (title, description, order) for every category and section."""
    found: dict[str, tuple[str, str, int | None]] = {}
    names: dict[int, str] = {}
    for cid, category in sorted(categories.items()):
        folder = _unique(slug(category.get("name", ""), f"category-{cid}"), found)
        names[cid] = category["_folder"] = folder
        found[folder] = (category.get("name") or folder, _text(category.get("description")), category.get("position"))
    for sid, section in sorted(sections.items()):
        parent = names.get(section.get("category_id"))
        if parent is None:
            parent = names.setdefault(-1, _unique("general", found))
            found.setdefault(parent, ("General", "", None))
        ancestor = sections.get(section.get("parent_section_id"))
        name = section.get("name") or f"section-{sid}"
        if ancestor:  # helpgen has one level of sections: a sub-section is named after both
            name = f"{ancestor.get('name', '')} – {name}"
        folder = _unique(f"{parent}/{slug(name, f'section-{sid}')}", found)
        section["_folder"] = folder
        found[folder] = (name, _text(section.get("description")), section.get("position"))
    return found


def _article_paths(articles: list[dict], sections: dict, folders: dict) -> dict[int, str]:
    """article id -> its path: the section's folder (or "general"), a slug of the title, unique."""
    taken: set[str] = set()
    paths = {}
    for article in sorted(articles, key=lambda a: a.get("id") or 0):
        folder = (sections.get(article.get("section_id")) or {}).get("_folder")
        if folder is None:
            folder = "general"
            folders.setdefault(folder, ("General", "", None))
        path = _unique(f"{folder}/{slug(article.get('title', ''), 'article-' + str(article.get('id')))}", taken)
        taken.add(path)
        paths[article["id"]] = path + ".md"
    return paths


def _kind(translation: dict) -> str:
    return str(translation.get("source_type") or "article").lower()


def _unique(name: str, taken) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    return candidate


def _text(html: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html or "")).strip()


def _front_matter(values: dict) -> str:
    lines = ["---"] + [f"{key}: {_yaml(value)}" for key, value in values.items()
                       if value is not None and value is not False and value != "" and value != []]
    return "\n".join(lines + ["---"]) + "\n"


def _article_text(article: dict, version: dict, path: str, paths: dict[int, str], result: ImportResult) -> str:
    updated = (version.get("updated_at") or article.get("updated_at") or "")[:10]
    old_url = version.get("html_url") or ""
    front = {
        "title": version.get("title") or article.get("title") or f"Article {article.get('id')}",
        "tags": list(article.get("label_names") or []),
        "promoted": bool(article.get("promoted")),
        "updated": updated,
        "redirect_from": [old_url] if old_url else [],
        "draft": bool(version.get("draft")),
    }
    body = markdownify(version.get("body") or "", heading_style="ATX", bullets="-").strip()
    result.attachments += re.findall(r"!\[[^\]]*\]\(([^)\s]+)", body)

    def local(match: re.Match[str]) -> str:
        target = paths.get(int(match.group(1)))
        if target is None:
            return match.group(0)
        return posixpath.relpath(target, posixpath.dirname(path)) + (match.group(2) or "")

    body = _ARTICLE_URL.sub(local, body)
    return _front_matter(front) + "\n" + body + "\n"
