"""Where a project's content lives, read from mkdocs.yml without importing MkDocs.

The engine must run where MkDocs is not the site engine any more, so it reads only the few settings
it needs: docs_dir, the helpgen plugin's `support` option, use_directory_urls, exclude_docs and the
toc extension's slug settings. MkDocs configs use tags PyYAML's safe loader rejects (`!ENV`,
`!!python/name:`); a tolerant loader keeps their meaning where it matters and ignores the rest.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable

import yaml

from ..content.headings import heading_slug as default_slugify
from ..content.articles import FRONT_MATTER_KEYS
from ..content.options import DEFAULT_OPTIONS, FrontMatterOptions, MigrationOptions, front_matter_options, migration_options
from ..errors import HelpgenError, Location
from ..search.synonym_file import DEFAULT_FILE as SYNONYMS_FILE, SynonymSource
from .limits import Limits

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class PythonTag:
    """`!!python/name:pkg.func` or `!!python/object/apply:pkg.func {kwds: …}` as written in mkdocs.yml."""

    kind: str
    name: str
    kwds: dict[str, Any] = field(default_factory=dict)


class _TolerantLoader(yaml.SafeLoader):
    pass


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # `!ENV NAME` or `!ENV [NAME, OTHER, default]`, as pyyaml_env_tag reads it for MkDocs.
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else \
        [loader.construct_object(n, deep=True) for n in node.value]
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if isinstance(name, str) and os.environ.get(name) is not None:
            return yaml.safe_load(os.environ[name])
    return default


def _python_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> PythonTag:
    kind, _, name = suffix.partition(":")
    kwds = {}
    if isinstance(node, yaml.MappingNode):
        kwds = loader.construct_mapping(node, deep=True).get("kwds") or {}
    return PythonTag(kind, name, kwds)


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_TolerantLoader.add_constructor("!ENV", _env_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
_TolerantLoader.add_multi_constructor("!", _unknown_tag)


@dataclass(frozen=True)
class ThemeFacts:
    """What the site engine knows of the theme (helpgen/mkdocs/site_facts.py): the static files it
    publishes, the templates a page may name, and the files mkdocs.yml names as the owner's code."""

    static_files: frozenset[str] = frozenset()
    owner_files: frozenset[str] = frozenset()
    templates: frozenset[str] | None = None  # None: not known, `template:` is not checked


@dataclass(frozen=True)
class SiteSettings:
    config_file: Path
    project_dir: Path
    docs_dir: Path
    support_file: str  # relative to project_dir, as the plugin option spells it
    use_directory_urls: bool = True
    exclude_docs: str = ""
    slugify: Slugify = default_slugify
    separator: str = "-"
    markdown_extensions: tuple[str, ...] = ()
    markdown_configs: dict[str, dict] = field(default_factory=dict)
    embed_domains: tuple[str, ...] = ()
    limits: Limits = Limits()
    front_matter: FrontMatterOptions = DEFAULT_OPTIONS
    site_url: str = ""
    languages: Any = None  # the plugin's `languages` option as written (None: one language)
    migration: MigrationOptions = MigrationOptions()
    theme_language: str = "en"
    host_files: tuple[str, ...] = ()
    strings_file: str = "strings.yml"
    site_dir: Path | None = None  # where `helpgen build` writes the site (`helpgen notice` edits it there)
    synonyms_file: str = ""  # the plugin's `synonyms` option ("": synonyms.yml when there is one)

    def site_languages(self):
        """The help center's languages, as the plugin's `languages` option (or theme.language) says."""
        from ..content.languages import site_languages

        return site_languages(self.languages, self.theme_language, Location(str(self.config_file)))

    def synonyms(self, shown_dir: str = "") -> SynonymSource:
        """synonyms.yml's place: the `synonyms` option's (then it must exist), else beside mkdocs.yml;
        `shown_dir` is the project folder as messages spell it."""
        name = self.synonyms_file or SYNONYMS_FILE
        return SynonymSource(self.project_dir / name, f"{shown_dir}/{name}" if shown_dir else name,
                             required=bool(self.synonyms_file))


def read_site_settings(config_file: Path) -> SiteSettings:
    """Read what the checks need from mkdocs.yml. Raises HelpgenError if it is missing or not YAML."""
    data = _load_config(config_file)
    project_dir = config_file.resolve().parent
    docs = data.get("docs_dir") or "docs"
    slugify, separator = _toc_settings(data.get("markdown_extensions"))
    extensions, configs = _markdown_extensions(data.get("markdown_extensions"))
    options = _plugin_options(data.get("plugins"), "helpgen")
    embed = options.get("embed_domains")
    front_matter = front_matter_options(options.get("extra_keys"), options.get("key_aliases"),
                                        FRONT_MATTER_KEYS, str(config_file))
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    return SiteSettings(
        config_file=config_file,
        project_dir=project_dir,
        docs_dir=(project_dir / str(docs)).resolve(),
        support_file=str(options.get("support") or "support.yml"),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        exclude_docs=str(data.get("exclude_docs") or ""),
        slugify=slugify,
        separator=separator,
        markdown_extensions=extensions,
        markdown_configs=configs,
        embed_domains=tuple(str(d) for d in embed) if isinstance(embed, list) else (),
        limits=Limits(**{name: value for name in ("max_article_kb", "max_headings")
                         if isinstance(value := options.get(name), int) and value > 0}),
        front_matter=front_matter,
        site_url=str(data.get("site_url") or ""),
        languages=options.get("languages"),
        migration=migration_options(options.get("previous_site"), options.get("components"), str(config_file)),
        theme_language=str(theme.get("language") or "en"),
        host_files=tuple(f for f in (options.get("host_files") if isinstance(options.get("host_files"), list) else ())
                         if isinstance(f, str)),
        strings_file=str(options.get("strings") or "strings.yml"),
        site_dir=(project_dir / str(data.get("site_dir") or "site")).resolve(),
        synonyms_file=str(options.get("synonyms") or ""),
    )


def project_languages(config_file: Path):
    """The languages of the project whose mkdocs.yml this is (one language when there is none)."""
    from ..content.languages import single_language

    if not Path(config_file).is_file():
        return single_language(None)
    return read_site_settings(Path(config_file)).site_languages()


def _load_config(config_file: Path, depth: int = 0) -> dict[str, Any]:
    if not config_file.is_file():
        raise HelpgenError.at(Location(str(config_file)), "no site config here",
                              "run helpgen in a project folder, or pass --config-file")
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = Location(str(config_file), mark.line + 1, mark.column + 1) if mark else Location(str(config_file))
        raise HelpgenError.at(where, f"invalid YAML: {exc.problem}", "check the indentation and quoting") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise HelpgenError.at(Location(str(config_file)), f"cannot read the site config: {exc}") from None
    if not isinstance(data, dict):
        raise HelpgenError.at(Location(str(config_file), 1), "the site config must be a mapping of settings")
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and depth < 10:
        # MkDocs merges the inherited file under this one; the keys we read are top-level or plugins.
        base = _load_config(config_file.parent / parent, depth + 1)
        return {**base, **data}
    return data


def _plugin_options(plugins: Any, name: str) -> dict[str, Any]:
    """Options of one plugin, whether `plugins:` is a list (`- helpgen: {…}`) or a mapping."""
    entries = plugins.items() if isinstance(plugins, dict) else \
        ((next(iter(p.items())) if isinstance(p, dict) and p else (p, None)) for p in plugins or ())
    for key, options in entries:
        if key == name:
            return options if isinstance(options, dict) else {}
    return {}


def _markdown_extensions(extensions: Any) -> tuple[tuple[str, ...], dict[str, dict]]:
    """`markdown_extensions` as Python-Markdown takes them; `!!python/name:` values are imported, and an
    option that cannot be is left out (the build reports it)."""
    entries = extensions.items() if isinstance(extensions, dict) else \
        ((next(iter(e.items())) if isinstance(e, dict) and e else (e, None)) for e in extensions or ())
    names: list[str] = []
    configs: dict[str, dict] = {}
    for name, options in entries:
        if not isinstance(name, str):
            continue
        names.append(name)
        if isinstance(options, dict):
            resolved = {key: _resolve(value) for key, value in options.items()}
            configs[name] = {key: value for key, value in resolved.items() if value is not _UNRESOLVED}
    return tuple(names), configs


_UNRESOLVED = object()


def _resolve(value: Any) -> Any:
    if not isinstance(value, PythonTag):
        return value
    try:
        module, _, attr = value.name.rpartition(".")
        function = getattr(importlib.import_module(module), attr)
        return function(**value.kwds) if value.kind.startswith("object/apply") else function
    except (ImportError, AttributeError, TypeError, ValueError):
        return _UNRESOLVED


def _toc_settings(extensions: Any) -> tuple[Slugify, str]:
    options = _plugin_options(extensions, "toc") or _plugin_options(extensions, "markdown.extensions.toc")
    separator = str(options.get("separator", "-"))
    configured = _resolve(options.get("slugify"))
    if callable(configured):
        return configured, separator
    return default_slugify, separator


def list_sources(docs_dir: Path, exclude_docs: str = "") -> list[str]:
    """Every file MkDocs would take from docs_dir, as forward-slash paths, sorted.

    Same default exclusions as MkDocs (dot-files and a top-level templates/ folder), plus exclude_docs."""
    patterns = [".*", "/templates/"] + [line for line in exclude_docs.splitlines() if line.strip()]
    spec = _gitignore_spec(patterns)
    found: list[str] = []
    for root, dirs, files in os.walk(docs_dir, followlinks=True):
        rel_root = PurePosixPath(Path(root).relative_to(docs_dir).as_posix())
        dirs[:] = sorted(d for d in dirs if not spec(f"{(rel_root / d).as_posix()}/"))
        for name in sorted(files):
            src = (rel_root / name).as_posix()
            if not spec(src):
                found.append(src)
    return sorted(found)


def _gitignore_spec(patterns: list[str]) -> Callable[[str], bool]:
    try:
        import pathspec  # installed with MkDocs; MkDocs uses it for exactly these patterns
    except ImportError:  # pragma: no cover - only the defaults then
        return lambda path: any(part.startswith(".") for part in path.split("/")) or path.startswith("templates/")
    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    return spec.match_file


def is_markdown(src: str) -> bool:
    return src.lower().endswith(MARKDOWN_SUFFIXES)
