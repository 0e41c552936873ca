"""`{{ support.… }}` in article Markdown: a promise written once in support.yml, quoted everywhere.

Deliberately not a template engine: only the names listed by `support_variables` exist, code spans
and fenced code are left exactly as written, and an unknown name stops the build at its line.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..hours.present import (DAY_NAMES, availability_text, escape_markdown, format_ranges, holiday_text,
                             markdown_table, weekly_rows)
from ..hours.support import SupportConfig

# `{{ name }}` where name is a dotted identifier; anything else in braces is ordinary text.
VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")

CHANNEL_FIELDS = ("name", "address", "url", "response", "availability", "link")


def support_variables(support: SupportConfig, today: dt.date) -> dict[str, str]:
    """Every variable an article may use, as Markdown, already escaped."""
    values = {
        "support.organization": escape_markdown(support.organization),
        "support.timezone": escape_markdown(support.timezone),
        "support.hours_table": "\n" + markdown_table(("Day", "Hours"), weekly_rows(support.hours.weekly)) + "\n",
        "support.holidays_table": "\n" + markdown_table(
            ("Date", "Hours"), [(h.name + ", " + h.date.isoformat(), format_ranges(h.ranges))
                                for h in support.upcoming_holidays(today)] or [("No holidays planned", "")]) + "\n",
        "support.next_holiday": escape_markdown(_next_holiday(support, today)),
    }
    for index, day in enumerate(DAY_NAMES):
        values[f"support.hours.{day.lower()}"] = format_ranges(support.hours.weekly[index])
    for channel in support.channels:
        prefix = f"support.channels.{channel.id}."
        values[prefix + "name"] = escape_markdown(channel.name)
        values[prefix + "address"] = escape_markdown(channel.address or channel.url or "")
        values[prefix + "url"] = escape_markdown(channel.href)
        values[prefix + "response"] = escape_markdown(str(channel.response))
        values[prefix + "availability"] = escape_markdown(availability_text(channel.availability,
                                                                             channel.schedule.weekly))
        values[prefix + "link"] = f"[{escape_markdown(channel.label)}]({quote(channel.href, safe=':/?#@+=&%.,;~-_')})"
    return values


def _next_holiday(support: SupportConfig, today: dt.date) -> str:
    upcoming = support.upcoming_holidays(today)
    return holiday_text(upcoming[0]) if upcoming else "no holidays planned"


def lines_outside_code(markdown: str):
    """Yield (line offset, line, in_code) — in_code for fence lines and everything inside fences."""
    fence: str | None = None
    for offset, line in enumerate(markdown.split("\n")):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
            yield offset, line, fence is not None
            continue
        closer = match.group(1) if match else ""
        # A fence closes with the same character, at least as long, and nothing after it.
        if closer and closer[0] == fence[0] and len(closer) >= len(fence) and not line.strip()[len(closer):].strip():
            fence = None
        yield offset, line, True


def substitute(markdown: str, variables: dict[str, str], file: str, first_line: int = 1) -> str:
    """Replace every variable outside code. Raises HelpgenError listing every unknown name with its line."""
    problems: list[Problem] = []
    out = [line if in_code else _substitute_line(line, variables, Location(file, first_line + offset), problems)
           for offset, line, in_code in lines_outside_code(markdown)]
    if problems:
        raise HelpgenError(problems)
    return "\n".join(out)


def _substitute_line(line: str, variables: dict[str, str], where: Location, problems: list[Problem]) -> str:
    pieces: list[str] = []
    cursor = 0
    # Code spans are copied verbatim; only the text between them is substituted.
    for span in _CODE_SPAN.finditer(line):
        pieces.append(_replace(line, cursor, span.start(), variables, where, problems))
        pieces.append(span.group(0))
        cursor = span.end()
    pieces.append(_replace(line, cursor, len(line), variables, where, problems))
    return "".join(pieces)


def _replace(line: str, start: int, end: int, variables: dict[str, str], where: Location,
             problems: list[Problem]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in variables:
            return variables[name]
        col = start + match.start() + 1
        problems.append(Problem(Location(where.file, where.line, col), f'unknown variable "{name}"',
                                did_you_mean(name, variables) + " (to show braces literally, put them in `backticks`)",
                                rule="unknown-variable"))
        return match.group(0)

    return VARIABLE.sub(value, line[start:end])


def blank_code_spans(line: str) -> str:
    """The line with each code span replaced by spaces, so columns still match the source."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def find_variables(markdown: str) -> list[tuple[int, int, str]]:
    """(line offset, column, name) of each variable outside code, for `helpgen check`."""
    found: list[tuple[int, int, str]] = []
    for offset, line, in_code in lines_outside_code(markdown):
        if not in_code:
            masked = blank_code_spans(line)
            found += [(offset, m.start() + 1, m.group(1)) for m in VARIABLE.finditer(masked)]
    return found
