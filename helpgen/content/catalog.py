"""Articles grouped into categories: the help center's shape, independent of any site engine.

The navigation is the home page, one landing page per category and the contact page. Articles are
reached from their category page, not from a sidebar listing every article: Material repeats the
sidebar on every page, so a full listing makes each page grow with the whole help center.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from .articles import CONTACT_SRC, HOME_SRC, Article, ArticleSet


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    order: int | None
    index_src: str  # the landing page's source path (may be generated)
    articles: tuple[Article, ...]  # sorted: promoted first, then by title
    intro: Article | None = None  # the writer's own index.md, when there is one

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, self.title.casefold(), self.id)


@dataclass(frozen=True)
class Catalog:
    categories: tuple[Category, ...]
    home: Article | None
    promoted: tuple[Article, ...]

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)


def build_catalog(article_set: ArticleSet) -> Catalog:
    by_category: dict[str, list[Article]] = {}
    for article in article_set.pages:
        by_category.setdefault(article.category, []).append(article)
    intros = {PurePosixPath(a.src).parent.as_posix().lower(): a
              for a in article_set.articles if a.is_index and not a.is_home}
    categories = []
    for category_id, articles in by_category.items():
        intro = intros.get(category_id)
        articles.sort(key=lambda a: (not a.promoted, a.title.casefold(), a.src))
        categories.append(Category(
            id=category_id,
            title=intro.title if intro else category_id.replace("-", " ").replace("_", " ").capitalize(),
            description=intro.description if intro else "",
            order=intro.order if intro else None,
            index_src=intro.src if intro else f"{category_id}/index.md",
            articles=tuple(articles),
            intro=intro,
        ))
    categories.sort(key=lambda c: c.sort_key)
    home = next((a for a in article_set.articles if a.is_home), None)
    promoted = tuple(sorted((a for a in article_set.pages if a.promoted), key=lambda a: (a.title.casefold(), a.src)))
    return Catalog(tuple(categories), home, promoted)


def navigation(catalog: Catalog, text=None) -> list[dict[str, str]]:
    """The site's navigation as MkDocs' `nav` setting spells it: home, categories, contact. `text`: the
    language's Messages (helpgen.i18n), English without."""
    if text is None:
        from ..i18n import messages

        text = messages(None)
    nav = [{text.t("nav.home"): HOME_SRC}]
    nav += [{c.title: c.index_src} for c in catalog.categories]
    nav.append({text.t("site.contact_us"): CONTACT_SRC})
    return nav
