"""The `helpgen` command: each subcommand parses its options and calls the library. Nothing more."""
from __future__ import annotations

from pathlib import Path

import gc

import click

from . import __version__

CONFIG_OPTION = click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path),
                             default="mkdocs.yml", show_default=True, help="The site config to use.")
JOBS_OPTION = click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
                           help="Worker processes rendering pages; 0 (default): one per core. "
                                "Any number gives the same site, byte for byte.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="helpgen")
def main() -> None:
    """Build a fast, searchable help center from Markdown articles and one support.yml."""


LANG_OPTION = click.option("--lang", metavar="CODE",
                           help="The language, in a multi-language help center (default: its default language).")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--languages", metavar="CODES",
              help="A multi-language project: comma-separated codes, the default first, e.g. en,da,zh.")
def init(directory: Path, languages: str | None) -> None:
    """Create a new help center project in DIRECTORY (new or empty)."""
    from .content.scaffold import init_project

    codes = [code.strip() for code in languages.split(",") if code.strip()] if languages is not None else None
    files = init_project(directory, codes)
    click.echo(f"Created {len(files)} files in {directory}. Next: cd {directory} && helpgen serve")


@main.command()
@click.argument("title")
@click.option("--category", "-c", required=True, help="Category id, e.g. returns (the article's folder).")
@click.option("--type", "article_type", type=click.Choice(["faq", "policy", "guide"]), default="faq",
              show_default=True, help="What kind of article this is.")
@click.option("--content-dir", type=click.Path(file_okay=False, path_type=Path), default="content",
              show_default=True, help="The folder holding the articles.")
@LANG_OPTION
@CONFIG_OPTION
def new(title: str, category: str, article_type: str, content_dir: Path, lang: str | None, config_file: Path) -> None:
    """Start a new article called TITLE, with its front matter filled in."""
    from .checks.project import project_languages
    from .content.scaffold import new_article

    folder = project_languages(config_file).require(lang).folder
    click.echo(f"Created {new_article(content_dir, title, category, article_type, language_folder=folder)}")


@main.command()
@CONFIG_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: site_dir from the config, usually site/).")
@JOBS_OPTION
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep this build's work here and reuse the previous build's (for CI caches).")
@click.option("--drafts", is_flag=True, help="Build `draft: true` articles too.")
@click.option("--previous", metavar="URL_OR_FILE",
              help="The last published build's .helpgen/urls.json (a file, an http(s) URL, or git:REV): a URL it "
                   "had that is now neither a page nor a redirect is an error.")
@click.option("--fix", is_flag=True, help="Add the redirect_from lines that vanished URLs need, then build.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
def build(config_file: Path, strict: bool, site_dir: Path | None, jobs: int, cache_dir: Path | None, drafts: bool,
          previous: str | None, fix: bool, verbose: bool) -> None:
    """Build the static help center. Exits 1 on any content or config error."""
    from .mkdocs.commands import build_site, configure_logging
    from .progress import Progress

    configure_logging(verbose)
    result = build_site(config_file, site_dir, strict, jobs, Progress(), drafts=drafts, previous=previous, fix=fix,
                        cache_dir=cache_dir)
    for change in result.fixes:
        click.echo(f"Fixed {change}", err=True)
    if verbose:
        phases = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.phases.items())
        click.echo(f"Phases: {phases}; {result.jobs} worker(s)", err=True)
    reused = f" ({result.reused:,} from the cache)" if result.reused else ""
    if result.foreign_cache_entries:
        click.echo(f"Note: {result.foreign_cache_entries:,} entries of the build cache were not signed by this "
                   "machine's key (helpgen/mkdocs/cache_key.py) and were ignored: built anew", err=True)
    click.echo(f"Built {result.pages:,} pages{reused} into {result.site_dir} in {result.seconds:.1f} s", err=True)
    # The process ends here: the collector's last walk over the build's objects at exit (0.8 s after
    # 10,000 pages) would free memory that the exit frees anyway.
    gc.freeze()


@main.command()
@CONFIG_OPTION
@click.option("-a", "--dev-addr", metavar="IP:PORT", help="Address to serve on (default 127.0.0.1:8000).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@JOBS_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
def serve(config_file: Path, dev_addr: str | None, open_browser: bool, jobs: int, verbose: bool) -> None:
    """Preview the help center; a save rebuilds the pages it changed."""
    from .mkdocs.commands import configure_logging, serve_site

    configure_logging(verbose)
    serve_site(config_file, dev_addr, open_browser, jobs, announce=lambda line: click.echo(line, err=True))


@main.command()
@click.option("--at", "at_text", metavar="ISO-8601",
              help="The instant to show, e.g. 2026-12-24T16:30 (company zone unless an offset is given). Default: now.")
@click.option("--channel", "channel_id", metavar="ID", help="Only this channel.")
@click.option("--zone", metavar="IANA", help="Show times as a visitor in this zone sees them (default: the company's).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--support", "support_file", type=click.Path(dir_okay=False, path_type=Path), default="support.yml",
              show_default=True, help="The support config to read.")
@click.option("--lang", metavar="CODE", help="Word the statuses in this language, e.g. da, zh, zh-TW (default: English).")
@click.option("--status", "status_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A support-status.json whose live notices count too, as on the site.")
def hours(at_text: str | None, channel_id: str | None, zone: str | None, as_json: bool, support_file: Path,
          lang: str | None, status_file: Path | None) -> None:
    """Show each channel's status and reply-by time, as a customer sees it on the site."""
    from .hours.live_file import read_live_file
    from .hours.notice_effects import in_effect
    from .hours.schedule import to_us
    from .hours.status import channel_statuses, merged_notices, parse_instant, statuses_as_json
    from .hours.support import load_support

    support = load_support(support_file, str(support_file))
    live = read_live_file(status_file).notices if status_file else ()
    at = parse_instant(at_text, support.timezone)
    statuses = channel_statuses(support, at, zone, channel_id, lang, live)
    shown = in_effect(merged_notices(support, live, lang or ""), support.timezone, to_us(at))
    if as_json:
        click.echo(statuses_as_json(statuses, at, shown))
        return
    click.echo(f"{support.organization} at {at:%A %Y-%m-%d %H:%M} ({at.tzinfo})")
    for notice in shown:
        click.echo(f"  Notice: {notice['text']}  [{notice['id']}]")
    width = max(len(s.name) for s in statuses)
    for status in statuses:
        click.echo(f"  {status.name:<{width}}  {status.text}   [promise: {status.response}]")


@main.command()
@click.argument("query")
@CONFIG_OPTION
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The built site to search (default: site_dir from the config, usually site/).")
@click.option("-n", "--limit", type=click.IntRange(1, 100), default=10, show_default=True,
              help="How many articles to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@LANG_OPTION
def search(query: str, config_file: Path, site_dir: Path | None, limit: int, as_json: bool, lang: str | None) -> None:
    """Search the built help center for QUERY: the visitors' index and ranking (one language's)."""
    from . import search as engine
    from .checks.project import project_languages
    from .mkdocs.commands import load_site_config

    config = load_site_config(config_file) if site_dir is None or config_file.is_file() else None
    site = site_dir or Path(config.site_dir)
    # A built site without its mkdocs.yml: another language's index is in its own folder.
    prefix = project_languages(config_file).require(lang).url_prefix if config_file.is_file() or not lang \
        else f"{lang}/"
    for path in engine.stale_sources(site, Path(config.docs_dir)) if config else []:
        click.echo(f"Warning: {path} changed since the last build; run helpgen build to search it.", err=True)
    results = engine.open_site_index(site, prefix).search(query, limit)
    click.echo(engine.format_results(query, results, as_json))


@main.command()
@CONFIG_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text for people, json for tools, github for pull request annotations.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--fix", is_flag=True, help="Rewrite in place what can be fixed with certainty (links, foreign "
              "keys, category names, redirect stubs), print each change, then check.")
@click.option("--diff", "show_diff", is_flag=True, help="Show what --fix would change, as a diff; write nothing. "
              "Exit 1 when there is something to change.")
@click.option("--status", "status_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Check this support-status.json (live notices) too; alone when there is no site config.")
@click.option("--insights", "insights_source", metavar="REPORT_OR_DB",
              help="Replay the top searches that found nothing (a JSON report of `helpgen insights report`, or "
                   "the events database URL) against the built site, and warn about unhelpful articles.")
@click.option("--insights-top", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="How many of the searches that found nothing to replay.")
@click.option("--min-helpful", type=click.FloatRange(0, 100), default=50, show_default=True, metavar="PERCENT",
              help="With --insights: warn about articles the votes show help fewer readers than this (0: off).")
@click.pass_context
def check(ctx: click.Context, config_file: Path, output_format: str, strict: bool, fix: bool,
          show_diff: bool, status_file: Path | None, insights_source: str | None, insights_top: int,
          min_helpful: float) -> None:
    """Lint articles and support.yml without building. Exit 1 on errors, 2 if it cannot run."""
    from .checks import check_project, report
    from .errors import HelpgenError

    if fix or show_diff:
        from .migrate.fix import fix_project

        fixed = fix_project(config_file.parent, config_file.name, write=not show_diff)
        if show_diff:
            click.echo(fixed.diff, nl=False)
            click.echo(fixed.summary(), err=True)
            ctx.exit(1 if fixed.changes else 0)
        for change in fixed.changes:
            click.echo(str(change), err=True)
        click.echo(fixed.summary(), err=True)
    try:
        if status_file is not None and not config_file.is_file():
            from .checks.notices import check_status_file
            from .hours.clock import build_date

            findings = check_status_file(status_file, str(status_file), None, (), build_date("UTC"))
        else:
            from .mkdocs.site_facts import load_theme_facts

            findings = check_project(config_file.parent, config_file.name, map_work=_fork_map,
                                     theme=load_theme_facts(config_file), status=status_file)
    except HelpgenError as exc:
        exc.exit_code = 2  # nothing was checked: a setup problem, not a content error
        raise
    if insights_source:
        findings += _insights_findings(insights_source, config_file, insights_top, min_helpful / 100)
        if output_format == "text":
            for note in (p for p in findings if p.rule == "insights-answered"):
                click.echo(f"{note.location}: {note.message}")
    findings = report.apply_strict(findings) if strict else findings
    click.echo(report.render(findings, output_format))
    if output_format != "text":
        click.echo(report.summary(findings), err=True)
    ctx.exit(1 if report.has_errors(findings) else 0)


def _insights_findings(source: str, config_file: Path, top: int, min_helpful: float):
    """check --insights over the site as mkdocs.yml says it is built (site_dir)."""
    from .checks.project import read_site_settings
    from .insights.check import check_insights

    return check_insights(source, read_site_settings(config_file), top, min_helpful)


def _fork_map(work, items):
    """The per-file checks over one worker per core (imported only when a check has many files)."""
    from .mkdocs.pipeline import usable_cores
    from .mkdocs.workers import fork_available, fork_map

    cores = usable_cores()
    return fork_map(work, items, cores) if cores > 1 and fork_available() else [work(i) for i in items]


# --- Notices (issue #22): live notices in the built site's support-status.json, no rebuild -----------------

NOTICE_FILE_OPTION = click.option("--file", "status_file", type=click.Path(dir_okay=False, path_type=Path),
                                  help="The support-status.json to edit (default: the built site's, site/support-status.json).")


@main.group()
def notice() -> None:
    """Live notices: add, list or clear them in support-status.json, without a rebuild."""


@notice.command("add")
@click.argument("text")
@click.option("--channel", "channels", multiple=True, metavar="ID", help="A channel it concerns (repeat for more; default: every channel).")
@click.option("--closed", is_flag=True, help="Those channels are closed while it is in effect.")
@click.option("--response", metavar="PROMISE", help='Their reply promise meanwhile, e.g. "3 business days".')
@click.option("--from", "start", metavar="WHEN", help="When it starts: now, +2h, 14:00, \"2026-12-03 14:00\" (default: at once).")
@click.option("--until", "end", metavar="WHEN", help="When it ends, written as --from; +2h counts from the start (default: until cleared).")
@click.option("--lang", "translations", nargs=2, multiple=True, metavar="CODE TEXT",
              help="The text in another language (repeat); TEXT is then the site's default language's.")
@click.option("--id", "notice_id", metavar="ID", help="Its id (default: made from TEXT).")
@NOTICE_FILE_OPTION
@CONFIG_OPTION
def notice_add(text: str, channels: tuple[str, ...], closed: bool, response: str | None, start: str | None,
               end: str | None, translations: tuple[tuple[str, str], ...], notice_id: str | None,
               status_file: Path | None, config_file: Path) -> None:
    """Add a notice saying TEXT; pages show it from their next view once the file is published."""
    import datetime as dt

    from .hours.live_notices import NoticeRequest, add_notice

    target = _notice_target(config_file, status_file)
    added = add_notice(target, NoticeRequest(text, translations, channels, closed, response, start, end, notice_id),
                       dt.datetime.now(dt.timezone.utc))
    click.echo(f"Added {added.id} to {target.shown}. Publish that file (docs/notices.md) to show it.")


@notice.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@NOTICE_FILE_OPTION
@CONFIG_OPTION
def notice_list(as_json: bool, status_file: Path | None, config_file: Path) -> None:
    """List the live notices and support.yml's, in effect, coming or ended."""
    import datetime as dt
    import json

    from .hours.live_notices import list_notices, listing

    target = _notice_target(config_file, status_file)
    listed = list_notices(target, dt.datetime.now(dt.timezone.utc))
    if as_json:
        click.echo(json.dumps([{"source": i.source, "state": i.state, **i.notice.file_entry()} for i in listed],
                              indent=2, ensure_ascii=False))
    else:
        click.echo(listing(listed, target.support.timezone if target.support else None))


@notice.command("clear")
@click.argument("notice_id", metavar="[ID]", required=False)
@click.option("--ended", is_flag=True, help="Only the notices that have ended.")
@NOTICE_FILE_OPTION
@CONFIG_OPTION
def notice_clear(notice_id: str | None, ended: bool, status_file: Path | None, config_file: Path) -> None:
    """Remove the live notice ID, or every live notice (--ended: those that have ended)."""
    import datetime as dt

    from .hours.live_notices import clear_notices

    target = _notice_target(config_file, status_file)
    removed = clear_notices(target, dt.datetime.now(dt.timezone.utc), notice_id, ended)
    click.echo(f"Removed {', '.join(removed)} from {target.shown}." if removed else f"Nothing to clear in {target.shown}.")


def _notice_target(config_file: Path, status_file: Path | None):
    """The live file to edit: --file, else the built site's; with support.yml and the languages when the
    project is here."""
    from .checks.project import read_site_settings
    from .errors import HelpgenError, Location
    from .hours.live_notices import LiveTarget
    from .hours.notice_config import SITE_FILE
    from .hours.support import load_support

    if not config_file.is_file():
        if status_file is None:
            raise HelpgenError.at(Location(str(config_file)), "no site config here",
                                  "run helpgen in the project folder, or give the file with --file")
        return LiveTarget(status_file, str(status_file))
    settings = read_site_settings(config_file)
    support = load_support(settings.project_dir / settings.support_file, settings.support_file)
    languages = settings.site_languages()
    if status_file is None:
        if support.live_status != SITE_FILE:
            where = f"at {support.live_status}" if support.live_status else "nowhere (live_status: false)"
            raise HelpgenError.at(Location(settings.support_file), f"pages fetch live notices {where}",
                                  "edit the file published there with --file PATH")
        if not settings.site_dir.is_dir():
            raise HelpgenError.at(Location(str(settings.site_dir)), "no built site here",
                                  "run helpgen build first, or give the file with --file")
        status_file = settings.site_dir / SITE_FILE
        if status_file.is_relative_to(Path.cwd().resolve()):
            status_file = status_file.relative_to(Path.cwd().resolve())
    return LiveTarget(status_file, status_file.as_posix(), support, languages.default.code,
                      tuple(lang.code for lang in languages))


@main.group(name="import")
def import_() -> None:
    """Bring articles from a hosted help center into content/."""


@import_.command()
@click.argument("export_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--content-dir", type=click.Path(file_okay=False, path_type=Path), default="content",
              show_default=True, help="Where to write the articles (new files only).")
def zendesk(export_dir: Path, content_dir: Path) -> None:
    """Convert a Zendesk Guide export (Help Center API JSON in EXPORT_DIR) into Markdown articles."""
    from .migrate.zendesk import import_zendesk

    result = import_zendesk(export_dir, content_dir)
    click.echo(f"Wrote {len(result.files)} files into {content_dir}.")
    if len(result.languages) > 1:
        click.echo(f"Languages: {', '.join(result.languages)} (one folder each); list them in mkdocs.yml: "
                   f"plugins: - helpgen: languages: [{', '.join(result.languages)}]")
    if result.attachments:
        click.echo(f"{len(result.attachments)} images and attachments are still linked where Zendesk serves them; "
                   "download them into the articles' folders before the Zendesk account closes.")
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if result.previous_site:
        click.echo(f"Each article keeps its Zendesk id (id:). In mkdocs.yml, under the helpgen plugin, add "
                   f"`previous_site: {result.previous_site}` and `extra_keys: [id]`: links into the old help center "
                   "become links to these articles, and its old URLs redirect here.")


# Insights (issue #23): the event collector and its report live in their own package.
from .insights.commands import insights  # noqa: E402 - registered after the commands above

main.add_command(insights)


if __name__ == "__main__":  # pragma: no cover
    main()
