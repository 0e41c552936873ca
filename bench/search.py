"""How fast does a visitor get a first search result? (issue "instant search")

    python bench/search.py SITE_DIR --query WORD [--runs 3]

Serves SITE_DIR with http.server on localhost (no compression, no cache: a fresh browser context per
run), opens the home page in Debian's Chromium through Playwright, clicks Material's search box,
types WORD and records, in the page, `performance.now()` when a `.md-search-result__item` is first
inserted after the last key is released (earlier keystrokes' answers do not count);
`performance.now()` counts from `performance.timeOrigin` (navigation start), so the figure includes
loading the page, downloading the index and whatever the search needs to build.
The server counts the bytes it sends for every URL containing "search" (index, worker, extras).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SEARCH_INPUT = "input.md-search__input"
SEARCH_ICON = "label.md-search__icon"
FIRST_RESULT = ".md-search-result__item"

# Runs before any page script: note the moment the first result item enters the DOM, every later
# moment result items are (re)inserted (Material redraws the list for each answer), and the last key
# released in the search box (Material sends a query on keyup).
RECORD_FIRST_RESULT_JS = """
window.__firstResultAt = null;
window.__resultsAt = [];
window.__lastKeyAt = null;
new MutationObserver(mutations => {
  const added = mutations.some(m => Array.from(m.addedNodes).some(n =>
    n.nodeType === 1 && (n.matches('.md-search-result__item') || n.querySelector('.md-search-result__item'))));
  if (!added) return;
  const now = performance.now();
  if (window.__firstResultAt === null) window.__firstResultAt = now;
  window.__resultsAt.push(now);
}).observe(document, {childList: true, subtree: true});
document.addEventListener('keyup', () => { window.__lastKeyAt = performance.now(); }, true);
"""
# The first result shown after the last key: the answer to the whole query, not to a keystroke before.
RESULT_AFTER_LAST_KEY_JS = "window.__resultsAt.find(t => t > window.__lastKeyAt) ?? null"


class CountingHandler(SimpleHTTPRequestHandler):
    """Static files, quietly, recording (path, bytes sent) on the server object."""

    def copyfile(self, source, outputfile):
        self.server.sent.append((self.path, os.fstat(source.fileno()).st_size))
        super().copyfile(source, outputfile)

    def log_message(self, format, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    """A browser context closed with requests still open (helpgen's worker fetches the articles' sections
    after the first results are shown) is not an error worth a traceback."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve_directory(site_dir: Path):
    """Yield (base_url, server) for a localhost server on a free port; stopped on exit."""
    server = QuietServer(("127.0.0.1", 0), partial(CountingHandler, directory=str(site_dir)))
    server.sent = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server
    finally:
        server.shutdown()
        server.server_close()


def open_search_box(page) -> None:
    search_input = page.locator(SEARCH_INPUT)
    if search_input.is_visible():
        search_input.click()
    else:  # narrow layouts hide the input behind the magnifier icon
        page.locator(SEARCH_ICON).first.click()


def time_one_search(browser, base_url: str, server, query: str, timeout_s: float) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.add_init_script(RECORD_FIRST_RESULT_JS)
        server.sent.clear()
        page.goto(base_url + "/", wait_until="domcontentloaded", timeout=timeout_s * 1000)
        open_search_box(page)
        page.keyboard.type(query)
        if not query.isascii():
            # Playwright types characters no key makes (Chinese) as text input, without key events; Material
            # searches on keyup: one key release, as an input method's last key gives.
            page.keyboard.press("End")
        page.wait_for_function(f"({RESULT_AFTER_LAST_KEY_JS}) !== null", timeout=timeout_s * 1000)
        typed_at_ms = page.evaluate("window.__lastKeyAt")
        first_result_ms = page.evaluate(RESULT_AFTER_LAST_KEY_JS)
        meta = page.locator(".md-search-result__meta").first.inner_text()
        sent = list(server.sent)
    finally:
        context.close()
    return {
        "first_result_s": round(first_result_ms / 1000, 3),
        "typed_at_s": round(typed_at_ms / 1000, 3),
        "result_meta": meta.strip(),
        "search_bytes": sum(size for path, size in sent if "search" in path),
        "search_files": sorted({path for path, _ in sent if "search" in path}),
        "page_load_bytes": sum(size for _, size in sent),
    }


def measure_search(site_dir: Path, query: str, runs: int = 1, timeout_s: float = 120) -> dict:
    """Median first-result time over `runs` fresh browser contexts, plus the search bytes sent."""
    from playwright.sync_api import sync_playwright

    with serve_directory(Path(site_dir)) as (base_url, server), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            samples = [time_one_search(browser, base_url, server, query, timeout_s) for _ in range(runs)]
        finally:
            browser.close()
    times = [sample["first_result_s"] for sample in samples]
    return {"query": query, "runs": runs, "first_result_s": statistics.median(times),
            "first_result_all_s": times, "search_bytes": samples[-1]["search_bytes"],
            "search_files": samples[-1]["search_files"], "page_load_bytes": samples[-1]["page_load_bytes"],
            "result_meta": samples[-1]["result_meta"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site (folder with index.html)")
    parser.add_argument("--query", required=True, help="a word that must match, e.g. a title word")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for a result")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        sys.exit(f"error: {args.site_dir}/index.html not found; build the site first")
    result = measure_search(args.site_dir, args.query, args.runs, args.timeout)
    print(json.dumps(result, indent=2))
    print(f"first result after {result['first_result_s']:.2f} s (median of {args.runs}); "
          f"search assets {result['search_bytes'] / 1e6:.2f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
