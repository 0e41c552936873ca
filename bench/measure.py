"""Wall time, CPU time and peak RSS of one command and all its descendants.

The command runs under a small wrapper process, so that `getrusage(RUSAGE_CHILDREN)` in the wrapper
covers exactly the command's process tree (every descendant that was waited for) and nothing else.
`ru_maxrss` is the peak of the largest single process in that tree, not a sum over processes.

    python bench/measure.py RESULT.json -- CMD [ARGS...]
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path


def run_and_record(result_path: str, command: list[str]) -> int:
    started = time.perf_counter()
    returncode = subprocess.call(command)
    wall_s = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(result_path).write_text(json.dumps({
        "returncode": returncode,
        "wall_s": round(wall_s, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux reports kilobytes
    }))
    return returncode


def measure(command: list[str], cwd: Path, log_path: Path, env: dict[str, str] | None = None,
            timeout_s: float = 3600) -> dict:
    """Run `command` in `cwd` under the wrapper; its output goes to `log_path`.

    Returns {"returncode", "wall_s", "cpu_s", "peak_rss_mb"}; on timeout the whole process group
    (which this function started) is killed and returncode is None."""
    result_path = log_path.with_suffix(".measure.json")
    result_path.unlink(missing_ok=True)
    wrapper = [sys.executable, str(Path(__file__).resolve()), str(result_path), "--", *command]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(wrapper, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env,
                                   start_new_session=True)
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return {"returncode": None, "wall_s": None, "cpu_s": None, "peak_rss_mb": None,
                    "timed_out_after_s": timeout_s}
    if not result_path.exists():
        return {"returncode": process.returncode, "wall_s": None, "cpu_s": None, "peak_rss_mb": None}
    return json.loads(result_path.read_text())


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    sys.exit(run_and_record(sys.argv[1], sys.argv[3:]))
