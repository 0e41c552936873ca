"""`helpgen check` over every language of a site, and the rules between languages.

Each language's folder is checked as a help center of its own (links, anchors, categories and promises
stay inside one language), then the translations are compared: outdated ones (from `updated:` dates, or
from Git when a pair has no dates), missing ones (a note, not a fault), and `translation_of:` keys that
name nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..content.articles import Article
from ..content.languages import Language, SiteLanguages
from ..content.translations import TranslationMap
from ..errors import Location, Problem
from ..hours.texts import LocalText
from ..i18n import messages
from .history import last_commit_times
from .files import check_content_files
from .notices import check_notices
from .project import is_markdown
from .reserved import check_site_paths, reserved_paths
from .rules import BySeverity, finding
from .synonyms import check_synonyms


@dataclass(frozen=True)
class Outdated:
    """A translation whose original changed after it."""

    language: Language
    translation: Article
    source: Article
    source_changed: dt.date  # when the original last changed (its `updated:` or its last commit)
    translation_changed: dt.date


@dataclass
class LanguagesResult(BySeverity):
    findings: list[Problem]
    results: dict  # language code -> CheckResult
    translations: TranslationMap
    outdated: dict[tuple[str, str], Outdated] = field(default_factory=dict)  # (code, rel src) -> …


def language_project(project, lang: Language):
    """The part of a ContentProject that is one language's folder, as a project of its own."""
    if not lang.folder:
        return replace(project, text=messages(lang.code))
    return replace(project, docs_dir=project.docs_dir / lang.folder,
                   files=tuple(rel for rel in (lang.rel(src) for src in project.files) if rel),
                   display_root=_join(project.display_root, lang.folder), language=lang.code,
                   text=messages(lang.code))


def language_projects(project, languages: SiteLanguages) -> list:
    """Each language's folder as a project of its own, in the site's order. A translation's link may reach
    the default language's page of the same path (not translated yet: the build links the original) or,
    written as ../<code>/…, any language's page."""
    if not languages.multilingual:
        return [language_project(project, languages.default)]
    default_pages = tuple(rel for rel in (languages.default.rel(src) for src in project.files)
                          if rel and is_markdown(rel))
    other_languages = tuple(f"../{src}" for src in project.files if languages.of_src(src))
    return [replace(language_project(project, lang),
                    fallback_pages=other_languages + (default_pages if not lang.default else ()))
            for lang in languages]


def check_languages(project, languages: SiteLanguages, today: dt.date, cache=None) -> LanguagesResult:
    from . import check_content  # the package's one-language runner

    findings: list[Problem] = []
    results = {}
    for lang, part in zip(languages, language_projects(project, languages)):
        result = check_content(part, today, cache)
        results[lang.code] = result
        findings += result.findings
    if languages.multilingual:
        findings += [finding("outside-language-folder", Location(_join(project.display_root, src)),
                             "this file is in no language's folder",
                             f"move it to {_join(project.display_root, languages.default.src(src))}")
                     for src in project.files if is_markdown(src) and languages.of_src(src) is None]
    # Published as they are: checked once for the whole content folder, shared files included.
    findings += check_content_files(project.docs_dir, project.files, project.display_root,
                                    project.theme.owner_files, is_markdown)
    reserved = reserved_paths(project.theme.static_files, [lang.url_prefix for lang in languages])
    findings += check_site_paths(project, languages, results, reserved)
    if project.synonyms is not None:
        findings += check_synonyms(project.synonyms, languages, {code: _searched(r.articles.pages) for code, r in results.items()})
    translations = TranslationMap(languages, {code: r.articles for code, r in results.items()})
    result = LanguagesResult(findings, results, translations)
    if languages.multilingual:
        display = lambda lang, rel: _join(project.display_root, lang.src(rel))  # noqa: E731
        findings += [finding("translation-source-unknown", _key_line(project.docs_dir, u.language, u.article,
                                                                       "translation_of", display(u.language, u.article.src)),
                             u.reason) for u in translations.unpaired]
        result.outdated = find_outdated(translations, project.docs_dir)
        for item in result.outdated.values():
            findings.append(finding(
                "translation-outdated",
                _key_line(project.docs_dir, item.language, item.translation, "updated",
                          display(item.language, item.translation.src)),
                f"the {languages.default.code} original changed on {item.source_changed.isoformat()}, after this "
                f"translation ({item.translation_changed.isoformat()})",
                related=Location(display(languages.default, item.source.src))))
        findings += untranslated_support_texts(project.support, languages)
        findings += [finding("translation-missing", Location(display(languages.default, article.src)),
                             f"no {lang.code} version yet", f"write {display(lang, article.src)}")
                     for lang, article in translations.missing()]
    if project.support:
        findings += check_notices(project.support.notices, project.support, tuple(lang.code for lang in languages), today)
    findings.sort(key=lambda p: (p.location.file, p.location.line, p.location.col, p.rule, p.message))
    return result


def _searched(articles) -> list[Article]:
    """The articles search holds: not those its front matter keeps out (`search: {exclude: true}`)."""
    return [a for a in articles if not (isinstance(a.meta.get("search"), dict) and a.meta["search"].get("exclude"))]


def untranslated_support_texts(support, languages: SiteLanguages) -> list[Problem]:
    """support.yml texts given per language that leave out a site language (it shows the default's)."""
    if support is None:
        return []
    texts = [("organization", support.organization)]
    texts += [(f"channels.{c.id}.name", c.name) for c in support.channels]
    texts += [(f"holiday {h.date.isoformat()}", h.name) for h in support.holidays]
    found = []
    for name, text in texts:
        if not isinstance(text, LocalText) or not text.translations:
            continue
        missing = [lang.code for lang in languages if not text.has(lang.code)]
        if missing:
            shown = "; ".join(f'{code} pages show "{text.get(code)}"' for code in missing)
            found.append(finding("support-text-untranslated", text.location or Location(support.path),
                                 f"{name} has no {', '.join(missing)} text: {shown}",
                                 f"add {', '.join(f'{code}: …' for code in missing)} to the mapping"))
    return found


def find_outdated(translations: TranslationMap, docs_dir: Path) -> dict[tuple[str, str], Outdated]:
    """Translations older than their original: by `updated:` when both have it, else by the last Git
    commit touching each file (no Git, or a file never committed: not judged)."""
    default = translations.languages.default
    pairs: list[tuple[Language, Article, Article]] = []
    for lang in translations.languages:
        if lang.default:
            continue
        for article in translations.articles[lang.code].articles:
            source = translations.source_of(lang.code, article.src)
            if source is not None:
                pairs.append((lang, article, source))
    commits: dict[str, dt.datetime] | None = None
    found = {}
    for lang, article, source in pairs:
        if article.updated and source.updated:
            if source.updated > article.updated:
                found[(lang.code, article.src)] = Outdated(lang, article, source, source.updated, article.updated)
            continue
        if commits is None:
            commits = last_commit_times(docs_dir)
        source_time = commits.get(default.src(source.src))
        translation_time = commits.get(lang.src(article.src))
        if source_time and translation_time and source_time > translation_time:
            found[(lang.code, article.src)] = Outdated(lang, article, source, source_time.date(),
                                                       translation_time.date())
    return found


def _key_line(docs_dir: Path, lang: Language, article: Article, key: str, file: str) -> Location:
    """Where a front matter key is written (the finding points there), else the file's first line."""
    try:
        lines = (docs_dir / lang.src(article.src)).read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return Location(file, 1)
    for number, line in enumerate(lines[1:article.body_line], start=2):
        if line.startswith(f"{key}:"):
            return Location(file, number, 1)
    return Location(file, 1)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name
