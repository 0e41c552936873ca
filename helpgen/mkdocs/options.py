"""The `helpgen` plugin's options in mkdocs.yml (each documented where it is declared, as MkDocs' own
config schema is), and the counter of warnings a strict build fails on."""
from __future__ import annotations

import logging

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from ..checks.limits import Limits
from ..content.articles import FRONT_MATTER_KEYS
from ..content.options import FrontMatterOptions, MigrationOptions, front_matter_options, migration_options


class HelpgenConfig(Config):
    support = opt.Type(str, default="support.yml")
    """Path of the support config, relative to mkdocs.yml."""
    navigation = opt.Choice(("categories", "mkdocs"), default="categories")
    """`categories`: home, category pages and contact in the sidebar (size stays flat as the help
    center grows). `mkdocs`: keep the `nav` from mkdocs.yml or MkDocs' default."""
    safe_output = opt.Type(bool, default=True)
    """Build into a fresh folder and swap it in on success, refusing folders helpgen did not make."""
    strings = opt.Type(str, default="strings.yml")
    """A file of the site's own wording for any of helpgen's texts, per language (optional)."""
    languages = opt.Optional(opt.Type(list))
    """The site's languages as BCP 47 codes, the default first: `[en, da, zh]`. Content then lives in
    `content/<code>/…`; the default is served at the site root, the others under `/<code>/`."""
    embed_domains = opt.ListOfItems(opt.Type(str), default=[])
    """https domains articles may embed in <iframe> (e.g. www.youtube.com); none by default."""
    max_article_kb = opt.Type(int, default=Limits.max_article_kb)
    """Articles larger than this are refused (a 50 MB article would take a minute and a gigabyte)."""
    max_headings = opt.Type(int, default=Limits.max_headings)
    """Articles with more headings than this are refused."""
    extra_keys = opt.ListOfItems(opt.Type(str), default=[])
    """The team's own front matter keys: kept, passed to templates, never warned about."""
    key_aliases = opt.DictOfItems(opt.Type(str), default={})
    """Your key -> helpgen's, e.g. {popular: promoted, nav_title: short_title}."""
    previous_site = opt.Type(str, default="")
    """The address the help center was published at before (https://support.acme.example): links into it are
    this site's own, and its old article URLs get `_redirects` rules."""
    components = opt.DictOfItems(opt.Type(str), default={})
    """MDX components -> the Markdown or HTML `helpgen check --fix` writes for them ("" removes one)."""
    drafts = opt.Type(bool, default=False)
    """Build `draft: true` articles too (`helpgen build --drafts` sets it)."""
    host_files = opt.ListOfItems(opt.Type(str), default=[])
    """Files of the project (paths from mkdocs.yml) published at the site's root as the web host's own
    configuration, e.g. `[_headers, CNAME]`; a listed `_redirects` comes before helpgen's rules. Content
    files may never configure the host."""
    synonyms = opt.Optional(opt.Type(str))
    """Path of the synonyms file, relative to mkdocs.yml (default: synonyms.yml, when there is one)."""
    generator = opt.Type(bool, default=True)
    """`false` drops Material's "Made with Material for MkDocs" line from every page's footer."""


class WarningCounter(logging.Handler):
    """Counts the warnings logged during a build: a strict build fails on any."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def team_options(options: HelpgenConfig, config_name: str) -> tuple[FrontMatterOptions, MigrationOptions]:
    """The team's own front matter (extra_keys, key_aliases) and what it says of the help center it comes
    from (previous_site, components), validated as `helpgen check` validates them."""
    return (front_matter_options(options.extra_keys, options.key_aliases, FRONT_MATTER_KEYS, config_name),
            migration_options(options.previous_site, options.components, config_name))
