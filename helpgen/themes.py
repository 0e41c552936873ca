"""Where the theme overrides live: inside the installed package, or at the repository root in development."""
from __future__ import annotations

from pathlib import Path

THEME_NAME = "helpcenter"


def theme_dir() -> Path:
    packaged = Path(__file__).parent / "themes" / THEME_NAME
    if packaged.is_dir():
        return packaged
    # An editable install runs from the checkout, where themes/ sits beside the package.
    return Path(__file__).parent.parent / "themes" / THEME_NAME
