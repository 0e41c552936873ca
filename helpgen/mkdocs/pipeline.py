"""helpgen's run of a MkDocs build: MkDocs' steps in MkDocs' order, with pages built in worker processes
and, in the preview server, pages reused from the previous build when nothing they depend on changed.

This mirrors `mkdocs.commands.build.build` (MkDocs 1.6; helpgen pins <2) step by step, and every page
still goes through MkDocs' own `_populate_page` ("read": Markdown to HTML, plugins' page events) and
`_build_page` ("write": the theme's template to a file). What a page step leaves behind is recorded
(workers.py) and applied in page order, so a parallel or partly reused build writes the same bytes as
a clean serial one; tests/test_build_parallel.py and tests/test_incremental.py hold it to that.
"""
from __future__ import annotations

import gc
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from .page_cache import PageCache, page_key, site_fingerprint
from .sources import bounded_render
from .templates import prepare_environment, reuse_navigation
from .workers import (Failed, PageEffects, PluginState, apply_attributes, changed_attributes,
                      fork_available, map_in_workers, page_attributes, pipeline_safe, recording, replay)
from ..progress import Progress

log = logging.getLogger("mkdocs.commands.build")
MIN_PAGES_PER_JOB = 50  # below this, starting workers costs more than it saves
STEP_LABELS = {"read": "Rendering", "write": "Writing"}


@dataclass
class BuildStats:
    pages: int = 0
    jobs: int = 1  # worker processes used (1: all in this process)
    reused: int = 0  # page steps (two per page: read, write) taken from the cache
    rebuilt: int = 0  # pages written by their template this time (not reused)
    serial_reason: str = ""  # why the build could not use workers or the cache
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase, for `helpgen build -v`


def effective_jobs(requested: int | None, pages: int) -> int:
    """`requested` workers; None or 0: one per core, fewer when there are few pages for each."""
    if requested:
        return max(1, min(requested, pages))
    return max(1, min(usable_cores(), pages // MIN_PAGES_PER_JOB))


def usable_cores() -> int:
    """Cores this process may run on, and no more than a container's CPU quota allows (cgroup v2)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return cores


def build(config, *, serve_url: str | None = None, jobs: int | None = 1, cache: PageCache | None = None,
          progress: Progress | None = None, keep_unchanged: bool = False) -> BuildStats:
    """Build the site like `mkdocs.commands.build.build(config, serve_url=...)`, never dirty.

    jobs: worker processes for the pages (None or 0: one per core); cache: reuse unchanged pages.
    keep_unchanged (with a cache, for the preview's own folder): instead of emptying site_dir first,
    leave the files a reused page would rewrite identically, and afterwards delete what this build did
    not make. The folder ends up as a clean build leaves it, without rewriting a thousand files."""
    progress = progress or Progress(live=False)
    with _logging_clears(progress):
        return _build(config, serve_url, jobs, cache, progress, keep_unchanged)


@contextmanager
def _logging_clears(progress: Progress):
    """A warning printed while the progress line is shown gets a line of its own."""
    class ClearProgress(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            progress.finish()
            return True

    clear = ClearProgress()
    handlers = [h for name in ("mkdocs", "") for h in logging.getLogger(name or None).handlers
                if isinstance(h, logging.StreamHandler) and progress.live]
    for handler in handlers:
        handler.addFilter(clear)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(clear)


def _build(config, serve_url: str | None, jobs: int | None, cache: PageCache | None,
           progress: Progress, keep_unchanged: bool) -> BuildStats:
    logger = logging.getLogger("mkdocs")
    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(warning_counter)
    inclusion = InclusionLevel.is_in_serve if serve_url else InclusionLevel.is_included
    stats = BuildStats()
    clock = _Clock(stats)
    try:
        start = time.monotonic()
        gc.freeze()  # the config and the caches loaded for this build (see _Clock.lap)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        safe, stats.serial_reason = pipeline_safe(config.plugins)
        if not safe:
            log.debug(f"Pages are built in one process, without reuse: {stats.serial_reason}")
            cache = None
        keep_unchanged = keep_unchanged and cache is not None
        started_at = _file_system_now(config.site_dir) if keep_unchanged else None
        if not keep_unchanged:
            log.info("Cleaning site directory")
            utils.clean_directory(config.site_dir)
        if not serve_url:
            log.info(f"Building documentation to directory: {config.site_dir}")
        progress.note("Reading the project…")
        files = get_files(config)
        env = config.theme.get_env()
        prepare_environment(env)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        gc.freeze()  # every file and article, read and checked
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        clock.lap("prepare")

        excluded = []
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                if serve_url and file.inclusion.is_excluded():
                    excluded.append(urljoin(serve_url, file.url))
                Page(None, file, config)
        doc_files = files.documentation_pages(inclusion=inclusion)
        steps = _PageSteps(config, files, nav, env, doc_files)
        stats.pages = len(doc_files)
        stats.jobs = effective_jobs(jobs, len(doc_files)) if safe else 1
        if stats.jobs > 1 and not fork_available():  # the cache works without workers
            stats.jobs, stats.serial_reason = 1, "worker processes need fork (Linux)"
        steps.keep_unchanged = keep_unchanged
        site_key = site_fingerprint(config, files, nav, cache) if cache is not None else ""

        read_keys = [page_key(site_key, f.src_uri, cache.source_digest(f)) for f in doc_files] \
            if cache is not None else None
        stats.reused += _run_step("read", steps, read_keys, cache, stats.jobs, progress)
        if excluded:
            log.info("The following pages are being built only for the preview but will be excluded from "
                     "`mkdocs build` per `draft_docs` config:\n  - " + "\n  - ".join(excluded))
        clock.lap("read")

        env = config.plugins.on_env(env, config=config, files=files)
        steps.env = env
        if safe:
            reuse_navigation(env, nav)
        files.copy_static_files(dirty=False, inclusion=inclusion)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
        clock.lap("static")

        write_keys = None
        if cache is not None:
            titles = page_key(site_key, *[f"{f.src_uri}\0{f.page.url}\0{f.page.title}" for f in doc_files])
            write_keys = [page_key(titles, read_key) for read_key in read_keys]
        reused_writes = _run_step("write", steps, write_keys, cache, stats.jobs, progress)
        stats.reused += reused_writes
        stats.rebuilt = stats.pages - reused_writes
        progress.note("Finishing…")
        clock.lap("write")

        log_level = config.validation.links.anchors
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=log_level)
        config.plugins.on_post_build(config=config)
        progress.finish()
        if keep_unchanged:
            made = {os.path.normpath(f.abs_dest_path) for f in files if inclusion(f.inclusion)}
            _remove_stale(config.site_dir, made, started_at)
        clock.lap("finish")
        if counts := warning_counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")
        if cache is not None:
            cache.finish()
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds")
        return stats
    except (Exception, KeyboardInterrupt) as e:  # interrupted too: the plugin removes its staging folder
        progress.finish()
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            log.error(str(e))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        logger.removeHandler(warning_counter)
        gc.unfreeze()  # the preview's next build: this one's objects may be collected again


class _PageSteps:
    """The two steps of each page, run plainly, or recorded for a worker or the cache, or replayed."""

    def __init__(self, config, files, nav, env, doc_files) -> None:
        self.config, self.files, self.nav, self.env = config, files, nav, env
        self.doc_files = doc_files
        self.pages = [f.page for f in doc_files]
        self.plugin_state = PluginState(config.plugins)
        self.keep_unchanged = False

    def run(self, step: str, index: int) -> None:
        page = self.pages[index]
        if step == "read":
            with bounded_render(self.config, page.file.src_uri):
                _populate_page(page, self.config, self.files)
        else:
            _build_page(page, self.config, self.doc_files, self.nav, self.env,
                        excluded=page.file.inclusion.is_excluded())

    def recorded(self, step: str, index: int, echo: bool, keep_output: bool) -> PageEffects:
        page = self.pages[index]
        before = page_attributes(page)
        with recording(self.plugin_state, echo) as effects:
            self.run(step, index)
        effects.attributes = changed_attributes(page, before)
        if step == "write" and keep_output:
            path = Path(page.file.abs_dest_path)
            effects.output = path.read_bytes() if path.exists() else None
        return effects

    def apply(self, step: str, index: int, effects: PageEffects, write_output: bool) -> None:
        page = self.pages[index]
        apply_attributes(page, effects.attributes, self.files)
        replay(effects.records)
        self.plugin_state.apply(effects.additions)
        if step == "write" and write_output and effects.output is not None:
            if self.keep_unchanged and _has_size(page.file.abs_dest_path, len(effects.output)):
                return  # written with these very bytes by the build that cached them
            utils.write_file(effects.output, page.file.abs_dest_path)


def _run_step(step: str, steps: _PageSteps, keys: list[str] | None, cache: PageCache | None, jobs: int,
              progress: Progress) -> int:
    """Run one step over every page, in page order as MkDocs does; returns how many came from the cache."""
    pages = steps.pages
    progress.start(STEP_LABELS[step], len(pages))
    # Which pages the cache has is learnt from each entry's first line; an entry is loaded only when
    # its page comes up, so a rebuild never holds every page's effects at once.
    reused: set[int] = set()
    if keys is not None and cache is not None:
        reused = {index for index, key in enumerate(keys) if cache.has(step, pages[index].file.src_uri, key)}
    todo = [index for index in range(len(pages)) if index not in reused]
    keep = keys is not None
    workers = None
    if jobs > 1 and len(todo) >= 2 * jobs:
        workers = map_in_workers(lambda index: steps.recorded(step, index, echo=False, keep_output=keep), todo, jobs)
    try:
        for index in range(len(pages)):
            found = cache.get(step, pages[index].file.src_uri, keys[index]) if index in reused else None
            if found is not None:
                steps.apply(step, index, found, write_output=True)
            elif index in reused:  # damaged since `has` looked: made here, as the workers would have
                reused.discard(index)
                effects = steps.recorded(step, index, echo=True, keep_output=True)
                cache.put(step, pages[index].file.src_uri, keys[index], effects)
            elif workers is not None:
                done, effects = next(workers)
                assert done == index, (done, index)
                if isinstance(effects, Failed):
                    steps.run(step, index)  # raises the error the worker met, logged as MkDocs logs it
                    raise BuildError(f"page {pages[index].file.src_uri} failed in a worker process only "
                                     f"({effects.error}); build with --jobs 1")
                steps.apply(step, index, effects, write_output=False)
                if keep:
                    cache.put(step, pages[index].file.src_uri, keys[index], effects)
            elif keep:
                effects = steps.recorded(step, index, echo=True, keep_output=True)
                cache.put(step, pages[index].file.src_uri, keys[index], effects)
            else:
                steps.run(step, index)
            progress.advance()
    finally:
        if workers is not None:
            workers.close()
    return len(reused)


def _has_size(path: str, size: int) -> bool:
    try:
        return os.stat(path).st_size == size
    except OSError:
        return False


def _file_system_now(folder: str) -> int:
    """The file system's own clock (and granularity): the time a file written now gets."""
    os.makedirs(folder, exist_ok=True)
    probe = os.path.join(folder, ".helpgen-build-started")
    with open(probe, "wb"):
        pass
    stamp = os.stat(probe).st_mtime_ns
    os.unlink(probe)
    return stamp


def _remove_stale(site_dir: str, made: set[str], started_at: int) -> None:
    """Delete files from earlier builds that this one did not make: not one of its pages or static files,
    and not written (by a plugin or a template) since it started."""
    for root, folders, names in os.walk(site_dir, topdown=False):
        for name in names:
            path = os.path.normpath(os.path.join(root, name))
            if path not in made and os.stat(path).st_mtime_ns < started_at:
                os.unlink(path)
        if root != site_dir and not os.listdir(root):
            os.rmdir(root)


class _Clock:
    def __init__(self, stats: BuildStats) -> None:
        self.stats, self.last = stats, time.monotonic()

    def lap(self, phase: str) -> None:
        # What a phase leaves behind lives until the build ends (pages, files, the navigation, the
        # cache's entries): frozen, the collector stops walking it at each full collection, which
        # otherwise cost 2 s of a cached 10,000-page rebuild. `_build` unfreezes at its end.
        gc.freeze()
        now = time.monotonic()
        self.stats.seconds[phase] = round(now - self.last, 3)
        self.last = now
