"""A Jekyll help center with its own Liquid tags, in the shapes a real one has (bitwarden/help, not committed):
callouts as paired tags (`{% callout warning %}` … `{% endcallout %}`), images and icons as one-line tags whose
last arguments are words (`{% image autofill/prompt.png Basic Auth Prompt %}`). Built and read back."""
from __future__ import annotations

import json

from click.testing import CliRunner

from helpgen.cli import main

from .conftest import soup


def _jekyll(project) -> None:
    project.write("content/images/autofill/prompt.png", "")
    (project.content / "images/autofill/prompt.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    project.write("content/orders/autofill.md", "\n".join([
        "---", "title: Auto-fill a sign-in prompt", "---", "",
        "Open the menu {% icon fa-cog %} and choose Settings.", "",
        "{% image autofill/prompt.png Basic Auth Prompt %}", "",
        "{% callout warning %}", "**Rotating your key is dangerous.** Read this first.", "{% endcallout %}", "",
        "{% callout success%}", "It worked.", "{% endcallout %}", "",
        "{% capture note %}", "Unmapped.", "{% endcapture %}", ""]))


def _mapped(project) -> None:
    project.write("mkdocs.yml", project.config.read_text().replace("  - helpgen\n", (
        "  - helpgen:\n      components:\n        icon: \"\"\n        image: \"![{1*}](/images/{0})\"\n")))


def _errors(project) -> set[tuple[int, str]]:
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    return {(f["line"], f["message"].split(" is ")[0]) for f in json.loads(result.stdout)
            if f["file"].endswith("autofill.md") and f["rule"] == "template-tag"}


def test_paired_callout_tags_are_drawn_and_other_tags_are_errors_naming_components(project, monkeypatch):
    _jekyll(project)
    monkeypatch.chdir(project.root)
    assert _errors(project) == {(5, "{% icon fa-cog %}"), (7, "{% image autofill/prompt.png Basic Auth Prompt %}"),
                                (17, "{% capture note %}"), (19, "{% endcapture %}")}
    result = CliRunner().invoke(main, ["check"])
    assert "components:" in result.output  # the hint says how to declare what a tag stands for


def test_fix_writes_declared_tags_in_and_the_callouts_build_as_admonitions(project, monkeypatch):
    _jekyll(project)
    _mapped(project)
    monkeypatch.chdir(project.root)
    CliRunner().invoke(main, ["check", "--fix"])
    text = (project.content / "orders/autofill.md").read_text()
    assert "Open the menu  and choose Settings." in text and "![Basic Auth Prompt](/images/autofill/prompt.png)" in text
    assert "{% callout warning %}" in text  # drawn by the build, left as the writer wrote it
    assert _errors(project) == {(17, "{% capture note %}"), (19, "{% endcapture %}")}
    (project.content / "orders/autofill.md").write_text(text.replace("{% capture note %}\nUnmapped.\n{% endcapture %}\n", ""))
    page = soup(project.build().site_dir / "orders/autofill/index.html")
    warning, success = page.select("article .admonition")
    assert "warning" in warning["class"] and "Rotating your key is dangerous." in warning.get_text()
    assert "success" in success["class"] and "It worked." in success.get_text()
    assert "{%" not in page.select_one("article").get_text()


def test_a_callout_on_one_line_is_drawn_in_its_list_item_and_what_it_holds_is_still_checked(project, monkeypatch):
    project.write("content/orders/windows.md", "\n".join([
        "---", "title: Unlock with Windows Hello", "---", "",
        "1. Open the settings.", "",
        "   {% callout success%}Windows users may need the C++ runtime.{% endcallout %}",
        "2. Choose **Unlock with Windows Hello**.", "",
        "{% callout info %}See {{ site.baseurl }}/article/x/.{% endcallout %}", ""]))
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    found = [(f["line"], f["message"].split(" is ")[0]) for f in json.loads(result.stdout) if f["rule"] == "template-tag"]
    assert found == [(10, "{{ site.baseurl }}")]  # the callouts' own tags are drawn; the Liquid inside is not
    (project.content / "orders/windows.md").write_text(
        (project.content / "orders/windows.md").read_text().replace("See {{ site.baseurl }}/article/x/.", "See x."))
    page = soup(project.build().site_dir / "orders/windows/index.html")
    inside = page.select_one("article ol > li .admonition.success")
    assert inside is not None and "C++ runtime" in inside.get_text()
    assert [" ".join(a["class"]) for a in page.select("article .admonition")] == \
        ["admonition success", "admonition info"]
    assert "{%" not in page.select_one("article").get_text() and "{{" not in page.select_one("article").get_text()


def test_a_baseurl_link_with_an_anchor_keeps_it_when_fix_resolves_the_page(project, monkeypatch):
    """`[Host]({{site.baseurl}}/article/uri-match-detection/#host)`: a Jekyll collection's URL, found by the
    article's name, its anchor kept (the links without one were resolved, those with one were left)."""
    project.write("content/orders/uri-match-detection.md", "---\ntitle: URI match\n---\n\n### Host\n\nText.\n")
    project.write("content/returns/basic.md", "---\ntitle: Basic auth\n---\n\n"
                  "Use [Host]({{site.baseurl}}/article/uri-match-detection/#host) or [it]({{ site.baseurl }}/article/uri-match-detection/).\n")
    monkeypatch.chdir(project.root)
    CliRunner().invoke(main, ["check", "--fix"])
    assert (project.content / "returns/basic.md").read_text().endswith(
        "Use [Host](../orders/uri-match-detection.md#host) or [it](../orders/uri-match-detection.md).\n")


def test_a_quoted_order_is_an_error_that_fix_unquotes(project, monkeypatch):
    project.write("content/orders/first.md", '---\ntitle: First\norder: "04"   # sorts as text on the old site\n---\n\nText.\n')
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check"])
    assert "order must be a whole number" in result.output and "`order: 4` (`helpgen check --fix` does)" in result.output
    CliRunner().invoke(main, ["check", "--fix"])
    assert (project.content / "orders/first.md").read_text().startswith(
        "---\ntitle: First\norder: 4  # sorts as text on the old site\n---\n")
    assert CliRunner().invoke(main, ["check"]).exit_code == 0


def _moved_install(project, front: str, anchor: str) -> str:
    """An article that says /article/install-on-premise/ was its URL, and one linking there; --fix run."""
    project.write("content/orders/install-on-linux.md", f"---\ntitle: Install on Linux\n{front}redirect_from:\n"
                  "  - /article/install-on-premise/\n---\n\n## After installing\n\nText.\n")
    project.write("content/returns/hosting.md", "---\ntitle: Hosting\n---\n\n"
                  f"See [the install]({{{{site.baseurl}}}}/article/install-on-premise/{anchor}).\n")
    CliRunner().invoke(main, ["check", "--fix"])
    return (project.content / "returns/hosting.md").read_text()


def test_a_link_to_an_old_url_an_article_redirects_from_reaches_that_article(project, monkeypatch):
    monkeypatch.chdir(project.root)
    assert "See [the install](../orders/install-on-linux.md#after-installing)." in \
        _moved_install(project, "", "#after-installing")


def test_a_link_resolved_only_once_front_matter_is_readable_is_fixed_in_the_same_run(project, monkeypatch):
    """The article's quoted order kept the check from reading its redirect_from: --fix unquotes it, reads
    the tree again, and resolves the link, so a second run has nothing left."""
    monkeypatch.chdir(project.root)
    assert "See [the install](../orders/install-on-linux.md)." in _moved_install(project, 'order: "02"\n', "")
    assert CliRunner().invoke(main, ["check", "--diff"]).exit_code == 0
