"""The preview's error page: while the project does not build, every page of `helpgen serve` is a list
of what is wrong (file:line, message, fix), and it turns back into the site as soon as a save fixes it.

A writer previews in the browser; errors only in the terminal leave them looking at the last good page,
wondering why their edit does not show. The page carries MkDocs' live-reload script like any page of
the preview, so the next build (good or bad) reloads it. It is for the writer: its own words are the
site's default language's (the translation tables, a site's strings.yml on top); the problems are worded
as the command line words them. It is never part of a built site.
"""
from __future__ import annotations

import html
import re

from mkdocs.livereload import LiveReloadServer

from ..errors import HelpgenError
from ..i18n import Messages, messages

_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html_title}</title>
<style>
 body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f1f1f; background: #fff; }}
 main {{ max-width: 52rem; margin: 0 auto; padding: 2rem 1.2rem; }}
 h1 {{ font-size: 1.5rem; margin: 0 0 .5rem; color: #9c1c1c; }}
 ol {{ padding-left: 1.4rem; }} li {{ margin: 0 0 1rem; }}
 code {{ font: .95em ui-monospace, monospace; background: #f3f3f3; padding: .1em .3em; border-radius: .2em; }}
 .fix {{ color: #11652d; }}
</style></head>
<body><main>
<h1>{title}</h1>
<p>{lead}</p>
<ol>
{items}
</ol>
</main></body></html>
"""


def error_page(error: Exception, text: Messages | None = None, lang: str = "") -> bytes:
    """The page for a failed build: one item per problem, each escaped (messages quote the user's text).
    `text`: the default language's words (English without it); `lang`: its code, for <html lang>."""
    text = text or messages(None)
    problems = getattr(error, "problems", None)
    if problems:
        items = []
        for problem in problems:
            fix = f'<br><span class="fix">{html.escape(text.t("preview.fix", hint=problem.hint))}</span>' \
                if problem.hint else ""
            items.append(f"<li><code>{html.escape(str(problem.location))}</code> {html.escape(problem.message)}{fix}</li>")
    else:
        message = error.format_message() if isinstance(error, HelpgenError) else str(error) or type(error).__name__
        items = [f"<li>{html.escape(message)}</li>"]
    count = len(problems) if problems else 1
    return _PAGE.format(lang=html.escape(lang or text.lang), title=html.escape(text.t("preview.title", count=count)),
                        html_title=html.escape(text.t("preview.html_title", count=count)),
                        lead=html.escape(text.t("preview.lead")), items="\n".join(items)).encode("utf-8")


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that answers every page request with the error page while `failing`."""

    failing: bytes | None = None

    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if self.failing is not None and _is_page(path):
            with self._epoch_cond:
                epoch = self._visible_epoch
            content = self._inject_js_into_html(self.failing, epoch)
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                      ("Content-Length", str(len(content)))])
            return [content]
        return super()._serve_request(environ, start_response)


def _is_page(path: str) -> bool:
    """A page (folder URL or .html), not the live-reload poll or an asset the error page does not use."""
    if path.startswith("/livereload/"):
        return False
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or not re.search(r"\.[A-Za-z0-9]+$", last)


def writers_language(config) -> tuple[Messages, str] | None:
    """The words and code of the site's default language (from mkdocs.yml, so a support.yml the plugin
    cannot read yet does not change them; a site's strings.yml on top once the plugin has read it);
    None without the helpgen plugin's config."""
    plugin = config.plugins.get("helpgen") if config is not None else None
    if plugin is None:
        return None
    code = str((plugin.config.get("languages") or [config.theme.get("language") or "en"])[0])
    texts = getattr(plugin, "texts", None) or {}
    return texts.get(code) or messages(code), code
