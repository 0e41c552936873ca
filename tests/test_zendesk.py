"""`helpgen import zendesk` on tests/fixtures/zendesk: JSON in the shape Zendesk's Help Center API documents
(categories, sections, articles, translations), converted to content/ and built; dumps kept as teams keep
them (one file per article, list pages, no sections); and hostile or broken exports (payload families
below): nothing is written outside the content folder, and every mistake is an error naming its place."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.migrate.zendesk import import_zendesk

from .conftest import MKDOCS_YML, REPO, SUPPORT_YML, Project, soup

EXPORT = REPO / "tests" / "fixtures" / "zendesk"


def test_categories_sections_articles_and_translations_become_folders_and_files(tmp_path):
    result = import_zendesk(EXPORT, tmp_path / "content")
    assert result.languages == ["en", "da"]
    assert result.files == [
        "da/orders-returns/index.md", "da/orders-returns/returns/how-do-i-return-an-item.md",
        "da/orders-returns/returns/index.md", "en/orders-returns/index.md",
        "en/orders-returns/returns/how-do-i-return-an-item.md", "en/orders-returns/returns/index.md",
        "en/orders-returns/returns/when-is-my-refund-paid.md"]
    article = (tmp_path / "content/en/orders-returns/returns/how-do-i-return-an-item.md").read_text()
    assert article.startswith('---\ntitle: "How do I return an item?"\nid: 360000000101\ntags: ["returns", "refunds"]\n'
                              'promoted: true\nupdated: "2024-06-01"\nredirect_from: ["https://acme.zendesk.com/hc/en-us/'
                              'articles/360000000101-How-do-I-return-an-item"]\n---\n')
    assert "Returns are **free** within 30 days." in article and "## Steps" in article and "1. Print the label." in article
    assert "See [refund timing](when-is-my-refund-paid.md#timing)." in article  # a link between exported articles
    assert "![The label](https://acme.zendesk.com/hc/article_attachments/900/label.png)" in article
    assert result.attachments == ["https://acme.zendesk.com/hc/article_attachments/900/label.png"]
    danish = (tmp_path / "content/da/orders-returns/returns/how-do-i-return-an-item.md").read_text()
    assert 'title: "Hvordan returnerer jeg en vare?"' in danish and "**gratis**" in danish
    assert 'title: "Ordrer og returnering"' in (tmp_path / "content/da/orders-returns/index.md").read_text()
    section = (tmp_path / "content/en/orders-returns/returns/index.md").read_text()
    assert section == '---\ntitle: "Returns"\ndescription: "Sending things back."\norder: 0\n---\n\n'


def test_an_import_without_translations_builds_with_sections_and_old_urls_redirecting(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(EXPORT, export)
    (export / "translations.json").unlink()
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("support.yml", SUPPORT_YML)
    result = CliRunner().invoke(main, ["import", "zendesk", str(export), "--content-dir", str(project.content)])
    assert result.exit_code == 0, result.output
    assert "Wrote 4 files" in result.output and "1 images and attachments" in result.output
    project.build()
    category = soup(project.root / "site/orders-returns/index.html")
    assert [h.get_text(strip=True) for h in category.select("section.hg-section h2")] == ["Returns"]
    old = soup(project.root / "site/hc/en-us/articles/360000000101-How-do-I-return-an-item/index.html")
    assert old.find("a")["href"].endswith("orders-returns/returns/how-do-i-return-an-item/")


def test_the_import_never_overwrites(tmp_path):
    import_zendesk(EXPORT, tmp_path / "content")
    with pytest.raises(HelpgenError, match="already exists"):
        import_zendesk(EXPORT, tmp_path / "content")


def test_a_folder_without_an_export_is_a_clear_error(tmp_path):
    with pytest.raises(HelpgenError, match="no Zendesk export here"):
        import_zendesk(tmp_path, tmp_path / "content")


# --- dumps as teams keep them -------------------------------------------------------------------------------

def _article(aid: int, title: str, body: str, section: int | None = 7001, **more) -> dict:
    return {"id": aid, "title": title, "body": body, "section_id": section, "locale": "en-us",
            "source_locale": "en-us", "html_url": f"https://help.acme.example/hc/en-us/articles/{aid}-{title.replace(' ', '-')}",
            "label_names": [], "promoted": False, "draft": False, "position": 0,
            "updated_at": "2025-01-02T03:04:05Z", **more}


def _dump(folder, files: dict) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def test_one_file_per_article_without_sections_gets_placeholder_sections_and_a_warning(tmp_path):
    _dump(tmp_path / "dump", {
        "articles/101.json": {"article": _article(101, "Reset your password",
                                                  "<h2 id='h_01ABC'>Steps</h2><p>See <a href='https://help.acme.example/"
                                                  "api/v2/help_center/en-us/articles/102.json#h_01DEF'>sign-in</a>.</p>")},
        "articles/102.json": {"article": _article(102, "Sign in", "<p><a name='TOP'></a>Hi</p><h2 id='h_01DEF'>Help</h2>",
                                                  section=7002)},
    })
    result = import_zendesk(tmp_path / "dump", tmp_path / "content")
    assert result.files == ["articles/index.md", "articles/section-7001/index.md", "articles/section-7001/reset-your-password.md",
                            "articles/section-7002/index.md", "articles/section-7002/sign-in.md"]
    assert len(result.warnings) == 1 and "placeholder sections" in result.warnings[0] and "7001, 7002" in result.warnings[0]
    assert 'title: "Section 7001"' in (tmp_path / "content/articles/section-7001/index.md").read_text()
    text = (tmp_path / "content/articles/section-7001/reset-your-password.md").read_text()
    assert "## <span id=\"h_01ABC\"></span>Steps" in text  # the heading keeps the id links land on
    assert "[sign-in](../section-7002/sign-in.md#h_01DEF)" in text  # the API URL form of a link, made internal
    assert '<span id="TOP"></span>Hi' in (tmp_path / "content/articles/section-7002/sign-in.md").read_text()
    assert result.previous_site == "https://help.acme.example"


def test_list_pages_and_single_files_of_one_article_are_read_once_the_latest_kept(tmp_path):
    _dump(tmp_path / "dump", {
        "sections.json": {"sections": [{"id": 7001, "name": "Account", "category_id": 5, "position": 1}],
                          "next_page": None},
        "categories.json": {"categories": [{"id": 5, "name": "Help", "position": 0}]},
        "articles.json": {"articles": [_article(101, "Old title", "<p>old</p>", updated_at="2024-01-01T00:00:00Z")],
                          "next_page": "https://help.acme.example/api/v2/help_center/en-us/articles.json?page=2"},
        "articles_2.json": {"articles": [_article(103, "Third", "<p>3</p>")], "next_page": None},
        "articles/101.json": {"article": _article(101, "New title", "<p>new</p>")},
        "users.json": {"users": []},
    })
    result = import_zendesk(tmp_path / "dump", tmp_path / "content")
    assert result.files == ["help/account/index.md", "help/account/new-title.md", "help/account/third.md", "help/index.md"]
    assert result.warnings == []


# --- hostile and broken exports (issue #24): names never reach outside the content folder ------------------

TRAVERSAL = ["../../../x", "/etc/cron.d", "..", "en-us/../../x", "C:\\temp", "en us", "", "a" * 300]


@pytest.mark.parametrize("locale", TRAVERSAL)
def test_a_locale_that_is_no_language_code_is_refused_before_anything_is_written(tmp_path, locale):
    _dump(tmp_path / "dump", {
        "articles.json": {"articles": [_article(101, "A", "<p>a</p>")]},
        "translations.json": {"translations": [{"source_id": 101, "source_type": "Article", "locale": locale,
                                                "title": "T", "body": "<p>t</p>"}]},
    })
    with pytest.raises(HelpgenError, match=r"translations\[0\]\.locale"):
        import_zendesk(tmp_path / "dump", tmp_path / "content")
    assert not (tmp_path / "content").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["dump"]


@pytest.mark.parametrize("name", ["../../../../tmp/evil", "/etc/passwd", "..", "\\..\\..\\x", "con", "a/../../b", "😀" * 50])
def test_names_used_as_folders_and_files_stay_inside_the_content_folder(tmp_path, name):
    _dump(tmp_path / "dump", {
        "categories.json": {"categories": [{"id": 5, "name": name}]},
        "sections.json": {"sections": [{"id": 7001, "name": name, "category_id": 5}]},
        "articles.json": {"articles": [_article(101, name, "<p>a</p>")]},
    })
    content = tmp_path / "out" / "content"
    result = import_zendesk(tmp_path / "dump", content)
    assert result.files and all((content / f).resolve().is_relative_to(content.resolve()) for f in result.files)
    written = {p for p in tmp_path.rglob("*") if p.is_file()} - {p for p in (tmp_path / "dump").rglob("*")}
    assert written and all(p.resolve().is_relative_to(content.resolve()) for p in written)


BROKEN = [
    ({"categories": [{"id": 5, "name": 5}]}, r"categories\[0\]\.name: expected text, got 5"),
    ({"articles": [dict(_article(101, "A", ""), title=None)]}, r"articles\[0\]\.title: null"),
    ({"articles": [dict(_article(101, "A", ""), section_id=[1, 2])]}, r"articles\[0\]\.section_id: expected an id, got a JSON list"),
    ({"articles": [dict(_article(101, "A", ""), id="101")]}, r"articles\[0\]\.id: expected an id"),
    ({"articles": [dict(_article(101, "A", ""), body={"html": "x"})]}, r"articles\[0\]\.body: expected text, got a JSON object"),
    ({"articles": [dict(_article(101, "A", ""), label_names="x")]}, r"articles\[0\]\.label_names: expected a list of texts"),
    ({"articles": [dict(_article(101, "A", ""), draft="no")]}, r"articles\[0\]\.draft: expected true or false"),
    ({"articles": [dict(_article(101, "A", ""), promoted=None, position=True)]}, r"articles\[0\]\.position: expected a number"),
    ({"articles": "all of them"}, r"articles: expected a list, got a JSON text"),
    ({"articles": ["x"]}, r"articles\[0\]: expected an object, got a JSON text"),
    ({"article": None}, r"article: expected an object, got a JSON null"),
    ([{"id": 1}], r"a JSON list, not a Help Center API answer"),
    ("null", r"a JSON null, not a Help Center API answer"),
    ('{"articles": [', r"not JSON"),
    ("[" * 100_000 + "]" * 100_000, r"nested too deeply|not JSON"),
    (b"\xff\xfe{}", r"not UTF-8 text"),
]


@pytest.mark.parametrize("data, message", BROKEN)
def test_a_broken_export_is_an_error_naming_the_file_and_place_never_a_traceback(tmp_path, data, message):
    folder = tmp_path / "dump"
    folder.mkdir()
    path = folder / "export.json"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    with pytest.raises(HelpgenError, match=message) as caught:
        import_zendesk(folder, tmp_path / "content")
    assert str(path) in str(caught.value)
    result = CliRunner().invoke(main, ["import", "zendesk", str(folder), "--content-dir", str(tmp_path / "content")])
    assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "content").exists()


def test_a_file_larger_than_any_api_answer_is_refused_unread(tmp_path, monkeypatch):
    from helpgen.migrate import zendesk_export

    monkeypatch.setattr(zendesk_export, "MAX_FILE_BYTES", 1000)
    _dump(tmp_path / "dump", {"articles.json": {"articles": [_article(101, "A", "<p>" + "x" * 2000 + "</p>")]}})
    with pytest.raises(HelpgenError, match="larger than any Help Center API answer"):
        import_zendesk(tmp_path / "dump", tmp_path / "content")


def test_articles_without_a_section_never_share_a_real_categorys_folder(tmp_path):
    """A category may be called "Articles", like the placeholder for articles without a section: each
    keeps a folder of its own (the placeholder's index.md overwrote the real one)."""
    _dump(tmp_path / "dump", {
        "categories.json": {"categories": [{"id": 1, "name": "Articles", "description": "The real one", "position": 0}]},
        "sections.json": {"sections": [{"id": 7001, "name": "Basics", "category_id": 1, "position": 0}]},
        "articles.json": {"articles": [_article(101, "Reset your password", "<p>Steps.</p>"),
                                       _article(102, "Loose note", "<p>Hi.</p>", section=None)]},
    })
    result = import_zendesk(tmp_path / "dump", tmp_path / "content")
    assert "articles/index.md" in result.files and "articles-2/index.md" in result.files
    assert "The real one" in (tmp_path / "content/articles/index.md").read_text()
    assert (tmp_path / "content/articles/basics/reset-your-password.md").is_file()
    assert (tmp_path / "content/articles-2/loose-note.md").is_file()
