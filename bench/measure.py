"""Wall time, CPU time and peak memory of one command and all its descendants.

The command runs under a small wrapper process, so that `getrusage(RUSAGE_CHILDREN)` in the wrapper
covers exactly the command's process tree (every descendant that was waited for) and nothing else.
`ru_maxrss` is the peak of the largest single process in that tree, not a sum over processes.
For builds that fork workers (which share most of their memory with the parent until they write to
it), the wrapper also samples every 0.1 s the proportional set size (PSS, shared pages divided among
the processes sharing them) summed over the whole process group: `peak_total_pss_mb`, the memory the
build really occupied at its peak (Linux only; sampled, so a peak shorter than 0.1 s can be missed).

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


SAMPLE_EVERY_S = 0.1


def group_pss_kb(group: int, me: int) -> int:
    """PSS in kB summed over the processes of process group `group`, except this wrapper."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            with open(f"/proc/{entry.name}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            continue  # the process ended meanwhile, or is not ours to read
    return total


def run_and_record(result_path: str, command: list[str]) -> int:
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak_pss_kb, group = 0, os.getpgid(0)
    sampling = os.path.exists("/proc/self/smaps_rollup")
    while process.poll() is None:
        if sampling:
            peak_pss_kb = max(peak_pss_kb, group_pss_kb(group, os.getpid()))
        try:
            process.wait(timeout=SAMPLE_EVERY_S)
        except subprocess.TimeoutExpired:
            pass
    returncode = process.returncode
    wall_s = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(result_path).write_text(json.dumps({
        "returncode": returncode,
        "wall_s": round(wall_s, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux reports kilobytes
        "peak_total_pss_mb": round(peak_pss_kb / 1024, 1) if sampling else None,
    }))
    return returncode


def measure(command: list[str], cwd: Path, log_path: Path, env: dict[str, str] | None = None,
            timeout_s: float = 3600) -> dict:
    """Run `command` in `cwd` under the wrapper; its output goes to `log_path`.

    Returns {"returncode", "wall_s", "cpu_s", "peak_rss_mb", "peak_total_pss_mb"}; on timeout the whole process group
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
                    "peak_total_pss_mb": None, "timed_out_after_s": timeout_s}
    if not result_path.exists():
        return {"returncode": process.returncode, "wall_s": None, "cpu_s": None, "peak_rss_mb": None,
                "peak_total_pss_mb": None}
    return json.loads(result_path.read_text())


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    sys.exit(run_and_record(sys.argv[1], sys.argv[3:]))
