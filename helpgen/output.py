"""Where a build may write, and swapping a finished build into place.

Stock MkDocs empties `site_dir` in place before building: a typo in `--site-dir` can wipe a folder of
the user's, and a failed build leaves a half-written site. helpgen builds into a fresh folder beside
the target and swaps it in only after success, and only over a folder it made itself.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import HelpgenError, Location

MARKER = ".helpgen-site"  # written into every site helpgen builds; proves the folder is ours to replace


def check_site_dir(site_dir: Path, project_dir: Path, docs_dir: Path, config_name: str = "mkdocs.yml") -> None:
    """Refuse targets whose replacement would destroy the user's work."""
    site, project, docs = site_dir.resolve(), project_dir.resolve(), docs_dir.resolve()
    where = Location(config_name)
    for protected, what in ((project, "the project folder"), (docs, "the content folder")):
        if site == protected or protected.is_relative_to(site):
            raise HelpgenError.at(where, f"site_dir {site_dir} is {what} or contains it",
                                  "set site_dir to a folder of its own, e.g. site/")
    if site.is_relative_to(docs):
        raise HelpgenError.at(where, f"site_dir {site_dir} is inside the content folder",
                              "put site_dir next to the content folder, e.g. site/")
    if site.exists() and not site.is_dir():
        raise HelpgenError.at(where, f"site_dir {site_dir} is a file", "choose a folder name")
    if site.is_dir() and any(site.iterdir()) and not (site / MARKER).is_file():
        raise HelpgenError.at(where, f"site_dir {site_dir} is not empty and was not made by helpgen",
                              "remove it yourself or choose another --site-dir; helpgen only replaces its own output")


STAGING_MARKER = ".helpgen-staging"  # in a folder a build is writing; holds the building process's id


def make_staging_dir(site_dir: Path) -> Path:
    """An empty folder on the same file system as the target, so the final swap is a rename. Folders
    that earlier builds killed before they could clean up (SIGKILL, a power cut) are removed first."""
    parent = site_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(parent, site_dir.name)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=parent))
    # A dot-file: MkDocs' cleaning of the build folder keeps it.
    (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
    return staging


def remove_abandoned(parent: Path, name: str) -> list[Path]:
    """Remove `.NAME.building-*` folders marked by a helpgen build whose process is gone, and
    `.NAME.old-*` folders holding a site helpgen made: never a folder without helpgen's marker."""
    removed = []
    for folder in sorted(parent.glob(f".{name}.building-*")) + sorted(parent.glob(f".{name}.old-*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        if folder.name.startswith(f".{name}.building-"):
            try:
                owner = int((folder / STAGING_MARKER).read_text(encoding="utf-8").strip())
            except (OSError, ValueError):
                continue  # not marked as ours
            if _alive(owner):
                continue  # a build running right now
        elif not (folder / "site" / MARKER).is_file() and any(folder.iterdir()):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def publish(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by the finished build in `staging`."""
    (staging / MARKER).write_text("This folder was built by helpgen and is replaced on each build.\n",
                                  encoding="utf-8")
    (staging / STAGING_MARKER).unlink(missing_ok=True)
    staging.chmod(0o755)  # mkdtemp makes it private; a site folder is for serving
    site = site_dir.resolve()
    if not site.exists():
        os.replace(staging, site)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site.parent))
    os.replace(site, retired / "site")
    os.replace(staging, site)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def host_file_problems(project_dir: Path, names: list[str], config_name: str = "mkdocs.yml") -> list:
    """The plugin's `host_files` (a host's own configuration: `_headers`, `_redirects`, `CNAME`): each a
    file of the project itself, published at the site's root. Problems say which entry and why."""
    from .errors import Problem

    project = project_dir.resolve()
    problems = []
    for name in names:
        path = (project_dir / name)
        where = Location(config_name)
        if not path.resolve().is_relative_to(project) or path.is_symlink():
            problems.append(Problem(where, f'host_files: "{name}" is not a file of this project',
                                    "list files of the project folder (e.g. `_headers` next to mkdocs.yml)"))
        elif not path.is_file():
            problems.append(Problem(where, f'host_files: "{name}" does not exist', "create it, or remove the entry"))
    return problems


def copy_host_files(project_dir: Path, names: list[str], site_dir: Path) -> None:
    """Publish the owner's host files at the site's root, under their own names."""
    for name in names:
        shutil.copyfile(project_dir / name, site_dir / Path(name).name)
