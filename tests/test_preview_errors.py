"""The preview's error page is for the writer: its own words are the site's default language's, from the
translation tables (a site's strings.yml on top); every value on it is escaped."""
from __future__ import annotations

from bs4 import BeautifulSoup

from helpgen.errors import HelpgenError, Location, Problem
from helpgen.i18n import Messages, messages
from helpgen.mkdocs.commands import load_site_config
from helpgen.mkdocs.preview_errors import error_page, writers_language

from .test_languages import multilingual

PROBLEMS = HelpgenError([Problem(Location("support.yml", 12, 5), 'unknown key "reponse"', 'did you mean "response"?'),
                         Problem(Location("content/da/x.md", 3), "<b>not bold</b>")])


def test_the_error_page_speaks_the_default_language():
    page = BeautifulSoup(error_page(PROBLEMS, messages("da"), "da").decode(), "html.parser")
    assert page.html["lang"] == "da"
    assert page.title.get_text() == "2 problemer at rette - helpgen-forhåndsvisning"
    assert page.h1.get_text() == "Hjælpecentret kan ikke bygges: 2 problemer at rette"
    assert page.select_one(".fix").get_text() == 'Sådan retter du det: did you mean "response"?'
    assert [li.code.get_text() for li in page.select("li")] == ["support.yml:12:5", "content/da/x.md:3"]
    assert page.find("b") is None and "<b>not bold</b>" in page.select("li")[1].get_text()  # escaped
    chinese = BeautifulSoup(error_page(HelpgenError([PROBLEMS.problems[0]]), messages("zh-TW"), "zh-TW").decode(),
                            "html.parser")
    assert chinese.h1.get_text() == "說明中心無法建置：1 個問題待修正"


def test_without_a_language_the_page_is_english_as_before():
    page = BeautifulSoup(error_page(HelpgenError([PROBLEMS.problems[0]])).decode(), "html.parser")
    assert page.html["lang"] == "en" and page.h1.get_text() == "The help center does not build: 1 problem to fix"
    assert page.select_one(".fix").get_text() == 'Fix: did you mean "response"?'


def test_the_writers_language_is_the_first_of_the_sites_languages_even_before_support_yml_loads(tmp_path):
    project = multilingual(tmp_path / "help")
    project.write("mkdocs.yml", project.config.read_text().replace("languages: [en, da, zh-TW]",
                                                                   "languages: [da, en, zh-TW]"))
    project.write("support.yml", "organization: [broken\n")
    text, code = writers_language(load_site_config(project.config))
    assert code == "da" and isinstance(text, Messages) and text.t("preview.fix", hint="x") == "Sådan retter du det: x"


def test_a_one_language_site_writes_in_its_theme_language(project):
    project.write("mkdocs.yml", project.config.read_text().replace("  name: material\n",
                                                                   "  name: material\n  language: zh\n"))
    assert writers_language(load_site_config(project.config))[1] == "zh"
