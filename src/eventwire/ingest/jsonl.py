"""JSONL exports: one article a line, `{"id", "text" | "html", "date"?, "title"?, "url"?, ...}`.

A bad line becomes an InputProblem naming the file and line; the others are read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from eventwire.ingest.decode import InputError
from eventwire.ingest.story import RawStory
from eventwire.model import InputProblem

_OPTIONAL_STRINGS = ("title", "url", "source", "byline", "language")


def _parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"date must be a string YYYY-MM-DD, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"date {value!r} is not YYYY-MM-DD") from exc


def _story(record: Any, where: str) -> RawStory:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    raw_id = record.get("id")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise InputError('missing or invalid "id" (a non-empty string)')
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError('needs a "text" or "html" string')
    optional: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string')
        optional[key] = value or None
    return RawStory(
        id=str(raw_id),
        body=text if isinstance(text, str) else str(html),
        input_name=where,
        is_html=not isinstance(text, str),
        title=optional["title"],
        date=_parse_date(record.get("date")),
        url=optional["url"],
        source=optional["source"],
        byline=optional["byline"],
        language=optional["language"],
    )


def read_jsonl(text: str, input_name: str) -> Iterator[RawStory | InputProblem]:
    """One RawStory per good line, one InputProblem (named `file:line`) per bad one.

    A JSON array of article objects (a `.json` export) is read too, its problems
    named `file[index]`.
    """
    if text.lstrip().startswith("["):
        yield from _read_array(text, input_name)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{input_name}:{number}"
        try:
            yield _story(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield InputProblem(where, str(exc))


def _read_array(text: str, input_name: str) -> Iterator[RawStory | InputProblem]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(input_name, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    for index, record in enumerate(records):
        where = f"{input_name}[{index}]"
        try:
            yield _story(record, where)
        except InputError as exc:
            yield InputProblem(where, str(exc))
