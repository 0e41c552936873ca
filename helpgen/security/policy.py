"""The allow-list articles are cleaned with: what Markdown, Material and the common extensions write.

Everything else is removed: `<script>`, `<style>`, forms, frames, objects, event handlers (`on…`),
`style` except `text-align` (tables), and URLs whose scheme is not on the list (so `javascript:`,
`vbscript:` and every `data:` URL, however entity-encoded, since the sanitizer decodes first). A site
may allow `<iframe>` embeds from the https domains it names (`embed_domains` in mkdocs.yml).
docs/security.md lists the same allow-list for writers; tests/test_security.py holds the two together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import nh3

from .urls import UnsafeLink, web_url

# What Python-Markdown, its standard extensions (tables, toc, footnotes, admonition, attr_list, def_list,
# abbr, md_in_html) and pymdownx (highlight, superfences, details, tabbed, tasklist, emoji, keys, mark,
# caret, tilde) produce, on top of ammonia's default set of harmless formatting tags.
TAGS = frozenset(nh3.ALLOWED_TAGS | {"input", "label", "tfoot", "section", "svg", "path", "g", "circle",
                                     "rect", "title"})
# Removed together with their content: their text is code or styling, never prose.
CONTENT_REMOVED = frozenset({"script", "style", "template", "noscript", "xmp", "noembed", "noframes"})

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role"})
ATTRIBUTE_PREFIXES = frozenset({"aria-"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "name", "hreflang"}),  # name: pymdownx.highlight's line anchors
    "img": frozenset({"src", "alt", "width", "height", "loading", "align"}),
    "td": frozenset({"style", "align", "colspan", "rowspan", "headers"}),  # style: tables' text-align
    "th": frozenset({"style", "align", "colspan", "rowspan", "headers", "scope"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "input": frozenset({"checked", "disabled", "name"}),  # task lists, tabbed content (type: see below)
    "label": frozenset({"for"}),
    "div": frozenset({"data-tabs"}),  # pymdownx.tabbed
    "time": frozenset({"datetime"}),
    "abbr": frozenset({"title"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    # Inline icons (pymdownx.emoji with Material's icon sets) are plain shapes: no <use>, no links.
    "svg": frozenset({"xmlns", "viewbox", "viewBox", "width", "height", "fill", "aria-hidden"}),
    "path": frozenset({"d", "fill", "fill-rule", "clip-rule"}),
    "g": frozenset({"fill"}),
    "circle": frozenset({"cx", "cy", "r", "fill"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "ry", "fill"}),
}
ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}  # no text fields: forms belong in the theme
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms", "ftp", "ftps", "geo", "webcal"})
# Ids the page's own scripts look elements up by: Material's `__config`, `__search`, … and helpgen's
# `helpgen-…`/`hg-…`. An article element with one of them would be found first ("DOM clobbering"), so
# such a name is prefixed. The `__` ids that Markdown extensions write into articles stay as they are.
RESERVED_ID = re.compile(r"(?:__(?!(?:tabbed_\d+(?:_\d+)?|codelineno-\d+(?:-\d+)?|code_\d+(?:_annotation_\d+)?)$)"
                         r"|helpgen-|hg-)", re.IGNORECASE)
ID_PREFIX = "user-content-"
# Attributes whose value is an id, or a list of ids, of the page: renamed alike so references still match.
ID_ATTRIBUTES = frozenset({"id", "name", "for"})
ID_LIST_ATTRIBUTES = frozenset({"headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"})


# Markup in which an attribute could spell a reserved id: the characters themselves, or an entity (nh3
# decodes `&#95;`, `&lowbar;` before the filter sees a value).
_MAY_HOLD_RESERVED_ID = re.compile(r"__|helpgen-|hg-|&#|&lowbar;|&underbar;", re.IGNORECASE)


def page_id(value: str) -> str:
    """An article's id as the page carries it: prefixed when the page's scripts could read it as theirs."""
    return ID_PREFIX + value if RESERVED_ID.match(value.strip()) else value


EMBED_ATTRIBUTES = frozenset({"src", "width", "height", "allow", "allowfullscreen", "frameborder", "loading",
                              "referrerpolicy"})


@dataclass(frozen=True)
class HtmlPolicy:
    """The allow-list, plus the https domains a site lets articles embed in <iframe> (none by default)."""

    embed_domains: tuple[str, ...] = ()

    def allows_embed(self, url: str) -> bool:
        """An https URL whose host is one the site listed, read as browsers read it (security/urls.py)."""
        try:
            host = web_url(url, ("https",)).host
        except UnsafeLink:
            return False
        return host in {d.lower().rstrip(".") for d in self.embed_domains}

    def nh3_options(self, markup: str = "") -> dict[str, Any]:
        """nh3's options; `markup`, when given, lets the id filter be skipped where no reserved id can be
        (a Python call per attribute costs half the cleaning's time)."""
        options = self._options()
        if not self.embed_domains and markup and not _MAY_HOLD_RESERVED_ID.search(markup):
            options = dict(options, attribute_filter=None)
        return options

    def _options(self) -> dict[str, Any]:
        tags = set(TAGS)
        attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
        attributes["*"] = set(GLOBAL_ATTRIBUTES)
        if self.embed_domains:
            tags.add("iframe")
            attributes["iframe"] = set(EMBED_ATTRIBUTES)
        return dict(tags=tags, clean_content_tags=set(CONTENT_REMOVED), attributes=attributes,
                    attribute_filter=self._filter,
                    generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES), tag_attribute_values=ATTRIBUTE_VALUES,
                    filter_style_properties=set(STYLE_PROPERTIES), url_schemes=set(URL_SCHEMES),
                    link_rel=None, strip_comments=True)

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute in ID_ATTRIBUTES:
            return page_id(value)
        if attribute in ID_LIST_ATTRIBUTES:
            return " ".join(page_id(v) for v in value.split())
        if tag == "iframe" and attribute == "src" and not self.allows_embed(value):
            return None
        return value


# The same parse and serialisation with (almost) nothing removed: comparing it with the clean result
# says exactly what the policy took away, so `helpgen check` reports what the build will drop.
KEEP_ALL: dict[str, Any] = dict(
    tags=set(nh3.ALLOWED_TAGS | TAGS | CONTENT_REMOVED | {"iframe", "object", "embed", "form", "button",
         "textarea", "select", "option", "frame", "frameset", "base", "link", "meta", "math", "foreignobject",
         "use", "image", "animate", "set", "a", "video", "audio", "source", "track", "marquee", "font",
         "applet", "param", "dialog", "portal", "isindex", "keygen", "animatetransform", "feimage"}),
    clean_content_tags=set(),
    generic_attribute_prefixes=set("abcdefghijklmnopqrstuvwxyz"),
    url_schemes=set(URL_SCHEMES | nh3.ALLOWED_URL_SCHEMES | {"javascript", "vbscript", "data", "file", "blob",
                                                             "livescript", "mocha", "jar"}),
    link_rel=None, strip_comments=True)
