"""Rendering Material's templates for a thousand pages without redoing the same work a thousand times.

Profiled on 1,000 articles, a fifth of all page time went to Material's navigation sidebar
(partials/nav.html): the same home, category and contact links on every page. For a page that is not
itself in the navigation nothing in that sidebar is marked active, and its links are relative to the
page's folder: every article of one category gets the very same sidebar HTML. It is rendered once per
folder and reused, only when Material's own nav templates are in use (an override may read anything).
"""
from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2

# The templates Material's sidebar is made of; an override of any of them turns the reuse off.
NAV_TEMPLATES = ("partials/nav.html", "partials/nav-item.html", "partials/logo.html", "partials/source.html",
                 "partials/toc.html", "partials/toc-item.html")


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept across the builds of one process (the preview server rebuilds with a
    fresh Jinja environment each time). Jinja checks each entry against the template's source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def prepare_environment(env: jinja2.Environment) -> None:
    env.bytecode_cache = COMPILED_TEMPLATES
    # Templates do not change during a build (each build makes a new environment): don't stat every
    # template file again at each of the ~40 includes of every page.
    env.auto_reload = False
    # Compiled code depends on autoescaping; the plugin's on_env turns it on, so compile with it from the start.
    env.autoescape = True


def reuse_navigation(env: jinja2.Environment, nav) -> None:
    """Render Material's sidebar once per folder for pages outside the navigation, when the sidebar
    templates are Material's own. Once per environment: each build makes a new one."""
    try:
        templates = [env.get_template(name) for name in NAV_TEMPLATES]
    except jinja2.TemplateNotFound:
        return
    material = _material_templates()
    if material is None or not all(t.filename and Path(t.filename).resolve().is_relative_to(material)
                                   for t in templates):
        return
    nav_template = templates[0]
    render = nav_template.root_render_func
    in_nav = {id(page.file) for page in nav.pages}
    nav_urls = [page.url for page in nav.pages]
    rendered: dict[tuple, str] = {}

    def sidebar(context):
        page = context.get("page")
        if page is None or id(getattr(page, "file", None)) in in_nav or getattr(page, "parent", None) is not None:
            yield from render(context)
            return
        url = page.url
        # A link into this very page's folder would be relative to the page itself: no sharing then.
        own = url if any(u.startswith(url) for u in nav_urls if url) else ""
        key = (posixpath.dirname(url.rstrip("/")), own, context.get("base_url"))
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = "".join(render(context))
        yield html

    nav_template.root_render_func = sidebar


def _material_templates() -> Path | None:
    try:
        import material
    except ImportError:
        return None
    return (Path(material.__file__).parent / "templates").resolve()
