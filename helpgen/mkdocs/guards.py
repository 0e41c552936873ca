"""What the adapter refuses before MkDocs renders: `template:` names the theme lacks (Jinja would stop
with a traceback, mid-write). Files linked from outside the content folder: sources.py."""
from __future__ import annotations

from jinja2 import TemplateNotFound
from mkdocs.structure.files import Files

from ..errors import HelpgenError, Location, Problem


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

