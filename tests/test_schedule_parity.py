"""The browser and the build tell visitors the same thing: helpgen-hours.js agrees with helpgen.hours.schedule.

Seeded random instants (at least 10,000 per run) over random schedules in 24 IANA zones (a sixth of them
weeks of "00:00-24:00" days, with holidays cutting them), concentrated around DST transitions, holidays
and range edges. All cases go to Node in ONE subprocess call (JSON on
stdin); every answer must match exactly: is_open, next_change, next_opening, next_closing, reply_by and
describe()'s state and text (visitor zones drawn from the same list, plus none and an unknown one); and on
a share of them the notices (today's and the next holiday, the reply time, the header's channel). Each
case and notice is worded in one of the shipped languages: the texts come from the same tables on both
sides (helpgen/i18n).
Set HELPGEN_PARITY_SEED to replay another seed.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import time
import warnings
from pathlib import Path

import pytest

from helpgen.hours import notices as N
from helpgen.hours import promises as P
from helpgen.hours import schedule as S
from helpgen.i18n import SHIPPED_LANGUAGES, browser_strings, messages

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not on PATH: cannot run helpgen-hours.js")
DRIVER = Path(__file__).parent / "js" / "hours_driver.js"
ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "themes/helpcenter/assets/javascripts"
# The hours engine: its parts, each mirroring a module of helpgen/hours/, in the order they need each other,
# then helpgen-hours.js, which makes HelpgenHours (module.exports in Node) of them.
HOURS_ENGINE = ("helpgen-schedule.js", "helpgen-notice-effects.js", "helpgen-promises.js", "helpgen-hours-today.js",
                "helpgen-hours.js")
# What helpgen-status.js, helpgen-search-ui.js, helpgen-notices.js and the driver call, in its order.
PUBLIC_API = ("withNotices", "openAt", "nextChangeAt", "inEffect", "mergeNotices", "nextNoticeChange", "readInstant",
              "holidayNotice", "replyText", "headline", "text", "zoneWords", "isOpen", "nextChange", "nextOpening",
              "nextClosing", "replyBy", "describe", "offsetAt", "wallToInstant", "localDay", "openPeriods",
              "HORIZON_DAYS")
SEED = int(os.environ.get("HELPGEN_PARITY_SEED", "20261124"))
CASES = 12_000
NOTICE_EVERY = 4  # notices are checked on every fourth case: each walks several channels
# Danish: the notices' sentences and dates come from the translation tables on both sides.
STRINGS = {}  # each case is in one shipped language, with the zones' cities in it (filled below)

# Company zones: both hemispheres, DST at 01:00 UTC (EU), 02:00 local (US), at midnight (Santiago,
# Havana, Azores, Beirut), 30-minute DST (Lord Howe), odd offsets (Kathmandu, Chatham, St Johns),
# negative DST (Dublin), DST for Ramadan (Casablanca), none at all (Tokyo, Kolkata, UTC).
ZONES = [
    "Europe/Copenhagen", "America/New_York", "America/Los_Angeles", "America/Chicago", "Europe/London",
    "Europe/Dublin", "America/Sao_Paulo", "America/Santiago", "America/Havana", "Atlantic/Azores",
    "Asia/Beirut", "Australia/Sydney", "Australia/Lord_Howe", "Australia/Adelaide", "Pacific/Auckland",
    "Pacific/Chatham", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Tokyo", "America/St_Johns",
    "Africa/Casablanca", "Europe/Moscow", "America/Mexico_City", "UTC",
]
# The page carries its zone's city in its language ("København"): both sides read it from there.
STRINGS.update({lang: browser_strings(messages(lang), ZONES) for lang in SHIPPED_LANGUAGES})
WINDOW = (dt.datetime(2025, 9, 1, tzinfo=dt.timezone.utc), dt.datetime(2027, 5, 1, tzinfo=dt.timezone.utc))
DAY_TEMPLATES = [
    "09:00-17:00", "closed", "00:00-24:00", "22:00-02:00", "08:00-12:00, 13:00-17:30", "01:30-03:30",
    "02:00-02:30", "00:00-02:00, 22:00-24:00", "20:00-04:00", "23:30-00:30", "00:00-01:00", "10:00-14:00",
    "00:00-03:00", "12:00-00:00", "02:15-02:45, 03:00-23:00",
]
PROMISES = ["immediately", "5 minutes", "2 hours", "24 hours", "3 days", "1 business hour", "4 business hours",
            "30 business hours", "1 business day", "2 business days", "5 business days"]


def ms(d: dt.datetime) -> int:
    return S.to_us(d) // 1000


def transitions(zone: str) -> list[int]:
    """Instants (us) where the zone's UTC offset changes within WINDOW: 6-hour steps, then bisection."""
    found, step = [], 6 * 3600 * S.SECOND
    t, end = S.to_us(WINDOW[0]), S.to_us(WINDOW[1]) + 400 * S.DAY  # searches reach a year past the window
    while t < end:
        if S.offset_at(zone, t) != S.offset_at(zone, t + step):
            low, high = t, t + step
            while high - low > S.SECOND:
                middle = low + (high - low) // S.SECOND // 2 * S.SECOND
                low, high = (middle, high) if S.offset_at(zone, middle) == S.offset_at(zone, low) else (low, middle)
            found.append(high)
        t += step
    return found


def random_day(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(DAY_TEMPLATES)
    while True:  # 1-3 random ranges at any minute, overnight allowed; retry overlaps
        parts = []
        for _ in range(rng.randint(1, 3)):
            start = rng.randrange(0, 1440)
            end = rng.choice([rng.randrange(start + 1, 1441) if start < 1439 else 1440, rng.randrange(1, 1440)])
            parts.append(f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}")
        try:
            S.parse_time_ranges(", ".join(parts))
            return ", ".join(parts)
        except ValueError:
            continue


def random_schedule(rng: random.Random, zone: str, zone_transitions: list[int]) -> S.Schedule:
    kind = rng.random()
    if kind < 0.06:
        return S.always_open(zone)
    if kind < 0.14:  # never open / open all week but Sunday, half of them without holidays (fast paths)
        weekly = ((),) * 7 if kind < 0.09 else ((S.ALL_DAY,),) * 6 + ((),)
        if rng.random() < 0.5:
            return S.Schedule(zone, weekly)
    elif kind < 0.30:  # 24-hour days: monday-friday or daily "00:00-24:00", next to shorter days
        full, other = (S.ALL_DAY,), rng.choice([(), (S.ALL_DAY,), S.parse_time_ranges(random_day(rng))])
        weekly = (full,) * 5 + (other, rng.choice([(), full, other]))
        if rng.random() < 0.3:  # the 24-hour stretch starting on another weekday
            shift = rng.randrange(1, 7)
            weekly = weekly[shift:] + weekly[:shift]
    else:
        weekly = tuple(S.parse_time_ranges(random_day(rng)) for _ in range(7))
    # Holidays on DST days, next to them, and at random; closed, special hours, or overnight.
    days = {S.day_to_date(S.local_day(zone, t) + rng.choice([-1, 0, 0, 1])) for t in zone_transitions
            if rng.random() < 0.5}
    days |= {WINDOW[0].date() + dt.timedelta(days=rng.randrange(0, 600)) for _ in range(rng.randint(0, 12))}
    holidays = tuple(S.Holiday(day, f"Holiday {i}", S.parse_time_ranges(
        rng.choice(["closed", "closed", random_day(rng), "21:00-03:00", "00:00-24:00"])))
        for i, day in enumerate(sorted(days)))
    return S.Schedule(zone, weekly, holidays)


def random_instant(rng: random.Random, schedule: S.Schedule, zone_transitions: list[int]) -> int:
    """An instant in ms: near a DST transition, a range edge, a holiday, or anywhere in WINDOW."""
    roll = rng.random()
    nudge = rng.choice([0, 0, 1, -1, 1000, -1000, 59_000, -60_000, 1_800_000])
    if roll < 0.35 and zone_transitions:
        anchor = rng.choice(zone_transitions) // 1000
        return anchor + rng.choice([nudge, rng.randrange(-36, 37) * 3_600_000 + rng.randrange(0, 60) * 60_000])
    if roll < 0.65:  # an opening or closing edge on a random day
        day = S.local_day(schedule.timezone, S.to_us(WINDOW[0])) + rng.randrange(0, 600)
        intervals = S._day_intervals(schedule, day)
        if intervals:
            return rng.choice(rng.choice(intervals)) // 1000 + nudge
    if roll < 0.8 and schedule.holidays:
        holiday = rng.choice(schedule.holidays).date
        start = S.wall_to_us(schedule.timezone, (holiday - dt.date(1970, 1, 1)).days * S.DAY) // 1000
        return start + rng.randrange(-30 * 60, 30 * 60) * 60_000 + nudge
    return rng.randrange(ms(WINDOW[0]), ms(WINDOW[1]))


def build_batch(rng: random.Random, count: int = CASES):
    zone_transitions = {zone: transitions(zone) for zone in ZONES}
    schedules, channels = [], []
    for zone in ZONES * 3:
        schedule = random_schedule(rng, zone, zone_transitions[zone])
        schedules.append(schedule)
        promise = P.parse_promise(rng.choice(PROMISES))
        business = P.parse_promise(rng.choice([p for p in PROMISES if "business" in p]))
        # Its own hours with any promise; and `always` (email-like) counting these hours for business.
        channels.append(P.channel_payload(schedule, promise))
        channels.append(P.channel_payload(S.always_open(zone), business, schedule))
    promises = [P.parse_promise(p) for p in PROMISES]
    visitors = ZONES + [None, "Not/A_Zone"]
    cases = []
    for _ in range(count):
        s = rng.randrange(len(schedules))
        t = random_instant(rng, schedules[s], zone_transitions[schedules[s].timezone])
        cases.append([s, t, rng.randrange(len(promises)), 2 * s + rng.randrange(2), rng.choice(visitors),
                      rng.choice(SHIPPED_LANGUAGES)])
    probes = [[zone, t // 1000 + d] for zone in ZONES for t in zone_transitions[zone] for d in (-1000, 0)]
    notices = [[s, t, c, rng.sample(range(len(channels)), rng.randint(1, 3)), visitor, lang]
               for s, t, _, c, visitor, lang in cases[::NOTICE_EVERY]]
    return schedules, channels, promises, cases, probes, notices


def python_answers(schedules, channels, promises, case):
    s, t, p, c, visitor, lang = case
    schedule, at = schedules[s], S.from_us(t * 1000, "UTC")

    def out(instant):
        return None if instant is None else ms(instant)

    described = P.describe(channels[c], at, visitor, STRINGS[lang])
    return [S.is_open(schedule, at), out(S.next_change(schedule, at)), out(S.next_opening(schedule, at)),
            out(S.next_closing(schedule, at)), out(P.reply_by(promises[p], schedule, at)),
            described["state"], described["text"]]


def python_notices(schedules, channels, notice, strings):
    s, t, c, group, visitor, lang = notice
    strings = strings[lang]
    at = S.from_us(t * 1000, "UTC")
    return [N.holiday_notice(S.schedule_to_json(schedules[s]), at, visitor, strings),
            N.reply_text(channels[c], at, visitor, strings),
            N.headline([(f"Channel {i}", channels[i]) for i in group], at, visitor, strings)]


def run_driver(batch: dict, scripts: Path | None = None, timeout: int = 120) -> dict:
    """The browser engine's answers to a batch; `scripts`: another copy of the theme's scripts folder."""
    env = None if scripts is None else {**os.environ, "HELPGEN_SCRIPTS_DIR": str(scripts)}
    run = subprocess.run([NODE, str(DRIVER)], input=json.dumps(batch), capture_output=True, text=True,
                         encoding="utf-8", timeout=timeout, check=False, env=env)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def stale_zones(probes: list, offsets: list) -> set[str]:
    """Browsers ship their own copy of the tz database. Where it and Python's disagree on an offset, the
    engines cannot agree either: those zones are left out of the comparisons, loudly."""
    stale = {zone for (zone, t), offset in zip(probes, offsets) if S.offset_at(zone, t * 1000) // 1000 != offset}
    if stale:
        warnings.warn(f"tz databases of Python and Node differ for {sorted(stale)}; those zones are not compared")
    return stale


class ScheduleParity:
    """One seeded batch of instants over random schedules: what the driver is sent, and Python's answers
    to compare its answers with (each worked out once, however many copies of the scripts answer)."""

    def __init__(self, seed: int, count: int = CASES):
        self.schedules, self.channels, self.promises, self.cases, self.probes, self.notices = \
            build_batch(random.Random(seed), count)
        self.batch = {"schedules": [S.schedule_to_json(s) for s in self.schedules], "channels": self.channels,
                      "promises": [P.promise_to_json(p) for p in self.promises], "cases": self.cases,
                      "probes": self.probes, "notices": self.notices, "strings": STRINGS}
        self._expected: dict = {}

    def compare(self, js: dict, stale: set[str]) -> tuple[list, int, int]:
        """(disagreements, cases compared, notices compared), leaving out the items in a stale zone."""
        disagreements: list = []

        def compare(kind, items, answers, zones_of, expected_of) -> int:
            compared = 0
            for index, (item, answer) in enumerate(zip(items, answers)):
                if zones_of(item) & stale:
                    continue
                compared += 1
                if (kind, index) not in self._expected:
                    self._expected[kind, index] = expected_of(item)
                if self._expected[kind, index] != answer:
                    disagreements.append((item, self.schedules[item[0]], self._expected[kind, index], answer))
            return compared

        schedules, channels = self.schedules, self.channels
        compared = compare("case", self.cases, js["cases"], lambda case: {schedules[case[0]].timezone, case[4]},
                           lambda case: python_answers(schedules, channels, self.promises, case))
        notices_compared = compare(
            "notice", self.notices, js["notices"],
            lambda n: {schedules[n[0]].timezone, n[4]} | {channels[i]["availability"]["tz"] for i in [n[2], *n[3]]},
            lambda n: python_notices(schedules, channels, n, STRINGS))
        return disagreements, compared, notices_compared

    def wrong(self, js: dict, stale: set[str]) -> int:
        """How many answers the driver got wrong."""
        return len(self.compare(js, stale)[0])


def test_javascript_engine_agrees_with_python_engine():
    started = time.perf_counter()
    parity = ScheduleParity(SEED)
    js = run_driver(parity.batch)
    stale = stale_zones(parity.probes, js["probes"])
    zones_compared = [z for z in ZONES if z not in stale]
    assert len(zones_compared) >= 20
    disagreements, compared, notices_compared = parity.compare(js, stale)
    elapsed = time.perf_counter() - started
    print(f"\nparity: seed {SEED}, {compared} cases, {len(zones_compared)} zones, {len(parity.schedules)} schedules, "
          f"{len(parity.probes)} offset probes, {notices_compared} notices; node {js['ms']} ms, total {elapsed:.1f} s")
    assert compared >= 10_000 and notices_compared >= 2_500
    assert {case[5] for case in parity.cases} == {notice[5] for notice in parity.notices} == set(SHIPPED_LANGUAGES)
    assert not disagreements, "\n\n".join(
        f"case {case}\nschedule {schedule}\npython {py}\njs     {js_}" for case, schedule, py, js_ in disagreements[:5])


def test_a_page_loads_the_engine_in_order_and_gets_the_same_helpgen_hours_as_node():
    # main.html's plain <script> tags (no defer, no async: they run in the order written) hold the parts
    # in the order they need each other, then helpgen-hours.js, before every script that uses HelpgenHours.
    main = (ROOT / "themes/helpcenter/main.html").read_text(encoding="utf-8")
    loaded = re.findall(r"""<script src="\{\{ 'assets/javascripts/([\w-]+\.js)' \| url \}\}"></script>""", main)
    assert [name for name in loaded if name in HOURS_ENGINE] == list(HOURS_ENGINE)
    users = ["helpgen-notices.js", "helpgen-status.js", "helpgen-banner.js", "helpgen-search-ui.js"]
    assert all(loaded.index("helpgen-hours.js") < loaded.index(user) for user in users)
    # No `module` in a page: the plain <script> path must set the global, and give what Node's require gives.
    script = ("const vm = require('vm'), fs = require('fs'); const sandbox = {};"
              "for (const file of process.argv.slice(1)) vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);"
              "const node = require(process.argv[process.argv.length - 1]);"
              "process.stdout.write(JSON.stringify([Object.keys(sandbox.HelpgenHours), Object.keys(node)]));")
    run = subprocess.run([NODE, "-e", script, *(str(SCRIPTS / name) for name in HOURS_ENGINE)], capture_output=True,
                         text=True, timeout=30, check=True)
    browser, node = json.loads(run.stdout)
    assert browser == node == list(PUBLIC_API)


def test_the_engine_is_its_public_api_and_nothing_more():
    """Each part's helpers stay inside the engine: HelpgenHours is the same 23 names it was as one file."""
    script = "process.stdout.write(JSON.stringify(Object.keys(require(process.argv[1]))))"
    run = subprocess.run([NODE, "-e", script, str(SCRIPTS / "helpgen-hours.js")], capture_output=True, text=True,
                         timeout=30, check=True)
    assert json.loads(run.stdout) == list(PUBLIC_API)
