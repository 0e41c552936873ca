"""Translation tables: every shipped language has every text, with the same placeholders, and the theme
writes no word of its own outside them."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from helpgen.i18n import SHIPPED_LANGUAGES, language_of, messages, table
from helpgen.i18n.messages import PLACEHOLDER, fill

from .conftest import MKDOCS_YML, REPO, soup

THEME = REPO / "themes" / "helpcenter"


def _placeholders(value) -> set[str]:
    texts = value.values() if isinstance(value, dict) else [value]
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("lang", [lang for lang in SHIPPED_LANGUAGES if lang != "en"])
def test_every_shipped_language_has_exactly_the_english_keys(lang):
    english, other = table("en"), table(lang)
    assert sorted(set(english) - set(other)) == [], f"{lang}.yml lacks these texts"
    assert sorted(set(other) - set(english)) == [], f"{lang}.yml has texts en.yml does not"


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_translations_use_the_same_placeholders_and_counted_forms(lang):
    for key, value in table(lang).items():
        english = table("en")[key]
        assert _placeholders(value) == _placeholders(english), f"{lang}: {key}"
        if isinstance(english, dict):
            assert isinstance(value, dict) and "other" in value and set(value) <= {"one", "other"}, f"{lang}: {key}"
        else:
            assert isinstance(value, str) and value.strip(), f"{lang}: {key}"


def test_a_counted_text_picks_its_form():
    assert messages("en").t("category.article_count", count=1) == "1 article"
    assert messages("en").t("category.article_count", count=7) == "7 articles"
    assert messages("da").t("category.article_count", count=7) == "7 artikler"
    assert messages("zh").t("category.article_count", count=1) == "1 篇文章"


def test_placeholders_are_names_only_so_a_translation_cannot_reach_into_values():
    assert fill("{a.__class__}", {"a": 1}) == "{a.__class__}"
    with pytest.raises(KeyError):
        fill("{missing}", {})


@pytest.mark.parametrize("code, table_lang", [
    ("en", "en"), ("en-GB", "en"), ("da", "da"), ("da-DK", "da"), ("zh", "zh"), ("zh-Hans", "zh"),
    ("zh-CN", "zh"), ("zh_CN", "zh"), ("zh-TW", "zh-TW"), ("zh-Hant", "zh-TW"), ("zh-HK", "zh-TW"),
    ("zh-Hant-TW", "zh-TW"), ("fr", "en"), (None, "en"),
])
def test_language_codes_map_to_the_shipped_tables(code, table_lang):
    assert language_of(code) == table_lang


class _TextOutsideJinja(HTMLParser):
    """Collects text nodes and human-read attributes of a template once its Jinja is removed."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value and re.search(r"[A-Za-z]{2}", value):
                self.words.append(f"{tag}[{name}]={value}")

    def handle_data(self, data):
        if re.search(r"[A-Za-z]{2}", data):
            self.words.append(data.strip())


def _without_jinja(text: str) -> str:
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text, flags=re.S)


@pytest.mark.parametrize("template", sorted(p.relative_to(THEME).as_posix() for p in THEME.rglob("*.html")))
def test_theme_templates_show_no_word_outside_the_translation_tables(template):
    source = _without_jinja((THEME / template).read_text(encoding="utf-8"))
    # Inline <script>/<style> bodies are code, not words.
    source = re.sub(r"<(script|style)\b.*?</\1>", "", source, flags=re.S)
    parser = _TextOutsideJinja()
    parser.feed(source)
    assert parser.words == []


def test_the_site_language_reaches_the_templates(project):
    project.write("mkdocs.yml", MKDOCS_YML.replace("name: material", "name: material\n  language: da"))
    project.build()
    home = soup(project.root / "site" / "index.html")
    assert [h.get_text(strip=True) for h in home.select(".hg-home h2")] == ["Populære spørgsmål", "Find emne"]
    assert home.select_one(".hg-category-card__count").get_text(strip=True) in ("1 artikel", "2 artikler")
    assert home.select_one(".hg-contact__title").get_text(strip=True) == "Brug for mere hjælp? Kontakt Acme Outfitters"
    strings = json.loads(home.find("script", id="helpgen-strings").string)
    assert strings["search.no_results"] == "Ingen artikler matcher »{query}«. Spørg os i stedet:"
    article = soup(project.root / "site" / "orders" / "track" / "index.html")
    assert article.select_one(".hg-badge").get_text(strip=True) == "FAQ"
    assert article.select_one(".hg-updated").get_text(" ", strip=True).startswith("Opdateret")


@pytest.mark.parametrize("zone, lang, city", [
    ("Europe/Copenhagen", "en", "Copenhagen"), ("Europe/Copenhagen", "da", "København"),
    ("Europe/Copenhagen", "zh", "哥本哈根"), ("America/New_York", "zh-TW", "紐約"),
    ("America/Argentina/Buenos_Aires", "da", "Buenos Aires"),
    ("Europe/Copenhagen", "xx-unknown", "Copenhagen"),  # a language CLDR does not know: the zone's own name
])
def test_a_zones_city_is_named_as_the_language_names_it(zone, lang, city):
    from helpgen.i18n.zones import zone_city

    assert zone_city(zone, lang) == city


def test_zone_words_name_the_city_in_the_pages_language_and_the_page_carries_it_for_the_browser():
    from helpgen.hours.promises import _zone_words
    from helpgen.i18n import browser_strings, messages

    assert _zone_words("Europe/Copenhagen", messages("da")) == "København-tid"
    assert _zone_words("Europe/Copenhagen", messages("zh")) == "哥本哈根时间"
    assert _zone_words("Europe/Copenhagen", messages("en")) == "Copenhagen time"
    assert _zone_words("Etc/UTC", messages("da")) == "UTC"
    strings = browser_strings(messages("da"), ("Europe/Copenhagen",))
    assert strings["zone.cities"] == {"Europe/Copenhagen": "København"}
    assert _zone_words("Europe/Copenhagen", strings) == "København-tid"  # as helpgen-hours.js reads it
