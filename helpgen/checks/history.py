"""When each file last changed according to Git: the fallback for translations without `updated:` dates.

One `git log` over the content folder gives every file's last commit (the log is newest first), so the
cost does not grow with a process per file. No Git, or a folder outside any repository: no dates, and
the outdated-translation rule uses front matter dates only.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_TIMEOUT_S = 60


def last_commit_times(folder: Path) -> dict[str, dt.datetime]:
    """Path relative to `folder` (forward slashes) -> the commit time (UTC) of the last commit touching it."""
    try:
        log = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(folder), "log", "--format=%x00%ct",
             "--name-only", "--no-renames", "--relative", "--", "."],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return {}
    if log.returncode != 0:
        return {}  # not a repository (or no commits yet)
    times: dict[str, dt.datetime] = {}
    current: dt.datetime | None = None
    for line in log.stdout.splitlines():
        if line.startswith("\0"):
            current = dt.datetime.fromtimestamp(int(line[1:]), dt.timezone.utc)
        elif line and current is not None:
            times.setdefault(line, current)
    return times
