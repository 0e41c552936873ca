"""A redirect page in Chromium: the visitor lands on the new page, with the #anchor they came with."""
from __future__ import annotations

import pytest


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_an_old_url_with_an_anchor_lands_on_the_new_page_at_that_anchor(project, page, serve_site):
    project.article("orders/track.md", "How do I track my order?", "## Status\n\nWhere it is.\n",
                    redirect_from="[/old/tracking/]")
    project.write("content/orders/where.md", "---\nredirect: track.md\n---\n")
    project.build()
    base = serve_site(project.root / "site")
    page.goto(base + "old/tracking/#status")
    page.wait_for_url("**/orders/track/#status")
    assert page.url == base + "orders/track/#status"
    page.goto(base + "orders/where/")
    page.wait_for_url("**/orders/track/")
    assert page.locator("h1").first.inner_text() == "How do I track my order?"


def test_without_javascript_the_meta_refresh_still_moves_on(project, chromium, serve_site):
    project.article("orders/track.md", "How do I track my order?", redirect_from="[/old/tracking/]")
    project.build()
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        base = serve_site(project.root / "site")
        page.goto(base + "old/tracking/")
        page.wait_for_url("**/orders/track/")
    finally:
        context.close()
