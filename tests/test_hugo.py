"""A help center written for Hugo, in the shapes a real one has (replicatedhq/help-center, not committed):
`_index.md` section pages, callout shortcodes, shortcodes the site names under `components:`, timestamps in
`lastmod:`. Built and read back with an HTML parser."""
from __future__ import annotations

import json

from click.testing import CliRunner

from helpgen.cli import main

from .conftest import soup


def _hugo(project) -> None:
    project.write("content/orders/_index.md", '---\ntitle: "Orders and delivery"\nweight: "300"\n---\n\nAll about orders.\n')
    project.write("content/orders/cancel.md", "\n".join([
        "---", "title: Can I cancel an order?", 'lastmod: "2017-06-29T00:00:00Z"', "---", "",
        "{{<legacynotice>}}", "",
        '{{< linked_headline "Before it ships" >}}', "",
        "Write to us.", "",
        "{{< warning >}}", "An order that has shipped cannot be cancelled.", "{{< /warning >}}", "",
        "{{% notice tip %}}", "Track it first.", "{{% /notice %}}", "",
        "Requires version {{< version >}} or later.", ""]))


def _mapped(project) -> None:
    project.write("mkdocs.yml", project.config.read_text().replace("  - helpgen\n", (
        "  - helpgen:\n      components:\n        legacynotice: \"\"\n        linked_headline: \"## {0}\"\n"
        "        version: \"2.4\"\n")))


def test_shortcodes_nobody_declared_are_errors_and_callouts_are_not(project, monkeypatch):
    _hugo(project)
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    found = {(f["line"], f["rule"]) for f in json.loads(result.stdout)
             if f["file"].endswith("cancel.md") and f["severity"] == "error"}
    assert result.exit_code == 1
    assert found == {(6, "template-tag"), (8, "template-tag"), (20, "template-tag")}  # the callouts are drawn


def test_fix_writes_declared_shortcodes_in_and_the_site_builds(project, monkeypatch):
    _hugo(project)
    _mapped(project)
    monkeypatch.chdir(project.root)
    fixed = CliRunner().invoke(main, ["check", "--fix"])
    assert fixed.exit_code == 0, fixed.output
    text = (project.content / "orders" / "cancel.md").read_text()
    assert "## Before it ships" in text and "Requires version 2.4 or later." in text and "legacynotice" not in text
    assert "{{< warning >}}" in text  # drawn by the build, left as the writer wrote it
    site = project.build().site_dir
    page = soup(site / "orders/cancel/index.html")
    warning, tip = page.select("article .admonition")
    assert "warning" in warning["class"] and "shipped cannot be cancelled" in warning.get_text()
    assert "tip" in tip["class"] and "Track it first." in tip.get_text()
    assert "{{" not in page.select_one("article").get_text()
    assert page.select_one("article h2#before-it-ships") is not None
    assert "29 June 2017" in page.get_text()  # lastmod -> updated, the day its timestamp names
    # _index.md is its folder's own page, as index.md would be.
    category = soup(site / "orders/index.html")
    assert category.select_one("h1").get_text(strip=True) == "Orders and delivery"
    assert not (site / "orders/_index").exists()


def test_a_callout_left_open_stays_an_error(project, monkeypatch):
    project.write("content/orders/open.md", "---\ntitle: Open\n---\n\n{{< note >}}\nNever closed.\n")
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert {(f["line"], f["rule"]) for f in json.loads(result.stdout)} >= {(5, "template-tag")}
