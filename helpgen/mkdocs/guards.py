"""What the adapter refuses or marks before MkDocs renders: files linked from outside the content folder,
`template:` names the theme lacks (Jinja would stop with a traceback), and table-of-contents titles
escaped once for the autoescaping templates (plugin.py's one escaping story)."""
from __future__ import annotations

import html
from pathlib import Path

from jinja2 import TemplateNotFound
from markupsafe import escape
from mkdocs.structure.files import Files

from ..errors import HelpgenError, Location, Problem


def refuse_links_outside(files: Files, docs_dir: Path, display_root: str) -> None:
    """MkDocs follows symlinks anywhere; a help center must not publish files from outside its folder."""
    root = docs_dir.resolve()
    problems = [
        Problem(Location(f"{display_root}/{f.src_uri}"), "this file is a link to somewhere outside the content folder",
                "copy the file into the content folder instead of linking to it")
        for f in files
        if f.abs_src_path and f.abs_src_path.startswith(str(docs_dir.absolute()))
        and not Path(f.abs_src_path).resolve().is_relative_to(root)
    ]
    if problems:
        raise HelpgenError(problems)


def refuse_missing_templates(env, files: Files, display_root: str) -> None:
    """A `template:` the theme does not have would stop the build with Jinja's traceback, mid-write."""
    problems = []
    for file in files.documentation_pages():
        name = (file.page.meta.get("template") if file.page else None) or None
        if name is None:
            continue
        try:
            env.get_template(str(name))
        except (TemplateNotFound, TypeError):
            lines = (file.content_string or "").split("\n") if file.abs_src_path or file.generated_by else []
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("template:")), 1)
            problems.append(Problem(Location(f"{display_root}/{file.src_uri}" if display_root else file.src_uri, line),
                                    f'template: the theme has no template "{name}"',
                                    "remove the key to use the normal page, or add the file to the theme's custom_dir"))
    if problems:
        raise HelpgenError(problems)


def mark_toc(toc) -> None:
    """Heading titles in the table of contents are Markdown's escaped text of the heading: decoded and
    escaped again, so they print once-escaped whatever an extension left in them."""
    for item in toc or ():
        if not hasattr(item.title, "__html__"):
            item.title = escape(html.unescape(item.title))
        mark_toc(item.children)
