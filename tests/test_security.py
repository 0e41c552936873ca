"""No script from content or config runs: payloads a hostile contributor would try, in every place a
writer or support.yml can put text, built into real sites and read back with an HTML parser.

The browser half (tests/browser/test_security_browser.py) loads the same pages in Chromium."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from helpgen.checks import ContentProject, check_content
from helpgen.checks.project import list_sources
from helpgen.checks.rules import RULE_BY_ID
from helpgen.errors import HelpgenError
from helpgen.hours.support import load_support
from helpgen.mkdocs.commands import build_site
from helpgen.security import HtmlPolicy, removals, sanitize

from .conftest import REPO, soup
from .security_payloads import (BODY_PAYLOADS, FIELD_PAYLOADS, PAYLOAD_COUNT, active_content, check_misses_everything,
                                hostile_project, inline_scripts)

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition"]


def test_the_suite_holds_the_issues_payloads_and_more():
    assert PAYLOAD_COUNT >= 40


@pytest.mark.parametrize("payload", BODY_PAYLOADS)
def test_the_sanitizer_leaves_nothing_that_runs(payload):
    rendered = markdown.markdown(payload, extensions=EXTENSIONS)
    assert active_content(sanitize(rendered), set()) == []


# Payloads whose dangerous part never reaches the page's HTML: the html5 parser drops a <body> inside
# the article's body, and Markdown escapes the quote of an image URL; there is nothing to report.
NOTHING_TO_REPORT = {"<body onload=alert(22)>", '![x](x" onerror="alert(31))'}  # the second: an escaped src


@pytest.mark.parametrize("payload", BODY_PAYLOADS)
def test_check_reports_what_the_build_removes_at_its_line(tmp_path, payload):
    content = tmp_path / "content"
    (content / "returns").mkdir(parents=True)
    header = "---\ntitle: X\ntype: faq\n---\n\nIntro.\n\n"
    (content / "returns" / "x.md").write_text(header + payload + "\n", encoding="utf-8")
    support = REPO / "support.yml"
    project = ContentProject(content, tuple(list_sources(content)), support=load_support(support),
                             support_path=support, markdown_extensions=("attr_list", "admonition"))
    found = [p for p in check_content(project, dt.date(2026, 11, 22)).findings if RULE_BY_ID[p.rule].family == "safety"]
    if payload in NOTHING_TO_REPORT:
        assert found == []
        return
    assert found, payload
    payload_lines = range(8, 8 + payload.count("\n") + 1)
    assert {p.location.line for p in found} <= set(payload_lines), [(str(p), payload) for p in found]
    if re.search(r"alert\(\d+\)|msgbox", payload) and "runs" not in " ".join(p.message for p in found):
        # Something that would have run is named as such (error), not only as "not allowed".
        assert any(p.severity == "error" for p in found) or "removes it" in found[0].message


def test_what_markdown_and_material_write_is_kept(tmp_path):
    """The allow-list keeps every construct of the common extensions: nothing is reported removed."""
    text = (REPO / "tests" / "fixtures" / "allowed_markdown.md").read_text(encoding="utf-8")
    extensions = ["toc", "tables", "fenced_code", "attr_list", "admonition", "footnotes", "def_list", "abbr",
                  "md_in_html", "pymdownx.highlight", "pymdownx.superfences", "pymdownx.details",
                  "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.emoji", "pymdownx.keys", "pymdownx.mark"]
    from material.extensions import emoji  # the icon set Material's docs configure

    configs = {"toc": {"permalink": True}, "pymdownx.emoji": {"emoji_index": emoji.twemoji,
                                                              "emoji_generator": emoji.to_svg}}
    rendered = markdown.markdown(text, extensions=extensions, extension_configs=configs)
    for construct in ('class="admonition', "<table", 'class="highlight"', "<details", 'class="tabbed-set',
                      'type="checkbox"', 'class="footnote"', "<svg", "<img", 'class="headerlink"', "<kbd",
                      'style="text-align: right;"', "<dl", "<abbr"):
        assert construct in rendered, construct
    assert removals(rendered) == []
    clean = sanitize(rendered)
    for construct in ('class="admonition', 'class="highlight"', 'type="checkbox"', "<svg", 'href="#fn:1"',
                      'style="text-align:right"', 'class="tabbed-set', "checked"):
        assert construct in clean, construct


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, dict[str, str], set[str]]:
    """All payloads built into one site, and the inline scripts of the same site built from plain text."""
    root = tmp_path_factory.mktemp("hostile")
    titles = hostile_project(root / "project", FIELD_PAYLOADS, BODY_PAYLOADS)
    with check_misses_everything():
        build_site(root / "project" / "mkdocs.yml", root / "site")
    hostile_project(root / "plain", ["plain"] * len(FIELD_PAYLOADS), ["Plain."] * len(BODY_PAYLOADS))
    build_site(root / "plain" / "mkdocs.yml", root / "plain-site")
    allowed = set().union(*(inline_scripts(p.read_text(encoding="utf-8")) for p in (root / "plain-site").rglob("*.html")))
    return root / "site", titles, allowed


def test_no_built_page_carries_anything_that_runs(hostile_site):
    site, _, allowed = hostile_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= len(BODY_PAYLOADS) + 4  # articles, category, home, contact, 404
    problems = {p.relative_to(site).as_posix(): active_content(p.read_text(encoding="utf-8"), allowed) for p in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def test_hostile_front_matter_shows_as_text_where_it_was_written(hostile_site):
    site, titles, _ = hostile_site
    for src, (title, description) in titles.items():
        page = soup(site / src.replace(".md", "") / "index.html")
        assert page.find("h1").get_text() == title
        assert page.find("meta", attrs={"name": "description"})["content"] == description
        assert page.find("header").find(string=lambda s: s.strip() == title.strip()) is not None
    page = soup(site / "hostile/a00/index.html")
    assert page.title.get_text() == f"{titles['hostile/a00.md'][0]} - Hostile Help Center"
    sidebar = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert f"Category {FIELD_PAYLOADS[0]}" in sidebar  # the category's index.md title, on every page
    contact = soup(site / "contact/index.html")  # the organization's name, in the page's lead
    assert f"How to reach {FIELD_PAYLOADS[0]}," in contact.select_one(".hg-lead").get_text()
    assert f"Contact {FIELD_PAYLOADS[0]}" in page.select_one(".hg-contact__title").get_text()


def test_a_payload_title_is_escaped_in_the_title_element_even_as_entities(hostile_site):
    site, titles, _ = hostile_site
    src = next(src for src, (title, _) in titles.items() if "&lt;script" in title)
    html = (site / src.replace(".md", "") / "index.html").read_text(encoding="utf-8")
    title_element = html[html.index("<title>"):html.index("</title>")]
    assert "<script" not in title_element and "&amp;lt;script" in title_element


HOSTILE_PIECES = FIELD_PAYLOADS + ["<", ">", '"', "'", "&", "&#", "javascript:", "on", "error=", "<img src=x ",
                                   "<svg ", "</", "-->", "<!--", "`", "\n", "\u2028", "#", " #", "[", "](", "{:", "}"]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES),
                                  st.text(alphabet="<>\"'&=/:;`#()[]!- \\abcjlnorstv", max_size=8)),
                        min_size=1, max_size=8).map("".join).filter(lambda s: "{{" not in s and "{%" not in s)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(fields=st.lists(hostile_text.map(lambda s: s.strip() or "x"), min_size=3, max_size=6),
       bodies=st.lists(hostile_text, min_size=3, max_size=8))
def test_generated_hostile_text_anywhere_never_runs(tmp_path_factory, fields, bodies):
    """Each example builds one site with the strings in every front matter text field, category titles,
    tags, support.yml's texts and article bodies (a build per example is slow: few examples, many files)."""
    root = tmp_path_factory.mktemp("generated")
    hostile_project(root / "project", fields, bodies)
    try:
        with check_misses_everything():
            build_site(root / "project" / "mkdocs.yml", root / "site")
    except HelpgenError as error:
        # Refusing input is fine (e.g. a title that is empty once YAML has read it); it must say where.
        assert all(p.location.file for p in error.problems)
        return
    hostile_project(root / "plain", ["plain"] * len(fields), ["Plain."] * len(bodies))
    build_site(root / "plain" / "mkdocs.yml", root / "plain-site")
    allowed = set().union(*(inline_scripts(p.read_text(encoding="utf-8")) for p in (root / "plain-site").rglob("*.html")))
    for page in (root / "site").rglob("*.html"):
        assert active_content(page.read_text(encoding="utf-8"), allowed) == [], page


def test_embeds_only_from_the_domains_a_site_lists(tmp_path):
    policy = HtmlPolicy(("www.youtube.com",))
    video = '<iframe src="https://www.youtube.com/embed/x" width="560" height="315" allowfullscreen></iframe>'
    other = '<iframe src="https://evil.example/x"></iframe>'
    plain = '<iframe src="http://www.youtube.com/embed/x"></iframe>'
    assert 'src="https://www.youtube.com/embed/x"' in sanitize(video, policy)
    assert "<iframe" not in sanitize(video)  # no domains listed: no frames at all
    assert "evil.example" not in sanitize(other, policy) and "http:" not in sanitize(plain, policy)
    assert [r.name for r in removals(other, policy)] == ["src"]
    assert [(r.kind, r.tag) for r in removals(video)] == [("element", "iframe")]


def test_the_embed_domains_option_reaches_build_and_check(tmp_path):
    root = tmp_path / "p"
    hostile_project(root, ["x"], ['<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n'
                                  '<iframe src="https://evil.example/x"></iframe>'])
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - helpgen\n", "  - helpgen:\n      embed_domains: [www.youtube.com]\n"))
    from helpgen.checks import check_project

    found = [(p.location.file, p.location.line, p.rule) for p in check_project(root)
             if RULE_BY_ID[p.rule].family == "safety"]
    # The category page opens with the same body as the first article (hostile_project).
    assert sorted(found) == [(f"{root}/content/hostile/a00.md", 11, "removed-html"),
                             (f"{root}/content/hostile/index.md", 8, "removed-html")]
    build_site(config, tmp_path / "site")
    frames = [f.get("src") for f in soup(tmp_path / "site/hostile/a00/index.html").find_all("iframe")]
    assert frames == ["https://www.youtube.com/embed/x", None]


@pytest.mark.parametrize("name, text, refused", [
    ("page.html", "<script>alert(1)</script>", True),
    ("old/page.htm", "<p>hi</p>", True),
    ("images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', True),
    ("images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', True),
    ("images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', True),
    ("images/logo.svg", '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', True),
    ("images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
                        '<a x:href="javascript:alert(1)"><text>x</text></a></svg>', True),
    ("images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><path d="M0 0h2v2z"/></svg>', False),
])
def test_active_files_in_content_are_refused_by_check_and_build(tmp_path, name, text, refused):
    root = tmp_path / "p"
    hostile_project(root, ["x"], ["Plain."])
    (root / "content" / "hostile" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / "hostile" / name).write_text(text, encoding="utf-8")
    from helpgen.checks import check_project

    rules = [p.rule for p in check_project(root) if p.rule == "active-file"]
    assert rules == (["active-file"] if refused else [])
    if refused:
        with pytest.raises(HelpgenError) as caught:
            build_site(root / "mkdocs.yml", tmp_path / "site")
        assert [p.rule for p in caught.value.problems] == ["active-file"]
        assert caught.value.problems[0].location.file == f"content/hostile/{name}"
    else:
        build_site(root / "mkdocs.yml", tmp_path / "site")
        assert (tmp_path / "site" / "hostile" / name).read_text() == text


def test_docs_list_the_allow_list_the_sanitizer_uses():
    from helpgen.security import policy

    text = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    for tag in policy.TAGS:
        assert f"`<{tag}>`" in text, tag
    for tag, names in policy.ATTRIBUTES.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `<{tag}>` |"))
        assert all(f"`{name}`" in row for name in names), tag
    for scheme in policy.URL_SCHEMES:
        assert f"`{scheme}:`" in text, scheme
    assert "embed_domains" in text
