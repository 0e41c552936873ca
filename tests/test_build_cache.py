"""`helpgen build --cache-dir`: a later build, in another process, reuses what did not change and
writes exactly the bytes of a clean build; a damaged or foreign cache is a rebuild, never a wrong site."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from helpgen.errors import HelpgenError
from helpgen.mkdocs.build_cache import MARKER, BuildStore

from .conftest import tree_bytes


def _build(project, name, cache=None):
    site = project.root / name
    result = project.build(site_dir=site) if cache is None else _cached(project, site, cache)
    return result, tree_bytes(site)


def _cached(project, site, cache):
    from helpgen.mkdocs.commands import build_site

    return build_site(project.config, site, cache_dir=cache)


def _pages(tree: dict[str, bytes]) -> int:
    return sum(1 for path in tree if path.endswith("index.html"))


def test_a_cached_rebuild_reuses_every_page_and_writes_the_clean_bytes(project, tmp_path):
    cache = tmp_path / "cache"
    _, clean = _build(project, "clean")
    first, first_bytes = _build(project, "first", cache)
    second, second_bytes = _build(project, "second", cache)
    assert first.reused == 0
    assert second.reused == _pages(clean) == 7  # home, two categories, contact, three articles
    assert first_bytes == clean and second_bytes == clean


def test_after_one_edit_only_that_page_is_rendered_again(project, tmp_path):
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    project.article("orders/cancel.md", "Can I cancel my order?", "Yes, within an hour of ordering.", type="faq")
    result, cached = _build(project, "second", cache)
    _, clean = _build(project, "clean")
    assert cached == clean
    assert "within an hour" in cached["orders/cancel/index.html"].decode()
    assert result.reused == _pages(clean) - 1


def test_related_articles_are_chosen_again_only_when_what_they_are_chosen_from_changes(project, tmp_path, monkeypatch):
    """Related articles come from titles, descriptions and tags: a body edit reuses the last choice, a
    new title chooses again, and either way the site is the clean build's."""
    import helpgen.mkdocs.plugin as plugin

    calls = []
    choose = plugin.choose_related
    monkeypatch.setattr(plugin, "choose_related", lambda pages: calls.append(len(pages)) or choose(pages))
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    chosen = len(calls)  # 0 when this process already chose for the same articles (an earlier test's)
    project.article("orders/cancel.md", "Can I cancel my order?", "Yes, within an hour of ordering.", type="faq")
    _, body_edited = _build(project, "second", cache)
    assert len(calls) == chosen
    project.article("orders/cancel.md", "Can I cancel or return my parcel?", "Yes.", type="faq", tags="[returns]")
    _, retitled = _build(project, "third", cache)
    assert len(calls) == chosen + 1
    calls.clear()
    assert body_edited != retitled and retitled == _build(project, "clean-title")[1]


def test_a_deleted_article_leaves_the_site_and_the_cache(project, tmp_path):
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    entries = sorted((cache / "read").glob("*/*"))
    (project.content / "orders" / "cancel.md").unlink()
    _, cached = _build(project, "second", cache)
    _, clean = _build(project, "clean")
    assert cached == clean and "orders/cancel/index.html" not in cached
    assert len(sorted((cache / "read").glob("*/*"))) == len(entries) - 1


def test_a_corrupted_cache_is_rebuilt_not_trusted(project, tmp_path):
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    damaged = 0
    for path in cache.rglob("*"):
        if path.is_file() and path.name != MARKER:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2] + b"\x00garbage")
            damaged += 1
    assert damaged > 5
    result, cached = _build(project, "second", cache)
    _, clean = _build(project, "clean")
    assert cached == clean
    assert result.reused == 0


def test_an_entry_that_fails_to_load_after_it_was_found_is_made_again(project, tmp_path, monkeypatch):
    """A rebuild plans from each entry's first line and loads it when its page comes up: an entry that
    cannot be loaded then (damaged meanwhile) is a page made in place, not a missing one."""
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    load = BuildStore.get
    failed = []

    def flaky(self, kind, name, key):
        if kind == "write" and not failed:
            failed.append(name)
            return None
        return load(self, kind, name, key)
    monkeypatch.setattr(BuildStore, "get", flaky)
    result, cached = _build(project, "second", cache)
    assert failed and result.reused == _pages(cached) - 1
    monkeypatch.setattr(BuildStore, "get", load)
    assert cached == _build(project, "clean")[1]


def test_an_entry_for_other_inputs_is_never_used(project, tmp_path):
    """A page's entry is used only under its full key: a changed support.yml renders every page again."""
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    support = project.root / "support.yml"
    support.write_text(support.read_text(encoding="utf-8").replace("Acme Outfitters", "Acme Gear"), encoding="utf-8")
    result, cached = _build(project, "second", cache)
    _, clean = _build(project, "clean")
    assert cached == clean and result.reused == 0
    assert "Acme Gear" in cached["index.html"].decode()


def test_a_cache_from_other_versions_is_emptied(project, tmp_path):
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    (cache / MARKER).write_text('{"format": 0, "versions": ["0.0.1"]}', encoding="utf-8")
    result, cached = _build(project, "second", cache)
    assert result.reused == 0
    assert (cache / MARKER).read_text(encoding="utf-8") != '{"format": 0, "versions": ["0.0.1"]}'
    assert cached == _build(project, "clean")[1]


def test_a_folder_helpgen_did_not_make_is_refused_untouched(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(HelpgenError) as error:
        BuildStore(folder)
    assert "not made by helpgen" in str(error.value)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_separate_processes_with_other_hash_seeds_share_the_cache(project, tmp_path):
    """The keys say nothing a new process would say differently (ids, set order, file times)."""
    cache = tmp_path / "cache"

    def build(site: str, seed: str) -> subprocess.CompletedProcess:
        env = dict(os.environ, PYTHONHASHSEED=seed, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        return subprocess.run([sys.executable, "-m", "helpgen", "build", "--cache-dir", str(cache), "-d", site],
                              cwd=project.root, env=env, capture_output=True, text=True, timeout=300)

    first = build("first", "1")
    assert first.returncode == 0, first.stderr
    for path in project.content.rglob("*.md"):  # a fresh checkout: same bytes, new times
        os.utime(path, (1, 1))
    second = build("second", "2")
    assert second.returncode == 0, second.stderr
    built = tree_bytes(project.root / "second")
    assert re.search(rf"^Built [\d,]+ pages \({_pages(built)} from the cache\)", second.stderr, re.M), second.stderr
    assert tree_bytes(project.root / "first") == built


def test_search_postings_are_updated_from_the_cache_for_the_edited_article(project, tmp_path, monkeypatch):
    """A CI rebuild updates the index's postings kept in the cache for the one article edited, instead
    of making them over every article: the index files are the clean build's all the same."""
    import helpgen.search.postings as postings

    words = "parcel refund courier invoice voucher warranty battery charger label payment".split()
    for n in range(40):
        body = " ".join(words[(n + i) % len(words)] for i in range(30)) + "."
        project.article(f"orders/topic-{n:02}.md", f"Topic {n} {words[n % len(words)]}", body, type="faq")
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    made = []
    make = postings.make
    monkeypatch.setattr(postings, "make", lambda locations, data, keep_counts: made.append(keep_counts)
                        or make(locations, data, keep_counts))
    edited = project.content / "orders" / "topic-07.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("parcel", "parcel voucher", 1), encoding="utf-8")
    _, cached = _build(project, "second", cache)
    assert made == []  # updated from the kept postings, not made anew
    _, clean = _build(project, "clean")
    assert cached == clean
    (cache / "search.pickle").write_bytes(b"\x80\x05garbage")
    edited.write_text(edited.read_text(encoding="utf-8").replace("voucher", "warranty", 1), encoding="utf-8")
    _, damaged = _build(project, "third", cache)
    assert made == [True]  # nothing to update from: made anew, and exact
    assert damaged == _build(project, "clean-again")[1]


class _Runs:
    """A pickle that runs a command when it is read: what a pull request could commit as a cache entry."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _planted(cache, marker, store=None) -> int:
    """Replace every entry of the cache with the code-running pickle, keeping each entry's first line (a
    page entry's key) and the folder's marker, as an attacker who read the format would."""
    import pickle

    payload = pickle.dumps(_Runs(marker))
    planted = 0
    for path in cache.rglob("*"):
        if not path.is_file() or path.name == MARKER:
            continue
        data = path.read_bytes()
        head = data[:data.index(b"\n") + 1] if path.suffix != ".pickle" else b""
        body = store._sealed(payload, head or path.stem.encode()) if store else payload
        path.write_bytes(head + body)
        planted += 1
    return planted


def test_a_cache_folder_from_elsewhere_is_never_unpickled(project, tmp_path):
    """A cache committed to the repository (or restored from someone else's run) is not signed with this
    machine's key: every entry is ignored, and the site is built anew, byte for byte."""
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    _build(project, "first", cache)
    assert _planted(cache, marker) > 5
    result, cached = _build(project, "second", cache)
    assert not marker.exists()
    assert result.reused == 0 and result.foreign_cache_entries > 5
    assert cached == _build(project, "clean")[1]


def test_even_a_signed_entry_holds_only_data(project, tmp_path):
    """Should the key leak, the unpickler still builds only plain data and helpgen's data classes."""
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    _build(project, "first", cache)
    assert _planted(cache, marker, BuildStore(cache)) > 5
    result, cached = _build(project, "second", cache)
    assert not marker.exists()
    assert result.reused == 0 and result.foreign_cache_entries == 0
    assert cached == _build(project, "clean")[1]


def test_the_cache_is_signed_with_a_key_outside_the_project(project, tmp_path, monkeypatch):
    """Another key (another machine, or a CI secret) reads none of this machine's entries."""
    cache = tmp_path / "cache"
    _build(project, "first", cache)
    monkeypatch.setenv("HELPGEN_CACHE_KEY", "another machine")
    result, _ = _build(project, "second", cache)
    assert result.reused == 0 and result.foreign_cache_entries > 0
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("HELPGEN_CACHE_KEY")
    from helpgen.mkdocs.cache_key import cache_key, key_file

    assert cache_key() == cache_key() and key_file().stat().st_mode & 0o077 == 0  # made once, private


def test_a_cache_folder_inside_the_content_or_site_folder_is_refused(project, tmp_path):
    for inside in (project.content / "cache", project.root / "site" / "cache"):
        with pytest.raises(HelpgenError, match="published"):
            _cached(project, project.root / "site", inside)
        assert not inside.exists()
