"""Which files are the same article in other languages, and where a reader switching language lands.

The same path inside two language folders is the same article (`content/en/returns/x.md` and
`content/da/returns/x.md`). A translation may have a slug of its own; its front matter then names the
default language's file: `translation_of: returns/x` (with or without `.md`). Home, category and
contact pages pair by path like articles, whether the writer wrote them or helpgen generates them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Callable

from .articles import HOME_SRC, Article, ArticleSet
from .languages import Language, SiteLanguages


def source_key(value: str) -> str:
    """`translation_of` as written -> the default language's path: "returns/x" -> "returns/x.md"."""
    path = PurePosixPath(value.strip().strip("/"))
    return path.as_posix() if path.suffix == ".md" else f"{path.as_posix()}.md"


def identity_of(article: Article) -> list[tuple[str, str]]:
    """What may tie an article to its translations when their paths differ (a vault translates its file and
    folder names): its `permalink:`, and the values of the team's own keys (`id:`)."""
    found = [("permalink", article.more.permalink)] if article.more.permalink is not None else []
    return found + [(name, str(value)) for name, value in sorted(article.extra.items())
                    if isinstance(value, (str, int)) and not isinstance(value, bool)]


def identity_values(originals) -> dict[tuple[str, str], str]:
    """(key, value) -> the original's src, for the values exactly one original has."""
    seen: dict[tuple[str, str], list[str]] = {}
    for article in originals:
        for pair in identity_of(article):
            seen.setdefault(pair, []).append(article.src)
    return {pair: srcs[0] for pair, srcs in seen.items() if len(srcs) == 1}


@dataclass(frozen=True)
class Unpaired:
    """A translation whose `translation_of` names no article, or a second file claiming one article."""

    language: Language
    article: Article
    reason: str


@dataclass
class TranslationMap:
    """Every language's articles, grouped by the default-language path they are versions of."""

    languages: SiteLanguages
    articles: dict[str, ArticleSet]  # language code -> its articles (src inside the language folder)
    _keys: dict[tuple[str, str], str] = field(default_factory=dict)  # (code, rel src) -> group key
    _groups: dict[str, dict[str, Article]] = field(default_factory=dict)  # key -> code -> article
    unpaired: list[Unpaired] = field(default_factory=list)

    def __post_init__(self) -> None:
        default = self.languages.default
        originals = self.articles.get(default.code, ArticleSet(())).articles
        sources = {a.src for a in originals}
        shared = identity_values(originals)
        for lang in self.languages:
            for article in self.articles.get(lang.code, ArticleSet(())).articles:
                key = article.src
                if not lang.default and article.translation_of:
                    key = source_key(article.translation_of)
                    if key not in sources:
                        self.unpaired.append(Unpaired(lang, article, f"translation_of: {article.translation_of} "
                                                      f"names no file in the {default.code} folder"))
                        key = article.src
                elif not lang.default and key not in sources:
                    key = next((shared[(name, value)] for name, value in identity_of(article)
                                if (name, value) in shared), key)
                group = self._groups.setdefault(key, {})
                if lang.code in group:
                    self.unpaired.append(Unpaired(lang, article, f"{group[lang.code].src} is already the {lang.code} "
                                                  f"version of {key}"))
                    key = f"{lang.code}\0{article.src}"  # kept apart: it is nobody's translation
                    group = self._groups.setdefault(key, {})
                group[lang.code] = article
                self._keys[(lang.code, article.src)] = key

    def home_src(self, lang: Language) -> str:
        """The language's home page inside its folder: index.md, or the article `permalink: /` makes it."""
        articles = sorted(self.articles.get(lang.code, ArticleSet(())).articles, key=lambda a: a.src)
        return next((a.src for a in articles if a.src == HOME_SRC), "") or \
            next((a.src for a in articles if a.is_home), HOME_SRC)

    def versions(self, code: str, rel: str) -> dict[str, Article]:
        """The article in every language that has it (the asked one included), by language code."""
        key = self._keys.get((code, rel), rel)
        return dict(self._groups.get(key, {}))

    def source_of(self, code: str, rel: str) -> Article | None:
        """The default language's version of a translation (None for the default language itself)."""
        if code == self.languages.default.code:
            return None
        return self.versions(code, rel).get(self.languages.default.code)

    def missing(self) -> list[tuple[Language, Article]]:
        """(language, default-language article) for every article a language has no version of."""
        default = self.languages.default
        found = []
        for article in self.articles.get(default.code, ArticleSet(())).pages:
            versions = self.versions(default.code, article.src)
            found += [(lang, article) for lang in self.languages if lang.code not in versions]
        return found


@dataclass(frozen=True)
class SwitchTarget:
    """One entry of a page's language switcher."""

    language: Language
    url: str  # site-root-relative URL of the page the entry goes to
    translated: bool  # False: the page has no version in this language; `url` is its nearest page there
    current: bool = False
    fallback: str = ""  # when not translated: "category" or "home", the page the entry goes to instead


def switch_targets(translations: TranslationMap, code: str, rel: str,
                   url_of: Callable[[Language, str], str | None]) -> list[SwitchTarget]:
    """Where each language's entry of the switcher on page `rel` of language `code` goes: the same
    article in that language, or (not translated yet) that language's page for the article's category,
    or its home page. Never nowhere: every language has a home page.

    `url_of(language, rel)` is the URL of a page of that language, None when it has no such page."""
    versions = translations.versions(code, rel)
    targets = []
    for lang in translations.languages:
        version = versions.get(lang.code)
        # Pages that are not articles (home, category, contact; often generated) pair by path alone.
        url = url_of(lang, version.src) if version else (None if versions else url_of(lang, rel))
        if url is not None:
            targets.append(SwitchTarget(lang, url, True, current=lang.code == code))
            continue
        category = f"{rel.split('/')[0]}/index.md" if "/" in rel else None  # its category's page, as spelt
        category_url = url_of(lang, category) if category and category != rel else None
        if category_url is not None:
            targets.append(SwitchTarget(lang, category_url, False, fallback="category"))
        else:
            targets.append(SwitchTarget(lang, url_of(lang, translations.home_src(lang)) or lang.url_prefix or "./", False,
                                        fallback="home"))
    return targets



@dataclass(frozen=True)
class SwitchEntry:
    """A language switcher entry as the theme shows it."""

    code: str  # hreflang
    name: str  # the language's own name for itself: "Dansk"
    url: str  # site-root-relative
    translated: bool
    current: bool
    fallback: str  # "" | "category" | "home"
    note: str = ""  # when not translated: "not translated yet", in the entry's own language


@dataclass(frozen=True)
class OutdatedNotice:
    """Shown on a translation older than its original."""

    source_code: str
    source_name: str  # the original's language, by its own name: "English"
    source_url: str
    source_changed: str  # the date, written in the page's language


@dataclass(frozen=True)
class PageLanguages:
    """What a page shows about its other languages."""

    code: str
    switcher: tuple[SwitchEntry, ...]
    alternates: tuple[tuple[str, str], ...]  # (hreflang, URL): every existing version, then x-default
    outdated: OutdatedNotice | None = None
