"""What the events say, as numbers: `build_report(store, since, until)` -> Report.

Every figure is an aggregate the database computes (GROUP BY over the window's rows), so a report over a
million events reads thousands of rows, not a million. The sections, in the order a support lead acts
on them: searches that found nothing (the articles to write), top searches with their click rate,
searches refined into another (the synonyms to add), articles by helpfulness, contact clicks by where
they came from, and the self-service rate. Weeks are Monday to Sunday, UTC.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from .stats import trend, wilson_bounds
from .store import Store

WEEK = 604_800
_MONDAY = 259_200  # 1970-01-01 was a Thursday: shift by three days to cut weeks on Mondays
WEEK_OF = f"(at + {_MONDAY}) / {WEEK}"
LIMIT = 50
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ZeroResultSearch:
    query: str
    count: int
    languages: tuple[str, ...]  # most searched first
    first_seen: int  # Unix seconds, over all the events kept (not only the window)
    last_seen: int
    trend: str  # new | rising | falling | steady (stats.trend)
    weekly: tuple[int, ...]  # one count per week of the report, oldest first


@dataclass(frozen=True)
class TopSearch:
    query: str
    count: int
    clicks: int
    zero_results: int

    @property
    def click_rate(self) -> float:
        return self.clicks / self.count if self.count else 0.0


@dataclass(frozen=True)
class Refinement:
    before: str
    after: str
    count: int
    then_clicked: int  # how often the second search ended in an article click


@dataclass(frozen=True)
class ArticleVotes:
    article: str  # the page's path, as the site sent it
    yes: int
    no: int
    lower: float  # Wilson 95 % bounds of the share of Yes
    upper: float

    @property
    def votes(self) -> int:
        return self.yes + self.no

    @property
    def share(self) -> float:
        return self.yes / self.votes if self.votes else 0.0


@dataclass(frozen=True)
class Contacts:
    total: int = 0
    by_origin: dict[str, int] = field(default_factory=dict)  # article, search, 404, header, …
    by_channel: dict[str, int] = field(default_factory=dict)
    by_article: tuple[tuple[str, int], ...] = ()  # (page, clicks) for clicks on article pages
    after_search: int = 0  # from a page reached through a search result


@dataclass(frozen=True)
class SelfService:
    searches: int
    clicked: int
    contacts_after: int

    @property
    def rate(self) -> float | None:
        """Searches that ended in an article click and no contact, of all searches."""
        return max(0, self.clicked - self.contacts_after) / self.searches if self.searches else None


@dataclass(frozen=True)
class Week:
    start: str  # the Monday, YYYY-MM-DD
    searches: int = 0
    zero_results: int = 0
    clicks: int = 0
    yes: int = 0
    no: int = 0
    contacts: int = 0


@dataclass(frozen=True)
class Report:
    since: int
    until: int
    votes: int
    zero_results: tuple[ZeroResultSearch, ...]
    top_searches: tuple[TopSearch, ...]
    refinements: tuple[Refinement, ...]
    articles: tuple[ArticleVotes, ...]  # by helpfulness: the Wilson lower bound, highest first
    contacts: Contacts
    self_service: SelfService
    weeks: tuple[Week, ...]

    def as_json(self) -> dict:
        data = asdict(self)
        data["format"] = FORMAT_VERSION
        for row, item in zip(data["top_searches"], self.top_searches):
            row["click_rate"] = round(item.click_rate, 4)
        for row, item in zip(data["articles"], self.articles):
            row.update(votes=item.votes, share=round(item.share, 4), lower=round(item.lower, 4),
                       upper=round(item.upper, 4))
        data["self_service"]["rate"] = None if self.self_service.rate is None else round(self.self_service.rate, 4)
        data["contacts"]["by_article"] = [list(pair) for pair in self.contacts.by_article]
        return data


def week_start(index: int) -> str:
    return dt.datetime.fromtimestamp(index * WEEK - _MONDAY, dt.timezone.utc).date().isoformat()


def build_report(store: Store, since: int, until: int, limit: int = LIMIT) -> Report:
    """The report of the events that arrived in [since, until) (Unix seconds)."""
    window = (since, until)
    first_week, last_week = (since + _MONDAY) // WEEK, (max(since, until - 1) + _MONDAY) // WEEK
    tables = _tables(store, since, until)
    per_query = _per_query(store, tables, since, until)
    weeks = _weeks(store, tables, window, first_week, last_week)
    contacts = _contacts(store, tables, window, limit)
    return Report(
        since=since, until=until,
        votes=sum(w.yes + w.no for w in weeks),
        zero_results=_zero_results(store, per_query, since, until, limit, first_week, last_week),
        top_searches=tuple(TopSearch(q, n, clicks, zero) for q, (n, clicks, zero, _) in
                           sorted(per_query.items(), key=lambda item: (-item[1][0], item[0]))[:limit]),
        refinements=tuple(Refinement(b, a, n, c or 0) for b, a, n, c in store.rows(
            "SELECT refined_from, query, COUNT(*), SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END) "
            "FROM helpgen_searches WHERE refined_from IS NOT NULL AND at >= ? AND at < ? AND refined_from <> query "
            "GROUP BY refined_from, query ORDER BY COUNT(*) DESC, refined_from, query LIMIT ?", (*window, limit))),
        articles=_articles(store, tables, window),
        contacts=contacts,
        self_service=SelfService(sum(w.searches for w in weeks), sum(w.clicks for w in weeks), contacts.after_search),
        weeks=weeks,
    )


def _tables(store: Store, since: int, until: int) -> dict[str, str]:
    """Each table as the window's queries name it: the store decides, from the share of the table's time
    span the window covers, whether reading it whole beats its index on `at`."""
    named = {}
    for table in ("helpgen_searches", "helpgen_votes", "helpgen_contacts"):
        first, last = store.rows(f"SELECT MIN(at), MAX(at) FROM {table}")[0]
        span = (last - first + 1) if first is not None else 1
        covered = (min(until, (last or 0) + 1) - max(since, first or 0)) / span
        named[table] = store.scan(table, max(0.0, covered))
    return named


def _per_query(store: Store, tables: dict[str, str], since: int, until: int) -> dict[str, tuple[int, int, int, int]]:
    """query -> (searches, clicks, found nothing, found nothing in the window's later half): one scan of
    the window's searches serves the top searches and the searches that found nothing."""
    middle = since + (until - since) // 2
    rows = store.rows("SELECT query, COUNT(*), SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END), "
                      "SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END), "
                      "SUM(CASE WHEN results = 0 AND at >= ? THEN 1 ELSE 0 END) "
                      f"FROM {tables['helpgen_searches']} WHERE at >= ? AND at < ? GROUP BY query", (middle, since, until))
    return {q: (int(n), int(c or 0), int(z or 0), int(later or 0)) for q, n, c, z, later in rows}


def _zero_results(store: Store, per_query: dict[str, tuple[int, int, int, int]], since: int, until: int,
                  limit: int, first_week: int, last_week: int) -> tuple[ZeroResultSearch, ...]:
    middle = since + (until - since) // 2
    top = sorted((q for q, counts in per_query.items() if counts[2]), key=lambda q: (-per_query[q][2], q))[:limit]
    if not top:
        return ()
    among = f"query IN ({', '.join('?' for _ in top)})"  # each looked up by the (query, at) index
    seen = {q: (first, last) for q, first, last in store.rows(
        f"SELECT query, MIN(at), MAX(at) FROM helpgen_searches WHERE {among} AND results = 0 GROUP BY query", top)}
    languages: dict[str, dict[str, int]] = {}
    weekly: dict[str, dict[int, int]] = {}
    for q, language, week, n in store.rows(
            f"SELECT query, language, {WEEK_OF}, COUNT(*) FROM helpgen_searches WHERE {among} AND at >= ? AND at < ? "
            f"AND results = 0 GROUP BY query, language, {WEEK_OF}", (*top, since, until)):
        languages.setdefault(q, {})[language] = languages.get(q, {}).get(language, 0) + n
        weekly.setdefault(q, {})[int(week)] = weekly.get(q, {}).get(int(week), 0) + n
    result = []
    for q in top:
        count, later = per_query[q][2], per_query[q][3]
        ordered = tuple(code for code, _ in sorted(languages.get(q, {}).items(), key=lambda item: (-item[1], item[0])))
        result.append(ZeroResultSearch(q, count, ordered, seen[q][0], seen[q][1],
                                       trend(count - later, later, seen[q][0] >= middle),
                                       tuple(weekly.get(q, {}).get(w, 0) for w in range(first_week, last_week + 1))))
    return tuple(result)


def _articles(store: Store, tables: dict[str, str], window: tuple[int, int]) -> tuple[ArticleVotes, ...]:
    rows = store.rows("SELECT article, SUM(CASE WHEN vote = 'yes' THEN 1 ELSE 0 END), "
                      f"SUM(CASE WHEN vote = 'no' THEN 1 ELSE 0 END) FROM {tables['helpgen_votes']} "
                      "WHERE at >= ? AND at < ? GROUP BY article", window)
    articles = [ArticleVotes(a, y, n, *wilson_bounds(y, y + n)) for a, y, n in rows]
    return tuple(sorted(articles, key=lambda a: (-a.lower, -a.votes, a.article)))


def _contacts(store: Store, tables: dict[str, str], window: tuple[int, int], limit: int) -> Contacts:
    """Contact clicks by place, by channel and by article page, from one pass over the window's contacts."""
    origins: dict[str, int] = {}
    channels: dict[str, int] = {}
    pages: dict[str, int] = {}
    after = 0
    for origin, channel, page, after_search, n in store.rows(
            f"SELECT origin, channel, CASE WHEN origin = 'article' THEN page END, after_search, COUNT(*) "
            f"FROM {tables['helpgen_contacts']} WHERE at >= ? AND at < ? GROUP BY 1, 2, 3, 4", window):
        origins[origin] = origins.get(origin, 0) + n
        channels[channel] = channels.get(channel, 0) + n
        if page is not None:
            pages[page] = pages.get(page, 0) + n
        after += n if after_search else 0

    def ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    return Contacts(sum(origins.values()), dict(ranked(origins)), dict(ranked(channels)),
                    tuple(ranked(pages)[:limit]), after)


def _weeks(store: Store, tables: dict[str, str], window: tuple[int, int], first: int, last: int) -> tuple[Week, ...]:
    counts: dict[int, dict[str, int]] = {w: {} for w in range(first, last + 1)}
    queries = {
        ("searches", "zero_results", "clicks"): (
            "SELECT {week}, COUNT(*), SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END) FROM " + tables["helpgen_searches"]),
        ("yes", "no"): ("SELECT {week}, SUM(CASE WHEN vote = 'yes' THEN 1 ELSE 0 END), "
                        "SUM(CASE WHEN vote = 'no' THEN 1 ELSE 0 END) FROM " + tables["helpgen_votes"]),
        ("contacts",): "SELECT {week}, COUNT(*) FROM " + tables["helpgen_contacts"],
    }
    for names, select in queries.items():
        for week, *values in store.rows(select.format(week=WEEK_OF) + f" WHERE at >= ? AND at < ? GROUP BY {WEEK_OF}",
                                        window):
            counts.setdefault(int(week), {}).update({n: int(v or 0) for n, v in zip(names, values)})
    return tuple(Week(week_start(w), **counts[w]) for w in sorted(counts))
