"""Shared fixtures: small real help-center projects written into temporary folders."""
from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, settings

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

# Property tests (hypothesis): "dev" explores new examples on every run and remembers failures in
# .hypothesis/; "ci" is derandomized (examples seeded from each test's name, no example database), so a
# CI run fails or passes the same way on every machine and a failure there replays here with
# HYPOTHESIS_PROFILE=ci. CI is set by .ci/run and by most CI services. HELPGEN_PROPERTY_EXAMPLES=2000 for
# a longer hunt before a release.
settings.register_profile("dev", max_examples=int(os.environ.get("HELPGEN_PROPERTY_EXAMPLES", "100")),
                          deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("dev"), derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parent.parent

SUPPORT_YML = """\
organization: Acme Outfitters
timezone: Europe/Copenhagen
hours:
  monday-friday: "09:00-17:00"
  saturday: "10:00-14:00"
holidays:
  - {date: 2026-12-24, name: Christmas Eve}
channels:
  - id: email
    name: Email
    address: support@acme.example
    availability: always
    response: 1 business day
  - id: chat
    name: Live chat
    url: https://acme.example/chat
    availability: business-hours
    response: 5 minutes
"""

MKDOCS_YML = """\
site_name: Test Help Center
docs_dir: content
theme:
  name: material
plugins:
  - search
  - helpgen
"""


def article(title: str, body: str = "Some answer.", **front: str) -> str:
    lines = [f'title: "{title}"'] + [f"{k}: {v}" for k, v in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + textwrap.dedent(body)


class Project:
    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def article(self, src: str, title: str, body: str = "Some answer.", **front: str) -> Path:
        return self.write(f"content/{src}", article(title, body, **front))

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def build(self, site_dir: Path | None = None, strict: bool = False):
        from helpgen.mkdocs.commands import build_site

        return build_site(self.config, site_dir or self.root / "site", strict)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A minimal valid project: two categories, three articles."""
    p = Project(tmp_path / "help")
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("support.yml", SUPPORT_YML)
    p.article("orders/track.md", "How do I track my order?", "Email {{ support.channels.email.address }}.",
              type="faq", updated="2026-11-01")
    p.article("orders/cancel.md", "Can I cancel my order?", type="faq")
    p.article("returns/return.md", "How do I return an item?", type="faq", promoted="true")
    return p


@pytest.fixture
def demo_copy(tmp_path: Path) -> Project:
    """The repository's demo help center, copied so tests can build and change it freely."""
    root = tmp_path / "demo"
    root.mkdir()
    for name in ("mkdocs.yml", "support.yml", "synonyms.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    return Project(root)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Path:
    """The demo help center copied and built once per test session: read it, never change it."""
    from helpgen.mkdocs.commands import build_site

    root = tmp_path_factory.mktemp("demo-build")
    for name in ("mkdocs.yml", "support.yml", "synonyms.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    build_site(root / "mkdocs.yml", root / "site")
    return root


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs Debian's chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def serve_site():
    """serve_site(folder) -> base URL of a static HTTP server on loopback for that folder."""
    import functools
    import http.server
    import threading

    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = _QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class _QuietServer(__import__("http.server").server.ThreadingHTTPServer):
    """A page closed with requests still open (the search worker fetching sections, a page's live status)
    is no error worth a traceback in the test output; anything else still prints one."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    """Serves a folder as static hosts do (GitHub Pages, Netlify): a missing path gets the site's
    404.html with status 404, so the custom 404 page is tested at nested URLs too."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - keep test output clean
        pass
