"""Pagefind on a built site, as its documentation sets it up: for bench/search_speed.py's comparison.

`index_site` runs Pagefind (pip `pagefind[extended]`, whose binary segments Chinese) over the site's
article pages, their <article> element only (navigation and footers left out, as helpgen's index
leaves them out), into a bundle folder of its own; `write_search_page` writes the page visitors
search on: Pagefind's Default UI and nothing else (its recommended set-up, and the lightest page a
site could give it: its DOMContentLoaded comes before any Material page's).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search</title>
<link href="/{bundle}/pagefind-ui.css" rel="stylesheet">
<script src="/{bundle}/pagefind-ui.js"></script>
</head>
<body>
<main><div id="search"></div></main>
<script>
window.addEventListener("DOMContentLoaded", () => {{
  new PagefindUI({{element: "#search", bundlePath: "/{bundle}/", showSubResults: true}});
}});
</script>
</body>
</html>
"""
BOX = ".pagefind-ui__search-input"
RESULTS = ".pagefind-ui__results-area"


def index_site(site: Path, bundle: str, language: str | None = None, python: str = sys.executable) -> None:
    """Index `site`'s article pages (<category>/<slug>/index.html) into site/<bundle>/; `language`
    forces one language for every page (Pagefind otherwise reads each page's <html lang>)."""
    command = [python, "-m", "pagefind", "--site", str(site), "--output-subdir", bundle, "--root-selector",
               "article", "--glob", "*/*/index.html", "--silent"]
    if language:
        command += ["--force-language", language]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"pagefind failed on {site}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def write_search_page(site: Path, bundle: str, lang: str = "en") -> str:
    """The page searching the bundle; returns its path below the site."""
    name = f"{bundle}-search.html"
    (Path(site) / name).write_text(PAGE.format(bundle=bundle, lang=lang), encoding="utf-8")
    return name
