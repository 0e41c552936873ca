"""The one reading of a written link (helpgen/security/urls.py): a path of this site or a web URL,
anything else refused with a reason. Property tests: whatever parse_link accepts is safe where it is used."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from helpgen.migrate.redirects import Redirect, redirects_file, relative_url
from helpgen.errors import Location
from helpgen.security.sanitize import code_scheme
from helpgen.security.urls import SitePath, UnsafeLink, WebURL, parse_link, site_path_of, url_path, web_url


@pytest.mark.parametrize("written, path", [
    ("/returns/refunds/", "returns/refunds/"),
    ("returns/refunds", "returns/refunds/"),
    ("/a/b/index.html", "a/b/"),
    ("/", ""),
    ("old/page.php", "old/page.php"),
    ("/zh/退款/", "zh/退款/"),
    ("/da/ofte-stillede-sp%C3%B8rgsm%C3%A5l/", "da/ofte-stillede-spørgsmål/"),
    ("/a/./b/", "a/b/"),
])
def test_paths_of_this_site_are_read_in_one_form(written, path):
    assert parse_link(written) == SitePath(path)


@pytest.mark.parametrize("written, reason", [
    ("javascript:alert(1)", '"javascript:"'),
    ("JaVaScRiPt:alert(1)", '"javascript:"'),
    ("vbscript:msgbox(1)", '"vbscript:"'),
    ("data:text/html,<script>alert(1)</script>", "'<'"),
    ("data:text/html;base64,PHNjcmlwdD4=", '"data:"'),
    ("/javascript:alert(1).html", "colon"),
    ("javascript%3Aalert(1)", "colon"),
    ("/old/x\n/* https://evil.example/:splat 200!", "U+000A"),
    ("/old/x\r\n", "U+000D"),
    ("/old%0a/x", "U+000A"),
    ("/old/x\u2028y", "U+2028"),
    ("/a/\u202eb", "U+202E"),
    ("/a b/", "space"),
    ("../../etc/passwd", ".."),
    ("/a/%2e%2e/%2e%2e/b", ".."),
    ("/a\\b", "'\\\\'"),
    ("//evil.example/x", "no scheme"),
    ("https://evil.example\\@www.youtube.com/embed/x", "'\\\\'"),
    ("https://user@www.youtube.com/", "user name"),
    ("https:evil.example", "://"),
    ("/search?q=x", "query"),
    ("", "empty"),
])
def test_anything_else_is_refused_with_a_reason(written, reason):
    with pytest.raises(UnsafeLink) as refused:
        parse_link(written)
    assert reason in refused.value.reason


def test_web_urls_keep_their_host_as_browsers_read_it():
    assert web_url("HTTPS://WWW.YouTube.com./embed/x") == \
        WebURL("HTTPS://WWW.YouTube.com./embed/x", "https", "www.youtube.com")
    assert web_url("mailto:help@acme.example", ("mailto",)).scheme == "mailto"
    with pytest.raises(UnsafeLink):
        web_url("http://acme.example/", ("https",))
    with pytest.raises(UnsafeLink):
        parse_link("https://acme.example/", web=False)


def test_an_old_hosted_address_counts_for_its_path():
    assert site_path_of("https://support.example.com/hc/en-us/articles/360-x#adult") == "hc/en-us/articles/360-x/"
    assert site_path_of("javascript:alert(1)") is None


_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@given(_TEXT)
def test_what_is_accepted_never_runs_code_and_never_breaks_a_line(text):
    try:
        link = parse_link(text)
    except UnsafeLink:
        return
    written = str(link)
    assert code_scheme(written) is None
    assert not any(ch in written for ch in "\n\r\x00<>\"`\\")
    if isinstance(link, SitePath):
        assert ":" not in link.path and ".." not in link.path.split("/")
        assert code_scheme(relative_url("a/b/", link.path)) is None
        line = redirects_file([Redirect("old/", link.path, Location("x"))]).splitlines()
        assert len(line) == 1 and len(line[0].split(" ")) == 3
    else:
        assert link.scheme in ("http", "https") and "@" not in link.url.split("/")[2]


def test_a_relative_link_never_starts_with_a_scheme():
    assert relative_url("", "a:b/") == "./a%3Ab/"  # such a path is refused earlier; the link stays safe anyway
    assert url_path("zh/退款/") == "zh/%E9%80%80%E6%AC%BE/"
