"""One MkDocs build serving every language of a help center.

MkDocs knows one language per site (`theme.language`), one navigation and one URL per file. helpgen
builds all languages in the same build instead of one build per language (what mkdocs-static-i18n does):
the check engine, the search index and the page workers see every language at once, and a page's
switcher can point at the very same article in each other language.

- URLs: files of the default language's folder (`content/en/…`) are served at the site root; the other
  folders stay where they are (`content/da/x.md` -> `/da/x/`).
- Navigation: one per language, each built by MkDocs' own `get_navigation`; a page is rendered with its
  language's.
- Material's strings: Material picks them with `config.theme.language` while a template renders, so the
  page's language is set there just before the page's template runs (`on_page_context`) and put back
  after the build. Static templates (404.html, sitemap.xml) render before any page, in the default language.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Callable

from mkdocs.structure.files import Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from ..content.articles import HOME_SRC
from ..content.languages import Language, SiteLanguages
from ..content.translations import (OutdatedNotice, PageLanguages, SwitchEntry, TranslationMap,
                                    switch_targets)


def material_language(code: str, theme_dirs: list[str]) -> str:
    """The language file of Material's that serves `code`: the code itself, else its base language
    ("en-GB" -> "en"), else English. Material fails on a language it has no file for."""
    def known(candidate: str) -> bool:
        return any(os.path.isfile(os.path.join(d, "partials", "languages", f"{candidate}.html")) for d in theme_dirs)

    for candidate in (code, code.split("-")[0]):
        if known(candidate):
            return candidate
    return "en"


def serve_default_at_root(files: Files, languages: SiteLanguages) -> None:
    """Move the default language's pages and files from /<code>/… to the site root."""
    default = languages.default
    for file in files:
        if file.src_uri.startswith(default.src_prefix) and file.dest_uri.startswith(default.src_prefix):
            file.dest_uri = file.dest_uri[len(default.src_prefix):]
            # url and abs_dest_path are cached from dest_uri: compute them again from the new one.
            file.url = file._get_url()
            file.abs_dest_path = os.path.normpath(os.path.join(file.dest_dir, file.dest_uri))


def title_other_navigations(files: Files, config, specs: dict[str, list]) -> None:
    """Give the other languages' navigation pages their titles from the navigation, as MkDocs gives the
    site's own: MkDocs makes a page of every file before `on_nav`, with no title, for the pages not in
    its one navigation."""
    for spec in specs.values():
        for item in spec:
            for title, src in item.items():
                file = files.get_file_from_path(src)
                if file is not None and file.page is None:
                    Page(title, file, config)


def other_navigations(files: Files, config, specs: dict[str, list], languages: SiteLanguages) -> dict:
    """Each other language's navigation, built by MkDocs as it builds the site's own. Its home page is the
    language's own (MkDocs takes the page at the site root): the logo of a Danish page leads to /da/."""
    saved = config.nav
    navs = {}
    try:
        for code, spec in specs.items():
            config.nav = spec
            navs[code] = get_navigation(files, config)
            home_src = next(iter(spec[0].values()), None) if spec else None  # navigation's first entry: home
            home = files.get_file_from_path(home_src or languages.get(code).src(HOME_SRC))
            if home is not None and home.page is not None:
                navs[code].homepage = home.page
    finally:
        config.nav = saved
    return navs


class PageViews:
    """Each page's `PageLanguages`: its switcher, its hreflang alternates and its outdated notice."""

    def __init__(self, languages: SiteLanguages, translations: TranslationMap, files: Files,
                 site_url: str | None, outdated: dict, format_date: Callable[[str, object], str],
                 not_translated: Callable[[str], str]) -> None:
        self.languages, self.translations, self.files = languages, translations, files
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.outdated = outdated
        self.format_date = format_date
        self.not_translated = not_translated
        self._views: dict[str, PageLanguages] = {}

    def url_of(self, lang: Language, rel: str | None) -> str | None:
        file = self.files.get_file_from_path(lang.src(rel)) if rel else None
        return file.url if file is not None and file.inclusion.is_included() else None

    def absolute(self, url: str) -> str:
        """A full URL with `site_url` (search engines want them in hreflang links and the sitemap);
        without it the site-root-relative URL, which templates make relative to the page."""
        if not self.site_url:
            return url
        return f"{self.site_url}{'' if url == './' else url}"

    def of(self, lang: Language, rel: str) -> PageLanguages:
        key = lang.src(rel)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = self._view(lang, rel)
        return view

    def _view(self, lang: Language, rel: str) -> PageLanguages:
        targets = switch_targets(self.translations, lang.code, rel, self.url_of)
        switcher = tuple(SwitchEntry(t.language.code, t.language.name, t.url, t.translated, t.current, t.fallback,
                                     "" if t.translated else self.not_translated(t.language.code))
                         for t in targets)
        existing = [(t.language.code, self.absolute(t.url)) for t in targets if t.translated]
        default_version = next((url for code, url in existing if code == self.languages.default.code), None)
        alternates = existing + ([("x-default", default_version)] if default_version and len(existing) > 1 else [])
        notice = None
        item = self.outdated.get((lang.code, rel))
        if item is not None:
            source_url = self.url_of(self.languages.default, item.source.src)
            if source_url is not None:
                notice = OutdatedNotice(self.languages.default.code, self.languages.default.name, source_url,
                                        self.format_date(lang.code, item.source_changed))
        return PageLanguages(lang.code, switcher, tuple(alternates), notice)


def language_of_path(languages: SiteLanguages, src: str) -> tuple[Language, str]:
    """(language, path inside its folder) of a page; files outside every folder count as the default's."""
    found = languages.of_src(src)
    return found if found is not None else (languages.default, src)


def theme_dirs(config) -> list[str]:
    return [str(Path(d)) for d in config.theme.dirs]


def site_urls(results: dict, languages: SiteLanguages) -> tuple[dict[str, str], list, dict[str, str]]:
    """Every language's page URLs and redirects as the whole site sees them: content-folder paths (the
    language's folder in front) -> site paths under the language's own prefix. Returns (urls, redirects,
    generated titles, filled in by the caller)."""
    urls: dict[str, str] = {}
    redirects: list = []
    for lang in languages:
        result = results[lang.code]
        urls.update({lang.src(src): _prefixed(lang, path) for src, path in result.urls.items()})
        redirects += [replace(r, source=_prefixed(lang, r.source),
                              target=r.target if r.external else _prefixed(lang, r.target),
                              target_src=lang.src(r.target_src) if r.target_src else "", language=lang.code)
                      for r in result.redirects]
    return urls, redirects, {}


def _prefixed(lang: Language, path: str) -> str:
    slash = "/" if path.startswith("/") else ""
    return slash + lang.url_prefix + path.lstrip("/")
