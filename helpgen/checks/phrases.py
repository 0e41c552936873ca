"""How people write hours and reply times in English, Danish and Chinese, turned into values.

Only the wording lives here; promises.py decides whether a sentence is about support at all and
compares the values with support.yml. Values use the config's own units: reply times become
(kind, amount) like schedule's Promise, hours become TimeRange and weekday indexes (Monday = 0).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..hours.schedule import TimeRange

_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty-four": 24, "twenty four": 24,
               "forty-eight": 48, "forty eight": 48, "seventy-two": 72, "seventy two": 72}
_DA_NUMBERS = {"en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
               "otte": 8, "ni": 9, "ti": 10, "tolv": 12, "fireogtyve": 24, "otteogfyrre": 48}
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# unit word -> (kind, minutes or days per unit)
_UNITS = {
    "minute": ("calendar", 1), "min": ("calendar", 1), "minut": ("calendar", 1), "分钟": ("calendar", 1),
    "分鐘": ("calendar", 1), "小時": ("calendar", 60), "鐘頭": ("calendar", 60), "週": ("calendar", 10080),
    "hour": ("calendar", 60), "time": ("calendar", 60), "小时": ("calendar", 60), "钟头": ("calendar", 60),
    "day": ("calendar", 1440), "dag": ("calendar", 1440), "døgn": ("calendar", 1440), "天": ("calendar", 1440),
    "week": ("calendar", 10080), "uge": ("calendar", 10080), "星期": ("calendar", 10080), "周": ("calendar", 10080),
    "business hour": ("business_hours", 60), "working hour": ("business_hours", 60),
    "arbejdstime": ("business_hours", 60), "工作小时": ("business_hours", 60), "工作小時": ("business_hours", 60),
    "business day": ("business_days", 1), "working day": ("business_days", 1), "hverdag": ("business_days", 1),
    "arbejdsdag": ("business_days", 1), "工作日": ("business_days", 1), "工作天": ("business_days", 1),
}

_EN_NUMBER = (r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty[- ]four|forty[- ]eight"
              r"|seventy[- ]two")
_DA_NUMBER = r"\d+|en|et|én|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|fireogtyve|otteogfyrre"
_REPLY_TIMES = [
    re.compile(rf"\b(?:within|in|under)\s+(?:about\s+|around\s+|roughly\s+)?(?:the\s+)?(?P<num>{_EN_NUMBER})\s+"
               r"(?P<unit>(?:business|working)\s+(?:hour|day)|minute|min|hour|day|week)s?\b", re.IGNORECASE),
    re.compile(rf"(?:\binden\s+for|\bindenfor|\bi\s+løbet\s+af|\bpå|\binden)\s+(?:ca\.\s+)?(?P<num>{_DA_NUMBER})\s+"
               r"(?P<unit>arbejdstime|arbejdsdag|hverdag|minut|time|døgn|dag|uge)(?:r|e|ne|er|ter)?\b", re.IGNORECASE),
    # Simplified and Traditional (zh-TW: 個, 小時, 工作天, 內).
    re.compile(r"(?P<num>\d+|[一二两兩三四五六七八九十]+)\s*[个個]?\s*"
               r"(?P<unit>工作日|工作天|工作小时|工作小時|小时|小時|钟头|鐘頭|分钟|分鐘|天|星期|周|週)\s*(?:之[内內]|以[内內]|[内內])"),
]
_SAME_DAY = re.compile(r"\b(?:the\s+)?same[ -](?:business[ -]|working[ -])?day\b|\bsamme\s+(?:hver)?dag\b|当天|当日|同一天|當天|當日",
                       re.IGNORECASE)
_NEXT_BUSINESS_DAY = re.compile(r"\bnext\s+(?:business|working)\s+day\b|\bnæste\s+hverdag\b|下一[个個]工作[日天]|下[个個]工作[日天]", re.IGNORECASE)
_IMMEDIATE = re.compile(r"\b(?:immediately|right\s+away|straight\s+away|instantly|med\s+det\s+samme|straks|omgående)\b"
                        r"|立即|马上|馬上|即时|即時", re.IGNORECASE)


@dataclass(frozen=True)
class ReplyTime:
    start: int
    end: int
    kind: str  # "immediate" | "calendar" | "business_hours" | "business_days" | "same_day"
    amount: int


def parse_number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _EN_NUMBERS or word in _DA_NUMBERS:
        return _EN_NUMBERS.get(word, _DA_NUMBERS.get(word))
    if word and all(ch in _ZH_DIGITS or ch == "十" for ch in word):
        tens, _, ones = word.partition("十")
        if "十" not in word:
            return _ZH_DIGITS.get(word) if len(word) == 1 else None
        return (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    return None


def find_reply_times(text: str) -> list[ReplyTime]:
    found: list[ReplyTime] = []
    for pattern in _REPLY_TIMES:
        for match in pattern.finditer(text):
            number = parse_number(match.group("num"))
            unit = " ".join(match.group("unit").lower().split())
            if number is None or unit not in _UNITS:
                continue
            kind, per_unit = _UNITS[unit]
            found.append(ReplyTime(match.start(), match.end(), kind, number * per_unit))
    for pattern, kind, amount in ((_SAME_DAY, "same_day", 0), (_NEXT_BUSINESS_DAY, "business_days", 1),
                                  (_IMMEDIATE, "immediate", 0)):
        found += [ReplyTime(m.start(), m.end(), kind, amount) for m in pattern.finditer(text)]
    return sorted(found, key=lambda r: r.start)


# --- opening hours ---------------------------------------------------------------------------------------

_DAY_WORDS = {
    0: ("monday", "mandag", "mon", "man", "一"), 1: ("tuesday", "tirsdag", "tue", "tues", "tir", "tirs", "二"),
    2: ("wednesday", "onsdag", "wed", "ons", "三"),
    3: ("thursday", "torsdag", "thu", "thur", "thurs", "tor", "tors", "四"),
    4: ("friday", "fredag", "fri", "fre", "五"), 5: ("saturday", "lørdag", "sat", "lør", "六"),
    6: ("sunday", "søndag", "sun", "søn", "日", "天"),
}
_DAY_INDEX = {word: day for day, words in _DAY_WORDS.items() for word in words}
_FULL_DAY_NAMES = {w for words in _DAY_WORDS.values() for w in words[:2]}
_DAY = (r"(?:(?:周|週|星期|礼拜|禮拜)(?P<zh>[一二三四五六日天])|\b(?P<word>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|man|tirs?|ons"
        r"|tors?|fre|lør|søn)(?:s|e)?\.?(?![\w]))")
_DAY_TOKEN = re.compile(_DAY, re.IGNORECASE)
_DAY_JOIN = re.compile(r"\s*(?P<sep>-|–|—|to|through|thru|until|till|til|至|到|~|～|and|og|&|,|、)\s*", re.IGNORECASE)
_RANGE_JOINS = {"-", "–", "—", "to", "through", "thru", "until", "till", "til", "至", "到", "~", "～"}
_DAY_GROUPS = [
    (re.compile(r"\b(?:week\s?days|every\s+weekday|alle\s+hverdage|hverdage?)\b|工作日", re.IGNORECASE), (0, 1, 2, 3, 4)),
    (re.compile(r"\bweekend(?:s|en|er)?\b|周末|週末", re.IGNORECASE), (5, 6)),
    (re.compile(r"\b(?:every\s+day|daily|(?:7|seven)\s+days\s+a\s+week|alle\s+dage|hver\s+dag|dagligt?)\b|每天|每日",
                re.IGNORECASE), tuple(range(7))),
]
_ALWAYS = re.compile(r"24/7|\b(?:a|the)?round[ -]the[ -]clock\b|\bdøgnet\s+rundt\b|全天候|7\s*[x×]\s*24"
                     r"|24\s*小[时時](?=在线|在線|服务|服務|营业|營業|客服)", re.IGNORECASE)

_TIME = (r"(?P<{p}pre>上午|下午|早上|晚上)?(?P<{p}kl>\bkl\.?\s*)?(?P<{p}h>\d{{1,2}})"
         r"(?:(?P<{p}sep>[:.：])(?P<{p}m>\d{{2}})|(?P<{p}dian>[点點])(?:(?P<{p}zm>\d{{1,2}})分|(?P<{p}half>半))?)?"
         r"(?:\s*(?P<{p}ap>[ap]\.?\s?m\b\.?))?")
_TIME_RANGE = re.compile(r"(?<![\d.:])(?:\b(?:between|from|mellem|fra)\s+)?" + _TIME.format(p="a")
                         + r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill?\b|\band\b|\bog\b|至|到|~|～)\s*"
                         + _TIME.format(p="b") + r"(?![\d:])", re.IGNORECASE)


@dataclass(frozen=True)
class HoursClaim:
    start: int
    end: int
    days: tuple[int, ...] | None  # None: no days named
    time_range: TimeRange | None  # None: days only ("Monday to Friday")
    always: bool = False  # "24/7"


def _minutes(match: re.Match[str], p: str, meridiem: str | None) -> int | None:
    hour = int(match.group(p + "h"))
    minute = int(match.group(p + "m") or match.group(p + "zm") or (30 if match.group(p + "half") else 0))
    pre = match.group(p + "pre")
    if match.group(p + "sep") == "." and minute % 15:
        return None  # "9.95" or "12.50" is a price or a date; opening hours are on the quarter hour
    if meridiem:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif pre in ("下午", "晚上") and hour < 12:
        hour += 12
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _looks_like_time(match: re.Match[str], p: str) -> bool:
    return any(match.group(p + g) for g in ("m", "dian", "ap", "kl", "pre"))


def find_time_ranges(text: str) -> list[tuple[int, int, TimeRange]]:
    """(start, end, range) of "09:00-17:00", "9am–5pm", "kl. 9-17", "9.00–17.00", "上午9点至下午5点"."""
    found = []
    for match in _TIME_RANGE.finditer(text):
        # Bare numbers ("3-7") are counts, not times: one side must look like a clock time.
        if not (_looks_like_time(match, "a") or _looks_like_time(match, "b")):
            continue
        end_ap = (match.group("bap") or "")[:1].lower() or None
        start_ap = (match.group("aap") or "")[:1].lower() or None
        if end_ap and not start_ap and not match.group("am"):
            start_ap = "a" if int(match.group("ah")) % 12 > int(match.group("bh")) % 12 else end_ap
        start, end = _minutes(match, "a", start_ap), _minutes(match, "b", end_ap)
        if start is None or end is None or start == end or start > 1439:
            continue
        found.append((match.start(), match.end(), TimeRange(start, end or 1440)))
    return found


def find_day_specs(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, weekday indexes) of "Monday to Friday", "Mon–Fri", "mandag-fredag", "hverdage", "周一至周五"."""
    found = [(m.start(), m.end(), days) for pattern, days in _DAY_GROUPS for m in pattern.finditer(text)]
    tokens = [m for m in _DAY_TOKEN.finditer(text)]
    i = 0
    while i < len(tokens):
        first, days, last, j = tokens[i], {_day(tokens[i])}, tokens[i], i
        while j + 1 < len(tokens):
            join = _DAY_JOIN.fullmatch(text[last.end():tokens[j + 1].start()])
            if not join:
                break
            following = _day(tokens[j + 1])
            if join.group("sep").lower() in _RANGE_JOINS:
                days |= {(_day(last) + k) % 7 for k in range((following - _day(last)) % 7 + 1)}
            days.add(following)
            last, j = tokens[j + 1], j + 1
        # A lone abbreviation ("sun", "man", "fre") is an ordinary word; only full names stand alone.
        if j > i or (first.group("word") or "").lower() in _FULL_DAY_NAMES or first.group("zh"):
            found.append((first.start(), last.end(), tuple(sorted(days))))
        i = j + 1
    return sorted(found)


def _day(token: re.Match[str]) -> int:
    if token.group("zh"):
        return _DAY_INDEX[token.group("zh")]
    word = token.group("word").lower()
    return _DAY_INDEX.get(word, _DAY_INDEX.get(word[:3], 0))


def find_hours_claims(text: str) -> list[HoursClaim]:
    """Pair time ranges with the days they belong to. Writers put the days first ("Monday to Friday
    9-17, Saturday 10-14") or last ("9-17 on weekdays"); the first item of the sentence tells which.
    A range with no days of its own shares the previous one's ("Mon-Fri 9-12 and 13-17")."""
    ranges = find_time_ranges(text)
    specs = [d for d in find_day_specs(text) if not any(r[0] <= d[0] < r[1] for r in ranges)]
    items = sorted([(s, e, "days", v) for s, e, v in specs] + [(s, e, "range", v) for s, e, v in ranges])
    days_last = bool(items) and items[0][2] == "range"
    claims: list[HoursClaim] = []
    pending: tuple | None = None  # days waiting for their range
    shared: tuple[int, ...] | None = None
    index = 0
    while index < len(items):
        start, end, what, value = items[index]
        index += 1
        if what == "days":
            if pending:
                claims.append(HoursClaim(pending[0], pending[1], pending[3], None))
            pending = (start, end, what, value)
            continue
        if days_last:
            ahead = index
            while ahead < len(items) and items[ahead][2] == "range":
                ahead += 1  # "9-12 and 13-17 on weekdays": every range of the run takes those days
            if ahead < len(items):
                pending = items[ahead]
                if ahead == index:
                    index += 1
        if pending:
            shared = pending[3]
            start, end = min(start, pending[0]), max(end, pending[1])
            pending = None
        claims.append(HoursClaim(start, end, shared, value))
    if pending:
        claims.append(HoursClaim(pending[0], pending[1], pending[3], None))
    claims += [HoursClaim(m.start(), m.end(), None, None, always=True) for m in _ALWAYS.finditer(text)]
    return sorted(claims, key=lambda c: c.start)
