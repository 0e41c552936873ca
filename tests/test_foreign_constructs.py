"""Nothing foreign ships silently: every construct another tool would have rendered (Obsidian, MDX, Liquid,
Hugo, GitBook, raw HTML with a missing file) is either rendered properly, asserted on the built HTML, or
refused: an error at its file and line, and `helpgen build` exits 1. One article per construct. Escaped text
and code show such constructs on purpose and are neither changed nor reported."""
from __future__ import annotations

import base64

import pytest
from click.testing import CliRunner

from helpgen.checks import check_project
from helpgen.cli import main

from .conftest import MKDOCS_YML, SUPPORT_YML, Project, soup

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

# name -> (Markdown, what the built article must show)
RENDERED = {
    "wikilink": ("See [[Other page]].", lambda a: a.select_one('a[href="../other-page/"]').get_text() == "Other page"),
    "wikilink-heading-label": ("See [[Other page#The part|that part]].",
                               lambda a: a.select_one('a[href="../other-page/#the-part"]').get_text() == "that part"),
    "image-embed": ("![[pic.png|120]]", lambda a: a.select_one("img")["width"] == "120"),
    "note-embed": ("![[Other page#The part]]", lambda a: "Only this part." in a.get_text()),
    "callout": ("> [!warning] Careful\n> Mind the step.", lambda a: a.select_one(".admonition.warning .admonition-title")
                .get_text() == "Careful"),
    "callout-folded": ("> [!tip]- Hidden\n> Inside.", lambda a: a.select_one("details.tip") is not None
                       and not a.select_one("details.tip").has_attr("open")),
    "callout-unknown-type": ("> [!recipe]\n> Two eggs.", lambda a: a.select_one(".admonition.note .admonition-title")
                             .get_text() == "Recipe"),
    "container": (":::note Heads up\nA container.\n:::", lambda a: a.select_one(".admonition.note") is not None),
    "highlight": ("A ==marked== word.", lambda a: a.select_one("mark").get_text() == "marked"),
    "comment": ("Shown %%hidden%% text.", lambda a: "hidden" not in a.get_text() and "%%" not in a.get_text()),
    "escaped-component": ("Type \\<Sketch name\\> here.", lambda a: "<Sketch name>" in a.get_text()),
    "code-span-component": ("Write `<Foo/>` and `[[Bar]]`.", lambda a: [c.get_text() for c in a.select("code")]
                            == ["<Foo/>", "[[Bar]]"]),
    "multi-line-code-span": ("A `span with\n[[brackets]] and {% tag %}` ends.", lambda a: "[[brackets]]" in a.get_text()),
    "fenced-code": ("```\n<Tabs>\n{% include x %}\n[[Nowhere]]\n```", lambda a: "[[Nowhere]]" in a.select_one("pre").get_text()),
    "gitbook-hint": ('{% hint style="warning" %}\nCareful.\n{% endhint %}',
                     lambda a: a.select_one(".admonition.warning p:not(.admonition-title)").get_text() == "Careful."),
    "gitbook-tabs": ('{% tabs %}\n{% tab title="macOS" %}\nOpen Finder.\n{% endtab %}\n{% endtabs %}',
                     lambda a: a.find("strong", string="macOS") is not None and "{%" not in a.get_text()),
    "raw-html-link": ('<a href="../other-page/">fine</a>', lambda a: a.find("a", string="fine")["href"] == "../other-page/"),
}

# name -> (Markdown, rule of the error at its line)
REFUSED = {
    "wikilink-to-nothing": ("See [[Nowhere]].", "broken-link"),
    "embed-of-nothing": ("![[missing.png]]", "broken-link"),
    "wikilink-to-no-heading": ("See [[Other page#No such part]].", "broken-anchor"),
    "mdx-import": ("import Tabs from '@theme/Tabs';", "template-tag"),
    "mdx-component": ("<Tabs>\nText.\n</Tabs>", "template-tag"),
    "mdx-self-closing": ("Plan: <PlanBadge plan=\"pro\" />", "template-tag"),
    "mdx-multi-line-tag": ("<CtaBox\n  title=\"Try it\"\n/>", "template-tag"),
    "jsx-expression": ("<img alt=\"x\" src={useBaseUrl('img/x.png')} />", "template-tag"),
    "mdx-head": ("<head>\n  <title>Other</title>\n</head>", "template-tag"),
    "liquid-include": ("{% include note.html %}", "template-tag"),
    "liquid-variable": ("Welcome to {{ site.title }}.", "template-tag"),
    "hugo-shortcode": ("{{< note >}}Careful.{{< /note >}}", "template-tag"),
    "gitbook-embed": ('{% embed url="https://www.youtube.com/watch?v=x" %}', "template-tag"),
    "placeholder-tag": ("Type the <SSID> of your network.", "template-tag"),
    "img-missing": ('<img src="missing.png" alt="x">', "broken-link"),
    "source-missing": ('<audio controls><source src="missing.mp3"></audio>', "broken-link"),
    "a-missing": ('<a href="../nowhere/">x</a>', "broken-link"),
    "raw-md-link": ('<a href="other-page.md">x</a>', "broken-link"),
}


def _project(tmp_path, constructs: dict) -> Project:
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("support.yml", SUPPORT_YML)
    project.write("content/guides/Other page.md", "---\ntitle: Other page\n---\nText.\n\n## The part\n\nOnly this part.\n")
    (project.content / "guides/pic.png").write_bytes(PNG)
    for name, (markdown, _) in constructs.items():
        project.write(f"content/guides/{name}.md", f"---\ntitle: {name}\n---\nBefore.\n\n{markdown}\n\nAfter.\n")
    return project


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    project = _project(tmp_path_factory.mktemp("rendered"), RENDERED)
    return project, project.build().site_dir


def test_what_helpgen_renders_checks_clean(rendered, monkeypatch):
    project, _ = rendered
    monkeypatch.chdir(project.root)
    assert [p for p in check_project(project.root) if p.severity == "error"] == []


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_each_construct_is_rendered_right(rendered, name):
    _, site = rendered
    article = soup(site / f"guides/{name}/index.html").select_one("article")
    assert RENDERED[name][1](article), article
    assert "Before." in article.get_text() and "After." in article.get_text()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_construct_it_does_not_render_is_an_error_at_its_line(tmp_path, monkeypatch, name):
    project = _project(tmp_path, {name: REFUSED[name]})
    monkeypatch.chdir(project.root)
    errors = [p for p in check_project(project.root) if p.severity == "error"]
    assert {(p.location.file, p.location.line, p.rule) for p in errors} >= \
        {(f"content/guides/{name}.md", 6, REFUSED[name][1])}
    assert all(p.location.file == f"content/guides/{name}.md" for p in errors)


def test_the_build_refuses_to_publish_any_of_them(tmp_path):
    project = _project(tmp_path, REFUSED)
    result = CliRunner().invoke(main, ["build", "-f", str(project.config)])
    assert result.exit_code == 1
    assert all(f"content/guides/{name}.md:6" in result.output for name in REFUSED), result.output
    assert not (project.root / "site").exists()
