"""The files a static host needs for the site's redirects (content/redirects.py says what redirects where):
a small HTML page per old URL, a `_redirects` file for Netlify/Cloudflare, and the URL manifest the next
build compares with.
"""
from __future__ import annotations

import json
import posixpath
from urllib.parse import urlsplit

from jinja2 import Environment

from ..content.redirects import Redirect, is_external, output_file, writes_page
from ..security import script_json
from ..security.urls import url_path, web_url
from ..i18n.messages import Messages, messages



def html_page(source: str, target: str, site_url: str = "", lang: str = "en", text: Messages | None = None) -> str:
    """A page that sends visitors on: JavaScript keeps the #anchor they came with, a meta refresh works
    without it, and a visible link works without either. Values reach HTML only through autoescaping.
    `text`: the language's words (a site's own strings.yml on top); default: helpgen's table for `lang`."""
    external = is_external(target)
    href = web_url(target).url if external else relative_url(source, target)
    canonical = href if external else (site_url.rstrip("/") + "/" + url_path(target) if site_url else href)
    text = text or messages(lang)
    return _PAGE.render(href=href, canonical=canonical, target_json=script_json(href), lang=lang,
                        title=text.t("redirect.title"), moved_to=text.t("redirect.moved_to"))


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at from_url to to_url (both site paths), as the browser resolves it."""
    base = from_url if from_url == "" or from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    path, _, fragment = to_url.partition("#")
    rel = posixpath.relpath("/" + path, "/" + base)
    if path == "" or path.endswith("/"):
        rel = rel.rstrip("/") + "/"
    if ":" in rel.split("/", 1)[0]:
        rel = "./" + rel  # a first part with a colon reads as a scheme; site paths hold none, but never rely on it
    return url_path(rel) + (f"#{fragment}" if fragment else "")


_ENV = Environment(autoescape=True, keep_trailing_newline=True)
_PAGE = _ENV.from_string("""<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{ canonical }}">
<meta http-equiv="refresh" content="0; url={{ href }}">
<script>var t={{ target_json }};if(location.hash&&t.indexOf("#")<0){t+=location.hash}location.replace(t)</script>
</head>
<body>
<p>{{ moved_to }} <a href="{{ href }}">{{ href }}</a></p>
</body>
</html>
""")


def redirects_file(redirects: list[Redirect], base_path: str = "/", existing: str = "") -> str:
    """Netlify/Cloudflare Pages `_redirects`: `/old/ /new/ 301`, one line each. The site owner's own rules
    (a `_redirects` listed in the plugin's `host_files`) come first: the first matching rule wins there.
    Each field is %-escaped (security.urls.url_path), so no value can add a field or a line."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    lines = [existing.rstrip("\n")] if existing.strip() else []
    for redirect in sorted(redirects, key=lambda r: r.source):
        path, _, fragment = redirect.target.partition("#")
        target = web_url(redirect.target).url if redirect.external else \
            url_path(base + path) + (f"#{url_path(fragment)}" if fragment else "")
        fields = (url_path(base + redirect.source), target, "301")
        if any(not field or any(ch.isspace() or not ch.isprintable() for ch in field) for field in fields):
            raise ValueError(f"a redirect that cannot be written safely: {redirect!r}")  # parse_link prevents it
        lines.append(" ".join(fields))
    return "\n".join(lines) + "\n"


def manifest(pages: dict[str, tuple[str, str]], redirects: list[Redirect]) -> str:
    """site/.helpgen/urls.json: every URL published (url -> src and title) and every redirect, so the
    next build can tell which URLs vanished (moves.py). Sorted: the same site gives the same bytes."""
    data = {
        "version": 1,
        "pages": {url: {"src": src, "title": title} for url, (src, title) in sorted(pages.items())},
        "redirects": {r.source: r.target for r in sorted(redirects, key=lambda r: r.source)},
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_redirects(site_dir, redirects: list[Redirect], pages: dict[str, tuple[str, str]], site_url: str = "",
                    lang: str = "en", texts: dict[str, Messages] | None = None) -> None:
    """Write each redirect page, `_redirects` and `.helpgen/urls.json` into a built site. A file the site
    already has at a redirect's place (the checks report the conflict) is never overwritten. Each page is
    in the language of the page that declared it (`lang` when it has none), worded by `texts[code]`."""
    from pathlib import Path

    site = Path(site_dir)
    for redirect in redirects:
        path = site / output_file(redirect.source)
        if path.exists() or not writes_page(redirect.source):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        code = redirect.language or lang
        path.write_text(html_page(redirect.source, redirect.target, site_url, code, (texts or {}).get(code)),
                        encoding="utf-8")
    own = site / "_redirects"
    existing = own.read_text(encoding="utf-8") if own.is_file() else ""
    if redirects or existing:
        own.write_text(redirects_file(redirects, urlsplit(site_url).path or "/", existing), encoding="utf-8")
    (site / ".helpgen").mkdir(exist_ok=True)
    (site / ".helpgen" / "urls.json").write_text(manifest(pages, redirects), encoding="utf-8")
