"""Related articles: the writer's `related:` list, or up to five chosen at build time."""
from __future__ import annotations

import pytest

from helpgen.content.articles import parse_article
from helpgen.content.related import choose_related
from helpgen.errors import HelpgenError

from .conftest import soup


def make(src: str, title: str, **front) -> object:
    lines = [f"title: {title}"] + [f"{k}: {v}" for k, v in front.items()]
    article, problems = parse_article("---\n" + "\n".join(lines) + "\n---\n", src)
    assert article is not None, problems
    return article


def test_shared_tags_first_then_terms_same_category_first_and_deterministic():
    articles = [
        make("returns/return.md", "How do I return an item?", tags="[returns, refunds]"),
        make("returns/label.md", "Where is my return label?", tags="[returns]"),
        make("returns/refund.md", "When is my refund paid?", tags="[returns, refunds]"),
        make("orders/return-order.md", "Return an order placed as a gift", tags="[returns, refunds]"),
        make("orders/track.md", "How do I track my order?"),
        make("returns/damaged.md", "My item arrived damaged"),
    ]
    related = choose_related(articles)
    assert related["returns/return.md"] == ("returns/refund.md", "returns/label.md", "returns/damaged.md",
                                            "orders/return-order.md")
    assert related == choose_related(list(reversed(articles)))  # the order articles arrive in does not matter
    assert related["orders/track.md"] == ("orders/return-order.md",)  # shares "order" only


def test_other_languages_are_never_related():
    articles = [make("a/return.md", "How do I return an item?", tags="[returns]"),
                make("a/retur.md", "Hvordan returnerer jeg en vare?", tags="[returns]")]
    assert choose_related(articles)["a/return.md"] == ()


def test_the_writers_list_wins_as_a_list_or_a_comma_string():
    articles = [make("a/one.md", "One", related="two, b/three"), make("a/two.md", "Two"),
                make("b/three.md", "Three", related="[../a/one.md]")]
    related = choose_related(articles)
    assert related["a/one.md"] == ("a/two.md", "b/three.md")
    assert related["b/three.md"] == ("a/one.md",)


def test_related_articles_are_listed_on_the_page(project):
    project.article("returns/refund.md", "When is my refund paid?", tags="[returns]")
    project.article("returns/return.md", "How do I return an item?", tags="[returns]")
    project.article("orders/cancel.md", "Can I cancel my order?", related="[track]")
    project.build()
    page = soup(project.root / "site/returns/return/index.html")
    aside = page.find("aside", class_="hg-related")
    assert aside.find("h2").get_text() == "Related articles"
    assert [a.get_text() for a in aside.select("li a")] == ["When is my refund paid?"]
    assert aside.find("a")["href"] == "../refund/"
    cancel = soup(project.root / "site/orders/cancel/index.html").find("aside", class_="hg-related")
    assert [a.get_text() for a in cancel.select("li a")] == ["How do I track my order?"]


def test_an_unknown_related_entry_stops_the_build(project):
    project.article("orders/cancel.md", "Can I cancel my order?", related="[trak]")
    with pytest.raises(HelpgenError, match=r'cancel.md:3:1: related: "trak" is no article.*did you mean "track"'):
        project.build()
