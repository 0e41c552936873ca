"""Ship what we test: the wheel carries the theme, and a project made from it builds outside the repo."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, text=True)
    return next(dist.glob("helpgen-*.whl"))


def test_wheel_contains_the_theme_templates_and_the_project_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    theme_files = [p.relative_to(REPO).as_posix() for p in (REPO / "themes").rglob("*") if p.is_file()]
    assert theme_files
    assert {f"helpgen/{name}" for name in theme_files} <= names
    assert "helpgen/project_template/support.yml" in names
    assert "helpgen/project_template/gitignore" in names  # written as .gitignore by init
    assert "helpgen/project_template_languages/da/returns/how-do-i-return-an-item.md" in names  # init --languages
    assert {f"helpgen/i18n/messages/{lang}.yml" for lang in ("en", "da", "zh", "zh-TW")} <= names
    assert "helpgen/insights/templates/report.html" in names  # `helpgen insights report --format html`
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "helpgen = helpgen.mkdocs.plugin:HelpgenPlugin" in entry_points
    assert "helpgen = helpgen.cli:main" in entry_points


def test_a_project_made_by_the_installed_wheel_builds_outside_the_repository(wheel, tmp_path):
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
                   check=True)
    # The installed copy comes first on the path, so the repository's checkout is never imported.
    env = dict(os.environ, PYTHONPATH=str(target), NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    work = tmp_path / "elsewhere"
    work.mkdir()

    def helpgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "helpgen", *args], cwd=cwd, env=env, capture_output=True, text=True)

    where = subprocess.run([sys.executable, "-c", "import helpgen, helpgen.mkdocs.themes as t; print(helpgen.__file__); print(t.theme_dir())"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(path.startswith(str(target)) for path in where), where
    assert helpgen("init", "acme-help", cwd=work).returncode == 0
    result = helpgen("build", cwd=work / "acme-help")
    assert result.returncode == 0, result.stderr
    home = (work / "acme-help/site/index.html").read_text()
    assert "data-hg-contact" in home and "helpgen.css" in home
    assert (work / "acme-help/site/assets/stylesheets/helpgen.css").is_file()
