"""Where the theme overrides live: inside the installed package, or at the repository root in development."""
from __future__ import annotations

from pathlib import Path

THEME_NAME = "helpcenter"


def theme_dir() -> Path:
    package = Path(__file__).parent.parent
    packaged = package / "themes" / THEME_NAME
    if packaged.is_dir():
        return packaged
    # An editable install runs from the checkout, where themes/ sits beside the package.
    return package.parent / "themes" / THEME_NAME


SCRIPTS = "assets/javascripts/"


def published_theme_files(paths) -> frozenset[str]:
    """The theme's files as the site publishes them: the search worker's parts as one script."""
    from ..search.worker_script import SCRIPT, part_paths

    return frozenset(set(paths) - {SCRIPTS + part for part in part_paths()} | {SCRIPTS + SCRIPT})
