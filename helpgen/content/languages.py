"""Which languages a help center is written in, and where each one's files and pages live.

The contract (docs/languages.md): with the plugin option `languages: [en, da, zh]` every language has a
folder of its own in the content folder (`content/en/…`, `content/da/…`); the first language is the
default and is served at the site root, so adding languages never moves an existing URL; the others are
served under `/<code>/`. Without the option a project is one language, from `theme.language`, and its
files sit directly in the content folder, exactly as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..errors import HelpgenError, Location

# Each language's name for itself, as a switcher lists it (a reader looks for their own language's name).
# Codes not listed here show as the code itself; a site can name them in its strings file.
NATIVE_NAMES = {
    "en": "English", "da": "Dansk", "zh": "简体中文", "zh-Hans": "简体中文", "zh-CN": "简体中文",
    "zh-TW": "繁體中文", "zh-Hant": "繁體中文", "zh-HK": "繁體中文（香港）", "de": "Deutsch", "sv": "Svenska",
    "nb": "Norsk bokmål", "nn": "Norsk nynorsk", "fi": "Suomi", "fr": "Français", "es": "Español",
    "it": "Italiano", "nl": "Nederlands", "pl": "Polski", "pt": "Português", "ja": "日本語", "ko": "한국어",
}

# BCP 47 as people write it in a config: a language, then optional script/region/variant subtags.
_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str  # as configured: "en", "da", "zh", "zh-TW"
    default: bool = True
    folder: str = ""  # its folder in the content folder: "da"; "" for a single-language project

    @property
    def name(self) -> str:
        return NATIVE_NAMES.get(self.code, self.code)

    @property
    def url_prefix(self) -> str:
        """Where its pages are served, relative to the site root: "" for the default, "da/" otherwise."""
        return "" if self.default else f"{self.code}/"

    @property
    def src_prefix(self) -> str:
        return f"{self.folder}/" if self.folder else ""

    def src(self, rel: str) -> str:
        """The content-folder path of a path inside this language's folder."""
        return self.src_prefix + rel

    def rel(self, src: str) -> str | None:
        """The path inside this language's folder of a content-folder path, or None if it is not in it."""
        prefix = self.src_prefix
        return src[len(prefix):] if src.startswith(prefix) else None

    def dest(self, rel_dest: str) -> str:
        """Where a file lands in the site, given where it would land in a one-language site."""
        return self.url_prefix + rel_dest


@dataclass(frozen=True)
class SiteLanguages:
    """The site's languages, the default first."""

    languages: tuple[Language, ...]

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def multilingual(self) -> bool:
        return bool(self.default.folder)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def get(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def require(self, code: str | None, where: str = "--lang") -> Language:
        """The language `code` (None: the default), or an error naming the site's languages."""
        if code is None:
            return self.default
        found = self.get(code)
        if found is not None:
            return found
        if not self.multilingual:
            raise HelpgenError.at(Location(where), f'this help center has one language ({self.default.code}), not "{code}"',
                                  "list its languages in mkdocs.yml: plugins: - helpgen: {languages: [en, da]} "
                                  "(docs/languages.md)")
        raise HelpgenError.at(Location(where), f'"{code}" is not one of this help center\'s languages',
                              "use one of: " + ", ".join(self.codes))

    def of_src(self, src: str) -> tuple[Language, str] | None:
        """(language, path inside its folder) of a content-folder path; None when it is in no language's
        folder (a multi-language project's top-level files, e.g. shared images)."""
        for lang in self.languages:
            rel = lang.rel(src)
            if rel is not None and (rel or not lang.folder):
                return lang, rel
        return None

    def __iter__(self):
        return iter(self.languages)


def single_language(code: str | None) -> SiteLanguages:
    """A project without the `languages` option: one language, files at the content folder's top."""
    return SiteLanguages((Language(code or "en"),))


def site_languages(option: Iterable | None, theme_language: str | None, where: Location) -> SiteLanguages:
    """The site's languages from the plugin option (None: one language, `theme.language`).

    Raises HelpgenError at `where` (the mkdocs.yml) for a code that is not BCP 47 or is listed twice."""
    if option is None:
        return single_language(theme_language)
    codes = list(option)
    if not codes:
        raise HelpgenError.at(where, "plugins.helpgen.languages is empty",
                              "list the languages, the default first, e.g. languages: [en, da], or remove the option")
    seen: set[str] = set()
    problems = []
    for code in codes:
        if not isinstance(code, str) or not _CODE.match(code):
            problems.append(f'"{code}" is not a language code')
        elif code.lower() in seen:
            problems.append(f'"{code}" is listed twice')
        else:
            seen.add(code.lower())
    if problems:
        raise HelpgenError.at(where, f"plugins.helpgen.languages: {'; '.join(problems)}",
                              "use BCP 47 codes such as en, da, zh, zh-TW, each once; the first is the default")
    return SiteLanguages(tuple(Language(code, default=(i == 0), folder=code) for i, code in enumerate(codes)))
