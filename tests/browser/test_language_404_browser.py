"""A missing page under /da/ on a host that serves only the root 404.html (GitHub Pages; the test server
does the same): the visitor reads the Danish 404 page, at the address they followed, and its search
searches the Danish articles. Without JavaScript the English page offers the way to Danish."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .search_box import search_for

pytestmark = pytest.mark.browser
FIRST_RESULT = ".md-search-result__item"


@pytest.fixture(scope="module")
def site(demo_build, serve_site):
    return serve_site(demo_build / "site")


@pytest.fixture
def page(chromium):
    """A page in a fresh browser context (no cookies or storage from another test), closed after."""
    context = chromium.new_context()
    yield context.new_page()
    context.close()


def test_a_missing_danish_url_is_answered_by_the_danish_404_page_at_that_address(page, site):
    response = page.goto(site + "da/gamle/side/#trin", wait_until="load")
    assert response.status == 404  # the host's answer; the Danish page is shown in its place
    page.wait_for_function("document.documentElement.lang === 'da'", timeout=10_000)
    expect(page.locator("h1")).to_have_text("Vi kan ikke finde siden")
    assert page.evaluate("location.pathname + location.hash") == "/da/gamle/side/#trin"
    assert page.title().startswith("Siden blev ikke fundet")
    search_for(page, "returnere vare")
    expect(page.locator(FIRST_RESULT).first.locator("h1")).to_have_text("Hvordan returnerer jeg en vare?",
                                                                        timeout=10_000)
    assert all("/da/" in path for path in page.locator(f"{FIRST_RESULT} a").evaluate_all(
        "links => links.map(a => a.pathname)"))


def test_a_missing_url_outside_the_language_prefixes_stays_in_the_default_language(page, site):
    page.goto(site + "danish-ish/da/page/", wait_until="load")
    expect(page.locator("h1")).to_have_text("We can't find that page")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("location.pathname") == "/danish-ish/da/page/"


def test_the_danish_404_page_ignores_an_address_outside_its_part_of_the_site(page, site):
    page.goto(site + "da/404.html#hg-from=%2Freturns%2F", wait_until="load")
    expect(page.locator("h1")).to_have_text("Vi kan ikke finde siden")
    assert page.evaluate("location.pathname") == "/da/404.html"


def test_without_javascript_the_root_404_page_offers_the_danish_home_page(chromium, site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "da/gamle/side/", wait_until="load")
        expect(page.locator("h1")).to_have_text("We can't find that page")
        danish = page.locator('a.hg-language[hreflang="da"]')
        assert danish.get_attribute("href") == "/da/"
    finally:
        context.close()
