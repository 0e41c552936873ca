"""Nothing left behind: a build stopped by Ctrl+C or `kill` removes its staging folder; one killed
outright (SIGKILL) leaves it, and the next build removes it; folders helpgen did not mark are kept."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest


def _many_articles(project, count: int = 400) -> None:
    for i in range(count):
        project.article(f"orders/article-{i:03d}.md", f"Question {i}?", "Some answer text. " * 50)


def _start_build(project):
    return subprocess.Popen([sys.executable, "-m", "helpgen", "build", "--jobs", "1"], cwd=project.root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _staging(project) -> list:
    return sorted(project.root.glob(".site.building-*"))


def _wait_for_staging(project, build) -> None:
    deadline = time.monotonic() + 60
    while not any((folder / "orders").is_dir() for folder in _staging(project)):  # pages being written
        assert build.poll() is None, build.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_build_removes_its_staging_folder(project, stop):
    _many_articles(project)
    build = _start_build(project)
    _wait_for_staging(project, build)
    build.send_signal(stop)
    build.wait(timeout=60)
    assert build.returncode != 0
    assert "Traceback" not in build.stderr.read().decode()
    assert _staging(project) == [] and not (project.root / "site").exists()


def test_a_killed_build_is_cleaned_up_by_the_next_and_foreign_folders_are_kept(project):
    _many_articles(project, 300)
    foreign = project.root / ".site.building-mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("not helpgen's")
    build = _start_build(project)
    _wait_for_staging(project, build)
    build.kill()
    build.wait(timeout=60)
    left = [f for f in _staging(project) if f != foreign]
    assert left, "SIGKILL leaves the folder (nothing can run then)"
    assert subprocess.run([sys.executable, "-m", "helpgen", "build"], cwd=project.root,
                          capture_output=True).returncode == 0
    assert _staging(project) == [foreign] and (foreign / "notes.txt").is_file()
    assert (project.root / "site" / "orders" / "article-000" / "index.html").is_file()
    assert not (project.root / "site" / ".helpgen-staging").exists()
