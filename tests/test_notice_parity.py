"""Notices change the maths the same way in the browser and in `helpgen hours`: helpgen-hours.js and
helpgen-notices.js against helpgen/hours/notice_effects.py, notice_schema.py and live_file.py.

Seeded random notice sets (HELPGEN_PARITY_SEED replays another seed) over the random schedules and
channels of test_schedule_parity.py: windows inside, around and far from the instant, open-ended and
reversed ones, overlapping closures and promises, `from`/`until` in company time (on DST nights: in the
gap, in the repeated hour, "24:00") and as instants with offsets, channels listed, unknown or left out.
Each case compares describe(), the reply time, the header's channel, which notices are in effect and
when that next changes. Then the live file: valid and hostile support-status.json files, each accepted
(or refused, notice by notice) identically and its texts picked for the page's language identically.
"""
from __future__ import annotations

import datetime as dt
import random

from helpgen.hours import live_file as L
from helpgen.hours import notice_effects as E
from helpgen.hours import notices as N
from helpgen.hours import promises as P
from helpgen.hours import schedule as S
from helpgen.hours.notice_schema import LIMITS
from helpgen.i18n import SHIPPED_LANGUAGES

from .test_schedule_parity import (PROMISES, SEED, STRINGS, ZONES, pytestmark, random_instant,  # noqa: F401
                                   random_schedule, run_driver, stale_zones, transitions)

CASES = 2_500
HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "\u202eevil", "a\u0000b", "  ", "\ufeff",
           "x" * 501, "😀" * 500, "😀" * 501, "ok\n", "{{ support.organization }}", "javascript:alert(1)"]


def wall_text(rng: random.Random, zone: str, us: int) -> str:
    """An instant written as a writer would: company time (sometimes "24:00", seconds, fractions) or with an offset."""
    roll = rng.random()
    if roll < 0.45:
        local = S.from_us(us, zone).replace(tzinfo=None)
        if local.hour == 0 and local.minute == 0 and rng.random() < 0.5:
            return f"{(local - dt.timedelta(days=1)).date()}T24:00"
        return local.isoformat(timespec=rng.choice(["minutes", "seconds"]))
    if roll < 0.55:
        return S.from_us(us, "UTC").strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(1000):03d}Z"
    offset = rng.choice([0, 60, 120, -300, 330, 345, -570, 840])
    local = S.from_us(us + offset * S.MINUTE, "UTC").replace(tzinfo=None)
    sign = "-" if offset < 0 else "+"
    return f"{local.isoformat(timespec='seconds')}{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"


def gap_or_fold(rng: random.Random, zone: str, edges: list[int]) -> str | None:
    """A company time on a DST night: inside the skipped hour or the repeated one."""
    if not edges:
        return None
    edge = rng.choice(edges)
    local = S.from_us(edge - S.SECOND, zone).replace(tzinfo=None) + dt.timedelta(minutes=rng.choice([1, 15, 30, 59]))
    return local.isoformat(timespec="minutes")


def random_notices(rng: random.Random, zone: str, t_us: int, channel: int, count: int, edges: list[int]) -> list[dict]:
    found = []
    for i in range(rng.randint(1, 3)):
        start = t_us + rng.choice([-1, 1]) * rng.randrange(0, 4 * S.DAY) // S.MINUTE * S.MINUTE
        length = rng.choice([S.MINUTE, 30 * S.MINUTE, 4 * 3600 * S.SECOND, S.DAY, 5 * S.DAY, -S.DAY])
        start_text = gap_or_fold(rng, zone, edges) if rng.random() < 0.15 else wall_text(rng, zone, start)
        end_text = gap_or_fold(rng, zone, edges) if rng.random() < 0.15 else wall_text(rng, zone, start + length)
        closed = rng.random() < 0.4
        ids = rng.choice([[], [f"c{channel}"], [f"c{channel}", f"c{rng.randrange(count)}"], ["nobody"]])
        found.append({"id": f"n{i}", "from": None if rng.random() < 0.15 else start_text,
                      "until": None if rng.random() < 0.15 else end_text, "text": f"Notice {i}", "channels": ids,
                      "closed": closed,
                      "response": None if closed or rng.random() < 0.3 else P.promise_to_json(P.parse_promise(rng.choice(PROMISES)))})
    return found


def python_with_notices(channels, company, sets, case):
    c, t, k, group, visitor, lang = case
    strings, at, zone = STRINGS[lang], S.from_us(t * 1000, "UTC"), company[c]["tz"]

    def shown(i):
        return E.with_notices(channels[i], f"c{i}", sets[k], company[i])

    change = E.next_notice_change(sets[k], zone, t * 1000)
    return [P.describe(shown(c), at, visitor, strings), N.reply_text(shown(c), at, visitor, strings),
            N.headline([(f"Channel {i}", shown(i)) for i in group], at, visitor, strings),
            [n["id"] for n in E.in_effect(sets[k], zone, t * 1000)], None if change is None else change // 1000]


def live_files(rng: random.Random) -> list:
    """Valid, odd and hostile support-status.json contents (parsed)."""
    good = {"id": "phone-down", "until": "2026-12-03T14:00:00+01:00", "text": "Phone down", "channels": ["phone"],
            "closed": True}
    variants = [
        {}, [], None, {"notices": None}, {"notices": {}}, {"notices": [good] * 2}, {"notices": [good], "extra": [1]},
        {"notices": [dict(good, id=f"n{i}") for i in range(LIMITS["notices"] + 1)]},
        {"notices": [dict(good, id=f"n{i}") for i in range(LIMITS["notices"])]},
    ]
    changes = [
        {"id": "Bad"}, {"id": "x" * 65}, {"id": "x" * 64}, {"id": 5}, {"id": None}, {"text": None}, {"text": ""},
        {"text": {}}, {"text": {"en": "Hi", "da": "Hej"}}, {"text": {"EN": "Hi"}}, {"text": {"zh-TW": "嗨", "en": "Hi"}},
        {"text": {"en": "Hi", "da": 5}}, {"text": {f"l{chr(97 + i // 26)}{chr(97 + i % 26)}": "t" for i in range(21)}},
        {"text": ["Hi"]}, {"from": "2026-12-03T10:00"}, {"from": "2026-12-03 10:00+01:00"}, {"from": "2026-02-30T10:00Z"},
        {"from": "2026-12-03T24:00:00+01:00"}, {"from": "2026-12-03T24:01+01:00"}, {"from": "2026-12-03T10:00+19:00"},
        {"from": "2026-12-03T10:00:00.5Z"}, {"from": "2026-12-03T10:00:00.123456789Z"}, {"from": "2026-12-03T10:00Z\n"},
        {"from": 1764752400}, {"from": ""}, {"from": None}, {"until": "1899-12-31T10:00Z"}, {"until": "2201-01-01T00:00Z"},
        {"channels": []}, {"channels": "phone"}, {"channels": ["phone", "phone", "email"]}, {"channels": ["Phone"]},
        {"channels": [f"c{i}" for i in range(21)]}, {"channels": [None]}, {"closed": "true"}, {"closed": None},
        {"closed": False, "response": "3 business days"}, {"response": "3 business days"},
        {"closed": False, "response": "3 Business  Days"}, {"closed": False, "response": "fast"},
        {"closed": False, "response": "0 hours"}, {"closed": False, "response": "367 days"},
        {"closed": False, "response": "366 business days"}, {"closed": False, "response": "5 business minutes"},
        {"closed": False, "response": "immediately"}, {"closed": False, "response": "2 weeks"},
        {"closed": False, "response": "3 days\n"}, {"closed": False, "response": 3}, {"unknown": {"deep": [1, 2]}},
    ] + [{"text": text} for text in HOSTILE]
    for change in changes:
        variants.append({"notices": [good, {**good, "id": "second", **change}]})
    for _ in range(60):  # random mixes of the changes above
        picked = [{**good, "id": f"m{i}", **rng.choice(changes)} for i in range(rng.randint(1, 4))]
        variants.append({"notices": picked})
    return variants


class NoticeParity:
    """One seeded batch of notice sets over random channels, and of live files: what the driver is sent,
    and Python's answers to compare its answers with (each worked out once)."""

    def __init__(self, seed: int, count: int = CASES):
        rng = random.Random(seed)
        edges = {zone: transitions(zone) for zone in ZONES}
        schedules, channels, company = [], [], []
        for zone in ZONES * 2:
            schedule = random_schedule(rng, zone, edges[zone])
            schedules.append(schedule)
            channels.append(P.channel_payload(schedule, P.parse_promise(rng.choice(PROMISES))))
            channels.append(P.channel_payload(S.always_open(zone), P.parse_promise(rng.choice(
                [p for p in PROMISES if "business" in p])), schedule))
            company += [S.schedule_to_json(schedule)] * 2
        sets, cases = [], []
        visitors = ZONES + [None]
        for _ in range(count):
            c = rng.randrange(len(channels))
            schedule = schedules[c // 2]
            t = random_instant(rng, schedule, edges[schedule.timezone])
            sets.append(random_notices(rng, schedule.timezone, t * 1000, c, len(channels), edges[schedule.timezone]))
            group = rng.sample(range(len(channels)), rng.randint(1, 3))
            cases.append([c, t, len(sets) - 1, group, rng.choice(visitors), rng.choice(SHIPPED_LANGUAGES)])
        self.files = live_files(rng)
        self.langs = [rng.choice(SHIPPED_LANGUAGES) for _ in self.files]
        self.probes = [[zone, t // 1000 + d] for zone in ZONES for t in edges[zone] for d in (-1000, 0)]
        self.channels, self.company, self.sets, self.cases = channels, company, sets, cases
        self.batch = {"schedules": [], "channels": channels, "promises": [], "cases": [], "probes": self.probes,
                      "strings": STRINGS, "withNotices": {"sets": sets, "company": company, "cases": cases},
                      "live": {"limits": LIMITS, "files": self.files, "langs": self.langs}}
        self.live_expected = [[n.payload(lang) for n in L.accepted(file)] for file, lang in zip(self.files, self.langs)]
        self._expected: dict = {}

    def compare(self, js: dict, stale: set[str]) -> tuple[list, int, list]:
        """(disagreements, cases compared, live files read otherwise), leaving out cases in a stale zone."""
        disagreements, compared = [], 0
        for index, (case, answer) in enumerate(zip(self.cases, js["withNotices"])):
            if ({self.company[i]["tz"] for i in [case[0], *case[3]]} | {case[4]}) & stale:
                continue
            compared += 1
            if index not in self._expected:
                self._expected[index] = python_with_notices(self.channels, self.company, self.sets, case)
            if self._expected[index] != answer:
                disagreements.append((case, self.sets[case[2]], self._expected[index], answer))
        live_wrong = [(f, e, a) for f, e, a in zip(self.files, self.live_expected, js["live"]) if e != a]
        return disagreements, compared, live_wrong

    def wrong(self, js: dict, stale: set[str]) -> int:
        """How many answers and live files the driver got wrong."""
        disagreements, _, live_wrong = self.compare(js, stale)
        return len(disagreements) + len(live_wrong)


def test_notices_change_the_maths_identically_in_both_engines():
    parity = NoticeParity(SEED + 22)
    js = run_driver(parity.batch, timeout=300)
    # As in test_schedule_parity.py: a zone whose offsets Node's tz data gives otherwise cannot agree.
    disagreements, compared, live_wrong = parity.compare(js, stale_zones(parity.probes, js["probes"]))
    live_expected = parity.live_expected
    in_effect = sum(1 for answer in js["withNotices"] if answer[3])
    print(f"\nnotice parity: seed {SEED + 22}, {compared} cases ({in_effect} with a notice in effect), "
          f"{len(parity.files)} live files, {sum(map(len, live_expected))} notices accepted; node {js['ms']} ms")
    assert compared >= CASES * 0.9 and in_effect >= CASES // 4
    assert sum(1 for e in live_expected if e) >= 40 and sum(1 for e in live_expected if not e) >= 5
    assert not disagreements, "\n\n".join(f"case {c}\nnotices {n}\npython {p}\njs     {j}"
                                          for c, n, p, j in disagreements[:3])
    assert not live_wrong, "\n\n".join(f"file {f}\npython {e}\njs     {a}" for f, e, a in live_wrong[:3])
