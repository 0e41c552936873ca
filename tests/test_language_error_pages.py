"""A missing page under /da/ is answered in Danish: every language has its own 404 page, worded from its
translation table, searching its own index, with links that work at any depth under its prefix; the root
404 page stays in the default language and knows where the others are."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from helpgen.i18n import messages

from .conftest import soup
from .test_languages import multilingual

SITE_URL = "https://help.example/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = multilingual(tmp_path_factory.mktemp("language-404") / "help")
    project.article("da/returns/refund.md", "Hvornår får jeg mine penge tilbage?", "Inden for 5 dage.", type="faq",
                    promoted="true")
    project.build()
    return project.root / "site"


def page_file(site: Path, url: str) -> Path:
    """The file a static host serves for a URL of this site."""
    path = urlsplit(url).path.lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") or target.is_dir() else target


def test_each_other_language_has_its_own_404_page_in_its_language(site):
    for code in ("da", "zh-TW"):
        text = messages(code)
        page = soup(site / code / "404.html")
        assert page.html["lang"] == code
        assert page.title.get_text() == f"{text.t('notfound.html_title')} - Test Help Center"
        assert page.h1.get_text() == text.t("notfound.title")
        assert page.select_one(".hg-lead").get_text() == text.t("notfound.lead")
        assert page.select_one("[data-hg-person] h2").get_text() == text.t("person.title")
        assert page.select_one(".hg-header-contact__label").get_text() == text.t("header.contact")
        assert page.select_one(".hg-search-box__button").get_text() == text.t("home.search_button")
    danish = soup(site / "da/404.html")
    # Everything around the answer is Danish too: channel names from support.yml, Material's own words,
    # the navigation, the promoted answers of the Danish help center.
    assert [a.get_text() for a in danish.select("[data-hg-person] .hg-person__link")] == ["E-mail", "Chat"]
    assert danish.select_one("input.md-search__input")["placeholder"] == "Søg"
    assert [a.get_text(strip=True) for a in danish.select(".md-nav--primary .md-nav__link")][0] == "Forside"
    assert [a.get_text() for a in danish.select(".hg-promoted a")] == ["Hvornår får jeg mine penge tilbage?"]
    strings = json.loads(danish.find("script", id="helpgen-strings").string)
    assert strings["status.closed"] == messages("da").t("status.closed")
    english_words = [messages("en").t(key) for key in ("notfound.title", "notfound.lead", "person.title")]
    assert not any(words in danish.get_text() for words in english_words)


def test_a_language_404_page_works_at_any_depth_under_its_prefix(site):
    page = soup(site / "da/404.html")
    base = SITE_URL + "da/no/such/deep/page/"  # any missing URL under /da/ may be answered with it
    references = [(tag, tag.get(attr)) for selector, attr in (("a[href]", "href"), ("link[href]", "href"),
                                                               ("script[src]", "src"), ("img[src]", "src"),
                                                               ("form[action]", "action"))
                  for tag in page.select(selector)]
    local = [(tag, urljoin(base, ref)) for tag, ref in references
             if not ref.startswith(("mailto:", "tel:", "#")) and urljoin(base, ref).startswith(SITE_URL)]
    assert len(local) >= 15
    for tag, url in local:
        target = page_file(site, url)
        assert target.is_file(), (str(tag)[:120], url)
        if tag.name == "a" and target.suffix == ".html":
            # A link from the Danish page stays in Danish, unless it is the switcher's way to another language.
            expected = tag.get("hreflang") or "da"
            assert soup(target).html["lang"] == expected, url
    assert page.select_one("form.hg-search-box")["action"] == "/da/"
    assert page.select_one("a.md-logo")["href"] == "/da/"
    assert page.select_one("a.hg-header-contact")["href"] == "/da/contact/"


def test_a_language_404_page_searches_that_languages_index(site):
    danish = (site / "da/404.html").read_text(encoding="utf-8")
    assert "helpgen-search.js#index=da/" in danish
    assert '"index=" + encodeURIComponent(index)' in danish and 'var index = "da/"' in danish


def test_the_root_404_page_stays_in_the_default_language_and_knows_the_others(site):
    root = soup(site / "404.html")
    assert root.html["lang"] == "en"
    assert root.h1.get_text() == messages("en").t("notfound.title")
    script = next(s.string for s in root.find_all("script") if s.string and "hg-from" in s.string)
    pages = json.loads(re.search(r"var pages = (\{.*?\});", script).group(1))
    assert pages == {"da/": "da/404.html", "zh-TW/": "zh-TW/404.html"}
    assert all((site / file).is_file() for file in pages.values())
    assert "replaceState" not in script  # only a language's own page puts the visitor's address back
    danish_script = next(s.string for s in soup(site / "da/404.html").find_all("script")
                         if s.string and "hg-from" in s.string)
    assert "location.replace" not in danish_script and '"da/"' in danish_script


def test_a_404_pages_switcher_leads_to_each_languages_home_page(site):
    for code, page in (("en", site / "404.html"), ("da", site / "da/404.html")):
        entries = {a["hreflang"]: a for a in soup(page).select("a.hg-language")}
        assert {c: a["href"] for c, a in entries.items()} == {"en": "/./", "da": "/da/", "zh-TW": "/zh-TW/"}
        assert [c for c, a in entries.items() if a.get("aria-current") == "page"] == [code]


def test_404_pages_are_kept_out_of_search_engines(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in (site / "404.html", site / "da/404.html", site / "zh-TW/404.html"):
        html = soup(page)
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert html.select('link[rel="alternate"][hreflang]') == []
    assert "404" not in sitemap


def test_a_one_language_site_has_one_404_page_and_no_language_script(project):
    site = project.build().site_dir
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("404.html")) == ["404.html"]
    assert "hg-from" not in (site / "404.html").read_text(encoding="utf-8")


def test_with_mkdocs_own_navigation_each_language_still_gets_its_404_page(tmp_path):
    project = multilingual(tmp_path / "help")
    project.write("mkdocs.yml", project.config.read_text().replace("languages: [en, da, zh-TW]",
                                                                   "languages: [en, da, zh-TW]\n      navigation: mkdocs"))
    site = project.build().site_dir
    danish = soup(site / "da/404.html")
    assert danish.html["lang"] == "da" and danish.h1.get_text() == messages("da").t("notfound.title")
