"""What writers bring from other generators: Markdown in titles, `:::` containers, template tags."""
from __future__ import annotations

import pytest

from helpgen.content.titles import inline_title
from helpgen.errors import HelpgenError
from helpgen.migrate.containers import admonitions
from helpgen.search import open_site_index

from .conftest import soup


def test_markdown_in_a_title_is_rendered_in_the_heading_and_plain_everywhere_else(project):
    project.article("orders/export.md", "About the **export profiles**", "How exports work.")
    project.build()
    page = soup(project.root / "site/orders/export/index.html")
    h1 = page.select("article h1")
    assert len(h1) == 1 and h1[0].find("strong").get_text() == "export profiles"
    assert page.title.get_text().startswith("About the export profiles")
    listing = soup(project.root / "site/orders/index.html").get_text()
    assert "About the export profiles" in listing and "**" not in listing
    results = open_site_index(project.root / "site").search("export profiles", 5)
    assert [r.title for r in results] == ["About the export profiles"]


def test_html_in_a_title_is_escaped_not_rendered():
    text, rendered = inline_title("Use <b>bold</b> and **this**")
    assert "<b>" not in rendered and "&lt;b&gt;" in rendered and "<strong>this</strong>" in rendered
    assert text == "Use <b>bold</b> and this"
    assert inline_title("Plain title") == ("Plain title", "")


def test_containers_become_material_admonitions_outside_code():
    source = ":::warning Careful now\nDo **not** do this.\n:::\n\n```\n:::tip\nshown as code\n:::\n```\n"
    assert admonitions(source) == ('!!! warning "Careful now"\n    Do **not** do this.\n\n\n'
                                   "```\n:::tip\nshown as code\n:::\n```\n")


def test_containers_render_as_admonitions_in_a_build(project):
    project.article("orders/careful.md", "Careful", ":::danger\nThis deletes everything.\n:::\n\n:::tip\nBack up first.\n:::\n")
    project.build()
    page = soup(project.root / "site/orders/careful/index.html")
    assert [" ".join(d["class"]) for d in page.select("div.admonition")] == ["admonition danger", "admonition tip"]
    assert page.select_one("div.danger").find("p", class_=None).get_text() == "This deletes everything."
    assert ":::" not in page.get_text()


@pytest.mark.parametrize("tag", ["{% include note.html %}", "{{< youtube abc >}}", "{{% tip %}}", "{{ site.title }}"])
def test_template_tags_stop_the_build_at_file_and_line(project, tag):
    project.article("orders/tagged.md", "Tagged", f"First line.\n\nThen {tag} here.\n")
    with pytest.raises(HelpgenError, match=r"content/orders/tagged.md:6:6: .* helpgen runs no templates"):
        project.build()


def test_template_tags_in_code_are_examples(project):
    project.article("orders/tagged.md", "Tagged", "Write `{% include note.html %}` in Jekyll.\n")
    project.build()
