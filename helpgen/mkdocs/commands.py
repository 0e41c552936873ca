"""Running MkDocs for helpgen: the library API the CLI and the tests call. Adapter side (imports MkDocs)."""
from __future__ import annotations

import gc
import logging
import os
import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import exceptions as mkdocs_errors
from mkdocs.config import load_config

from . import pipeline
from .build_cache import BuildStore
from .page_cache import PageCache
from .plugin import HelpgenPlugin
from ..errors import HelpgenError, Location, Problem, terminal_text
from ..progress import Progress

# MkDocs 1.6 prints a notice about MkDocs 2 on every run; it is noise for helpgen's users.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float
    jobs: int = 1  # worker processes that built the pages
    phases: dict[str, float] = field(default_factory=dict)  # seconds per build phase
    reused: int = 0  # pages whose rendering came from the build cache
    foreign_cache_entries: int = 0  # cache entries not signed by this machine's key: ignored
    fixes: list = field(default_factory=list)  # what --fix changed (migrate.edits.Change)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_site_config(config_file: Path, **overrides):
    if not config_file.is_file():
        raise HelpgenError.at(Location(str(config_file)), "no site config here",
                              "run helpgen in a project folder, or create one with `helpgen init DIR`")
    # MkDocs logs each config problem and then aborts with a bare "configuration error":
    # collect the logged problems so the user sees them in helpgen's own error, at their line.
    collector = _Collector()
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(collector)
    logger.propagate = False  # shown once, in helpgen's error, not also as a log line
    try:
        return load_config(config_file=str(config_file), **{k: v for k, v in overrides.items() if v is not None})
    except (mkdocs_errors.ConfigurationError, mkdocs_errors.Abort) as exc:
        messages = collector.messages or [str(exc).strip() or "invalid site config"]
        raise HelpgenError([_config_problem(config_file, m) for m in messages]) from None
    finally:
        logger.removeHandler(collector)
        logger.propagate = True


def _config_problem(config_file: Path, message: str) -> Problem:
    match = re.match(r"Config value '([\w.]+)': (.*)", message, re.S)
    if not match:
        return Problem(Location(config_file.name), message)
    key, text = match.groups()
    line = next((n for n, l in enumerate(config_file.read_text(encoding="utf-8").splitlines(), 1)
                 if re.match(rf"{re.escape(key.split('.')[0])}\s*:", l)), 0)
    return Problem(Location(config_file.name, line), f"{key}: {text}", "fix this setting in " + config_file.name)


def build_site(config_file: Path = Path("mkdocs.yml"), site_dir: Path | None = None,
               strict: bool = False, jobs: int | None = 1, progress: Progress | None = None,
               *, drafts: bool = False, previous: str | None = None, fix: bool = False,
               cache_dir: Path | None = None) -> BuildResult:
    """Build the help center. Raises HelpgenError on any content or config problem.

    jobs: worker processes for the pages (None or 0: one per core); the output is the same bytes.
    drafts: build `draft: true` articles too. previous: the last build's URL manifest (a file, an
    http(s) URL or `git:REV`); a URL it has that this build lost without a redirect is an error.
    cache_dir: keep this build's work there and reuse the previous build's (build_cache.py); the
    output is the same bytes as without it."""
    config = load_site_config(config_file, site_dir=str(site_dir) if site_dir else None,
                              strict=strict or None)
    # As `mkdocs build` does. MkDocs keeps plugin instances for the life of the process, so without this
    # a build after a preview in the same process would still behave as the preview.
    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins.get("helpgen")
    if plugin is not None:
        plugin.previous, plugin.fix, plugin.build_drafts = previous, fix, drafts
        plugin.check_jobs = jobs or pipeline.usable_cores()
    target = Path(config.site_dir)
    started = time.monotonic()
    cache = None
    if cache_dir is not None:
        _refuse_published_cache(Path(cache_dir), config, config_file)
        cache = PageCache(BuildStore(Path(cache_dir).absolute()))
        if isinstance(plugin, HelpgenPlugin):
            plugin.use_build_store(cache.store)
        gc.freeze()  # the caches just loaded live as long as the build, which unfreezes at its end
    try:
        with _terminate_as_interrupt():
            stats = pipeline.build(config, jobs=jobs, progress=progress, cache=cache)
    except mkdocs_errors.Abort as exc:
        raise HelpgenError.at(Location(config_file.name), str(exc).strip(),
                              "fix the warnings above, or build without --strict") from None
    except mkdocs_errors.BuildError as exc:
        raise HelpgenError.at(Location(config_file.name), str(exc)) from None
    finally:
        config.plugins.on_shutdown()
    pages = sum(1 for _ in target.rglob("*.html")) if target.is_dir() else 0
    return BuildResult(target, pages, time.monotonic() - started, stats.jobs, stats.seconds,
                       reused=stats.pages - stats.rebuilt, fixes=list(plugin.fixed) if plugin is not None else [],
                       foreign_cache_entries=cache.store.refused() if cache is not None else 0)


def _refuse_published_cache(cache_dir: Path, config, config_file: Path) -> None:
    """A cache folder inside the content folder or the site would be published with the site."""
    folder = cache_dir.resolve()
    for place, what in ((Path(config.docs_dir), "the content folder"), (Path(config.site_dir), "the site folder")):
        if folder == place.resolve() or folder.is_relative_to(place.resolve()):
            raise HelpgenError.at(Location(str(cache_dir)), f"the cache folder is inside {what}, which is published",
                                  "keep it outside the project, e.g. --cache-dir ~/.cache/helpgen/build")


@contextmanager
def _terminate_as_interrupt():
    """`kill` (SIGTERM: CI cancelling a job, a process manager) stops a build as Ctrl+C does, so the build
    gets to remove its staging folder instead of leaving megabytes behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve_site(config_file: Path = Path("mkdocs.yml"), dev_addr: str | None = None, open_browser: bool = False,
               jobs: int | None = None, announce=lambda message: None) -> None:
    """Preview the help center; a save rebuilds the pages it changed (announce: one line per rebuild)."""
    from .preview import serve

    if not config_file.is_file():
        load_site_config(config_file)  # raises the friendly "no site config" error
    try:
        serve(load_site_config, config_file, dev_addr, open_browser, jobs, announce)
    except mkdocs_errors.Abort as exc:
        raise HelpgenError.at(Location(config_file.name), str(exc).strip()) from None


def _shown_safely(record: logging.LogRecord) -> bool:
    """MkDocs' messages quote file names and links as they are: nothing in them may act on a terminal or
    start a CI workflow command (errors.terminal_text)."""
    text = record.getMessage()
    safe = terminal_text(text, multiline=True)
    if safe != text:
        record.msg, record.args = safe, ()
    return True


def configure_logging(verbose: bool) -> None:
    """MkDocs logs through `logging`; show writers its warnings without timestamps or tracebacks."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "_helpgen", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.addFilter(_shown_safely)
    handler._helpgen = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.propagate = False
    # Search segments Chinese with jieba, which announces loading its dictionary on stderr. Importing
    # jieba resets its logger's level to DEBUG, so a level set here would not last: a filter does.
    logging.getLogger("jieba").addFilter(lambda record: record.levelno >= logging.WARNING)

