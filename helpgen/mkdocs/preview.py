"""`helpgen serve`: MkDocs' live-reload server, where a save rebuilds only the pages it changed.

Differences from `mkdocs serve`, each for the one-second preview:
- builds run through pipeline.py with one PageCache for the server's lifetime: a page whose source
  and surroundings did not change is reused from the previous build (tests/test_incremental.py);
- the first build uses worker processes (before the server starts any thread);
- changes are noticed through the operating system's file events (inotify), not by polling every 0.5 s;
- an address already in use is a friendly error before the first build, not a traceback after it;
- a build that fails (support.yml or an article broken, even the first) keeps the server up and shows
  the problems as the page itself until a save fixes them (preview_errors.py).
"""
from __future__ import annotations

import logging
import shutil
import signal
import socket
import tempfile
import threading
import time
from os.path import isdir, isfile, join
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer, _serve_url
from watchdog.events import (FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent,
                             FileMovedEvent)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from . import pipeline
from .page_cache import PageCache
from .preview_errors import PreviewServer, error_page, writers_language
from ..errors import HelpgenError, Location
from ..progress import Progress

log = logging.getLogger("mkdocs.commands.serve")
# What a save looks like; reads (opened, closed without writing) must not trigger a rebuild.
CHANGE_EVENTS = [FileModifiedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent]
POLLING_INTERVAL_S = 0.5  # only when the system offers no file events


class _PreviewServer(PreviewServer):
    """MkDocs' server answers a path with a NUL byte (`/index.html%00.txt`) or one too long for the file
    system with a 500 and a traceback in the log: those are a client's bad request, or simply not found."""

    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in path):
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"400 Bad Request: control characters in the path\n"]
        try:
            return super()._serve_request(environ, start_response)
        except (ValueError, OSError):  # e.g. "File name too long": there is no such page
            return None


class _ChangesObserver(Observer):  # type: ignore[misc, valid-type]
    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGE_EVENTS,
                                follow_symlink=follow_symlink)


def serve(load_config: Callable[..., object], config_file: Path, dev_addr: str | None = None,
          open_browser: bool = False, jobs: int | None = None,
          announce: Callable[[str], None] = lambda message: None) -> None:
    """Serve the site at dev_addr, rebuilding on every save until interrupted.

    load_config(site_dir=..., dev_addr=...) loads the site config (commands.load_site_config)."""
    site_dir = tempfile.mkdtemp(prefix="helpgen-preview-")
    cache = PageCache()

    def get_config():
        return load_config(config_file, site_dir=site_dir, dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    _check_address(host, port)  # before the first build, which takes a while on a large help center
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)
    builds = 0
    server: PreviewServer | None = None
    language = writers_language(config)  # the error page's words, kept while mkdocs.yml does not load

    def builder(config=None) -> None:
        nonlocal builds, language
        started = time.monotonic()
        try:
            if config is None:
                config = get_config()
                config.site_url = serve_url
            # Workers only for the first build: later builds happen while the server's threads run.
            stats = pipeline.build(config, serve_url=serve_url, jobs=jobs if builds == 0 else 1,
                                          cache=cache, progress=Progress() if builds == 0 else None,
                                          keep_unchanged=True)
        except (HelpgenError, Abort) as error:
            # Said like `helpgen build` says it, and shown as every page until fixed; raising would stop
            # the preview (first build) or print a traceback (later ones).
            announce(f"Error: {error.format_message()}")
            language = writers_language(config) or language
            server.failing = error_page(error, *(language or ()))
            builds += 1
            return
        was_failing, server.failing = server.failing is not None, None
        if was_failing:
            announce(f"Fixed \u2014 rebuilt {stats.rebuilt:,} pages in {time.monotonic() - started:.2f} s")
        elif builds:
            announce(f"Rebuilt {stats.rebuilt:,} of {stats.pages:,} pages in {time.monotonic() - started:.2f} s")
        builds += 1

    server = _PreviewServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    server.observer = _ChangesObserver()

    def error_handler(code) -> bytes | None:
        if code in (404, 500):
            error_page = join(site_dir, f"{code}.html")
            if isfile(error_page):
                with open(error_page, "rb") as f:
                    return f.read()
        return None

    server.error_handler = error_handler
    # `kill` (SIGTERM, as test runners and process managers stop a server) shuts down like Ctrl+C, so
    # the temporary site folder is removed either way.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt) \
        if threading.current_thread() is threading.main_thread() else None
    try:
        builder(config)
        for path in _watched_paths(config):
            _watch(server, path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            _watch(server, item)
        announce(f"Serving on {server.url} (Ctrl+C to stop)")
        try:
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        if isdir(site_dir):
            shutil.rmtree(site_dir)
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _check_address(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
        try:
            probe.bind((host, port))
        except (OSError, OverflowError) as exc:  # OverflowError: a port above 65535
            reason = getattr(exc, "strerror", None) or "the port must be 1-65535"
            raise HelpgenError.at(Location(f"{host}:{port}"), f"cannot serve there: {reason}",
                                  "choose another address, e.g. helpgen serve -a 127.0.0.1:8001") from None


def _watched_paths(config) -> list[str]:
    """As MkDocs: the docs and mkdocs.yml (the helpgen plugin adds support.yml in on_serve)."""
    return [config.docs_dir] + ([config.config_file_path] if config.config_file_path else [])


def _watch(server: LiveReloadServer, path: str) -> None:
    try:
        server.watch(path)
    except OSError:  # e.g. the system's limit on watched folders: fall back to polling, as MkDocs does
        watched = list(server._watched_paths)
        server.observer = PollingObserver(timeout=POLLING_INTERVAL_S)
        server._watched_paths.clear()
        server._watch_refs.clear()
        for earlier in watched + [path]:
            server.watch(earlier)
