"""One build, several languages: each page in its language, linked to its translations, searched in its
own index, with every word helpgen writes in that language."""
from __future__ import annotations

import json
import posixpath
import re
import warnings
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from helpgen.i18n import SHIPPED_LANGUAGES, table
from helpgen.search import open_site_index

from .conftest import REPO, SUPPORT_YML, Project, soup

MULTI_MKDOCS_YML = """\
site_name: Test Help Center
site_url: https://help.example/
docs_dir: content
theme:
  name: material
plugins:
  - search
  - helpgen:
      languages: [en, da, zh-TW]
"""


def multilingual(root: Path) -> Project:
    p = Project(root)
    p.write("mkdocs.yml", MULTI_MKDOCS_YML)
    p.write("support.yml", SUPPORT_YML.replace("    name: Email\n", "    name: {en: Email, da: E-mail, zh-TW: 電子郵件}\n")
            .replace("    name: Live chat\n", "    name: {en: Live chat, da: Chat, zh-TW: 線上客服}\n")
            .replace("name: Christmas Eve}", "name: {en: Christmas Eve, da: Juleaften, zh-TW: 平安夜}}"))
    p.article("en/returns/return-an-item.md", "How do I return an item?",
              "Send it back within 30 days.\n\n## Labels\n\nPrint the prepaid label.\n", type="faq",
              updated="2026-11-20")
    p.article("en/returns/refund.md", "When will I get my refund?", "Within 5 days of receiving the parcel.",
              type="faq")
    p.article("en/shipping/delivery.md", "How long does delivery take?", "Two days in Denmark.", updated="2026-10-01")
    p.article("da/returns/return-an-item.md", "Hvordan returnerer jeg en vare?",
              "Returneringer er gratis. Send varen tilbage inden for 30 dage.\n\nSkriv til {{ support.channels.email.link }}, "
              "så svarer vi inden for {{ support.channels.email.response }}.\n", type="faq", updated="2026-10-01")
    p.article("zh-TW/returns/tuihuo.md", "如何退貨？", "請在30天內退回商品。我們會在 {{ support.channels.email.response }} 內回覆。",
              type="faq", translation_of="returns/return-an-item", updated="2026-11-21")
    return p


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = multilingual(tmp_path_factory.mktemp("languages") / "help")
    project.build()
    return project.root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def url_of(site: Path, page: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return "https://help.example/" + ("" if rel == "." else rel + "/")


def page_at(site: Path, url: str) -> Path:
    path = urlparse(url).path.lstrip("/")
    return site / path / "index.html" if not path.endswith(".html") else site / path


def test_the_default_language_is_at_the_root_and_the_others_under_their_code(site):
    assert (site / "returns/return-an-item/index.html").is_file()
    assert (site / "da/returns/return-an-item/index.html").is_file()
    assert (site / "zh-TW/returns/tuihuo/index.html").is_file()
    assert not (site / "en").exists()


def test_every_page_says_its_language(site):
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        expected = next((code for code in ("da", "zh-TW") if rel.startswith(f"{code}/")), "en")
        assert soup(page).html["lang"] == expected, rel


def test_alternates_name_every_existing_translation_and_x_default(site):
    links = soup(site / "da/returns/return-an-item/index.html").select('link[rel="alternate"][hreflang]')
    assert {(l["hreflang"], l["href"]) for l in links} == {
        ("en", "https://help.example/returns/return-an-item/"),
        ("da", "https://help.example/da/returns/return-an-item/"),
        ("zh-TW", "https://help.example/zh-TW/returns/tuihuo/"),
        ("x-default", "https://help.example/returns/return-an-item/"),
    }
    # An article in one language only has no alternates to offer.
    assert soup(site / "returns/refund/index.html").select('link[rel="alternate"][hreflang]') == [
        *soup(site / "returns/refund/index.html").select('link[rel="alternate"][hreflang="en"]')]


def test_every_switcher_link_goes_to_a_page_that_exists_in_that_language(site):
    checked = 0
    for page in pages(site):
        html = soup(page)
        entries = html.select("a.hg-language")
        assert [a["hreflang"] for a in entries] == ["en", "da", "zh-TW"], page
        for entry in entries:
            target = page_at(site, urljoin(url_of(site, page), entry["href"]))
            assert target.is_file(), (page, entry["href"])
            assert soup(target).html["lang"] == entry["hreflang"]
            checked += 1
    assert checked >= 3 * 12


def test_the_switcher_goes_to_the_same_article_and_marks_a_missing_translation(site):
    english = soup(site / "returns/return-an-item/index.html")
    targets = {a["hreflang"]: a for a in english.select("a.hg-language")}
    assert targets["da"]["href"] == "../../da/returns/return-an-item/" and "data-hg-fallback" not in targets["da"].attrs
    assert targets["zh-TW"]["href"] == "../../zh-TW/returns/tuihuo/"
    assert targets["en"]["aria-current"] == "page"
    refund = {a["hreflang"]: a for a in soup(site / "returns/refund/index.html").select("a.hg-language")}
    # Not translated: the category page of that language, said in that language.
    assert refund["da"]["href"] == "../../da/returns/" and refund["da"]["data-hg-fallback"] == "category"
    assert "ikke oversat endnu" in refund["da"].get_text()
    assert "尚未翻譯" in refund["zh-TW"].get_text()
    delivery = {a["hreflang"]: a for a in soup(site / "shipping/delivery/index.html").select("a.hg-language")}
    # No shipping category in Danish at all: that language's home page, marked too.
    assert delivery["da"]["href"] == "../../da/" and delivery["da"]["data-hg-fallback"] == "home"


def test_the_sitemap_lists_each_pages_translations(site):
    with warnings.catch_warnings():  # no XML parser installed: html.parser reads the plain tags fine
        warnings.simplefilter("ignore")
        sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "html.parser")
    assert sitemap.find("urlset")["xmlns:xhtml"] == "http://www.w3.org/1999/xhtml"
    by_loc = {url.loc.text: url for url in sitemap.find_all("url")}
    entry = by_loc["https://help.example/returns/return-an-item/"]
    alternates = {(l["hreflang"], l["href"]) for l in entry.find_all("xhtml:link")}
    assert ("zh-TW", "https://help.example/zh-TW/returns/tuihuo/") in alternates
    assert ("x-default", "https://help.example/returns/return-an-item/") in alternates
    assert len(by_loc) == len(pages(site))


def test_each_language_has_its_own_index_and_results_never_mix(site):
    english, danish, chinese = (open_site_index(site, prefix) for prefix in ("", "da/", "zh-TW/"))
    assert {r.location for r in english.search("return")} <= {"returns/return-an-item/", "returns/refund/"}
    # Danish is stemmed as Danish: the plural finds the article that says "Returneringer".
    found = danish.search("returnering")
    assert [r.location for r in found] == ["da/returns/return-an-item/"]
    assert danish.search("refund") == []
    # Traditional Chinese is segmented: a word inside a sentence finds its article.
    assert [r.location for r in chinese.search("退回")] == ["zh-TW/returns/tuihuo/"]
    assert english.search("退回") == []


def test_a_pages_search_worker_reads_its_languages_index(site):
    danish = (site / "da/returns/return-an-item/index.html").read_text(encoding="utf-8")
    assert "helpgen-search.js#index=da/" in danish
    english = (site / "returns/return-an-item/index.html").read_text(encoding="utf-8")
    assert "helpgen-search.js\"" in english and "#index=" not in english


def test_helpgen_writes_every_word_in_the_pages_language(site):
    danish = soup(site / "da/returns/return-an-item/index.html")
    assert danish.select_one(".hg-contact__title").get_text(strip=True) == "Brug for mere hjælp? Kontakt Acme Outfitters"
    assert danish.select_one(".hg-updated").get_text(" ", strip=True) == "Opdateret 1. oktober 2026"
    email = danish.select_one('[data-hg-contact] [data-hg-channel="email"]')
    assert email.select_one(".hg-channel__name").get_text() == "E-mail"
    assert email.select_one(".hg-channel__response").get_text() == "Svarer inden for 1 arbejdsdag"
    assert danish.select_one(".hg-header-contact__label").get_text() == "Kontakt"
    assert "så svarer vi inden for 1 arbejdsdag" in danish.select_one("article").get_text()
    rows = [(r.th.get_text(), r.td.get_text()) for r in danish.select(".hg-hours tr")]
    assert rows == [("mandag–fredag", "09.00–17.00"), ("lørdag", "10.00–14.00"), ("søndag", "lukket")]
    chinese = soup(site / "zh-TW/returns/tuihuo/index.html")
    assert "1 個工作天" in chinese.select_one("article").get_text()
    assert chinese.select_one(".hg-updated").get_text(" ", strip=True) == "更新於 2026年11月21日"
    rows = [(r.th.get_text(), r.td.get_text()) for r in chinese.select(".hg-hours tr")]
    assert rows[0] == ("週一至週五", "09:00–17:00")
    # The browser's texts are the page's language's, and so are Material's own.
    strings = json.loads(chinese.find("script", id="helpgen-strings").string)
    assert strings["status.open_closes"] == "服務中 · {when}結束" and strings["weekday.monday"] == "週一"
    assert chinese.select_one("input.md-search__input")["placeholder"] == "搜尋"
    assert [a.get_text(strip=True) for a in danish.select(".md-nav--primary .md-nav__link")][0] == "Forside"
    jsonld = json.loads(danish.find("script", type="application/ld+json").string)
    assert [p["name"] for p in jsonld["contactPoint"]][:2] == ["E-mail", "Chat"]
    # The live notices quote the holiday in the page's language.
    payload = json.loads(danish.find("script", id="helpgen-hours-data").string)
    assert payload["hours"]["holidays"]["2026-12-24"]["name"] == "Juleaften"
    assert {c["availability"]["holidays"]["2026-12-24"]["name"] for c in payload["channels"].values()
            if c["availability"]["holidays"]} == {"Juleaften"}


def test_an_outdated_translation_tells_its_reader_and_links_the_original(site):
    notice = soup(site / "da/returns/return-an-item/index.html").select_one("[data-hg-outdated]")
    assert "kan være ældre end originalen, der blev opdateret 20. november 2026" in notice.get_text()
    assert notice.a["href"] == "../../../returns/return-an-item/" and notice.a["hreflang"] == "en"
    assert soup(site / "zh-TW/returns/tuihuo/index.html").select_one("[data-hg-outdated]") is None


def test_a_project_without_languages_builds_as_before(project):
    project.build()
    home = soup(project.root / "site" / "index.html")
    assert home.html["lang"] == "en"
    assert not home.select("a.hg-language") and not home.select('link[rel="alternate"][hreflang]')
    assert (project.root / "site/search/helpgen/manifest.json").is_file()
    assert "#index=" not in (project.root / "site/index.html").read_text(encoding="utf-8")


def test_the_build_output_is_byte_identical_with_workers(tmp_path):
    from helpgen.mkdocs.commands import build_site

    from .conftest import tree_bytes

    project = multilingual(tmp_path / "help")
    serial = build_site(project.config, tmp_path / "one", jobs=1).site_dir
    parallel = build_site(project.config, tmp_path / "two", jobs=2).site_dir
    assert tree_bytes(serial) == tree_bytes(parallel)


def test_a_cached_rebuild_keeps_each_languages_search_postings_apart(tmp_path):
    """Each language's index keeps its own postings in the build cache: an edit to the Danish article
    updates the Danish index only, and every index is the clean build's."""
    from helpgen.mkdocs.commands import build_site
    from helpgen.mkdocs.build_cache import BuildStore

    from .conftest import tree_bytes

    project = multilingual(tmp_path / "help")
    cache = tmp_path / "cache"
    build_site(project.config, tmp_path / "first", cache_dir=cache)
    kept = BuildStore(cache).load("search")
    assert set(kept) == {"en", "da", "zh-TW"}
    danish = project.content / "da" / "returns" / "return-an-item.md"
    danish.write_text(danish.read_text(encoding="utf-8").replace("gratis", "gratis og nemme"), encoding="utf-8")
    cached = build_site(project.config, tmp_path / "second", cache_dir=cache).site_dir
    assert tree_bytes(cached) == tree_bytes(build_site(project.config, tmp_path / "clean").site_dir)
    again = BuildStore(cache).load("search")
    assert "nem~da" in again["da"].postings and again["en"].postings == kept["en"].postings


# --- every word rendered has a translation ------------------------------------------------------------

# t("key") in templates, text.t("key") in Python, i18n.t("key") in scripts; not Material's own lang.t(…).
_KEY_CALL = re.compile(r"""(?<!lang\.)(?<![\w])t\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")


def _used_keys() -> dict[str, str]:
    used = {}
    roots = [REPO / "themes" / "helpcenter", REPO / "helpgen"]
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in (".html", ".py", ".js") and "messages" not in path.parts:
                for key in _KEY_CALL.findall(path.read_text(encoding="utf-8")):
                    used.setdefault(key, str(path.relative_to(REPO)))
    return used


def test_every_text_key_helpgen_uses_exists_in_every_shipped_language():
    used = _used_keys()
    assert len(used) >= 40  # templates, Python and scripts all look their words up
    for lang in SHIPPED_LANGUAGES:
        missing = {key: where for key, where in used.items() if key not in table(lang)}
        assert not missing, f"{lang}: no text for {missing}"
    # Keys built from data: promise units, weekdays, months, article types.
    for lang in SHIPPED_LANGUAGES:
        texts = table(lang)
        for key in ("promise.minutes", "promise.hours", "promise.days", "promise.business_hours",
                    "promise.business_days", "article.type.faq", "article.type.policy", "article.type.guide"):
            assert key in texts, (lang, key)
        assert all(f"month.{n}" in texts for n in range(1, 13))
        assert all(f"weekday.{d}" in texts for d in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                      "saturday", "sunday"))


@pytest.mark.parametrize("lang, expected", [
    ("en", ["14 October 2026", "1 business day", "Monday–Friday 09:00–17:00"]),
    ("da", ["14. oktober 2026", "1 arbejdsdag", "mandag–fredag 09.00–17.00"]),
    ("zh", ["2026年10月14日", "1 个工作日", "周一至周五 09:00–17:00"]),
    ("zh-TW", ["2026年10月14日", "1 個工作天", "週一至週五 09:00–17:00"]),
])
def test_dates_promises_and_hours_read_as_each_language_writes_them(lang, expected):
    import datetime as dt

    from helpgen.hours.present import availability_text, format_date
    from helpgen.hours.promises import parse_promise
    from helpgen.hours.schedule import parse_time_ranges
    from helpgen.i18n import messages

    text = messages(lang)
    week = tuple(parse_time_ranges("09:00-17:00") if day < 5 else () for day in range(7))
    assert [format_date(dt.date(2026, 10, 14), text), parse_promise("1 business day").words(text),
            availability_text("business-hours", week, text)] == expected


def test_switcher_entries_are_relative_links_that_stay_on_the_site(site):
    for page in pages(site):
        for entry in soup(page).select("a.hg-language"):
            assert not urlparse(entry["href"]).scheme and not entry["href"].startswith("/")
            assert posixpath.normpath(urlparse(urljoin(url_of(site, page), entry["href"])).path).startswith("/")


def test_the_logo_leads_to_the_home_page_of_the_pages_language(site):
    for page, language_home in ((site / "da/returns/return-an-item/index.html", site / "da/index.html"),
                                (site / "returns/refund/index.html", site / "index.html")):
        logo = soup(page).select_one("a.md-header__button.md-logo")["href"]
        target = page_at(site, urljoin(url_of(site, page), logo))
        assert target.resolve() == language_home.resolve(), (page, logo)


def test_the_companys_zone_is_named_in_the_pages_language(site):
    danish = soup(site / "da/contact/index.html")
    assert danish.select_one(".hg-hours caption").get_text() == "Åbningstider (København-tid)"
    strings = json.loads(danish.find("script", id="helpgen-strings").string)
    assert strings["zone.cities"] == {"Europe/Copenhagen": "København"}  # what helpgen-hours.js words it with
    chinese = soup(site / "zh-TW/contact/index.html")
    assert "哥本哈根時間" in chinese.select_one(".hg-hours caption").get_text()
    assert soup(site / "contact/index.html").select_one(".hg-hours caption").get_text() == \
        "Support hours (Copenhagen time)"
