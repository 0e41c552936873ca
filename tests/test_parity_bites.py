"""The parity tests bite: a bug planted in any file of the browser's hours engine makes them fail.

Each plant is a mistake someone could make (and some were made once): a copy of the theme's scripts
folder gets one, the parity driver answers from the copy (HELPGEN_SCRIPTS_DIR: every part requires its
neighbours from its own folder), and the same comparison as tests/test_schedule_parity.py and
tests/test_notice_parity.py must find disagreements. The unplanted copy must find none, so what is found
is the plant. Smaller batches than the parity tests' (every plant here is caught by a few hundred cases);
Python's answers are worked out once per batch.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .test_notice_parity import NoticeParity
from .test_schedule_parity import SCRIPTS, SEED, ScheduleParity, pytestmark, run_driver, stale_zones  # noqa: F401

# (file, as written, the bug): caught by the schedule parity test's comparisons.
SCHEDULE_PLANTS = [
    # Touching ranges ("09:00-12:00, 12:00-17:00", a Friday "00:00-24:00" before a Saturday) get a closing between.
    ("helpgen-schedule.js", "if (current !== null && start <= current[1]) {", "if (current !== null && start < current[1]) {"),
    # A wall time that happens twice at fall-back read as its second occurrence.
    ("helpgen-schedule.js", "(found === null || wall - off < found)", "(found === null || wall - off > found)"),
    # Times rounded down to the minute: a promise shown earlier than it is kept.
    ("helpgen-promises.js", "var local = Math.ceil(", "var local = Math.floor("),
    # With 24-hour days, a business day ending when the week's hours end (the bug fixed in _day_closing).
    ("helpgen-promises.js", "if (x[0] === closing && x[1] < nextDayEnd)", "if (x[0] === closing && x[1] <= nextDayEnd)"),
    # Today's holiday announced as the next one.
    ("helpgen-hours-today.js", "return dayOfKey(key) > today;", "return dayOfKey(key) >= today;"),
    # The header naming a channel that is open but slow to answer as if it answered at once.
    ("helpgen-hours-today.js", "rank = 1; time = found.answer;", "rank = 0; time = found.answer;"),
]
# Caught by the notice parity test's comparisons (notices changing the maths, live files).
NOTICE_PLANTS = [
    # "+01:00" read as one hour behind UTC (POSIX's sign, as in Etc/GMT+1).
    ("helpgen-notice-effects.js", '(zone[0] === "-" ? -1 : 1)', '(zone[0] === "+" ? -1 : 1)'),
    # A notice that lists no channels taken to concern none, instead of every channel.
    ("helpgen-notice-effects.js", "return !n.channels.length || n.channels.indexOf(id) >= 0;",
     "return n.channels.indexOf(id) >= 0;"),
    # A live text's length counted in UTF-16 units: 500 emoji refused though within the limit.
    ("helpgen-notices.js", "Array.from(value).length <= limits.text", "value.length <= limits.text"),
]


def planted_copy(folder: Path, plant: tuple[str, str, str] | None) -> Path:
    """A copy of the theme's scripts with one bug planted (none: the copy as it is)."""
    shutil.copytree(SCRIPTS, folder)
    if plant is not None:
        name, written, bug = plant
        text = (folder / name).read_text(encoding="utf-8")
        assert text.count(written) == 1, f"{name} no longer reads {written!r}: plant the bug in today's code"
        (folder / name).write_text(text.replace(written, bug), encoding="utf-8")
    return folder


def disagreements_per_plant(parity, plants, tmp_path: Path) -> dict:
    """How many answers (or live files) each copy gets wrong; None stands for the unplanted copy."""
    stale = stale_zones(parity.probes, run_driver(parity.batch)["probes"])
    found = {}
    for index, plant in enumerate([None, *plants]):
        js = run_driver(parity.batch, planted_copy(tmp_path / f"copy{index}", plant))
        found[plant] = parity.wrong(js, stale)
    return found


def test_the_schedule_parity_test_catches_a_bug_planted_in_any_part(tmp_path):
    found = disagreements_per_plant(ScheduleParity(SEED, 1_000), SCHEDULE_PLANTS, tmp_path)
    assert found.pop(None) == 0
    assert [plant for plant, count in found.items() if count == 0] == [], found


def test_the_notice_parity_test_catches_a_bug_planted_in_any_part(tmp_path):
    found = disagreements_per_plant(NoticeParity(SEED + 22, 300), NOTICE_PLANTS, tmp_path)
    assert found.pop(None) == 0
    assert [plant for plant, count in found.items() if count == 0] == [], found
