"""Links, anchors, output paths, reachability and unsafe HTML: the variants behind each planted finding."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown.extensions.toc
import pytest

from helpgen.checks import ContentProject, check_content
from helpgen.checks.project import list_sources, read_site_settings
from helpgen.hours.support import load_support

from .conftest import REPO

SUPPORT = REPO / "tests/fixtures/check_project/support.yml"


def check_files(tmp_path: Path, files: dict[str, str | bytes], use_directory_urls: bool = True,
                extensions: tuple[str, ...] = ("attr_list",), **settings):
    content = tmp_path / "content"
    for src, text in files.items():
        path = content / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    project = ContentProject(content, tuple(list_sources(content)), support=load_support(SUPPORT),
                             support_path=SUPPORT, use_directory_urls=use_directory_urls,
                             markdown_extensions=extensions, **settings)
    return check_content(project, dt.date(2026, 11, 22)).findings


def rules(findings) -> list[tuple[str, int, str]]:
    return sorted((p.location.file, p.location.line, p.rule) for p in findings)


def faq(title: str, body: str = "Text.") -> str:
    return f"---\ntitle: {title}\ntype: faq\n---\n\n{body}\n"


BASE = {
    "index.md": "---\ntitle: Home\n---\n\nWelcome.\n",
    "returns/index.md": "---\ntitle: Returns\n---\n\nAll about returns.\n",
    "returns/how.md": faq("How", "## Step one\n\n## Step one\n\n## Sådan gør du {#how}\n\n## 退货\n\n"
                                 "## Ofte stillede spørgsmål\n\nText."),
    "returns/label.png": b"\x89PNG\r\n",
}


@pytest.mark.parametrize("link", [
    "how.md", "./how.md", "how.md#step-one", "how.md#step-one_1", "how.md#how", "how.md#退货", "how.md#_1", "#intro",
    "how.md#ofte-stillede-spørgsmål", "how.md#ofte-stillede-sprgsmal",  # the letters kept, and the old ASCII id
    "label.png", "../returns/how.md", "../contact.md", "../index.md", "index.md", "../orders/index.md",
    "../how/", "https://example.com/x.md", "mailto:a@b.example", "/absolute/path/", "how.md?x=1#step-one",
    "{{ support.channels.chat.url }}",
])
def test_links_that_work(tmp_path, link):
    files = dict(BASE, **{"returns/links.md": faq("Links", f"## Intro\n\nSee [it]({link}).")})
    files["orders/track.md"] = faq("Track")  # makes the generated orders/index.md a link target
    assert [p for p in check_files(tmp_path, files) if p.rule.startswith("broken")] == []


@pytest.mark.parametrize("link, rule", [
    ("hwo.md", "broken-link"), ("How.md", "broken-link"), ("../../outside.md", "broken-link"),
    ("missing.png", "broken-link"), ("../returns/", "broken-link"), ("how.md#step-two", "broken-anchor"),
    ("how.md#sadan-gor-du", "broken-anchor"), ("how.md#tuihuo", "broken-anchor"), ("#nowhere", "broken-anchor"),
])
def test_links_that_do_not(tmp_path, link, rule):
    files = dict(BASE, **{"returns/links.md": faq("Links", f"See [it]({link}).")})
    assert [p.rule for p in check_files(tmp_path, files) if p.rule.startswith("broken")] == [rule]


def test_reference_definitions_and_images_are_links_too(tmp_path):
    files = dict(BASE, **{"returns/links.md": faq("Links", "[a][1] ![b](nope.png)\n\n[1]: gone.md \"Title\"")})
    assert rules(check_files(tmp_path, files)) == [("returns/links.md", 6, "broken-link"),
                                                   ("returns/links.md", 8, "broken-link")]


def test_a_broken_link_hint_suggests_the_file_with_that_name(tmp_path):
    files = dict(BASE, **{"orders/links.md": faq("Links", "See [how](how.md).")})
    [finding] = [p for p in check_files(tmp_path, files) if p.rule == "broken-link"]
    assert 'did you mean "../returns/how.md"?' in finding.hint


def test_links_in_code_are_not_checked(tmp_path):
    body = "`[x](nope.md)`\n\n```\n[x](nope.md) <script>\n```"
    assert check_files(tmp_path, dict(BASE, **{"returns/code.md": faq("Code", body)})) == ()


def test_without_directory_urls_html_links_resolve_against_the_page(tmp_path):
    files = dict(BASE, **{"returns/links.md": faq("Links", "[a](how.html) [b](nope.html)")})
    found = check_files(tmp_path, files, use_directory_urls=False)
    assert [(p.rule, p.location.col) for p in found] == [("broken-link", 19)]


@pytest.mark.parametrize("extra, expected", [
    ({"returns/README.md": faq("Readme")}, [("returns/index.md", 1, "duplicate-output-path")]),
    ({"returns/how/index.md": faq("How again")}, [("returns/how/index.md", 1, "duplicate-output-path")]),
    ({"contact/index.md": faq("Contact")}, [("contact/index.md", 1, "duplicate-output-path")]),
    ({"orders.md": faq("Orders page"), "orders/a.md": faq("A")}, [("orders.md", 1, "duplicate-output-path")]),
    ({"Orders/a.md": faq("A"), "orders/b.md": faq("B")}, [("orders/b.md", 1, "duplicate-output-path")]),
])
def test_pages_that_land_on_the_same_path(tmp_path, extra, expected):
    assert [r for r in rules(check_files(tmp_path, dict(BASE, **extra))) if r[2] == "duplicate-output-path"] == expected


def test_an_empty_category_page_and_a_nested_index_are_unreachable(tmp_path):
    files = dict(BASE, **{"warranty/index.md": "---\ntitle: Warranty\n---\n", "returns/old/index.md": faq("Old")})
    assert [r for r in rules(check_files(tmp_path, files)) if r[2] == "unreachable-article"] == [
        ("returns/old/index.md", 1, "unreachable-article"), ("warranty/index.md", 1, "unreachable-article")]


@pytest.mark.parametrize("html, rule", [
    ("<SCRIPT src=x.js></SCRIPT>", "raw-script"),
    ("<svg/onload=alert(1)>", "inline-event-handler"),
    ("<img src=x\nonerror=alert(1)>", "inline-event-handler"),
    ("<!-- x --!><img src=x onerror=alert(1)> -->", "inline-event-handler"),
    ('[a](https://e.x){: href="javascript:alert(1)" }', "javascript-link"),
    ('<a href="#" onClick="steal()">x</a>', "inline-event-handler"),
    ('[x](how.md){ onmouseover="steal()" }', "inline-event-handler"),
    ("[x](JavaScript:alert(1))", "javascript-link"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "javascript-link"),
    ("<a href=' javascript:alert(1)'>x</a>", "javascript-link"),
    ("[x][v]\n\n[v]: vbscript:msgbox", "javascript-link"),
    ('<iframe src="data:text/html;base64,PHNjcmlwdD4="></iframe>', "javascript-link"),
])
def test_code_in_articles_is_an_error(tmp_path, html, rule):
    found = check_files(tmp_path, dict(BASE, **{"returns/x.md": faq("X", html)}))
    assert [p.rule for p in found if p.severity == "error"] == [rule]


def test_safe_html_is_fine(tmp_path):
    body = '<a href="../how/" title="on=off">x</a> <img src="../label.png" alt="onload"> <!-- <script> -->\n\n' \
           "Don't put `<script>` in articles. The onboarding guide is online."
    assert check_files(tmp_path, dict(BASE, **{"returns/x.md": faq("X", body)})) == ()


@pytest.mark.parametrize("html, hint", [
    ('<a href="how.md">x</a>', "write a Markdown link"),  # MkDocs rewrites no link in raw HTML
    ('<img src="label.png" alt="">', "resolved by the browser from the page's URL"),  # from /returns/x/
    ('<a href="../nowhere/">x</a>', "link to the article's .md file"),
])
def test_raw_html_that_leads_nowhere_once_built_is_a_broken_link(tmp_path, html, hint):
    [problem] = check_files(tmp_path, dict(BASE, **{"returns/x.md": faq("X", f"Before {html} after.")}))
    assert problem.rule == "broken-link" and (problem.location.line, problem.location.col) == (6, 8 + html.index('"') + 1)
    assert hint in problem.hint


def test_an_ignore_comment_inside_a_code_block_is_an_example(tmp_path):
    body = "```\n<!-- helpgen: ignore no-such-rule -->\n```\n\nSee [it](nope.md)."
    assert [p.rule for p in check_files(tmp_path, dict(BASE, **{"returns/x.md": faq("X", body)}))] == ["broken-link"]


def test_settings_are_read_without_mkdocs_and_tolerate_its_yaml_tags(tmp_path, monkeypatch):
    monkeypatch.setenv("HELP_DOCS", "articles")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: !ENV [HELP_DOCS, content]\nuse_directory_urls: false\n"
        "plugins:\n  - search\n  - helpgen:\n      support: config/support.yml\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8")
    settings = read_site_settings(tmp_path / "mkdocs.yml")
    assert settings.docs_dir == (tmp_path / "articles").resolve()
    assert settings.support_file == "config/support.yml"
    assert settings.use_directory_urls is False
    assert settings.slugify("运输 Time", "-") == "运输-time"  # pymdownx's unicode slugify, as configured


def test_a_hint_names_the_ids_headings_have_not_the_old_ones_kept_for_old_links(tmp_path):
    files = dict(BASE, **{"returns/x.md": faq("X", "See [it](how.md#ofte-stillede-sporgsmal).")})
    [problem] = [p for p in check_files(tmp_path, files) if p.rule == "broken-anchor"]
    assert problem.hint == 'did you mean "ofte-stillede-spørgsmål"?'


@pytest.mark.parametrize("extensions, suggests_id", [(("attr_list",), True), ((), False)])
def test_anchor_hints_suggest_heading_ids_only_where_attr_list_makes_them(tmp_path, extensions, suggests_id):
    """With a site's own ASCII slugify (toc: slugify: in mkdocs.yml), Chinese headings get _1, _2, …"""
    files = dict(BASE, **{"returns/zh.md": faq("ZH", "## 退货\n\nText."),
                          "returns/x.md": faq("X", "See [it](zh.md#tuihuo).")})
    found = check_files(tmp_path, files, extensions=extensions, slugify=markdown.extensions.toc.slugify)
    [problem] = [p for p in found if p.rule == "broken-anchor"]
    assert ("{#my-id}" in problem.hint) is suggests_id
    assert suggests_id or "turn on attr_list" in problem.hint
