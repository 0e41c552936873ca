"""A build that renders pages in worker processes writes the very bytes of a clean serial build; a long
build shows its progress on a terminal and nothing but a summary line in CI."""
from __future__ import annotations

import io
import logging
import re
import signal
import subprocess
import sys

import pytest

from helpgen.errors import HelpgenError, Location
from helpgen.mkdocs.commands import build_site, load_site_config
from helpgen.mkdocs.workers import PluginState, UnrecordableState, fork_available, map_in_workers, pipeline_safe
from helpgen.progress import Progress

from .conftest import REPO, tree_bytes

pytestmark = pytest.mark.skipif(not fork_available(), reason="worker processes need fork (Linux)")


@pytest.fixture(scope="module")
def bench_project(tmp_path_factory):
    """120 synthetic articles from bench/generate.py: links, headings, Chinese, support variables."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    root = tmp_path_factory.mktemp("bench") / "help"
    generate(root, 80, seed=7)
    return root


@pytest.fixture(scope="module")
def serial_site(bench_project, tmp_path_factory):
    site = tmp_path_factory.mktemp("serial") / "site"
    result = build_site(bench_project / "mkdocs.yml", site, jobs=1)
    assert result.jobs == 1
    return site


class Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@pytest.fixture
def messages():
    handler = Messages()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_parallel_build_writes_the_same_bytes_as_a_serial_build(bench_project, serial_site, tmp_path):
    result = build_site(bench_project / "mkdocs.yml", tmp_path / "site", jobs=2)
    assert result.jobs == 2
    parallel, serial = tree_bytes(tmp_path / "site"), tree_bytes(serial_site)
    assert sorted(parallel) == sorted(serial)
    assert any(name.startswith("search/") for name in serial)  # the search index is compared too
    assert "sitemap.xml" in serial
    different = [name for name in serial if parallel[name] != serial[name]]
    assert different == []


def test_helpgen_pipeline_matches_stock_mkdocs_build(bench_project, serial_site, tmp_path):
    """helpgen runs MkDocs' build steps itself; stock MkDocs must produce the same site."""
    from mkdocs.commands.build import build

    config = load_site_config(bench_project / "mkdocs.yml", site_dir=str(tmp_path / "site"))
    build(config)
    assert tree_bytes(tmp_path / "site") == tree_bytes(serial_site)


def _warn_on_some_pages(monkeypatch, pattern: str = "broken-") -> None:
    """Pages whose path matches log a warning while they are read (content checks catch real mistakes
    before any page is rendered, so the test makes its own)."""
    from helpgen.mkdocs import plugin as mkdocs_plugin

    substitute = mkdocs_plugin.substitute

    def warning(markdown, variables, path, first_line):
        if pattern in path:
            mkdocs_plugin.log.warning(f"{path}: something to look at")
        return substitute(markdown, variables, path, first_line)

    monkeypatch.setattr(mkdocs_plugin, "substitute", warning)


def test_warnings_from_workers_are_reported_once_in_page_order(project, tmp_path, messages, monkeypatch):
    for n in range(6):
        project.article(f"orders/broken-{n}.md", f"Broken article number {n}")
    _warn_on_some_pages(monkeypatch)
    build_site(project.config, tmp_path / "serial", jobs=1)
    serial = [line for line in messages if "something to look at" in line]
    messages.clear()
    build_site(project.config, tmp_path / "parallel", jobs=3)
    parallel = [line for line in messages if "something to look at" in line]
    assert len(serial) == 6 and parallel == serial
    assert tree_bytes(tmp_path / "parallel") == tree_bytes(tmp_path / "serial")


def test_strict_build_fails_the_same_way_with_workers(project, tmp_path, monkeypatch):
    project.article("orders/broken-0.md", "Broken article")
    _warn_on_some_pages(monkeypatch)
    errors = []
    for jobs in (1, 3):
        with pytest.raises(HelpgenError) as caught:
            build_site(project.config, tmp_path / f"site{jobs}", strict=True, jobs=jobs)
        errors.append(str(caught.value))
        assert not (tmp_path / f"site{jobs}").exists()  # a failed build publishes nothing
    assert errors[0] == errors[1]


def test_a_page_that_fails_in_a_worker_fails_the_build_with_its_own_error(project, tmp_path, monkeypatch):
    from helpgen.mkdocs import plugin as mkdocs_plugin

    substitute = mkdocs_plugin.substitute

    def failing(markdown, variables, path, first_line):
        if path.endswith("orders/cancel.md"):
            raise HelpgenError.at(Location(path, first_line), "this page cannot be rendered")
        return substitute(markdown, variables, path, first_line)

    monkeypatch.setattr(mkdocs_plugin, "substitute", failing)
    errors = []
    for jobs in (1, 3):
        with pytest.raises(HelpgenError) as caught:
            build_site(project.config, tmp_path / f"site{jobs}", jobs=jobs)
        errors.append(str(caught.value))
    assert "cannot be rendered" in errors[0] and errors[0] == errors[1]


@pytest.mark.skipif(not fork_available(), reason="workers are forked")
def test_workers_die_when_terminated_whatever_the_parent_does_with_sigterm():
    """The preview turns SIGTERM into KeyboardInterrupt; its page workers must not inherit that, or
    terminating the pool can wait for ever on a worker (`helpgen serve` hung at start-up 1 run in 5)."""
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        results = list(map_in_workers(lambda index: (signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
                                                     signal.getsignal(signal.SIGINT) == signal.SIG_DFL),
                                      list(range(8)), 2))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert [effects for _, effects in results] == [(True, True)] * 8


@pytest.mark.skipif(not fork_available(), reason="workers are forked")
def test_a_worker_stopped_before_its_initializer_never_runs_the_parents_handler(tmp_path, monkeypatch):
    """terminate() may reach a worker in the instant after fork, before its initializer: with the
    build's handler (SIGTERM -> KeyboardInterrupt) the interrupt then climbed into the forked copy of the
    caller (under pytest-xdist a whole test worker reported "keyboard-interrupt"). Here the first worker
    gets SIGTERM the moment it is forked, deterministically: it must die of it, unhandled, and the pool
    carries on with a replacement."""
    import os

    parent, fork = os.getpid(), os.fork
    ran_in_child = tmp_path / "handler-ran-in-a-worker"
    first = tmp_path / "first-worker"

    def handler(signum, frame):
        if os.getpid() != parent:
            ran_in_child.touch()
            os._exit(7)  # what would otherwise have run the rest of the caller in the worker
        raise KeyboardInterrupt

    def forking():
        pid = fork()
        if pid == 0:
            try:
                os.close(os.open(first, os.O_CREAT | os.O_EXCL))
                os.kill(os.getpid(), signal.SIGTERM)
            except FileExistsError:
                pass
        return pid

    previous = signal.signal(signal.SIGTERM, handler)
    monkeypatch.setattr(os, "fork", forking)
    try:
        results = list(map_in_workers(lambda index: (index, signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, [])),
                                      list(range(40)), 2))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert first.exists() and not ran_in_child.exists()
    assert [effects for _, effects in results] == [(index, False) for index in range(40)]  # unblocked in workers
    assert signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # the caller's mask as it was


@pytest.mark.skipif(not fork_available(), reason="workers are forked")
def test_check_workers_leave_like_page_workers_whatever_the_parent_does_with_sigterm():
    """`helpgen build` turns SIGTERM into KeyboardInterrupt (commands.py); the per-file check workers
    must not inherit it: a build of 10,000 articles once hung for good when their pool ended."""
    from helpgen.mkdocs.workers import fork_map

    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        results = fork_map(lambda index: (index, signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
                                          signal.getsignal(signal.SIGINT) == signal.SIG_DFL), list(range(900)), 2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert results == [(index, True, True) for index in range(900)]


def test_a_build_checking_in_workers_writes_the_serial_bytes(bench_project, serial_site, tmp_path):
    """A separate process (its own SIGTERM handling, as `helpgen build` has), per-file checks forked
    even for 120 articles: it ends, and writes the very bytes of the serial build."""
    script = ("import sys; from helpgen.checks import perfile; perfile.MIN_FILES_FOR_WORKERS = 4; "
              "from helpgen.cli import main; sys.argv = ['helpgen', 'build', '-j', '2', '-d', sys.argv[1]]; main()")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "site")], cwd=bench_project,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert tree_bytes(tmp_path / "site") == tree_bytes(serial_site)


def test_sites_with_unknown_page_plugins_are_built_serially():
    from mkdocs.plugins import BasePlugin

    class CountsPages(BasePlugin):
        def on_page_markdown(self, markdown, **kwargs):
            return markdown

    class ConfigOnly(BasePlugin):
        def on_config(self, config):
            return config

    assert pipeline_safe({"config-only": ConfigOnly()}) == (True, "")
    safe, reason = pipeline_safe({"counts": CountsPages()})
    assert not safe and "on_page_markdown" in reason


def test_plugin_state_records_what_grew_and_refuses_what_it_cannot_replay():
    from helpgen.mkdocs.plugin import HelpgenPlugin

    plugin = HelpgenPlugin()
    plugin.search_documents = ["old"]
    state = PluginState({"helpgen": plugin})
    mark = state.mark()
    plugin.search_documents.append("new")
    plugin.article_by_src["a.md"] = 1
    additions = state.since(mark)
    assert (("helpgen", "search_documents"), ["new"]) in additions
    assert (("helpgen", "article_by_src"), {"a.md": 1}) in additions

    copy = HelpgenPlugin()
    PluginState({"helpgen": copy}).apply(additions)
    assert copy.search_documents == ["new"] and copy.article_by_src == {"a.md": 1}

    mark = state.mark()
    plugin.search_documents = []
    with pytest.raises(UnrecordableState, match="search_documents"):
        state.since(mark)


def test_a_terminal_sees_pages_done_of_total_and_a_clean_line_after():
    screen = io.StringIO()
    progress = Progress(screen, live=True)
    progress.start("Rendering", 1200)
    for _ in range(1200):
        progress.advance()
    progress.finish()
    drawn = screen.getvalue()
    assert "Rendering 1,200/1,200 pages" in drawn
    assert drawn.count("\r") < 100  # redrawn a few times a second, not once per page
    assert drawn.endswith("\r\x1b[K")  # the summary line starts on a clean line


def test_ci_logs_get_one_summary_line_and_nothing_else(bench_project, tmp_path):
    """Not a terminal: no progress, no chatter from MkDocs or jieba (the project has Chinese articles)."""
    done = subprocess.run([sys.executable, "-m", "helpgen", "build", "-d", str(tmp_path / "site")],
                          cwd=bench_project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert re.fullmatch(r"Built 10\d pages into \S+ in \d+\.\d s\n", done.stderr), done.stderr
