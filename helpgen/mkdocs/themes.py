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


def use_search_worker(files, config) -> None:
    """The site's search worker is one file joined from the theme's parts (search/worker_script.py):
    the parts leave the site's files, the joined script takes its place."""
    from mkdocs.structure.files import File

    from ..search import worker_script
    from ..search.worker_script import SCRIPT, part_paths

    scripts = "assets/javascripts/"
    for path in (*part_paths(), SCRIPT):
        file = files.get_file_from_path(scripts + path)
        if file is not None:
            files.remove(file)
    files.append(File.generated(config, scripts + SCRIPT, content=worker_script(theme_dir() / "assets" / "javascripts")))
