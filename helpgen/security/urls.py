"""Where a link written by a writer may lead: parsed once, here, into a path of this site or a web URL.

Every URL a writer or support.yml gives helpgen (a `permalink:`, `redirect:`, `redirect_from:`, a
channel's `url:`, an embed's `src`, the feedback endpoint) goes through `parse_link`. What comes out is
one of two things, and nothing else reaches a page, a redirect or `_redirects`:

- `SitePath`: a path of this site in one canonical form ("" home, "a/b/" page, "a/b.html" file),
  percent-escapes decoded, no `..`, no query, no colon (a relative link whose first part holds a colon
  is read by browsers as a scheme: `javascript:x.html`);
- `WebURL`: an absolute URL whose scheme the caller allows (http and https unless it says otherwise),
  with a plain host name: no user part (`https://evil\\@good/` is `evil` to a browser and `good` to
  Python's urlsplit), no backslash, no whitespace or control character anywhere.

Anything else is refused with a reason a writer can act on (`UnsafeLink`).
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?)(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.?", re.UNICODE)
# Characters a link never needs and browsers or hosts read specially: quoting, templating, line breaks.
_NEVER = set('<>"`\\{}|^')


class UnsafeLink(ValueError):
    """Why a written link is refused: `reason` says what is wrong in words a writer can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SitePath:
    path: str  # "" for the home page, "a/b/" for a page, "a/b.html" for a file
    fragment: str = ""

    def __str__(self) -> str:
        return self.path + (f"#{self.fragment}" if self.fragment else "")


@dataclass(frozen=True)
class WebURL:
    url: str
    scheme: str
    host: str

    def __str__(self) -> str:
        return self.url


def parse_link(text: str, *, site: bool = True, web: bool = True, schemes: tuple[str, ...] = WEB_SCHEMES,
               fragment: bool = True) -> SitePath | WebURL:
    """The one reading of a written link. Raises UnsafeLink. `site`/`web`: which kinds the caller takes;
    `schemes`: the schemes a WebURL may have (e.g. mailto and tel for a channel)."""
    written = text.strip(" ")
    bad = _bad_character(written)
    if bad:
        raise UnsafeLink(bad)
    if not written:
        raise UnsafeLink("it is empty")
    scheme = _SCHEME.match(written)
    if scheme or written.startswith("//"):
        if not web:
            raise UnsafeLink("it is not a path of this site")
        return _web_url(written, schemes)
    if not site:
        raise UnsafeLink(f"it is not a full URL starting with {' or '.join(s + ':' for s in schemes)}")
    return _site_path(written, fragment)


def site_path_of(text: str) -> str | None:
    """A written path or URL of this site as the path alone, or None when it cannot be one. An http(s)
    URL counts for its path (an old hosted help center's address: `https://host/hc/articles/1`)."""
    try:
        link = parse_link(text, fragment=False)
    except UnsafeLink:
        try:
            link = parse_link(text.partition("#")[0])
        except UnsafeLink:
            return None
    if isinstance(link, WebURL):
        try:
            return _site_path(urlsplit(link.url).path or "/", False).path
        except UnsafeLink:
            return None
    return link.path


def web_url(text: str, schemes: tuple[str, ...] = WEB_SCHEMES) -> WebURL:
    """An absolute URL with one of `schemes`. Raises UnsafeLink."""
    link = parse_link(text, site=False, schemes=schemes)
    assert isinstance(link, WebURL)
    return link


def _bad_character(text: str) -> str:
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _NEVER:
            return f"it contains {_shown(ch)}, which a link never needs"
        if category in ("Cc", "Cf", "Zl", "Zp") or (category == "Zs" and ch != " ") or ch == "\ufffd":
            return f"it contains the invisible character {_shown(ch)}"
        if ch == " ":
            return "it contains a space (write %20 if the address really has one)"
    return ""


def _shown(ch: str) -> str:
    return repr(ch) if ch.isprintable() and ch != " " else f"U+{ord(ch):04X}"


def _web_url(text: str, schemes: tuple[str, ...]) -> WebURL:
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if text.startswith("//"):
        raise UnsafeLink("it has no scheme: write https:// in front")
    if scheme not in schemes:
        raise UnsafeLink(f'"{scheme}:" links are not allowed here (only {", ".join(s + ":" for s in schemes)})')
    if scheme in ("mailto", "tel", "sms"):
        if not parts.path or parts.path.startswith("/"):
            raise UnsafeLink(f"a {scheme}: link needs an address after the colon")
        return WebURL(text, scheme, "")
    if not text[len(scheme) + 1:].startswith("//"):
        raise UnsafeLink(f"write {scheme}:// followed by the host name")
    netloc = parts.netloc
    if "@" in netloc:
        raise UnsafeLink("it has a user name before the host (\"…@host\"): browsers and servers disagree on "
                         "which host that is")
    host, _, port = netloc.partition(":") if not netloc.startswith("[") else (netloc, "", "")
    if not host or not _HOST.fullmatch(host) or (port and not port.isdigit()):
        raise UnsafeLink(f'"{netloc}" is not a host name')
    return WebURL(text, scheme, host.lower().rstrip("."))


def _site_path(text: str, allow_fragment: bool) -> SitePath:
    path, hash_mark, fragment = text.partition("#")
    if hash_mark and not allow_fragment:
        raise UnsafeLink("it has a #fragment, which does not belong here")
    if "?" in path:
        raise UnsafeLink("it has a ?query, which a static site cannot answer")
    decoded = unquote(path, errors="strict") if "%" in path else path
    bad = _bad_character(decoded.replace(" ", "_"))
    if bad or "\\" in decoded:
        raise UnsafeLink((bad or "it contains a backslash") + " once its %-escapes are decoded")
    if ":" in decoded:
        raise UnsafeLink("it contains a colon, which browsers read as the start of a scheme (javascript:)")
    if any(part == ".." for part in decoded.split("/")):
        raise UnsafeLink("it climbs out with ..")
    clean = posixpath.normpath("/" + decoded).lstrip("/")
    clean = "" if clean == "." else clean
    trailing = decoded.endswith("/") and clean != ""
    if clean in ("", "index.html"):
        return SitePath("", fragment)
    if clean.endswith("/index.html"):
        return SitePath(clean.removesuffix("index.html"), fragment)
    stem = clean.rsplit("/", 1)[-1]
    # An extensionless URL is served as a folder (`old/path/index.html`): static hosts answer both spellings.
    return SitePath(clean if "." in stem and not trailing else clean + "/", fragment)


def url_path(path: str) -> str:
    """A site path as it appears in a URL or a host's rules file: %-escaped, no spaces or line breaks."""
    return quote(path, safe="/-._~!$&'()*+,;=@")
