"""`helpgen import zendesk` on tests/fixtures/zendesk: JSON in the shape Zendesk's Help Center API documents
(categories, sections, articles, translations), converted to content/ and built."""
from __future__ import annotations

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
    assert article.startswith('---\ntitle: "How do I return an item?"\ntags: ["returns", "refunds"]\npromoted: true\n'
                              'updated: "2024-06-01"\nredirect_from: ["https://acme.zendesk.com/hc/en-us/articles/'
                              '360000000101-How-do-I-return-an-item"]\n---\n')
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
