"""The second sweep's payloads that build (DOM clobbering, titles Material would show as HTML, frames read by
another host) in Chromium: no dialog, the page's own scripts still read their own data (search answers,
statuses show), and every frame's host, as the browser reads it, is the one the site listed."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpgen.mkdocs.commands import build_site

from ..conftest import MKDOCS_YML, SUPPORT_YML
from ..security_payloads import CLOBBERING, EMBEDS, TOOLTIP_TITLES, check_misses_everything
from .search_box import search_for

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def clobbered(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clobbered")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("  name: material\n", (
        "  name: material\n  features: [content.tooltips, navigation.instant]\n")).replace(
        "  - helpgen\n", "  - helpgen:\n      embed_domains: [www.youtube.com]\n")
        + "markdown_extensions:\n  - attr_list\n  - toc\n", encoding="utf-8")
    (root / "support.yml").write_text(SUPPORT_YML, encoding="utf-8")
    content = root / "content" / "returns"
    content.mkdir(parents=True)
    for i, body in enumerate(CLOBBERING):
        (content / f"c{i}.md").write_text(f"---\ntitle: Refund clobber {i}\n---\n\n{body}\n\nRefunds take 5 days.\n",
                                          encoding="utf-8")
    long_title = "<img src=x onerror=alert(1999)> " + "a very long refund question title " * 4
    frames = "\n\n".join(f'<iframe src="{src}"></iframe>' for src in EMBEDS)
    (content / "titles.md").write_text(f"---\ntitle: {long_title!r}\n---\n\n" + "\n\n".join(TOOLTIP_TITLES)
                                       + "\n\n" + frames + "\n", encoding="utf-8")
    with check_misses_everything():
        build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


@pytest.fixture
def watched(chromium):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{dialog.message} on {page.url}"), dialog.dismiss()))
    yield page, dialogs
    context.close()


def test_no_clobbering_page_opens_a_dialog_and_the_page_s_scripts_keep_their_data(watched, clobbered, serve_site):
    page, dialogs = watched
    base = serve_site(clobbered)
    for i in range(len(CLOBBERING)):
        page.goto(f"{base}returns/c{i}/")
        page.wait_for_load_state("load")
        # helpgen's status script read its own data: the header's channel has a live status.
        expect(page.locator("[data-hg-headline-text]").first).not_to_be_empty(timeout=10_000)
        search_for(page, "refunds")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        page.keyboard.press("Escape")
    assert dialogs == []


def test_titles_are_shown_as_text_and_frames_load_only_the_listed_host(watched, clobbered, serve_site):
    page, dialogs = watched
    base = serve_site(clobbered)
    page.goto(f"{base}returns/titles/")
    page.wait_for_load_state("load")
    for element in page.locator("article [title], nav a, .md-header [title]").all()[:40]:
        for event in ("mouseenter", "mouseover", "focus"):  # what Material's tooltips listen to
            element.dispatch_event(event)
    hosts = page.evaluate("() => [...document.querySelectorAll('article iframe')]"
                          ".filter(f => f.getAttribute('src')).map(f => new URL(f.src).hostname)")
    assert hosts == ["www.youtube.com"]
    assert dialogs == []
