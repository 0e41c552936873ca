"""`helpgen init` and `helpgen new`: start a project, start an article. Never overwrite a writer's file."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import unicodedata
from pathlib import Path

from .articles import ARTICLE_TYPES
from ..errors import HelpgenError, Location

TEMPLATE_DIR = Path(__file__).parent.parent / "project_template"
# The body `helpgen new` writes; `helpgen check` warns while an article still says it (draft-placeholder).
PLACEHOLDER_BODY = "Write the answer first, in one or two sentences. Then the details."
_CATEGORY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def init_project(target: Path) -> list[Path]:
    """Copy the starter project into `target` (new or empty). Returns the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise HelpgenError.at(Location(str(target)), "the folder exists and is not empty",
                              "choose a new folder name; helpgen init never overwrites files")
    shutil.copytree(TEMPLATE_DIR, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return sorted(p for p in target.rglob("*") if p.is_file())


def slugify(title: str) -> str:
    """'How do I return an item?' -> 'how-do-i-return-an-item'. Letters outside ASCII are kept (CJK titles)."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    return text[:80].rstrip("-") or "article"


def new_article(content_dir: Path, title: str, category: str, article_type: str = "faq",
                today: dt.date | None = None) -> Path:
    """Write a new article with complete front matter. Returns its path."""
    if not title.strip():
        raise HelpgenError.at(Location("TITLE"), "the title is empty", 'write e.g. helpgen new "How do I …?"')
    if not _CATEGORY.match(category):
        raise HelpgenError.at(Location("--category"), f'"{category}" is not a category id',
                              "use lowercase letters, digits and dashes, e.g. returns")
    if article_type not in ARTICLE_TYPES:
        raise HelpgenError.at(Location("--type"), f'"{article_type}" is not an article type',
                              "use one of: " + ", ".join(ARTICLE_TYPES))
    if not content_dir.is_dir():
        raise HelpgenError.at(Location(str(content_dir)), "the content folder does not exist",
                              "run helpgen in a project folder, or create one with `helpgen init DIR`")
    path = content_dir / category / f"{slugify(title)}.md"
    if path.exists():
        raise HelpgenError.at(Location(str(path)), "an article with this name already exists",
                              "edit it, or choose a different title")
    today = today or dt.date.today()
    review_by = today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) \
        else today.replace(year=today.year + 1, day=28)
    path.parent.mkdir(parents=True, exist_ok=True)
    # json.dumps gives a double-quoted string YAML reads back exactly, whatever the title holds.
    path.write_text(
        "---\n"
        f"title: {json.dumps(title.strip(), ensure_ascii=False)}\n"
        "description: \n"
        f"type: {article_type}\n"
        f"tags: [{category}]\n"
        f"updated: {today.isoformat()}\n"
        f"review_by: {review_by.isoformat()}\n"
        "---\n"
        f"{PLACEHOLDER_BODY}\n",
        encoding="utf-8",
    )
    return path
