"""`helpgen check --insights`: the project's built site, asked the searches visitors could not answer,
and its articles' votes held against a threshold (replay.py). Paths in findings are as the writer
types them from here (content/returns/x.md), like every other check finding."""
from __future__ import annotations

import json
from pathlib import Path

from ..checks import shown_path
from ..checks.project import SiteSettings
from ..migrate.moves import manifest_pages
from ..errors import HelpgenError, Location, Problem
from .replay import TOP, load_insights, replay, unhelpful


def check_insights(source: str, settings: SiteSettings, top: int = TOP, min_helpful: float = 0.5) -> list[Problem]:
    """`settings`: the project's mkdocs.yml as read by checks.project (its site_dir is the built site)."""
    insights = load_insights(source, top)
    prefixes = {lang.code: lang.url_prefix for lang in settings.site_languages()}
    findings = replay(insights, settings.site_dir, prefixes)
    if min_helpful > 0:
        findings += unhelpful(insights, published_files(settings.site_dir, settings.docs_dir), min_helpful)
    return findings


def published_files(site_dir: Path, docs_dir: Path) -> dict[str, str]:
    """An article's path on the site ("/returns/x/") -> its file ("content/returns/x.md"), from the
    URL manifest every build writes (site/.helpgen/urls.json), read as --fix reads the previous one."""
    manifest = Path(site_dir) / ".helpgen" / "urls.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise HelpgenError.at(Location(str(manifest)), "no URL manifest in the built site",
                              "build the help center first: helpgen build") from None
    shown = shown_path(docs_dir)
    return {"/" + url: f"{shown}/{page['src']}" if shown else page["src"]
            for url, page in manifest_pages(data, str(manifest)).items() if page["src"]}
