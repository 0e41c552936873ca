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
from ..hours.texts import text_in
from ..i18n import Messages, format_date, messages

# `{{ name }}` where name is a dotted identifier; anything else in braces is ordinary text.
VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")

CHANNEL_FIELDS = ("name", "address", "url", "response", "availability", "link")


def support_variables(support: SupportConfig, today: dt.date, text: Messages | None = None,
                      language: str = "") -> dict[str, str]:
    """Every variable an article may use, as Markdown, already escaped. `text` and `language`: the
    article's language (its Messages; the code that picks support.yml texts given per language)."""
    text = text or messages(None)

    def local(value) -> str:
        return text_in(value, language) if language else str(value)

    values = {
        "support.organization": escape_markdown(local(support.organization)),
        "support.timezone": escape_markdown(support.timezone),
        "support.hours_table": "\n" + markdown_table((text.t("hours.table_day"), text.t("hours.table_hours")),
                                                      weekly_rows(support.hours.weekly, text)) + "\n",
        "support.holidays_table": "\n" + markdown_table(
            (text.t("hours.table_date"), text.t("hours.table_hours")),
            [(local(h.name) + ", " + format_date(h.date, text), format_ranges(h.ranges, text))
             for h in support.upcoming_holidays(today)] or [(text.t("holiday.none_table"), "")]) + "\n",
        "support.next_holiday": escape_markdown(_next_holiday(support, today, text, local)),
    }
    for index, day in enumerate(DAY_NAMES):
        values[f"support.hours.{day.lower()}"] = format_ranges(support.hours.weekly[index], text)
    for channel in support.channels:
        prefix = f"support.channels.{channel.id}."
        values[prefix + "name"] = escape_markdown(local(channel.name))
        values[prefix + "address"] = escape_markdown(channel.address or channel.url or "")
        values[prefix + "url"] = escape_markdown(channel.href)
        values[prefix + "response"] = escape_markdown(channel.response.words(text))
        values[prefix + "availability"] = escape_markdown(availability_text(channel.availability,
                                                                             channel.schedule.weekly, text))
        values[prefix + "link"] = f"[{escape_markdown(local(channel.label))}]({quote(channel.href, safe=':/?#@+=&%.,;~-_')})"
    return values


def _next_holiday(support: SupportConfig, today: dt.date, text: Messages, local) -> str:
    upcoming = support.upcoming_holidays(today)
    return holiday_text(upcoming[0], text, local(upcoming[0].name)) if upcoming else text.t("holiday.none")


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


def outside_code_spans(line: str, rewrite) -> str:
    """The line with `rewrite(text)` applied to each stretch between code spans (spans kept verbatim)."""
    if "`" not in line:
        return rewrite(line)
    pieces, cursor = [], 0
    for span in _CODE_SPAN.finditer(line):
        pieces += [rewrite(line[cursor:span.start()]), span.group(0)]
        cursor = span.end()
    return "".join(pieces + [rewrite(line[cursor:])])


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
