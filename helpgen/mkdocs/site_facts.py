"""What only MkDocs can say about a site, handed to the engine's checks: the theme's static files (which
no content may replace), the templates a page may name, and the files mkdocs.yml itself names as the
site owner's code (`extra_css`, `extra_javascript`). The build gives these to the checks from its own
config; `helpgen check` loads the config the same way, so both refuse the same things."""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from ..checks.project import ThemeFacts
from .themes import published_theme_files, theme_dir


def theme_facts(config) -> ThemeFacts:
    """The facts of a loaded MkDocs config whose theme has helpgen's overrides in its folders."""
    theme = config.theme
    if str(theme_dir()) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir()))
    env = theme.get_env()
    static = Files([])
    static.add_files_from_theme(env, config)  # exactly what MkDocs copies from the theme when nothing hides it
    templates = frozenset(env.list_templates(filter_func=lambda name: name.endswith((".html", ".xml"))))
    return ThemeFacts(published_theme_files(f.src_uri for f in static), owner_files(config), templates)


def owner_files(config) -> frozenset[str]:
    """extra_css and extra_javascript entries that are files of the content folder (not URLs)."""
    names = []
    for entry in list(config.extra_css) + list(config.extra_javascript):
        path = str(getattr(entry, "path", entry))
        if "://" not in path and not path.startswith("//"):
            names.append(Path(path).as_posix().lstrip("/"))
    return frozenset(names)


def load_theme_facts(config_file: Path) -> ThemeFacts:
    """`helpgen check`: the same facts as the build's, from the site's config file."""
    from .commands import load_site_config

    return theme_facts(load_site_config(Path(config_file)))
