"""Convert a generated helpgen project into a Hugo site using the minimal layout in bench/hugo/.

Hugo front matter is YAML too; the differences handled here:
- a folder's landing page is `_index.md` (an `index.md` would make the folder a single page);
- `type` selects layouts in Hugo, so the article type is kept as `article_type`;
- category `order` becomes Hugo's `weight`;
- `{{ support.… }}` variables are printed literally (as in the plain MkDocs variant);
- links `../cat/slug.md` become `/cat/slug/`, the URL Hugo gives that file;
- helpgen generates a contact page; here it is `content/contact.md` with the `contact` layout.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from generate import ensure_empty_destination, replace_variables, write_text

HUGO_LAYOUT = Path(__file__).resolve().parent / "hugo"
CONTACT_PAGE = "---\ntitle: Contact us\nlayout: contact\n---\n"
_MARKDOWN_LINK = re.compile(r"\]\(\.\./([\w-]+)/([\w-]+)\.md\)")


def hugo_markdown(markdown: str) -> str:
    markdown = replace_variables(markdown)
    markdown = markdown.replace("\ntype: ", "\narticle_type: ", 1)
    markdown = markdown.replace("\norder: ", "\nweight: ", 1)
    markdown = markdown.replace("template: helpgen/home.html\n", "")
    return _MARKDOWN_LINK.sub(r"](/\1/\2/)", markdown)


def write_hugo_variant(project: Path, dest: Path) -> None:
    project, dest = Path(project), Path(dest)
    ensure_empty_destination(dest)
    shutil.copytree(HUGO_LAYOUT, dest, dirs_exist_ok=True)
    source_content = project / "content"
    for source in sorted(source_content.rglob("*.md")):
        relative = source.relative_to(source_content)
        if relative.name == "index.md":
            relative = relative.with_name("_index.md")
        write_text(dest / "content" / relative, hugo_markdown(source.read_text(encoding="utf-8")))
    if not (source_content / "contact.md").exists():  # helpgen generates its contact page; Hugo needs a file
        write_text(dest / "content" / "contact.md", CONTACT_PAGE)
