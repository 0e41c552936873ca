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
