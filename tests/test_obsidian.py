"""An Obsidian vault as a help center (tests/fixtures/obsidian: written here in the shape of a real multi-language
vault): it checks and builds as it is, with Obsidian's own syntax rendered the way Obsidian shows it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpgen.checks import check_project
from helpgen.content.articles import FRONT_MATTER_KEYS, parse_article
from helpgen.content.options import front_matter_options
from helpgen.content.obsidian import Vault, wikilinks
from helpgen.migrate.fix import fix_project
from helpgen.mkdocs.commands import build_site

from .conftest import REPO, soup, tree_bytes

FIXTURE = REPO / "tests" / "fixtures" / "obsidian"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("obsidian") / "vault"
    shutil.copytree(FIXTURE, root)
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


def errors(root: Path, monkeypatch) -> list:
    monkeypatch.chdir(root)
    return [p for p in check_project(root) if p.severity == "error"]


def test_the_vault_checks_clean_as_it_is_and_fix_leaves_it_alone(vault, monkeypatch):
    assert errors(vault, monkeypatch) == []
    before = tree_bytes(vault / "content")
    assert fix_project(vault).changes == []
    assert tree_bytes(vault / "content") == before  # still a vault Obsidian opens as it was


def test_note_names_give_titles_and_clean_lowercase_urls(site):
    assert soup(site / "vault/index.html").select_one("article h1").get_text() == "Create a vault"
    category = soup(site / "getting-started/index.html")
    assert category.select_one("article h1").get_text() == "Getting started"  # the folder's own name
    assert soup(site / "zh/快速入门/index.html").select_one("article h1").get_text() == "快速入门"
    assert soup(site / "da/kom-i-gang/index.html").select_one("article h1").get_text() == "Kom i gang"


def test_wikilinks_reach_the_page_obsidian_opens_with_the_heading_as_anchor(site):
    links = {a.get_text(): a["href"] for a in soup(site / "sync/index.html").select("article p a")}
    assert links["choose a folder"] == "../vault/#choose-a-folder"  # [[Create a vault#Choose a folder|…]]
    assert links["New vault"] == "../vault/"  # an alias of Create a vault
    assert links["Conflicts"] == "#conflicts"  # [[#Conflicts]]: this page
    assert links["Create a vault > Ofte stillede spørgsmål"] == "../vault/#ofte-stillede-sp%C3%B8rgsm%C3%A5l"
    danish = {a.get_text(): a["href"] for a in soup(site / "da/sync/index.html").select("article p a")}
    assert danish["vælg en mappe"] == "../vault/#v%C3%A6lg-en-mappe"
    chinese = soup(site / "zh/vault/index.html").select_one("article p a")
    assert chinese["href"] == "../sync/#%E5%B8%B8%E8%A7%81%E9%97%AE%E9%A2%98"  # [[同步笔记#常见问题]]


def test_embeds_show_the_image_at_its_width_and_the_notes_block_and_section_in_place(site):
    page = soup(site / "sync/index.html")
    image = page.select_one("article img")
    assert image["width"] == "300" and image["src"] == "../Getting%20started/Attachments/Vault%20picker.png"
    assert (site / "Getting started/Attachments/Vault picker.png").is_file()
    text = [p.get_text(" ", strip=True) for p in page.select("article > p")]
    assert text.count("Pick an empty folder for the vault.") == 2  # the block, then the section it is in
    assert not page.select('article [id="^pick-folder"]')  # the block's anchor stays on its own page
    assert soup(site / "vault/index.html").select('article [id="^pick-folder"]')


def test_callouts_are_admonitions_folded_or_open_as_written(site):
    page = soup(site / "sync/index.html")
    folded = page.select_one("article details.tip")
    assert folded.summary.get_text() == "Keep it synced" and not folded.has_attr("open")
    opened = page.select_one("article details.info")
    assert opened.summary.get_text() == "Open by default" and opened.has_attr("open")
    custom = page.select_one("article div.admonition.note")
    assert custom.select_one(".admonition-title").get_text() == "Desktop only"
    danish = soup(site / "da/sync/index.html").select_one("article div.admonition.note .admonition-title")
    assert danish.get_text() == "Eksempel"  # a type Obsidian does not know either: a note titled with the word
    assert not [q for q in page.select("article blockquote, article > p") if "[!" in q.get_text()]


def test_comments_are_left_out_highlights_marked_and_code_kept_as_written(site):
    article = soup(site / "sync/index.html").select_one("article")
    assert "A note to ourselves" not in article.get_text() and "%%" not in article.get_text()
    assert article.select_one("mark").get_text() == "the one setting that matters"
    assert [c.get_text() for c in article.select("p code")] == ["[[Not a link]]"]
    assert "[[Neither is this]]\n> [!bug] Nor this" in article.select_one("pre code").get_text()


def test_permalink_slash_makes_the_note_the_home_page_and_a_folders_own_url_opens_the_folder(site):
    home = soup(site / "index.html")
    assert home.select(".hg-category-grid")  # helpgen's home page, with the note's text on it
    assert "Welcome to the notebook's help." in home.select_one("article").get_text()
    assert "Velkommen" in soup(site / "da/index.html").select_one("article").get_text()
    plugins = soup(site / "plugins/index.html")
    assert "Core plugins ship with the notebook." in plugins.get_text()
    assert [a.get_text() for a in plugins.select("[data-hg-articles] a")] == ["Daily notes"]
    assert [c.get_text(strip=True) for c in home.select(".hg-category-card__title")] == ["Getting started", "Plugins"]


def test_translations_belong_together_by_their_shared_permalink(site):
    alternates = {link["hreflang"]: link["href"] for link in soup(site / "vault/index.html").select("link[rel=alternate][hreflang]")}
    assert alternates["da"].endswith("/da/vault/") and alternates["zh"].endswith("/zh/vault/")
    switcher = [a["href"] for a in soup(site / "da/vault/index.html").select("[data-hg-language] a, .hg-language a")]
    assert any(href.endswith("zh/vault/") for href in switcher) or switcher == []


def test_aliases_that_are_names_are_search_words_and_link_targets_not_redirects():
    text = (FIXTURE / "content/en/Getting started/Create a vault.md").read_text(encoding="utf-8")
    article, problems = parse_article(text, "Getting started/Create a vault.md")
    assert problems == [] and article.title == "Create a vault"
    assert article.more.names == ("New vault", "How to/Make a vault") and "New vault" in article.keywords
    assert article.more.redirect_from == ()
    hugo, _ = parse_article("---\ntitle: T\naliases: [/old/page/, old/other.html]\n---\n", "t.md")
    assert hugo.more.redirect_from == ("old/page/", "old/other.html") and hugo.more.names == ()


@pytest.mark.parametrize("link, found", [
    ("[[Create a vault]]", "Getting started/Create a vault.md"),
    ("[[getting started/create a vault]]", "Getting started/Create a vault.md"),  # a path, any case
    ("[[Create a vault.md]]", "Getting started/Create a vault.md"),
    ("[[New vault]]", "Getting started/Create a vault.md"),  # an alias
    ("[[Notes]]", "Notes.md"),  # the exact path from the top wins over one beside the linking note
    ("[[Setup]]", "Getting started/Setup.md"),  # else the one in the linking note's folder
    ("[[Guide]]", "b/Guide.md"),  # else the shortest path
    ("[[Vault picker.png|300]]", "Getting started/Attachments/Vault picker.png"),
    ("[[Nowhere]]", None),
])
def test_wikilinks_resolve_the_way_obsidian_resolves_them(link, found):
    vault = Vault({"Getting started/Create a vault.md", "Notes.md", "Getting started/Notes.md",
                   "Getting started/Setup.md", "Other/Setup.md", "b/Guide.md", "aa/bb/Guide.md"},
                  {"Getting started/Attachments/Vault picker.png"}, {"New vault": "Getting started/Create a vault.md"})
    [parsed] = wikilinks(link)
    assert vault.resolve(parsed.target, "Getting started/Sync.md").src == found


def test_a_wikilink_or_heading_that_names_nothing_is_an_error_at_its_line(vault, monkeypatch):
    note = vault / "content/en/Getting started/Sync your notes.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nSee [[Nowhere]] and [[Create a vault#No such heading]].\n",
                    encoding="utf-8")
    found = {(p.rule, p.location.line, p.location.col) for p in errors(vault, monkeypatch)}
    line = len(note.read_text(encoding="utf-8").split("\n")) - 1
    assert found == {("broken-link", line, 5), ("broken-anchor", line, 21)}


def test_key_aliases_may_remap_a_helpgen_key_and_fix_does_not_rewrite_the_vault(vault, monkeypatch):
    config = vault / "mkdocs.yml"
    config.write_text(config.read_text() + "      key_aliases: {tags: keywords}\n", encoding="utf-8")  # tags: hidden
    note = vault / "content/en/Plugins/Daily notes.md"
    note.write_text(note.read_text(encoding="utf-8").replace("---\n", "---\ntags: [journal]\n", 1), encoding="utf-8")
    assert errors(vault, monkeypatch) == []
    fix_project(vault)
    assert "tags: [journal]" in note.read_text(encoding="utf-8")
    text = note.read_text(encoding="utf-8")
    article, _ = parse_article(text, "Plugins/Daily notes.md", options=front_matter_options(
        None, {"tags": "keywords"}, FRONT_MATTER_KEYS))
    assert article.keywords == ("journal",) and article.tags == ()


def test_a_markdown_link_written_obsidians_way_is_fixed_path_and_anchor_in_one_run(vault, monkeypatch):
    note = vault / "content/en/Getting started/Sync your notes.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nSee [the folder](Create%20a%20vault#Choose%20a%20folder).\n",
                    encoding="utf-8")
    monkeypatch.chdir(vault)
    fix_project(vault)
    assert "[the folder](Create%20a%20vault.md#choose-a-folder)" in note.read_text(encoding="utf-8")
    assert fix_project(vault).changes == [] and errors(vault, monkeypatch) == []
