"""Each language's own 404 page in a multi-language help center.

MkDocs renders the theme's 404.html once, as a static template, before any page: in the default language,
with links absolute from the site root, since a host serves it at any depth (/returns/old/deep/). Every
other language gets its own at `<code>/404.html`, rendered from the same template through the same steps
as MkDocs' (`mkdocs.commands.build._build_template`: the plugins' template events, the error-page base
URL), with that language's site data, strings, navigation and Material language on top, as pages get theirs
in on_page_context (languages.py).

Many hosts serve only the root 404.html (GitHub Pages does; docs/languages.md says how to set up others):
the root page carries where the other languages' pages are, so its script can show a visitor under /da/
the Danish one (partials/helpgen-notfound-language.html).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Callable
from urllib.parse import urlsplit

from mkdocs import utils
from mkdocs.commands.build import get_context

from ..content.articles import HOME_SRC
from ..content.languages import Language, SiteLanguages

ERROR_TEMPLATE = "404.html"


@dataclass(frozen=True)
class NotFoundPages:
    """What one 404 page knows about the others (the template global `helpgen_notfound`)."""

    others: dict[str, str] = field(default_factory=dict)  # on the root page: "da/" -> "da/404.html"
    own_prefix: str = ""  # on a language's own page: "da/", the part of the site it answers for


def root_not_found(languages: SiteLanguages) -> NotFoundPages:
    return NotFoundPages({lang.url_prefix: lang.dest(ERROR_TEMPLATE) for lang in languages if not lang.default})


def not_found_switcher(page_languages: dict, lang: Language, home_src: str = HOME_SRC):
    """A 404 page's language switcher: each language's home page (a missing page has no translations),
    and no hreflang alternates: search engines index no error page. `home_src`: the language's home page
    inside its folder (index.md, or the article `permalink: /` makes the home page)."""
    home = page_languages.get(lang.src(home_src))
    return replace(home, alternates=()) if home is not None else None


def render_error_page(env, config, files, nav, language_context: dict) -> str:
    """404.html as MkDocs renders it, with `language_context` (the page's language's `helpgen`, `t`, …)
    over what the plugins' template_context events made of MkDocs' context."""
    template = config.plugins.on_pre_template(env.get_template(ERROR_TEMPLATE), template_name=ERROR_TEMPLATE,
                                              config=config)
    # As MkDocs does for error pages: links from the site's root path, whatever depth the page is served at.
    context = get_context(nav, files, config, base_url=urlsplit(config.site_url or "/").path)
    context = config.plugins.on_template_context(context, template_name=ERROR_TEMPLATE, config=config)
    context.update(language_context)
    output = template.render(context)
    return config.plugins.on_post_template(output, template_name=ERROR_TEMPLATE, config=config)


def write_language_error_pages(env, config, files, languages: SiteLanguages, context_of: Callable[[Language], dict],
                               material_languages: dict[str, str], page_languages: dict,
                               home_srcs: dict[str, str] | None = None) -> None:
    """site/<code>/404.html for every language but the default (whose page MkDocs wrote at the root).
    `context_of(lang)`: the language's template context (with its `nav`), as its pages get it. Material
    picks its own strings by `theme.language`: set for each page, put back afterwards."""
    if not languages.multilingual or ERROR_TEMPLATE not in config.theme.static_templates:
        return
    saved = config.theme["language"]
    try:
        for lang in languages:
            if lang.default:
                continue
            config.theme["language"] = material_languages[lang.code]
            context = {**context_of(lang), "helpgen_notfound": NotFoundPages(own_prefix=lang.url_prefix),
                       "helpgen_languages": not_found_switcher(page_languages, lang,
                                                               (home_srcs or {}).get(lang.code, HOME_SRC))}
            html = render_error_page(env, config, files, context["nav"], context)
            utils.write_file(html.encode("utf-8"), os.path.join(config.site_dir, lang.dest(ERROR_TEMPLATE)))
    finally:
        config.theme["language"] = saved
