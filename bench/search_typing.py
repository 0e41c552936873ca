"""A visitor types a query as soon as the search box exists: when is the complete answer on screen?

The issue's measurement, for helpgen and for Pagefind alike (bench/search_speed.py runs it):
- open the page, and the moment the search box can be typed into (visible: Material shows its box once
  its page script runs, helpgen with the page; not when the page has loaded), click it and type the
  query, one key at a time (Playwright), ending with a key release;
- in the page, a MutationObserver installed before any script notes each change of the results area
  (helpgen: Material's result list; Pagefind: its UI's results), and listeners the last input event and
  the last key released;
- the complete answer is the last change of the results area after the query's text was complete (its
  last input event: a Chinese word arrives whole, and may be answered before its last key is up), once
  nothing has changed for QUIET_MS and no request is pending: helpgen's results with their sections,
  Pagefind's with their excerpts. Times are ms since navigation start (performance.timeOrigin).
Also returned: DOMContentLoaded of the page, and the paths and bytes sent of the requests whose URL
`counts(url)` (search files).
"""
from __future__ import annotations

import time
from urllib.parse import urlsplit

QUIET_MS = 800

RECORD_JS = """
window.__typing = {changes: [], lastKey: null, lastInput: null};
const RESULTS = %s;
new MutationObserver(mutations => {
  if (mutations.some(m => {
    const node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
    return node && node.closest && node.closest(RESULTS);
  })) window.__typing.changes.push(performance.now());
}).observe(document, {childList: true, subtree: true, characterData: true});
document.addEventListener('keyup', () => { window.__typing.lastKey = performance.now(); }, true);
document.addEventListener('input', () => { window.__typing.lastInput = performance.now(); }, true);
"""

COMPLETE_JS = "(() => { const t = window.__typing; const after = t.changes.filter(x => x > t.lastInput); " \
              "return after.length ? after[after.length - 1] : null; })()"


class Pending:
    """Requests in flight, and the bytes of those `counts` says are search files."""

    def __init__(self, page, counts):
        self.open, self.bytes, self.files = set(), 0, []
        self.counts = counts
        page.on("request", lambda request: self.open.add(request))
        page.on("requestfinished", self._finished)
        page.on("requestfailed", lambda request: self.open.discard(request))

    def _finished(self, request) -> None:
        self.open.discard(request)
        if self.counts(request.url):
            sizes = request.sizes()
            self.bytes += sizes["responseBodySize"]
            self.files.append(urlsplit(request.url).path)


def time_typing(browser, url: str, box: str, results: str, query: str, counts, timeout_s: float = 60) -> dict:
    """Type `query` into `box` as soon as it exists on `url`; the complete answer in `results`."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.add_init_script(RECORD_JS % repr(results))
        pending = Pending(page, counts)
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_selector(box, state="visible", timeout=timeout_s * 1000)
        page.evaluate("window.__typing.boxAt = performance.now()")
        page.click(box)
        if query.isascii():
            page.keyboard.type(query)
        else:  # an input method's words arrive as text, then its last key is released
            page.keyboard.insert_text(query)
            page.keyboard.press("End")
        deadline = time.monotonic() + timeout_s
        last, quiet_since = None, time.monotonic()
        while time.monotonic() < deadline:
            complete = page.evaluate(COMPLETE_JS)
            if complete != last:
                last, quiet_since = complete, time.monotonic()
            elif last is not None and not pending.open and time.monotonic() - quiet_since > QUIET_MS / 1000:
                break
            page.wait_for_timeout(50)
        if last is None:
            raise RuntimeError(f"no answer to {query!r} on {url} within {timeout_s} s")
        loaded = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        typed = page.evaluate("window.__typing.lastInput")
        visible = page.evaluate("window.__typing.boxAt")
        return {"complete_ms": round(last), "typed_ms": round(typed), "box_ms": round(visible or 0),
                "dom_content_loaded_ms": round(loaded),
                "search_bytes": pending.bytes, "search_files": pending.files}
    finally:
        context.close()
