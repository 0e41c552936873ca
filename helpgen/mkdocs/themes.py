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


def use_search_worker(files, config) -> None:
    """The site's search worker is one file joined from the theme's parts (search/worker_script.py):
    the parts leave the site's files, the joined script takes its place."""
    from mkdocs.structure.files import File

    from ..search import worker_script
    from ..search.worker_script import SCRIPT, part_paths

    for path in (*part_paths(), SCRIPT):
        file = files.get_file_from_path(SCRIPTS + path)
        if file is not None:
            files.remove(file)
    files.append(File.generated(config, SCRIPTS + SCRIPT, content=worker_script(theme_dir() / SCRIPTS)))
