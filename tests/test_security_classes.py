"""The classes of the second attack sweep (#24), each a family of payloads (tests/security_payloads.py):
`helpgen check` and `helpgen build` both refuse every one at its file, or build a site in which it is
harmless, and neither prints a traceback. The browser half loads what builds in Chromium
(tests/browser/test_security_browser.py)."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.mkdocs.commands import build_site

from .conftest import soup
from .security_payloads import (ACTIVE_FILES, CI_COMMANDS, CLOBBERING, EMBEDS, FILE_NAMES, FRONT_MATTER_TYPES,
                                HOST_FILES, REDIRECT_INJECTION, RESERVED_PAGES, RESERVED_URLS, SHADOWING,
                                TIME_BOMBS, TOOLTIP_TITLES, URL_FRONT_MATTER, URL_SUPPORT, check_misses_everything)


def _run(project, monkeypatch, *args):
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, list(args))
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed and "Traceback" not in result.output, (args, repr(result.exception), result.output[-500:])
    return result


def refused(project, monkeypatch) -> set[str]:
    """Check and build both refuse the project; returns the rules check named. Nothing is published."""
    checked = _run(project, monkeypatch, "check", "--format", "json")
    assert checked.exit_code == 1, checked.output[-500:]
    built = _run(project, monkeypatch, "build")
    assert built.exit_code == 1, built.output[-500:]
    assert not (project.root / "site").exists()
    return {finding["rule"] for finding in json.loads(checked.stdout)}


def _write_bytes(project, relative: str, data: bytes) -> None:
    path = project.content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _front_matter(project, text: str, name: str = "returns/x.md", body: str = "Text.") -> None:
    project.write(f"content/{name}", f"---\n{text}\n---\n\n{body}\n")


# 1. Files in content/ replacing the theme's --------------------------------------------------------------

@pytest.mark.parametrize("path", SHADOWING)
def test_no_content_file_takes_a_theme_or_generated_path(project, monkeypatch, path):
    _write_bytes(project, path, SHADOWING[path])
    assert refused(project, monkeypatch) & {"reserved-path", "active-file", "file-type"}


# 2. Redirects, permalinks and urls to script --------------------------------------------------------------

@pytest.mark.parametrize("front", URL_FRONT_MATTER)
def test_links_in_front_matter_lead_only_to_this_site_or_the_web(project, monkeypatch, front):
    _front_matter(project, front)
    assert "front-matter-invalid" in refused(project, monkeypatch)


@pytest.mark.parametrize("written, hostile", URL_SUPPORT)
def test_support_yml_links_lead_only_to_the_web(project, monkeypatch, written, hostile):
    support = project.root / "support.yml"
    support.write_text(support.read_text().replace(written, hostile, 1))
    assert "support-invalid" in refused(project, monkeypatch)


# 3. DOM clobbering ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", CLOBBERING)
def test_check_names_every_id_the_page_s_scripts_read(project, monkeypatch, body):
    project.write("mkdocs.yml", project.config.read_text() + "markdown_extensions:\n  - attr_list\n  - toc\n")
    _front_matter(project, "title: X", body=body)
    assert "reserved-id" in refused(project, monkeypatch)


def test_the_sanitizer_alone_keeps_every_reserved_id_out_of_articles(project):
    project.write("mkdocs.yml", project.config.read_text() + "markdown_extensions:\n  - attr_list\n  - toc\n")
    for i, body in enumerate(CLOBBERING):
        _front_matter(project, f"title: Clobber {i}", f"returns/c{i}.md", body)
    with check_misses_everything():
        site = project.build().site_dir
    for i in range(len(CLOBBERING)):
        page = soup(site / f"returns/c{i}/index.html")
        article = page.select_one("article")
        names = [value for el in article.find_all(True) for attr in ("id", "name", "for", "headers")
                 for value in str(el.get(attr, "")).split()]
        assert not [n for n in names if re.match(r"(__(?!tabbed|codelineno|code_)|helpgen-|hg-)", n)
                    and not el_is_theme(n)], (i, names)
        # The page's data is read from <script> elements, which no article can make.
        assert page.select_one('script#__config[type="application/json"]') is not None
        assert page.select_one('script#helpgen-hours-data[type="application/json"]') is not None


def el_is_theme(name: str) -> bool:
    """Ids the theme itself puts inside <article> (the feedback block, the person card)."""
    return name.startswith("hg-") and not name.startswith("hg-contact-title")


# 4. XML and SVG that run script -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ACTIVE_FILES)
def test_only_plain_images_and_documents_are_published(project, monkeypatch, path):
    _write_bytes(project, path, ACTIVE_FILES[path])
    assert refused(project, monkeypatch) & {"active-file", "file-type"}


def test_real_images_fonts_and_documents_are_published(project, monkeypatch):
    files = {"img/a.png": b"\x89PNG\r\n\x1a\nrest", "img/b.jpg": b"\xff\xd8\xff\xe0rest", "img/c.gif": b"GIF89arest",
             "img/d.svg": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                          b'<metadata><rdf:RDF/></metadata><defs><path id="p" d="M0 0"/></defs><use href="#p"/>'
                          b'<image href="data:image/png;base64,AAAA"/></svg>',
             "docs/manual.pdf": b"%PDF-1.7 rest", "docs/notes.txt": b"<hello>", "fonts/brand.woff2": b"wOF2rest",
             "docs/forms.zip": b"PK\x03\x04rest", "video/intro.mp4": b"\x00\x00\x00\x18ftypmp42"}
    for path, data in files.items():
        _write_bytes(project, path, data)
    assert _run(project, monkeypatch, "check").exit_code == 0
    assert _run(project, monkeypatch, "build").exit_code == 0
    for path, data in files.items():
        assert (project.root / "site" / path).read_bytes() == data


# 5. Host configuration ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", HOST_FILES)
def test_content_never_configures_the_host(project, monkeypatch, path):
    _write_bytes(project, path, HOST_FILES[path])
    assert "file-type" in refused(project, monkeypatch)


@pytest.mark.parametrize("front", REDIRECT_INJECTION)
def test_no_value_adds_a_rule_to_the_generated_redirects(project, monkeypatch, front):
    _front_matter(project, front)
    assert "front-matter-invalid" in refused(project, monkeypatch)


def test_the_owners_host_files_are_published_and_redirect_rules_are_one_line_each(project, monkeypatch):
    project.write("_headers", "/*\n  X-Frame-Options: DENY\n")
    project.write("CNAME", "help.acme.example\n")
    project.write("mkdocs.yml", project.config.read_text().replace(
        "  - helpgen\n", "  - helpgen:\n      host_files: [_headers, CNAME]\n"))
    _front_matter(project, 'title: X\nredirect_from: ["/alt/sti/", "/zh/旧/", "/old%20page/"]')
    assert _run(project, monkeypatch, "build").exit_code == 0
    site = project.root / "site"
    assert (site / "_headers").read_text() == "/*\n  X-Frame-Options: DENY\n"
    assert (site / "CNAME").read_text() == "help.acme.example\n"
    rules = (site / "_redirects").read_text().splitlines()
    assert len(rules) == 3 and all(len(rule.split(" ")) == 3 for rule in rules)
    assert "/zh/%E6%97%A7/ /returns/x/ 301" in rules and "/old%20page/ /returns/x/ 301" in rules


def test_host_files_must_be_files_of_the_project(project, monkeypatch, tmp_path):
    (tmp_path / "outside").write_text("x")
    project.write("mkdocs.yml", project.config.read_text().replace(
        "  - helpgen\n", "  - helpgen:\n      host_files: [../outside, missing]\n"))
    assert _run(project, monkeypatch, "check").exit_code == 1
    assert _run(project, monkeypatch, "build").exit_code == 1


# 6. Pages over built files -------------------------------------------------------------------------------------

@pytest.mark.parametrize("front", RESERVED_URLS)
def test_no_permalink_or_redirect_takes_a_generated_path(project, monkeypatch, front):
    _front_matter(project, front)
    assert refused(project, monkeypatch) & {"reserved-path", "front-matter-invalid"}


@pytest.mark.parametrize("name", RESERVED_PAGES)
def test_no_page_is_built_where_a_generated_file_must_be(project, monkeypatch, name):
    _front_matter(project, "title: X", name)
    assert refused(project, monkeypatch) & {"reserved-path", "duplicate-output-path"}


# 9. Tooltips and embeds --------------------------------------------------------------------------------------

def test_titles_stay_text_and_frames_load_only_the_listed_host(project):
    project.write("mkdocs.yml", project.config.read_text().replace("  name: material\n", (
        "  name: material\n  features: [content.tooltips, navigation.instant]\n")).replace(
        "  - helpgen\n", "  - helpgen:\n      embed_domains: [www.youtube.com]\n"))
    body = "\n\n".join(TOOLTIP_TITLES + [f'<iframe src="{src}"></iframe>' for src in EMBEDS])
    _front_matter(project, 'title: "<img src=x onerror=alert(1999)> a long title " ', body=body)
    site = project.build().site_dir
    page = soup(site / "returns/x/index.html")
    config = json.loads(page.select_one("script#__config").string)
    assert "content.tooltips" not in config["features"] and "navigation.instant" in config["features"]
    frames = [frame.get("src") for frame in page.select("article iframe")]
    assert [src for src in frames if src] == ["https://www.youtube.com/embed/ok"]


# 10. Time bombs ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TIME_BOMBS)
def test_inputs_markdown_renders_in_quadratic_time_are_refused(project, monkeypatch, name):
    _front_matter(project, "title: X", body=TIME_BOMBS[name])
    assert "article-too-complex" in refused(project, monkeypatch)


def test_a_paste_from_word_is_reported_in_one_pass(project, monkeypatch):
    """28 KB of <span>/<font> took 32 s to report: each removed <font> is named, at once."""
    _front_matter(project, "title: X", body="<span>a</span><font>b</font>" * 1000)
    checked = _run(project, monkeypatch, "check", "--format", "json")
    assert checked.exit_code == 0
    assert [f["rule"] for f in json.loads(checked.stdout)] == ["removed-html"] * 1000


def test_a_real_article_near_every_limit_still_builds(project, monkeypatch):
    """The limits leave real content alone: long paragraphs, big tables, many links, nested lists."""
    paragraph = " ".join(f"Sentence {i} with a [link](../orders/track.md) and *emphasis*." for i in range(120))
    table = "| Code | Meaning |\n|---|---|\n" + "".join(f"| E{i} | [Error {i}](../orders/track.md) |\n" for i in range(3000))
    lists = "".join("  " * depth + f"- level {depth}\n" for depth in range(12))
    quotes = "".join(">" * depth + f" quoted {depth}\n" for depth in range(1, 8))
    fences = "".join(f"```\ncode {i}\n```\n\n" for i in range(300))
    _front_matter(project, "title: X", body="\n\n".join([paragraph] * 20 + [table, lists, quotes, fences]))
    assert _run(project, monkeypatch, "check").exit_code == 0
    assert _run(project, monkeypatch, "build").exit_code == 0


# 11. Tracebacks ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("front", FRONT_MATTER_TYPES)
def test_material_s_front_matter_keys_are_validated(project, monkeypatch, front):
    _front_matter(project, f"title: X\n{front}")
    assert "front-matter-invalid" in refused(project, monkeypatch)


@pytest.mark.parametrize("name", FILE_NAMES, ids=lambda n: repr(n))
def test_file_names_that_are_no_urls_are_refused_by_name(project, monkeypatch, name):
    path = os.path.join(os.fsencode(project.content), name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"---\ntitle: X\n---\n\nText.\n" if name.endswith(b".md") else b"\x89PNG\r\n\x1a\n")
    assert "file-type" in refused(project, monkeypatch)


@pytest.mark.parametrize("manifest", ["[]", '{"pages": [1]}', '{"pages": {"a": 5}}',
                                      '{"pages": {"x\\n/* https://evil/ 200!": {"src": "a", "title": "b"}}}',
                                      '{"pages": {}, "redirects": {"a": 5}}'])
def test_a_foreign_url_manifest_is_refused(project, monkeypatch, manifest):
    project.write("old.json", manifest)
    result = _run(project, monkeypatch, "build", "--previous", "old.json")
    assert result.exit_code == 1 and "manifest" in result.output


# 12. CI annotations ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", CI_COMMANDS)
def test_nothing_a_writer_types_starts_a_ci_command(project, monkeypatch, text):
    key = json.dumps("key" + text)
    _front_matter(project, f"title: {json.dumps('T' + text)}\n{key}: {json.dumps(text)}\n"
                           f"category: {json.dumps('c' + text)}")
    project.write("content/returns/y.md", f"---\ntitle: Y\n---\n\n[broken]({json.dumps(text)[1:-1]}.md)\n")
    outputs = [_run(project, monkeypatch, "check", "--format", fmt).output for fmt in ("text", "json", "github")]
    outputs.append(_run(project, monkeypatch, "build").output)
    for output in outputs:
        for line in output.splitlines():
            if line.startswith(("::error file=", "::warning file=")):
                continue  # helpgen's own annotations, one line per finding (--format github)
            assert not line.lstrip().startswith("::") and "##[" not in line, line


_ID_PARTS = st.sampled_from(["_", "__", "&#95;", "&#x5f;", "&lowbar;", "&UnderBar;", "config", "search", "helpgen-",
                             "HG-", "hg-", "x", "-", "tabbed_1", " ", "&amp;"])


@given(st.lists(_ID_PARTS, min_size=1, max_size=6).map("".join), st.sampled_from(["id", "name", "for", "headers"]))
def test_no_attribute_value_however_spelled_keeps_a_reserved_id(value, attribute):
    from bs4 import BeautifulSoup

    from helpgen.security import sanitize
    from helpgen.security.policy import RESERVED_ID

    tag = {"name": "a", "for": "label", "headers": "td"}.get(attribute, "p")
    html = sanitize(f'<table><tr><{tag} {attribute}="{value}">x</{tag}></tr></table>' if tag == "td"
                    else f'<{tag} {attribute}="{value}">x</{tag}>')
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for name in ("id", "name", "for"):  # one name each, as getElementById and selectors read it
            assert not RESERVED_ID.match(str(element.get(name, "")).strip()), (value, html)
        headers = element.get("headers") or ""
        for part in (" ".join(headers) if isinstance(headers, list) else headers).split():  # a list of ids
            assert not RESERVED_ID.match(part), (value, html)
