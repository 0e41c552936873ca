"""`helpgen init` and `helpgen new`: start a project, start an article. Never overwrite a writer's file."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import unicodedata
from pathlib import Path

from .articles import ARTICLE_TYPES, is_category_id
from ..errors import HelpgenError, Location
from .languages import site_languages

TEMPLATE_DIR = Path(__file__).parent.parent / "project_template"
# The starter articles translated, for the languages helpgen ships strings for (init --languages).
LANGUAGE_TEMPLATE_DIR = Path(__file__).parent.parent / "project_template_languages"
_PLUGIN_LINE = "  - helpgen\n"
# The body `helpgen new` writes; `helpgen check` warns while an article still says it (draft-placeholder).
PLACEHOLDER_BODY = "Write the answer first, in one or two sentences. Then the details."


def init_project(target: Path, languages: list[str] | None = None) -> list[Path]:
    """Copy the starter project into `target` (new or empty). Returns the files written.

    With `languages` (the default first), a multi-language project: the starter articles in
    content/<default>/, translated starter articles in each other language's folder where helpgen has
    them (da, zh, zh-TW; other languages start with the default's home page to translate), and the
    plugin's `languages` option in mkdocs.yml."""
    site = site_languages(languages, None, Location("--languages")) if languages else None
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise HelpgenError.at(Location(str(target)), "the folder exists and is not empty",
                              "choose a new folder name; helpgen init never overwrites files")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(TEMPLATE_DIR, target, dirs_exist_ok=True, ignore=ignore)
    # Shipped without its dot: a .gitignore inside the package would hide files from git and the wheel.
    (target / "gitignore").rename(target / ".gitignore")
    if site is not None:
        content = target / "content"
        default = content / site.default.folder
        default.mkdir()
        for item in sorted(content.iterdir()):
            if item != default:
                item.rename(default / item.name)
        for lang in site.languages[1:]:
            translated = LANGUAGE_TEMPLATE_DIR / lang.code
            if translated.is_dir():
                shutil.copytree(translated, content / lang.folder, ignore=ignore)
            else:
                (content / lang.folder).mkdir()
                shutil.copy(default / "index.md", content / lang.folder / "index.md")
        config = target / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        option = f"  - helpgen:\n      languages: [{', '.join(site.codes)}]\n"
        config.write_text(text.replace(_PLUGIN_LINE, option, 1), encoding="utf-8")
    return sorted(p for p in target.rglob("*") if p.is_file())


def slugify(title: str) -> str:
    """'How do I return an item?' -> 'how-do-i-return-an-item'. Letters outside ASCII are kept (CJK titles)."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    return text[:80].rstrip("-") or "article"


def new_article(content_dir: Path, title: str, category: str, article_type: str = "faq",
                today: dt.date | None = None, language_folder: str = "") -> Path:
    """Write a new article with complete front matter. Returns its path. `language_folder`: the
    language's folder in a multi-language project ("da" -> content/da/<category>/…)."""
    if not title.strip():
        raise HelpgenError.at(Location("TITLE"), "the title is empty", 'write e.g. helpgen new "How do I …?"')
    if not is_category_id(category):
        raise HelpgenError.at(Location("--category"), f'"{category}" is not a category id',
                              "use lowercase letters, digits and dashes, e.g. returns")
    if article_type not in ARTICLE_TYPES:
        raise HelpgenError.at(Location("--type"), f'"{article_type}" is not an article type',
                              "use one of: " + ", ".join(ARTICLE_TYPES))
    if not content_dir.is_dir():
        raise HelpgenError.at(Location(str(content_dir)), "the content folder does not exist",
                              "run helpgen in a project folder, or create one with `helpgen init DIR`")
    path = content_dir / language_folder / category / f"{slugify(title)}.md"
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
