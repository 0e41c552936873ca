"""`helpgen check --insights REPORT.json|DB_URL`: what visitors could not find, asked again of this build.

The top searches that found nothing (from a JSON report, or from the events database over the last 30
days) are run against the index of the site just built, with the very search `helpgen search` and the
visitors' browsers use (helpgen.search: the same stems, typo forgiveness and, once synonyms.yml exists,
its synonyms). Each is either "now answered by returns/refund-timing (was 0 results × 37)", or a
warning, "still nothing: "klarna" × 37". Articles that the votes show, with 95 % confidence, to help
fewer readers than --min-helpful are warnings at their file, with the votes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..checks.rules import finding
from ..errors import HelpgenError, Location, Problem
from ..search import open_site_index
from .stats import wilson_bounds

TOP = 20
DAYS = 30


@dataclass(frozen=True)
class Failed:
    query: str
    count: int
    language: str  # the language most of its searches came from


@dataclass(frozen=True)
class Votes:
    article: str
    yes: int
    no: int


@dataclass(frozen=True)
class Insights:
    source: str  # how messages name where the numbers came from
    failed: tuple[Failed, ...]
    votes: tuple[Votes, ...]


def load_insights(source: str, top: int = TOP) -> Insights:
    """The failed searches and votes of a JSON report (`insights report --format json`) or a database."""
    if "://" in source:
        from .report import build_report
        from .store import now, open_store

        store = open_store(source, create=False)
        try:
            until = now()
            data = build_report(store, until - DAYS * 86_400, until, top).as_json()
        finally:
            store.close()
        return _insights(store.shown, data, top)
    path = Path(source)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HelpgenError.at(Location(source), "no such file",
                              "make it with: helpgen insights report --format json -o insights.json") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise HelpgenError.at(Location(source), f"not a JSON report ({exc})",
                              "make it with: helpgen insights report --format json -o insights.json") from None
    return _insights(source, data, top)


def _insights(source: str, data: object, top: int) -> Insights:
    try:
        failed = tuple(Failed(str(z["query"]), int(z["count"]), str((z.get("languages") or [""])[0]))
                       for z in data["zero_results"][:top])
        votes = tuple(Votes(str(a["article"]), int(a["yes"]), int(a["no"])) for a in data["articles"])
    except (TypeError, KeyError, ValueError, AttributeError):
        raise HelpgenError.at(Location(source), "not an insights report (no zero_results or articles)",
                              "make it with: helpgen insights report --format json -o insights.json") from None
    return Insights(source, failed, votes)


def replay(insights: Insights, site_dir: Path, prefixes: dict[str, str]) -> list[Problem]:
    """One finding per failed search: answered now (info) or still not (warning). `prefixes`: language
    code -> where its index is in the site ("" for the default), as the project's languages say."""
    default = next(iter(prefixes.values()), "")
    indexes = {}
    findings = []
    where = Location(insights.source)
    for failed in insights.failed:
        prefix = prefixes.get(failed.language, prefixes.get(failed.language.split("-")[0], default))
        if prefix not in indexes:
            indexes[prefix] = open_site_index(site_dir, prefix)
        results = indexes[prefix].search(failed.query, 1)
        quoted = json.dumps(failed.query, ensure_ascii=False)
        if results:
            findings.append(finding("insights-answered", where, f"{quoted}: now answered by "
                                    f"{results[0].location.strip('/') or '/'} (was 0 results × {failed.count})"))
        else:
            findings.append(finding("insights-unanswered", where, f"still nothing: {quoted} × {failed.count}"
                                    + (f" ({failed.language})" if failed.language else ""),
                                    "write an article that answers it, or add a synonym "
                                    "(helpgen insights suggest proposes some)", group="still nothing"))
    return findings


def unhelpful(insights: Insights, pages: dict[str, str], min_helpful: float) -> list[Problem]:
    """Warnings at the files of articles that help fewer than `min_helpful` (0–1) of their readers, with
    95 % confidence. `pages`: an article's path on the site ("/returns/x/") -> its file."""
    findings = []
    for votes in insights.votes:
        file = pages.get(votes.article) or pages.get(votes.article.lstrip("/"))
        total = votes.yes + votes.no
        if not file or not total:
            continue
        lower, upper = wilson_bounds(votes.yes, total)
        if upper < min_helpful:
            findings.append(finding(
                "insights-unhelpful", Location(file, 1),
                f"helps {votes.yes / total:.0%} of the readers who voted ({votes.yes} Yes, {votes.no} No; at most "
                f"{upper:.0%} at 95% confidence), below --min-helpful {min_helpful:.0%}",
                "rewrite the answer for the question readers came with: the report's searches and contact "
                "clicks for this page say what they were looking for"))
    return findings
