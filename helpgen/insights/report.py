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
    return Report(
        since=since, until=until,
        votes=store.rows("SELECT COUNT(*) FROM helpgen_votes WHERE at >= ? AND at < ?", window)[0][0],
        zero_results=_zero_results(store, since, until, limit, first_week, last_week),
        top_searches=tuple(TopSearch(q, n, c or 0, z or 0) for q, n, c, z in store.rows(
            "SELECT query, COUNT(*), SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END) FROM helpgen_searches WHERE at >= ? AND at < ? "
            "GROUP BY query ORDER BY COUNT(*) DESC, query LIMIT ?", (*window, limit))),
        refinements=tuple(Refinement(b, a, n, c or 0) for b, a, n, c in store.rows(
            "SELECT refined_from, query, COUNT(*), SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END) "
            "FROM helpgen_searches WHERE at >= ? AND at < ? AND refined_from IS NOT NULL AND refined_from <> query "
            "GROUP BY refined_from, query ORDER BY COUNT(*) DESC, refined_from, query LIMIT ?", (*window, limit))),
        articles=_articles(store, window),
        contacts=_contacts(store, window, limit),
        self_service=_self_service(store, window),
        weeks=_weeks(store, window, first_week, last_week),
    )


def _zero_results(store: Store, since: int, until: int, limit: int, first_week: int,
                  last_week: int) -> tuple[ZeroResultSearch, ...]:
    middle = since + (until - since) // 2
    top = store.rows("SELECT query, COUNT(*), SUM(CASE WHEN at >= ? THEN 1 ELSE 0 END) FROM helpgen_searches "
                     "WHERE results = 0 AND at >= ? AND at < ? GROUP BY query ORDER BY COUNT(*) DESC, query LIMIT ?",
                     (middle, since, until, limit))
    if not top:
        return ()
    queries = [row[0] for row in top]
    among = f"query IN ({', '.join('?' for _ in queries)})"
    seen = {q: (first, last) for q, first, last in store.rows(
        f"SELECT query, MIN(at), MAX(at) FROM helpgen_searches WHERE results = 0 AND {among} GROUP BY query", queries)}
    languages: dict[str, list[tuple[int, str]]] = {}
    for q, language, n in store.rows(
            f"SELECT query, language, COUNT(*) FROM helpgen_searches WHERE results = 0 AND at >= ? AND at < ? "
            f"AND {among} GROUP BY query, language", (since, until, *queries)):
        languages.setdefault(q, []).append((-n, language))
    weekly: dict[str, dict[int, int]] = {}
    for q, week, n in store.rows(
            f"SELECT query, {WEEK_OF}, COUNT(*) FROM helpgen_searches WHERE results = 0 AND at >= ? AND at < ? "
            f"AND {among} GROUP BY query, {WEEK_OF}", (since, until, *queries)):
        weekly.setdefault(q, {})[int(week)] = n
    return tuple(
        ZeroResultSearch(q, n, tuple(code for _, code in sorted(languages.get(q, []))), seen[q][0], seen[q][1],
                         trend(n - (later or 0), later or 0, seen[q][0] >= middle),
                         tuple(weekly.get(q, {}).get(w, 0) for w in range(first_week, last_week + 1)))
        for q, n, later in top)


def _articles(store: Store, window: tuple[int, int]) -> tuple[ArticleVotes, ...]:
    rows = store.rows("SELECT article, SUM(CASE WHEN vote = 'yes' THEN 1 ELSE 0 END), "
                      "SUM(CASE WHEN vote = 'no' THEN 1 ELSE 0 END) FROM helpgen_votes "
                      "WHERE at >= ? AND at < ? GROUP BY article", window)
    articles = [ArticleVotes(a, y, n, *wilson_bounds(y, y + n)) for a, y, n in rows]
    return tuple(sorted(articles, key=lambda a: (-a.lower, -a.votes, a.article)))


def _contacts(store: Store, window: tuple[int, int], limit: int) -> Contacts:
    def counted(column: str) -> dict[str, int]:
        rows = store.rows(f"SELECT {column}, COUNT(*) FROM helpgen_contacts WHERE at >= ? AND at < ? "
                          f"GROUP BY {column} ORDER BY COUNT(*) DESC, {column}", window)
        return {key: n for key, n in rows}

    total, after = store.rows("SELECT COUNT(*), SUM(after_search) FROM helpgen_contacts WHERE at >= ? AND at < ?",
                              window)[0]
    by_article = store.rows("SELECT page, COUNT(*) FROM helpgen_contacts WHERE at >= ? AND at < ? "
                            "AND origin = 'article' GROUP BY page ORDER BY COUNT(*) DESC, page LIMIT ?",
                            (*window, limit))
    return Contacts(total, counted("origin"), counted("channel"), tuple((p, n) for p, n in by_article),
                    int(after or 0))


def _self_service(store: Store, window: tuple[int, int]) -> SelfService:
    searches, clicked = store.rows("SELECT COUNT(*), SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END) "
                                   "FROM helpgen_searches WHERE at >= ? AND at < ?", window)[0]
    after = store.rows("SELECT SUM(after_search) FROM helpgen_contacts WHERE at >= ? AND at < ?", window)[0][0]
    return SelfService(searches, int(clicked or 0), int(after or 0))


def _weeks(store: Store, window: tuple[int, int], first: int, last: int) -> tuple[Week, ...]:
    counts: dict[int, dict[str, int]] = {w: {} for w in range(first, last + 1)}
    queries = {
        ("searches", "zero_results", "clicks"): (
            "SELECT {week}, COUNT(*), SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END) FROM helpgen_searches"),
        ("yes", "no"): ("SELECT {week}, SUM(CASE WHEN vote = 'yes' THEN 1 ELSE 0 END), "
                        "SUM(CASE WHEN vote = 'no' THEN 1 ELSE 0 END) FROM helpgen_votes"),
        ("contacts",): "SELECT {week}, COUNT(*) FROM helpgen_contacts",
    }
    for names, select in queries.items():
        for week, *values in store.rows(select.format(week=WEEK_OF) + f" WHERE at >= ? AND at < ? GROUP BY {WEEK_OF}",
                                        window):
            counts.setdefault(int(week), {}).update({n: int(v or 0) for n, v in zip(names, values)})
    return tuple(Week(week_start(w), **counts[w]) for w in sorted(counts))
