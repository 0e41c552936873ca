"""What a sentence is about: which channel it names, whether it talks about replying or opening hours,
and which contact details (emails, phone numbers, URLs) it spells out. English, Danish and Chinese.

The checks must stay quiet on "we ship within 24 hours" or "our store opens 10-18": a reply time only
counts next to a reply verb, opening hours only next to support words and away from shop, warehouse
and delivery words. Anything the cues misjudge can be silenced with an ignore comment.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..hours.support import Channel, SupportConfig


def _literal_alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in phrases) or r"(?!)")


class Cue:
    """Words that tell what a sentence is about, matched as whole lowercase words, word beginnings and
    phrases. Set lookups instead of one big case-insensitive regex: that cost seconds on 5,000 articles."""

    def __init__(self, words: str, prefixes: tuple[str, ...] = (), phrases: tuple[str, ...] = ()):
        self.words = frozenset(words.split())
        self.prefixes = prefixes
        self.phrases = _literal_alternation(phrases)

    def found_in(self, sentence: "Sentence") -> bool:
        if not self.words.isdisjoint(sentence.words) or self.phrases.search(sentence.lower):
            return True
        return bool(self.prefixes) and any(word.startswith(self.prefixes) for word in sentence.words)


_REPLY_CUE = Cue("reply replies replied respond responds response responses responding answer answers answered "
                 "answering svar svarer svaret svare besvar besvarer besvaret besvare",
                 phrases=("get back to you", "hear from us", "hear back from us", "vender tilbage", "hører fra os",
                          "回复", "答复", "回应", "响应", "回覆"))
# "available", "online" and "daily" alone say nothing about us: "available on every device", "browse
# online", "blocks trackers daily". Hours are a promise only next to a support word or a channel.
_HOURS_CUE = Cue("open hours staffed support team åben åbent åbner åbningstid "
                 "åbningstider åbningstiderne telefontid telefontider kundeservice kundeservicen træffes "
                 "bemandet",
                 phrases=("opening times", "reach us", "reach our", "call us", "customer service", "customer care",
                          "we are available", "we're available", "we are online", "we're online",
                          "vi er tilgængelige", "vi sidder klar",
                          "kontakt os", "营业", "服务时间", "工作时间", "客服", "在线", "人工", "开放", "值班", "联系我们", "接听"))
_OFF_TOPIC = Cue("partner partners provider providers vendor vendors samarbejdspartner samarbejdspartnere "
                 "store stores shop shops showroom warehouse pickup collect collection dispatch dispatched dispatches "
                 "ship ships shipped shipping deliver delivers delivered delivery deliveries courier couriers carrier "
                 "carriers butik butikken lager lageret",
                 prefixes=("afhent", "lever", "afsend", "pakkeshop", "posthus", "fragt"),
                 phrases=("pick up", "post office", "third party", "third-party", "门店", "商店", "仓库", "发货", "送达",
                          "配送", "自提", "快递", "取货", "合作伙伴"))
# A time for what happens to data ("deleted within 30 days") is no reply time, however "responses" it names.
_DATA_LIFECYCLE = Cue("delete deleted deletes deleting deletion erase erased erases purge purged retain retained "
                      "retention expire expires expired slettes slettet sletter slette",
                      phrases=("删除", "清除", "保留", "过期"))
_CLOSED_CUE = Cue("closed close lukket lukker", phrases=("休息", "不营业", "关闭", "不上班"))
_OURS_CUE = Cue("us our ours we os vores vi", phrases=("我们", "本店", "本公司", "客服"))

_KIND_WORDS = {
    "email": r"\be-?mails?\b|\bmail\b|\bwrite\s+to\b|\bskriv\w*|邮件|电子邮件|邮箱|电邮",
    "phone": r"\b(?:tele)?phon\w*|\bcall(?:s|ing)?\b|\bring\w*|\btelefon\w*|\btlf\b|\bhotline\b|电话|致电|热线|拨打",
    "chat": r"\bchat\w*|聊天|在线客服|在线咨询",
}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"(?<![\w+/.:-])(?:tel:\s*)?(?:\+|00)?\d[\d \u00a0().-]{5,}\d(?![\w/])")
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.IGNORECASE)
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"“(\[*_{])|(?<=[。！？；;])\s*")
_NOT_AN_END = re.compile(r"(?:\b[ap]\.m\.|\bkl\.|\be\.g\.|\bi\.e\.|\bca\.|\bf\.eks\.|\bno\.|\bnr\.)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_LONG_NUMBER = re.compile(r"[0-9][0-9 \u00a0().-]{6,}[0-9]")

# Hours need a clock time, a weekday or an always-phrase; most sentences with digits have none.
_CLOCK = re.compile(r"\d\s*[:.：]\s*\d\d|\d\s*[ap]\.?m\b|\d\s*点|kl\.?\s*\d|24/7|clock|døgnet|全天候|7\s*[x×]\s*24|24\s*小时")
_DAY_HINTS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays
    sundays mon tue tues wed thu thur thurs fri sat sun weekday weekdays weekend weekends daily mandag tirsdag onsdag
    torsdag fredag lørdag søndag mandage tirsdage onsdage torsdage fredage lørdage søndage man tir tirs ons tor tors
    fre lør søn hverdag hverdage weekenden weekender dagligt""".split())
_DAY_PHRASES = _literal_alternation(("every day", "alle dage", "hver dag", "周", "星期", "礼拜", "工作日", "每天", "每日"))


# Text is read closely only if it may hold a fact. On 5,000 articles (19 MB of Markdown)
# every regex pass over all text costs 0.1-0.5 s, so plain substring tests (fast, in C) come first and
# the regexes used start with a digit, which the regex engine skips to quickly.
_DAY_NAMES = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun|week)days?|weekends?|daily|every day"
                        r"|(?:man|tirs|ons|tors|fre|lør|søn|hver)dag|alle dage|dagligt|[周星礼工每]")
_CLOCK_HINT = re.compile(r"[0-9](?:[:.：][0-9][0-9]| ?[ap]\.?m\b| ?点)")


def worth_reading(text: str) -> bool:
    """Whether a line or sentence may hold an address, a phone number, a reply time or opening hours."""
    lower = text.lower()
    if "@" in lower or "://" in lower:
        return True
    if ("repl" in lower or "respon" in lower or "answer" in lower or "get back" in lower or "hear" in lower
            or "svar" in lower or "tilbage" in lower or "hører" in lower or "回" in lower or "答" in lower
            or "响" in lower):
        return True  # a reply verb: reply times are read only next to one
    if ("day" in lower or "dag" in lower or "week" in lower or "周" in lower or "星期" in lower or "礼拜" in lower
            or "工作日" in lower or "每" in lower) and _DAY_NAMES.search(lower):
        return True
    if "kl." in lower or "24/7" in lower or "clock" in lower or "døgn" in lower or "全天候" in lower or "小时" in lower:
        return True
    return bool(_CLOCK_HINT.search(lower) or _LONG_NUMBER.search(lower))


def has_long_number(text: str) -> bool:
    return bool(_LONG_NUMBER.search(text))


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) of each sentence in a line. A table row stays one sentence: its cells belong together."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _NOT_AN_END.search(text[max(start, match.start() - 7):match.start()]):  # "kl. 9", "9 a.m. Monday"
            continue
        if match.start() > start:
            yield start, text[start:match.start()]
        start = match.end()
    if start < len(text):
        yield start, text[start:]


class Sentence:
    """One sentence with its lowercase form and word set, computed once for all the cues."""

    def __init__(self, text: str):
        self.text = text
        self.lower = text.lower()
        self.words = frozenset(_WORD.findall(self.lower))

    def talks_about_replies(self) -> bool:
        return _REPLY_CUE.found_in(self) and not _DATA_LIFECYCLE.found_in(self)

    def may_state_hours(self) -> bool:
        return (bool(_CLOCK.search(self.lower)) or not _DAY_HINTS.isdisjoint(self.words)
                or bool(_DAY_PHRASES.search(self.lower)))

    def talks_about_hours(self, names_a_channel) -> bool:
        """Support words (or a channel: `names_a_channel()`, asked last as it costs most), no shop words."""
        return not _OFF_TOPIC.found_in(self) and (_HOURS_CUE.found_in(self) or names_a_channel())

    def says_closed(self) -> bool:
        """"We're closed on Sundays": the days named are closed days, not open ones."""
        return _CLOSED_CUE.found_in(self)

    def speaks_for_us(self, organization: str) -> bool:
        return _OURS_CUE.found_in(self) or (bool(organization) and organization.lower() in self.lower)


def names_kind(text: str, kind: str) -> bool:
    """Whether the text names a kind of channel ("email", "phone", "chat") in any of the languages."""
    return bool(_KIND_PATTERNS[kind].search(text.lower()))


def channel_kind_words(channel: Channel) -> list[str]:
    kinds = [channel.kind] if channel.kind in _KIND_WORDS else []
    if "chat" in f"{channel.id} {channel.name}".lower():
        kinds.append("chat")
    own = [rf"\b{re.escape(channel.id.lower())}\b", rf"\b{re.escape(channel.name.lower())}\b"]
    return [_KIND_WORDS[k] for k in kinds] + own


_KIND_PATTERNS = {kind: re.compile(pattern) for kind, pattern in _KIND_WORDS.items()}


class ChannelFinder:
    """Finds the channels a sentence names: by word ("email", "ring", "电话"), by variable, or by address."""

    def __init__(self, support: SupportConfig):
        self.patterns = []
        for channel in support.channels:
            words = channel_kind_words(channel) + [rf"support\.channels\.{re.escape(channel.id)}\."]
            words += [re.escape(value.lower()) for value in (channel.address, channel.url) if value]
            self.patterns.append((re.compile("|".join(words)), channel))

    def mentions(self, sentence: str) -> list[tuple[int, Channel]]:
        """(position of the first mention, channel), in the order the sentence names them."""
        lower = sentence.lower()  # lowercase patterns on lowercase text: much faster than IGNORECASE
        found = [(match.start(), channel) for pattern, channel in self.patterns
                 if (match := pattern.search(lower))]
        return sorted(found, key=lambda item: item[0])


def nearest_channel(mentions: list[tuple[int, Channel]], position: int) -> Channel | None:
    """The channel named closest before `position`, else the first one named after it."""
    before = [channel for at, channel in mentions if at <= position]
    return before[-1] if before else (mentions[0][1] if mentions else None)


def find_emails(text: str) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for match in _EMAIL.finditer(text):
        address = match.group(0).rstrip(".").lower()
        if address not in seen:
            seen.add(address)
            yield match.start(), address


def find_phones(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(position, as written, digits, how) of phone-number-like runs; how is "link" for tel: links,
    "international" for a +/00 prefix, else "plain" (which only counts in a sentence about phoning)."""
    seen: set[str] = set()
    for match in _PHONE.finditer(text):
        raw = match.group(0).strip()
        digits = re.sub(r"\D", "", raw)
        if not 8 <= len(digits) <= 15 or _DATE_LIKE.match(raw.removeprefix("tel:").strip()) or ":" in raw[4:]:
            continue
        if digits[-8:] in seen:
            continue
        seen.add(digits[-8:])
        how = "link" if raw.startswith("tel:") else "international" if raw.startswith(("+", "00")) else "plain"
        yield match.start(), raw.removeprefix("tel:").strip(), digits, how


def find_urls(text: str) -> Iterator[tuple[int, str, str]]:
    """(position, the URL as written, normalized) of each web link."""
    seen: set[str] = set()
    for match in _URL.finditer(text):
        written = match.group(0).rstrip(".,;:!?")
        url = normalize_url(written)
        if url not in seen:
            seen.add(url)
            yield match.start(), written, url


def normalize_url(url: str) -> str:
    """Scheme-less, lowercase host without www., no trailing slash or punctuation: how people compare links."""
    url = url.rstrip(".,;:!?")
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{path}".rstrip("/") if slash else host
