"""support-status.json: the live notices, read strictly and written atomically.

    {"notices": [{"id": "phone-down", "until": "2026-12-03T14:00:00+01:00", "text": "…",
                  "channels": ["phone"], "closed": true}],
     "updated": "2026-12-03T10:02:11+01:00"}

The file is published on its own (docs/notices.md) and read by every page view, so it is untrusted:
bounded (notice_schema.LIMITS), checked value by value with file:line, and what a browser would accept
of it is exactly `accepted()` (helpgen-notices.js `liveNotices`, held together by the parity test).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import HelpgenError, Location, Problem
from ..yamlsource import Node, Reader, parse_yaml
from .notice_config import SITE_FILE
from .notice_schema import LIMITS, LIVE_KEYS, Notice, read_notices

EMPTY_FILE = '{"notices": []}\n'


@dataclass(frozen=True)
class LiveStatus:
    notices: tuple[Notice, ...]
    problems: tuple[Problem, ...]  # errors (a notice visitors will not see) and warnings (fields ignored)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_live_text(text: str, file: str) -> LiveStatus:
    """Validate the file's text. Raises HelpgenError only when it is not JSON at all."""
    problems: list[Problem] = []
    if len(text.encode("utf-8")) > LIMITS["bytes"]:
        problems.append(Problem(Location(file), f"larger than {LIMITS['bytes'] // 1024} KiB: pages ignore it",
                                "keep the notices in effect or coming, and clear the others"))
        return LiveStatus((), tuple(problems))
    root = json_nodes(_load_json(text, file), _located(text, file), Location(file, 1))
    return LiveStatus(validate_status(root, problems), tuple(problems))


def read_live_file(path: Path, shown: str | None = None, missing_ok: bool = False) -> LiveStatus:
    """The file at `path`; when it does not exist, an empty one if `missing_ok`, else an error."""
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        if missing_ok:
            return LiveStatus((), ())
        raise HelpgenError.at(Location(shown), "no such file", "give the path of a support-status.json") from None
    except IsADirectoryError:
        raise HelpgenError.at(Location(shown), "is a folder, not a file", "give the path of a support-status.json") from None
    except UnicodeDecodeError as exc:
        raise HelpgenError.at(Location(shown), f"not UTF-8 text ({exc.reason})", "save the file as UTF-8") from None
    except OSError as exc:
        raise HelpgenError.at(Location(shown), f"cannot be read ({exc.strerror})", "check the file's permissions") from None
    return read_live_text(text, shown)


def accepted(data: Any) -> list[Notice]:
    """The notices a visitor's browser takes from parsed JSON: every valid one, the others left out."""
    problems: list[Problem] = []
    return list(validate_status(json_nodes(data, None, Location("support-status.json")), problems))


def validate_status(root: Node, problems: list[Problem]) -> tuple[Notice, ...]:
    if not root.is_mapping:
        problems.append(Problem(root.loc, "must be a JSON object", 'write {"notices": [ … ]}'))
        return ()
    reader = Reader(root, "", problems, LIVE_KEYS, unknown_severity="warning")
    notices = reader.get("notices")
    if notices is not None and notices.value is not None and not notices.is_sequence:
        problems.append(Problem(notices.loc, "notices must be a list", 'write "notices": [ {…}, {…} ]'))
        return ()
    return read_notices(notices, problems, live=True)


def _load_json(text: str, file: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict:
        keys = [key for key, _ in items]
        duplicate = next((key for key in keys if keys.count(key) > 1), None)
        if duplicate is not None:
            raise _Duplicate(duplicate)
        return dict(items)

    def constant(name: str) -> None:
        raise ValueError(f"{name} is not a JSON value")

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise HelpgenError.at(Location(file, exc.lineno, exc.colno), f"not valid JSON: {exc.msg}",
                              "check the commas, quotes and brackets around this place (helpgen notice writes it "
                              "for you)") from None
    except _Duplicate as exc:
        where = Location(file)
        try:
            parse_yaml(text.replace("\t", " "), file)
        except HelpgenError as error:  # YAML names the line of a duplicate key
            where = error.problems[0].location
        raise HelpgenError.at(where, f'the key "{exc.args[0][:40]}" is given twice', "keep one of them") from None
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise HelpgenError.at(Location(file), f"not valid JSON: {reason}", 'write {"notices": [ … ]}') from None


class _Duplicate(Exception):
    pass


def _located(text: str, file: str) -> Node | None:
    """The same text read as YAML, for the lines and columns of its values (JSON is YAML's flow style;
    valid JSON has no tab inside a string, so tabs between tokens can be spaces). None where YAML
    reads it differently: messages then name the file and the enclosing value's line."""
    try:
        return parse_yaml(text.replace("\t", " "), file)
    except (HelpgenError, RecursionError):
        return None


def json_nodes(value: Any, located: Node | None, fallback: Location) -> Node:
    """JSON values as Nodes (the schema reads Nodes), with the located text's places where it matches."""
    loc = located.loc if located is not None else fallback
    key_loc = located.key_loc if located is not None else None
    if isinstance(value, dict):
        inner = located.value if located is not None and located.is_mapping else {}
        return Node({key: json_nodes(item, inner.get(key), loc) for key, item in value.items()}, loc, key_loc=key_loc)
    if isinstance(value, list):
        inner = located.value if located is not None and located.is_sequence and len(located.value) == len(value) else []
        return Node([json_nodes(item, inner[i] if inner else None, loc) for i, item in enumerate(value)], loc, key_loc=key_loc)
    raw = value if isinstance(value, str) else json.dumps(value)
    return Node(value, loc, raw=raw, quoted=True, key_loc=key_loc)


def file_text(notices: list[Notice] | tuple[Notice, ...], updated: dt.datetime) -> str:
    """The file as helpgen writes it: stable key order, one key per line, UTF-8 as it is."""
    data = {"notices": [n.file_entry() for n in notices], "updated": updated.isoformat(timespec="seconds")}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: a page fetching it meanwhile gets the old file or the new one, never half.
    Readable by everyone, as a web server serving the folder needs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=".support-status-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def keep_for_build(live_status: str | None, site_dir: Path, previous_site: Path | None,
                   shown: str = SITE_FILE) -> list[Problem]:
    """The live file a build publishes at the site's root, when pages fetch it there (support.yml's
    `live_status`): the previous build's, byte for byte (the team's live notices must survive a rebuild
    of the articles), else an empty one, so that pages find a file rather than a 404. Returns its
    problems, for warnings: a broken file is kept all the same."""
    if live_status != SITE_FILE:
        return []
    target, previous = site_dir / SITE_FILE, previous_site / SITE_FILE if previous_site else None
    if previous is not None and previous.is_file() and previous.resolve() != target.resolve():
        text = previous.read_bytes()
        target.write_bytes(text)
        try:
            return list(read_live_text(text.decode("utf-8-sig"), shown).problems)
        except HelpgenError as error:
            return error.problems
        except UnicodeDecodeError as exc:
            return [Problem(Location(shown), f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")]
    if not target.exists():
        target.write_text(EMPTY_FILE, encoding="utf-8")
    return []
