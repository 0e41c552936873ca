"""Which files of the content folder may be published as they are, and what each must really hold.

A file in content/ is copied to the site byte for byte and served from the help center's origin, where
anything a browser runs (a script, a style sheet, a web page, an XML document with a style sheet, a
host's configuration) runs with the help center's rights. So only a declared list of types is copied:
images, PDFs, media, fonts, downloads and plain text. A file must also be what its name says (a `.png`
that holds markup is refused: some hosts and browsers sniff), and an SVG image must be a plain image.
Everything else is an error at the file, before anything is written. The site owner's own files
(mkdocs.yml's `extra_css`/`extra_javascript`) are trusted code and exempt.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import Location, Problem
from .rules import finding
from .svg import svg_problem

# extension -> (kind, how the first bytes of such a file start; None: not checked beyond "no markup")
PUBLISHED_TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "png": ("image", (b"\x89PNG",)),
    "jpg": ("image", (b"\xff\xd8\xff",)),
    "jpeg": ("image", (b"\xff\xd8\xff",)),
    "gif": ("image", (b"GIF87a", b"GIF89a")),
    "webp": ("image", (b"RIFF",)),
    "avif": ("image", None),
    "bmp": ("image", (b"BM",)),
    "ico": ("image", (b"\x00\x00\x01\x00", b"\x89PNG")),
    "svg": ("image", None),  # checked as XML by svg.py
    "pdf": ("document", (b"%PDF-",)),
    "mp4": ("media", None), "m4v": ("media", None), "webm": ("media", None), "ogv": ("media", None),
    "mov": ("media", None), "mp3": ("media", None), "m4a": ("media", None), "ogg": ("media", None),
    "oga": ("media", None), "wav": ("media", (b"RIFF",)), "vtt": ("text", None),
    "woff": ("font", (b"wOFF",)), "woff2": ("font", (b"wOF2",)), "ttf": ("font", None), "otf": ("font", None),
    "zip": ("download", (b"PK",)), "docx": ("download", (b"PK",)), "xlsx": ("download", (b"PK",)),
    "pptx": ("download", (b"PK",)), "odt": ("download", (b"PK",)), "ods": ("download", (b"PK",)),
    "epub": ("download", (b"PK",)),
    "txt": ("text", None), "csv": ("text", None),
}
# Files a browser opens as a document or program of the site's own origin.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".xht", ".mht", ".mhtml", ".xml", ".xsl", ".xslt", ".svgz",
                   ".js", ".mjs", ".css", ".wasm", ".swf", ".xpdl", ".rdf", ".atom", ".rss")
# What static hosts read as their own configuration when it is in the site's root: never from content/.
HOST_FILES = frozenset({"_headers", "_redirects", "cname", "_routes.json", "netlify.toml", "vercel.json",
                        "staticwebapp.config.json", "firebase.json", ".htaccess", "_config.yml", ".nojekyll",
                        "web.config", "nginx.conf", "_worker.js"})
_MARKUP_START = re.compile(rb"^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*<", re.DOTALL)
_UNSAFE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\\\\:\udc80-\udcff]")


def published_type(src: str) -> str | None:
    """The kind of a file the content folder may publish ("image", "font", …), None when it may not."""
    name = src.rsplit("/", 1)[-1].lower()
    ext = name.rsplit(".", 1)[-1] if "." in name.lstrip(".") else ""
    found = PUBLISHED_TYPES.get(ext)
    return found[0] if found else None


def unsafe_name(src: str) -> str:
    """Why a path cannot be a URL of the site ("" when it can): invisible or control characters, bytes
    that are not UTF-8, a backslash or a colon."""
    bad = _UNSAFE_NAME.search(src)
    if not bad:
        return ""
    ch = bad.group(0)
    if "\udc80" <= ch <= "\udcff":
        return "its name is not UTF-8"
    return f"its name contains {'U+%04X' % ord(ch) if not ch.isprintable() else repr(ch)}"


def shown_path(src: str) -> str:
    """A path safe to print whatever bytes its name has: control characters and undecodable bytes escaped."""
    return src.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
        .encode("ascii", "backslashreplace").decode("ascii") if unsafe_name(src) else src


def check_content_files(docs_dir: Path, files: Iterable[str], display_root: str,
                        owner_files: frozenset[str] = frozenset(), is_page=lambda src: False) -> Iterator[Problem]:
    """Every file the content folder would publish as it is (`is_page(src)`: Markdown, rendered instead)."""
    for src in files:
        where = Location(shown_path(f"{display_root}/{src}" if display_root else src), 1)
        why = unsafe_name(src)
        if why:
            yield finding("file-type", where, f"this file cannot be published: {why}",
                          "rename it with plain letters, digits, - and _")
            continue
        if is_page(src) or src in owner_files:
            continue
        name = src.rsplit("/", 1)[-1]
        if name.lower() in HOST_FILES:
            yield finding("file-type", where, f'"{name}" configures the web host, which is the site owner\'s '
                          "business, not the content's", "move it next to mkdocs.yml and list it under the helpgen "
                          "plugin's `host_files:` there (docs/security.md)")
            continue
        kind = published_type(src)
        if src.lower().endswith(ACTIVE_SUFFIXES):
            code = src.lower().endswith((".js", ".mjs", ".css", ".wasm"))
            yield finding("active-file", where, "a web page or script in the content folder would be published as "
                          "it is, and run on the help center's own address",
                          "the site's own scripts and styles are named in mkdocs.yml (extra_javascript, extra_css), "
                          "where they are reviewed as code; a theme's leftover assets can go" if code else
                          "write the page in Markdown (.md); helpgen cleans what that renders")
            continue
        if kind is None:
            ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            yield finding("file-type", where, (f".{ext} files are" if ext else "files without an extension are")
                          + " not published from the content folder: a browser could run them on the help "
                          "center's own address", "remove it (scripts and styles go in mkdocs.yml's extra_javascript"
                          " and extra_css), or keep it out of the site with exclude_docs in mkdocs.yml")
            continue
        problem = _content_problem(docs_dir / src, src)
        if problem:
            rule = "active-file" if src.lower().endswith(".svg") else "file-type"
            yield finding(rule, where, problem, "export it again as a plain image (e.g. `svgo`, or as PNG)"
                          if rule == "active-file" else "save it in the format its name says, or rename it")


def _content_problem(path: Path, src: str) -> str:
    ext = src.rsplit(".", 1)[-1].lower()
    if ext == "svg":
        reason = svg_problem(path)
        return f"this SVG image could run code when opened: {reason}" if reason else ""
    magic = PUBLISHED_TYPES[ext][1]
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if PUBLISHED_TYPES[ext][0] == "text" or not head:
        return ""
    if _MARKUP_START.match(head):
        return (f"this .{ext} file holds markup (it starts with {head.lstrip()[:20]!r}): some hosts and browsers "
                "would open it as a page")
    if magic and not (head.startswith(magic) or (ext == "pdf" and b"%PDF-" in head)):
        return f"this is not a .{ext} file (it starts with {head[:8]!r})"
    return ""
