"""Search in a real browser (Playwright + Debian's Chromium): the customer types, sees the article they
mean first and follows it; nonsense offers the contact channels; Chinese finds the Chinese article.
Also measures plain Material's ranking on the same known-item set, for comparison."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
import yaml

from ..conftest import REPO
from .search_box import search_for

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((REPO / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
FIRST_RESULT = ".md-search-result__item"


@pytest.fixture(scope="module")
def demo(demo_build) -> Path:
    return demo_build


# Runs before the page's scripts: counts the workers really started (helpgen-search-early.html
# keeps this constructor as the browser's own and hands its worker to Material without calling it).
COUNT_WORKERS_JS = """
window.__workersStarted = 0;
window.__workersStopped = [];
const BrowserWorker = window.Worker;
window.Worker = function (url, options) {
  window.__workersStarted++;
  window.__workerBeforeMaterial = !document.querySelector("script[src*='javascripts/bundle.']");
  const worker = new BrowserWorker(url, options);
  const stop = worker.terminate.bind(worker);
  worker.terminate = () => { window.__workersStopped.push(String(url)); stop(); };
  return worker;
};
"""


@pytest.fixture
def blank_page(chromium):
    """A page in a fresh browser context, not yet opened, counting the workers it starts."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.add_init_script(COUNT_WORKERS_JS)
    yield page
    context.close()


@pytest.fixture
def page(blank_page, demo, serve_site):
    blank_page.goto(serve_site(demo / "site"), wait_until="domcontentloaded")
    return blank_page


def arrow_down_reaches_a_result(page, tries: int = 10) -> bool:
    """ArrowDown from the search box focuses a result link. Material re-renders the list on every
    answer (the End key in search_for can ask again), which drops the focus if it lands just before;
    a visitor would press again, and so does this."""
    for _ in range(tries):
        page.locator("input.md-search__input").focus()
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(100)
        if page.evaluate("document.activeElement.classList.contains('md-search-result__link')"):
            return True
    return False


def test_typed_query_shows_the_article_first_and_enter_follows_it(page):
    search_for(page, "reset password")
    first = page.locator(FIRST_RESULT).first
    # Material searches on every keystroke: wait (same assertions, retried) for the whole query's answer,
    # not an earlier one for "reset passw" that may still be on screen.
    expect(first.locator("h1")).to_have_text("How do I reset my password?", timeout=10_000)
    expect(first.locator("h1 mark")).to_have_count(2, timeout=10_000)
    assert arrow_down_reaches_a_result(page)  # Material's keyboard navigation reaches the results
    page.locator("input.md-search__input").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/how-do-i-reset-my-password/\?h="), timeout=10_000)
    assert page.locator("h1").first.inner_text() == "How do I reset my password?"
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)


def test_a_section_result_deep_links_into_the_article(page):
    search_for(page, "express delivery")
    # Retried until the whole query's answer is on screen (Material searches on every keystroke).
    deep_link = page.locator(f"{FIRST_RESULT} >> nth=0 >> "
                             "a.md-search-result__link[href*='what-are-the-delivery-times-and-costs/'][href*='#express-delivery']")
    expect(deep_link.first).to_be_attached(timeout=10_000)


def test_a_search_link_opens_the_results_and_then_their_sections(blank_page, demo, serve_site):
    """/?q=express (Material's search link): the worker ranks the query from its own URL while the page
    loads, shows the results from the lexicon chunk, then adds the sections from the article files."""
    blank_page.goto(serve_site(demo / "site") + "?q=express", wait_until="domcontentloaded")
    first = blank_page.locator(FIRST_RESULT).first
    expect(first.locator("h1")).to_have_text("What are the delivery times and costs?", timeout=10_000)
    section = first.locator("a.md-search-result__link[href*='what-are-the-delivery-times-and-costs/']"
                            "[href*='#express-delivery']")
    expect(section).to_be_attached(timeout=10_000)
    assert blank_page.locator("input.md-search__input").input_value() == "express"


def test_a_search_link_starts_one_worker_early_and_material_keeps_it(blank_page, demo, serve_site):
    """The search link's worker starts in the page's head and becomes Material's: one worker, the
    browser's Worker constructor restored, and later typing answered by that same worker."""
    blank_page.goto(serve_site(demo / "site") + "?q=express", wait_until="load")
    expect(blank_page.locator(FIRST_RESULT).first.locator("h1")).to_have_text(
        "What are the delivery times and costs?", timeout=10_000)
    assert blank_page.evaluate("[window.__workersStarted, window.__workerBeforeMaterial]") == [1, True]
    assert blank_page.evaluate("window.Worker.toString().includes('__workersStarted')")  # ours again
    search_for(blank_page, "reset password")
    expect(blank_page.locator(FIRST_RESULT).first.locator("h1")).to_have_text(
        "How do I reset my password?", timeout=10_000)
    assert blank_page.evaluate("window.__workersStarted") == 1


def test_a_search_link_worker_nobody_takes_is_stopped_when_the_page_has_loaded(blank_page, demo, serve_site):
    """Material's page script did not run (blocked here), so nothing asked for the early worker.
    The stop is observed in the page (terminate() wrapped by the init script): Playwright's own
    worker events can miss a worker that lives only a few milliseconds."""
    blank_page.route("**/javascripts/bundle.*.js", lambda route: route.abort())
    blank_page.goto(serve_site(demo / "site") + "?q=express", wait_until="load")
    blank_page.wait_for_function("window.__workersStopped.length > 0", timeout=10_000)
    assert blank_page.evaluate("window.__workersStarted") == 1
    assert blank_page.evaluate("window.Worker.toString().includes('__workersStarted')")
    stopped = blank_page.evaluate("window.__workersStopped")
    assert len(stopped) == 1 and "helpgen-search.js" in stopped[0]


def test_every_page_starts_its_worker_early_and_material_keeps_it(blank_page, demo, serve_site):
    blank_page.goto(serve_site(demo / "site"), wait_until="load")
    assert blank_page.evaluate("[window.__workersStarted, window.__workerBeforeMaterial]") == [1, True]
    assert blank_page.evaluate("window.Worker.toString().includes('__workersStarted')")
    search_for(blank_page, "express")
    expect(blank_page.locator(FIRST_RESULT).first.locator("h1")).to_have_text(
        "What are the delivery times and costs?", timeout=10_000)


def test_a_query_typed_while_the_page_loads_is_answered_when_material_starts(blank_page, demo, serve_site):
    """The visitor types before Material's page script has run (held back here until they are done):
    the worker, started in the page's head, ranks what was typed and fetches its articles meanwhile,
    and the answer, with its sections, appears once Material runs, without another key."""
    held = []
    blank_page.route("**/javascripts/bundle.*.js", lambda route: held.append(route))
    blank_page.goto(serve_site(demo / "site"), wait_until="commit")
    box = blank_page.locator("input.md-search__input")
    box.wait_for(state="visible", timeout=10_000)
    box.focus()
    with blank_page.expect_request(lambda request: "/search/helpgen/" in request.url and "/d/" in request.url,
                                   timeout=10_000):
        blank_page.keyboard.type("express delivery")
    assert held, "Material's page script is still held back: the worker fetched the articles on its own"
    for route in held:
        route.continue_()
    first = blank_page.locator(FIRST_RESULT).first
    expect(first.locator("h1")).to_have_text("What are the delivery times and costs?", timeout=10_000)
    expect(first.locator("a.md-search-result__link[href*='#express-delivery']")).to_be_attached(timeout=10_000)
    assert box.input_value() == "express delivery"


def test_nonsense_query_offers_the_contact_channels_with_their_status(page):
    search_for(page, "qwxzvbn")
    fallback = page.locator("[data-hg-search-fallback]")
    # The fallback for an earlier keystroke ("qwxzv") may still be on screen: wait for the whole query's.
    expect(fallback).to_contain_text("qwxzvbn", timeout=10_000)
    assert page.locator(FIRST_RESULT).count() == 0
    text = fallback.inner_text()
    assert "qwxzvbn" in text
    for name in ("Email", "Live chat", "Phone"):
        assert name in text
    assert "reply by" in text  # the live reply time, computed for the panel itself
    # The hours widget fills every channel's status; the fallback must show the same words.
    status = page.locator("[data-hg-contact] [data-hg-channel] .hg-channel__status").first
    expect(status).not_to_have_text("", timeout=10_000)
    page_status = status.inner_text().strip()
    assert page_status and page_status in fallback.inner_text()
    # Typing on replaces the fallback with results.
    search_for(page, "refund")
    page.locator(FIRST_RESULT).first.wait_for(timeout=10_000)
    expect(page.locator("[data-hg-search-fallback]")).to_have_count(0, timeout=10_000)


def test_chinese_query_finds_the_chinese_article(blank_page, demo, serve_site):
    """On a Chinese page the worker reads the Chinese index: the Chinese article, never an English one."""
    page = blank_page
    page.goto(serve_site(demo / "site") + "zh/", wait_until="domcontentloaded")
    search_for(page, "国际运输")
    first = page.locator(FIRST_RESULT).first
    expect(first.locator("h1")).to_have_text("国际运输需要多长时间？", timeout=10_000)
    locations = page.locator(f"{FIRST_RESULT} a").evaluate_all("links => links.map(a => a.pathname)")
    assert locations and all("/zh/" in path for path in locations)
    first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/zh/shipping/guoji-yunshu/"), timeout=10_000)


def test_the_english_page_does_not_find_the_chinese_article(page):
    search_for(page, "国际运输")
    expect(page.locator(".md-search-result__meta")).not_to_have_text("", timeout=10_000)
    titles = page.locator(f"{FIRST_RESULT} h1").all_inner_texts()
    assert "国际运输需要多长时间？" not in titles


def test_a_misspelt_query_still_finds_the_article(page):
    search_for(page, "pasword reset")
    first = page.locator(FIRST_RESULT).first
    expect(first.locator("h1")).to_have_text("How do I reset my password?", timeout=10_000)


def test_danish_query_finds_the_danish_article_and_says_so_in_danish(blank_page, demo, serve_site):
    page = blank_page
    page.goto(serve_site(demo / "site") + "da/", wait_until="domcontentloaded")
    search_for(page, "returnere vare")
    first = page.locator(FIRST_RESULT).first
    expect(first.locator("h1")).to_have_text("Hvordan returnerer jeg en vare?", timeout=10_000)
    search_for(page, "qwxzv")
    expect(page.locator("[data-hg-search-fallback] .hg-search-fallback__title")).to_have_text(
        "Ingen artikler matcher »qwxzv«. Spørg os i stedet:", timeout=10_000)


# --- plain Material on the same known-item set, for the comparison in docs/search.md -----------------------

PLAIN_MKDOCS_YML = """\
site_name: Plain Material
docs_dir: content
theme: {name: material, features: [search.suggest, search.highlight]}
plugins: [search]
"""

sys.path.insert(0, str(REPO / "bench"))
from search_ranking import MATERIAL_JS as MATERIAL_RANKS_JS  # noqa: E402  (Material's worker, ranking each query)


def test_plain_material_ranking_on_the_known_item_set(chromium, demo, serve_site, tmp_path, capsys):
    """Material's own worker and index (default settings) on the same content: its top-1 / top-3,
    counting articles only (Material also lists the category and home pages)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from helpgen.search import open_site_index

    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copytree(demo / "content" / "en", plain / "content")  # English: the other languages have indexes of their own
    queries = [case for case in QUERIES if not case.get("lang")]
    for markdown in (plain / "content").rglob("*.md"):  # no helpgen templates without helpgen
        text = markdown.read_text(encoding="utf-8")
        markdown.write_text(re.sub(r"(?m)^template: helpgen/.*\n", "", text), encoding="utf-8")
    (plain / "mkdocs.yml").write_text(PLAIN_MKDOCS_YML, encoding="utf-8")
    build(load_config(config_file=str(plain / "mkdocs.yml"), site_dir=str(plain / "site")))
    worker = next((plain / "site" / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    context = chromium.new_context()
    page = context.new_page()
    page.goto(serve_site(plain / "site"))
    material = page.evaluate(MATERIAL_RANKS_JS, [f"assets/javascripts/workers/{worker}", [c["query"] for c in queries]])
    context.close()

    helpgen = open_site_index(demo / "site")

    def rates(ranked: dict[str, list[str]]) -> tuple[float, float]:
        ranks = []
        for case in queries:
            articles = [loc for loc in ranked[case["query"]] if loc.count("/") == 2]  # "category/slug/"
            want = case["expect"].removesuffix(".md") + "/"
            ranks.append(articles.index(want) + 1 if want in articles else None)
        return (sum(r == 1 for r in ranks) / len(ranks), sum(r is not None and r <= 3 for r in ranks) / len(ranks))

    material_rates = rates(material)
    helpgen_rates = rates({c["query"]: [r.location for r in helpgen.search(c["query"])] for c in queries})
    with capsys.disabled():
        print(f"\nknown-item set ({len(queries)} queries): helpgen top-1 {helpgen_rates[0]:.0%} top-3 "
              f"{helpgen_rates[1]:.0%}; plain Material top-1 {material_rates[0]:.0%} top-3 {material_rates[1]:.0%}")
    assert helpgen_rates[0] >= material_rates[0] and helpgen_rates[1] >= material_rates[1]
