"""Byte-identical output whatever the process: separate builds with other hash seeds and other host time
zones give the same bytes; and the 404 page, served for any missing URL, finds its assets from deep ones."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import soup, tree_bytes


def _build_in_process(project, site: Path, seed: str, zone: str, jobs: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed, TZ=zone, SOURCE_DATE_EPOCH="1795000000")
    subprocess.run([sys.executable, "-m", "helpgen", "build", "--site-dir", str(site), "--jobs", jobs],
                   cwd=project.root, env=env, check=True, capture_output=True)


def test_builds_in_separate_processes_with_other_hash_seeds_and_zones_are_identical(demo_copy, tmp_path):
    runs = [("1", "UTC", "1"), ("4242", "Pacific/Kiritimati", "2"), ("random", "America/Los_Angeles", "1")]
    trees = []
    for i, (seed, zone, jobs) in enumerate(runs):
        _build_in_process(demo_copy, tmp_path / f"site{i}", seed, zone, jobs)
        trees.append(tree_bytes(tmp_path / f"site{i}"))
    assert len(trees[0]) > 40
    for other in trees[1:]:
        assert other.keys() == trees[0].keys()
        assert [name for name in trees[0] if trees[0][name] != other[name]] == []


@pytest.mark.parametrize("site_url", ["https://help.acme.example/", ""])
def test_the_404_page_finds_its_assets_from_a_nested_url(project, tmp_path, site_url):
    config = project.config.read_text()
    project.write("mkdocs.yml", (f"site_url: {site_url}\n" if site_url else "") + config)
    site = project.build(tmp_path / "site").site_dir
    page = soup(site / "404.html")
    references = [tag.get("href") for tag in page.select("link[href]")] + \
                 [tag.get("src") for tag in page.select("script[src], img[src]")] + \
                 [a.get("href") for a in page.select("a.hg-contact__more, .hg-breadcrumb a, a.md-logo")]
    assets = [r for r in references if r and not r.startswith(("http://", "https://", "mailto:", "tel:", "#", "data:"))
              or r and site_url and r.startswith(site_url)]
    assert any("stylesheets" in r for r in assets) and any(".js" in r for r in assets)
    base = (site_url or "http://localhost/") + "orders/deep/nested/no-such-page/"  # any missing URL gets 404.html
    for reference in assets:
        path = urlsplit(urljoin(base, reference)).path.lstrip("/")
        target = site / path
        if target.is_dir() or path == "":
            target = target / "index.html"
        assert target.is_file(), (reference, path)
