"""Articles grouped into categories and sections: the help center's shape, independent of any site engine.

The navigation is the home page, one landing page per category and the contact page. Articles are
reached from their category page, not from a sidebar listing every article: Material repeats the
sidebar on every page, so a full listing makes each page grow with the whole help center.
A category may hold sections (category -> section -> article, as Zendesk has): an article's `section:`
or the sub-folder it lives in; a sub-folder's index.md names and orders its section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .articles import CONTACT_SRC, DEFAULT_CATEGORY, HOME_SRC, Article, ArticleSet, url_name


def _humanize(name: str) -> str:
    return name.replace("-", " ").replace("_", " ").capitalize()


def section_id(title: str) -> str:
    """The section's anchor on the category page: lowercase words joined by dashes."""
    return re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "section"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    order: int | None
    index_src: str | None  # the sub-folder's index.md, when the writer made one
    articles: tuple[Article, ...]

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, self.title.casefold(), self.id)


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    order: int | None
    index_src: str  # the landing page's source path (may be generated)
    articles: tuple[Article, ...]  # sorted: promoted first, then by title
    intro: Article | None = None  # the writer's own index.md, when there is one
    sections: tuple[Section, ...] = ()
    unsectioned: tuple[Article, ...] = ()  # listed above the sections, without a heading

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, self.title.casefold(), self.id)

    @property
    def nav_title(self) -> str:
        return self.intro.nav_title if self.intro and self.intro.is_index else self.title


@dataclass(frozen=True)
class Catalog:
    categories: tuple[Category, ...]
    home: Article | None
    promoted: tuple[Article, ...]

    @property
    def home_src(self) -> str:
        """The home page's source: index.md, or the article whose `permalink: /` makes it the home page."""
        return self.home.src if self.home else HOME_SRC

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def section_pages(self) -> dict[str, tuple[Category, Section]]:
        """Sub-folder index.md -> the section it opens."""
        return {s.index_src: (c, s) for c in self.categories for s in c.sections if s.index_src}


def _article_order(article: Article) -> tuple:
    return (not article.promoted, article.title.casefold(), article.src)


def _section_of(article: Article, intros: dict) -> tuple[str, str, Article | None] | None:
    """(id, title, the section's index.md) of an article's section, or None."""
    parts = article.src.split("/")  # a normalized POSIX path: its parts, as PurePosixPath gives them
    if article.more.section:
        # A folder's index.md titled like the section opens it (Jekyll sites keep sub-category pages so).
        intro = intros.get(("title", article.more.section.casefold()))
        return section_id(article.more.section), article.more.section, intro
    if len(parts) > 2 and url_name(parts[0]) == article.category:
        intro = intros.get(f"{article.category}/{url_name(parts[1])}")
        return url_name(parts[1]), intro.title if intro else _folder_title(parts[1]), intro
    return None


def _sections(articles: list[Article], intros: dict) -> tuple[tuple[Section, ...], tuple[Article, ...]]:
    grouped: dict[str, list[Article]] = {}
    named: dict[str, tuple[str, Article | None]] = {}
    unsectioned = []
    for article in articles:
        found = _section_of(article, intros)
        if found is None:
            unsectioned.append(article)
            continue
        key, title, intro = found
        grouped.setdefault(key, []).append(article)
        if key not in named or (intro and not named[key][1]):
            named[key] = (title, intro)
    sections = [Section(key, title, intro.description if intro else "", intro.order if intro else None,
                        intro.src if intro else None, tuple(grouped[key]))
                for key, (title, intro) in named.items()]
    return tuple(sorted(sections, key=lambda s: s.sort_key)), tuple(unsectioned)


def _folder(src: str) -> str:
    """The folder of a normalized POSIX source path as ids spell it ("." at the top): "getting-started"."""
    folder = src.rpartition("/")[0]
    return "/".join(url_name(part) for part in folder.split("/")) if folder else "."


def _folder_title(name: str) -> str:
    """A folder's name as a title: as written when it reads as one (`Getting started`, `快速入门`)."""
    return name if any(c.isspace() or c.isupper() or not c.isascii() for c in name) else _humanize(name)


def _spelling(category_id: str, articles: list[Article]) -> str:
    """The category's folder as the writer spelt it (`Getting started`), for the page helpgen writes there."""
    return next((a.src.split("/")[0] for a in articles if "/" in a.src and url_name(a.src.split("/")[0]) == category_id),
                category_id)


def build_catalog(article_set: ArticleSet, general_title: str = "") -> Catalog:
    """`general_title`: the name, in the site's language, of the category of articles that have none."""
    home = next((a for a in article_set.articles if a.src == HOME_SRC), None) or \
        next((a for a in sorted(article_set.articles, key=lambda a: a.src) if a.is_home), None)
    by_category: dict[str, list[Article]] = {}
    for article in article_set.pages:
        if article is not home:
            by_category.setdefault(article.category, []).append(article)
    intros: dict = {_folder(a.src): a for a in article_set.articles if a.is_index and not a.is_home}
    for article in sorted(article_set.articles, key=lambda a: a.src):
        folder = _folder(article.src)
        if article.is_index and not article.is_home and folder not in by_category:  # not a category's own page
            intros.setdefault(("title", article.title.casefold()), article)
    # An article whose permalink is its folder's URL (a vault's `permalink: bases` in Bases/) opens the folder,
    # as its index.md would, when the folder has other articles to list.
    by_folder: dict[str, int] = {}
    for article in article_set.pages:
        by_folder[_folder(article.src)] = by_folder.get(_folder(article.src), 0) + 1
    for article in sorted(article_set.pages, key=lambda a: a.src):
        folder = _folder(article.src)
        if article.more.permalink and by_folder[folder] > 1 and _landing_of(article.more.permalink) == folder:
            intros.setdefault(folder, article)
    opening = {id(a) for a in intros.values()}
    categories = []
    for category_id, written in by_category.items():
        intro = intros.get(category_id)
        articles = sorted((a for a in written if id(a) not in opening), key=_article_order)
        sections, unsectioned = _sections(articles, intros)
        folder = _spelling(category_id, written)
        if folder == DEFAULT_CATEGORY and any(a.src == f"{DEFAULT_CATEGORY}.md" for a in article_set.articles):
            folder = f"{DEFAULT_CATEGORY}-articles"  # general.md is a page at general/: the list goes beside it
        title = general_title if category_id == DEFAULT_CATEGORY and general_title and folder == category_id \
            else _folder_title(folder)
        categories.append(Category(
            id=category_id,
            title=intro.title if intro and intro.is_index else title,  # an article opening it keeps its own
            description=intro.description if intro else "",
            order=intro.order if intro else None,
            index_src=intro.src if intro else f"{folder}/index.md",
            articles=tuple(articles),
            intro=intro,
            sections=sections,
            unsectioned=unsectioned,
        ))
    categories.sort(key=lambda c: c.sort_key)
    promoted = tuple(sorted((a for a in article_set.pages if a.promoted), key=lambda a: (a.title.casefold(), a.src)))
    return Catalog(tuple(categories), home, promoted)


def _landing_of(permalink: str) -> str:
    """The folder id a page's URL opens ("bases/" or "bases/index.html" -> "bases")."""
    return permalink.removesuffix("index.html").rstrip("/")


def navigation(catalog: Catalog, labels: dict[str, str] | None = None) -> list[dict[str, str]]:
    """The site's navigation as MkDocs' `nav` setting spells it: home, categories, contact."""
    labels = labels or {}
    nav = [{labels.get("home", "Home"): catalog.home_src}]
    nav += [{c.nav_title: c.index_src} for c in catalog.categories]
    nav.append({labels.get("contact", "Contact us"): CONTACT_SRC})
    return nav
