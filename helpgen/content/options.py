"""The team's own front matter, as mkdocs.yml declares it: `extra_keys` and `key_aliases`; and what it declares
about the help center it comes from (`previous_site`, `components`).

Teams arrive with keys of their own (`id`, `audience`) and with other generators' names for keys helpgen
has (`popular` for `promoted`, Jekyll's `nav_title`). Declared keys are kept and passed to templates
without a warning; an alias is read as the key it names. Both live in the helpgen plugin's options so
`helpgen check` (which reads mkdocs.yml itself) and the build agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import HelpgenError, Location, Problem

# Keys other generators use that mean something helpgen has. Not read unless declared in key_aliases
# (a team may use them otherwise); `helpgen check` names the helpgen key and `--fix` renames them.
# A word as loose as `popular` is renamed only when the team declares what it means (key_aliases).
FOREIGN_KEYS = {
    "nav_title": ("short_title", "Jekyll themes' short title"),
    "sidebar_label": ("short_title", "Docusaurus' sidebar title"),
    "linkTitle": ("short_title", "Hugo's short title"),
    "excluded_in_search": ("search.exclude", "a search exclusion flag"),
    "search_exclude": ("search.exclude", "a search exclusion flag"),
    "sub_category": ("section", "a section inside the category"),
    "subcategory": ("section", "a section inside the category"),
    "last_modified_at": ("updated", "the date it last changed"),
    "lastmod": ("updated", "Hugo's date it last changed"),
}


@dataclass(frozen=True)
class FrontMatterOptions:
    extra_keys: frozenset[str] = frozenset()
    key_aliases: dict[str, str] = field(default_factory=dict, hash=False)

    def __hash__(self) -> int:  # part of the check cache's key
        return hash((self.extra_keys, tuple(sorted(self.key_aliases.items()))))


DEFAULT_OPTIONS = FrontMatterOptions()


def alias_targets(known_keys: dict[str, str]) -> set[str]:
    """What an alias may name: a front matter key, or `search.exclude`."""
    return set(known_keys) | {"search.exclude"}


def front_matter_options(extra_keys: Any, key_aliases: Any, known_keys: dict[str, str],
                         config_file: str = "mkdocs.yml") -> FrontMatterOptions:
    """Validate the two plugin options; every problem is reported with the fix."""
    problems: list[Problem] = []
    where = Location(config_file)
    extras = extra_keys or []
    if not isinstance(extras, list) or not all(isinstance(k, str) for k in extras):
        problems.append(Problem(where, "helpgen plugin option extra_keys must be a list of key names",
                                "write e.g. `extra_keys: [id, audience]`"))
        extras = []
    aliases = key_aliases or {}
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
        problems.append(Problem(where, "helpgen plugin option key_aliases must map your key to helpgen's",
                                "write e.g. `key_aliases: {popular: promoted, nav_title: short_title}`"))
        aliases = {}
    targets = alias_targets(known_keys)
    for alias, target in sorted(aliases.items()):
        if target not in targets:
            problems.append(Problem(where, f'key_aliases: "{alias}" names "{target}", which is not a helpgen key',
                                    "name one of: " + ", ".join(sorted(targets))))
    for key in sorted(set(extras) & set(known_keys)):
        problems.append(Problem(where, f'extra_keys: "{key}" is already a helpgen key', "remove it from extra_keys"))
    if problems:
        raise HelpgenError(problems)
    return FrontMatterOptions(frozenset(extras), dict(sorted(aliases.items())))


# An MDX component (<PlanFeatureNote />) or a Hugo shortcode ({{< legacynotice >}}).
_COMPONENT = re.compile(r"[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*\Z|[a-z][a-z0-9_-]*\Z")


@dataclass(frozen=True)
class MigrationOptions:
    """What a team declares about the help center it arrives from (mkdocs.yml, under the helpgen plugin):
    `previous_site`, the address it was published at (links into it are this site's own; its old article
    URLs redirect), and `components`, the Markdown or HTML each MDX component or Hugo shortcode stands for."""

    previous_site: str = ""
    components: tuple[tuple[str, str], ...] = ()

    @property
    def component_map(self) -> dict[str, str]:
        return dict(self.components)


def migration_options(previous_site: Any, components: Any, config_file: str = "mkdocs.yml") -> MigrationOptions:
    from ..security.urls import UnsafeLink, WebURL, parse_link

    problems: list[Problem] = []
    where = Location(config_file)
    site = ""
    if previous_site:
        try:
            link = parse_link(str(previous_site), site=False) if isinstance(previous_site, str) else None
            site = link.url if isinstance(link, WebURL) else ""
            if not site:
                raise UnsafeLink("it is not a text")
        except UnsafeLink as exc:
            problems.append(Problem(where, f"helpgen plugin option previous_site: {exc.reason}",
                                    "write the old help center's address, e.g. `previous_site: https://support.acme.example`"))
    mapping = components or {}
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        problems.append(Problem(where, "helpgen plugin option components must map a component's name to Markdown or HTML",
                                'write e.g. `components: {Optional: "*(optional)*", PlanFeatureNote: ""}`'))
        mapping = {}
    for name in sorted(str(n) for n in mapping if not _COMPONENT.match(str(n))):
        problems.append(Problem(where, f'components: "{name}" is neither an MDX component\'s nor a Hugo shortcode\'s name',
                                "components are named Tabs or PlanFeatureNote; shortcodes legacynotice or docker-version"))
    if problems:
        raise HelpgenError(problems)
    return MigrationOptions(site, tuple(sorted((str(k), v) for k, v in mapping.items())))
