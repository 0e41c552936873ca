"""`helpgen insights …`: the collector, the report, synonym suggestions and retention, each a few
lines over the library (server.py, report.py, suggest.py, store.py)."""
from __future__ import annotations

from pathlib import Path

import click

from .periods import parse_age

DB_OPTION = click.option("--db", "db_url", metavar="URL", default="sqlite:///insights.db", show_default=True,
                         help="The events database: sqlite:///FILE or postgresql://USER@HOST/DB.")


def needs_extra(module: str, what: str) -> None:
    """Stop with the install command when an optional dependency of helpgen[insights] is missing."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise click.ClickException(f"{what} needs {module}, which is not installed: pip install 'helpgen[insights]'")


class Age(click.ParamType):
    name = "AGE"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return parse_age(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class Origin(click.ParamType):
    name = "ORIGIN"

    def convert(self, value, param, ctx):
        from .collector import parse_origin

        try:
            return parse_origin(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.group()
def insights() -> None:
    """Learn what visitors could not find: collect the site's events, report on them."""


@insights.command()
@DB_OPTION
@click.option("--origin", "origins", type=Origin(), multiple=True, required=True,
              help="The help center's origin, e.g. https://help.acme.example (repeat for several). "
                   "Events from pages elsewhere are refused.")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8787, show_default=True,
              help="The port to listen on (0: any free port, announced when listening).")
@click.option("--rate", "per_minute", type=click.IntRange(1, 1_000_000), default=60, show_default=True,
              help="Events one client address may send a minute.")
@click.option("--max-body", type=click.IntRange(256, 65536), default=4096, show_default=True,
              help="The largest request body taken, in bytes.")
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True, metavar="IPS",
              help="Reverse proxies whose X-Forwarded-For names the client (comma-separated, or *).")
def serve(db_url: str, origins: tuple[str, ...], host: str, port: int, per_minute: int, max_body: int,
          forwarded_allow_ips: str) -> None:
    """Run the event collector: POST /events from the help center's pages, GET /health."""
    for module in ("starlette", "uvicorn"):
        needs_extra(module, "helpgen insights serve")
    from .collector import CollectorSettings
    from .server import serve as run

    run(db_url, CollectorSettings(tuple(dict.fromkeys(origins)), max_body, per_minute), host, port,
        forwarded_allow_ips, announce=lambda line: click.echo(line, err=True))


@insights.command()
@DB_OPTION
@click.option("--since", type=Age(), default="30d", show_default=True, help="How far back: 30d, 12w, 6m, 1y.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True, help="text for a terminal, json for tools and `check --insights`, html for people.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of the terminal.")
@click.option("--lang", default="en", show_default=True, metavar="CODE", help="The report's language: en, da, zh, zh-TW.")
@click.option("-n", "--limit", type=click.IntRange(1, 1000), default=50, show_default=True,
              help="Rows per section.")
def report(db_url: str, since: int, output_format: str, output: Path | None, lang: str, limit: int) -> None:
    """What visitors searched and did not find, which articles helped, where they asked for a person."""
    from .render import render_report
    from .report import build_report
    from .store import now, open_store

    if output_format == "html":
        needs_extra("matplotlib", "the HTML report's charts")
    store = open_store(db_url, create=False)
    try:
        until = now()
        text = render_report(build_report(store, until - since, until, limit), output_format, lang, store.shown)
    finally:
        store.close()
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {output}", err=True)


@insights.command()
@DB_OPTION
@click.option("--since", type=Age(), default="90d", show_default=True, help="How far back: 30d, 12w, 6m, 1y.")
@click.option("--min-count", type=click.IntRange(1), default=3, show_default=True,
              help="Propose a pair seen at least this often.")
@click.option("--synonyms", "synonyms_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The site's synonyms file, whose lines are not proposed again [default: as mkdocs.yml says, "
                   "else synonyms.yml, when there is one].")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The site config that names the synonyms file.")
def suggest(db_url: str, since: int, min_count: int, synonyms_file: Path | None, config_file: Path) -> None:
    """Propose synonyms.yml lines from searches refined into another ("chargeback => refund")."""
    from ..checks import shown_path
    from ..checks.project import read_site_settings
    from ..errors import HelpgenError
    from ..search.synonym_file import DEFAULT_FILE, SynonymSource, read_synonyms
    from .suggest import format_suggestions, suggest_synonyms

    if synonyms_file is not None:
        source = SynonymSource(synonyms_file, str(synonyms_file), required=True)
    elif config_file.is_file():
        source = read_site_settings(config_file).synonyms(shown_path(config_file.parent))
    else:
        source = SynonymSource(Path(DEFAULT_FILE), DEFAULT_FILE)
    synonyms, problems = read_synonyms(source, None)
    if problems:
        raise HelpgenError(problems)
    click.echo(format_suggestions(suggest_synonyms(db_url, since, min_count, synonyms)))


@insights.command()
@DB_OPTION
@click.option("--older-than", "older_than", type=Age(), required=True, help="Delete events older than this, e.g. 180d.")
def prune(db_url: str, older_than: int) -> None:
    """Delete events older than an age (retention): run it daily, e.g. from cron or a systemd timer."""
    from .store import now, open_store

    store = open_store(db_url, create=False)
    try:
        removed = store.prune(now() - older_than)
    finally:
        store.close()
    click.echo(f"Deleted {sum(removed.values()):,} events older than {older_than // 86400:,} days "
               f"({', '.join(f'{n:,} {kind}' for kind, n in removed.items())}).")
