"""Screenshots of the demo help center from a real build, at a phone's and a laptop's size.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--at 2026-12-24T11:00+01:00]

Builds the demo (content/, support.yml, mkdocs.yml) into a temporary folder, serves it on loopback and
photographs the first screen of the home, an article, the contact page, a search with no results and
the 404 page with Debian's Chromium, the clock set to --at (the statuses are live) and the visitor in
Copenhagen. PNGs are written as <page>-<width>.png. Install Debian's fonts-noto-cjk first, or Chinese
text shows as boxes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.conftest import _QuietHandler as StaticHost  # noqa: E402 - serves 404.html as static hosts do
CHROMIUM = "/usr/bin/chromium"
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
PAGES = {
    "home": "",
    "article": "returns/how-do-i-return-an-item/",
    "article-chinese": "zh/shipping/guoji-yunshu/",
    "article-danish": "da/returns/hvordan-returnerer-jeg-en-vare/",
    "contact": "contact/",
    "no-results": "?q=xyzzy",
    "404": "no/such/page/",
}


def build_demo(root: Path) -> Path:
    from helpgen.mkdocs.commands import build_site

    for name in ("mkdocs.yml", "support.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--at", default="2026-11-30T10:30+01:00", help="the page clock, ISO-8601")
    parser.add_argument("--site", type=Path, help="photograph this built site instead of building the demo")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_demo(Path(tmp))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              timezone_id="Europe/Copenhagen", locale="en-GB")
                for name, path in PAGES.items():
                    page = context.new_page()
                    page.clock.install(time=dt.datetime.fromisoformat(args.at))
                    page.goto(base + path, wait_until="load")
                    page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered", timeout=10_000)
                    if name == "no-results":
                        page.locator("[data-hg-search-fallback]").wait_for(timeout=10_000)
                    page.wait_for_timeout(200)
                    target = args.out / f"{name}-{size}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
                    page.close()
                context.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
