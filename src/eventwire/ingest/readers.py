"""Readers: paths (files, folders, `-` for stdin) to Article records or InputProblems.

The format is told from the content, not only the name: a file that opens with
`{` is JSONL, one that opens with an HTML tag is a page, anything else is text.
A bad input, or a bad line of a JSONL file, becomes an InputProblem naming it
and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.ingest.clean import clean_body
from eventwire.ingest.decode import MAX_STORY_CHARS, InputError, decode_text
from eventwire.ingest.html import extract_html
from eventwire.model import Article, InputProblem

STORY_SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson"}
MAX_FILE_BYTES = 256 * 1024 * 1024
_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|article)\b", re.I | re.S
)

ReadResult = Article | InputProblem


def _parse_date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: date must be a string YYYY-MM-DD, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc


def _article_from_text(
    article_id: str,
    text: str,
    *,
    input_name: str,
    date: dt.date | None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    is_html: bool = False,
) -> Article:
    if is_html:
        body, html_title, html_date, html_url, site = extract_html(text)
        text, title = body, title or html_title
        date, url, source = date or html_date, url or html_url, source or site
    if len(text) > MAX_STORY_CHARS:
        raise InputError(f"story is {len(text):,} characters, over the {MAX_STORY_CHARS:,} limit")
    cleaned = clean_body(text, title=title, year=date.year if date else None)
    if not cleaned.text.strip():
        raise InputError("empty story: no text left after cleaning")
    if date is None and cleaned.dateline is not None:
        date = cleaned.dateline.date
    return Article(
        id=article_id,
        text=cleaned.text,
        title=cleaned.title,
        date=date,
        url=url,
        source=source,
        dateline=cleaned.dateline,
        input_name=input_name,
    )


def _read_jsonl(text: str, input_name: str, default_date: dt.date | None) -> Iterator[ReadResult]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{input_name}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(f"expected a JSON object, got {type(record).__name__}")
            raw_id = record.get("id")
            if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
                raise InputError('missing or invalid "id" (a non-empty string)')
            body = record.get("text")
            html = record.get("html")
            if not isinstance(body, str) and not isinstance(html, str):
                raise InputError('needs a "text" or "html" string')
            optional = {key: record.get(key) for key in ("title", "url", "source")}
            for key, value in optional.items():
                if value is not None and not isinstance(value, str):
                    raise InputError(f'"{key}" must be a string')
            yield _article_from_text(
                str(raw_id),
                body if isinstance(body, str) else str(html),
                input_name=where,
                date=_parse_date(record.get("date"), "date") or default_date,
                title=optional["title"],
                url=optional["url"],
                source=optional["source"],
                is_html=not isinstance(body, str),
            )
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield InputProblem(where, str(exc))


def _read_one(
    data: bytes, input_name: str, article_id: str, default_date: dt.date | None
) -> Iterator[ReadResult]:
    try:
        if not data.strip():
            raise InputError("empty input")
        text = decode_text(data)
        head = text.lstrip()[:1]
        if head == "{" or input_name.endswith((".jsonl", ".ndjson")):
            yield from _read_jsonl(text, input_name, default_date)
            return
        is_html = bool(_HTML_START.match(text[:4096]))
        yield _article_from_text(
            article_id, text, input_name=input_name, date=default_date, is_html=is_html
        )
    except InputError as exc:
        yield InputProblem(input_name, str(exc))


def _files_under(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in STORY_SUFFIXES
    )


def read_inputs(inputs: Sequence[str], date: dt.date | None = None) -> Iterator[ReadResult]:
    """Yield an Article for every story in the inputs, an InputProblem for every bad one.

    `date` is the publication date to assume where a story carries none of its own
    (a JSONL `date`, an HTML page's published date, a dated dateline).
    """
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read()
            digest = hashlib.sha256(data).hexdigest()[:12]
            yield from _read_one(data, "<stdin>", f"stdin-{digest}", date)
            continue
        path = Path(name)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield InputProblem(name, "folder holds no story files (.txt, .html, .jsonl)")
            for file in files:
                yield from _read_path(file, file.relative_to(path).with_suffix("").as_posix(), date)
            continue
        yield from _read_path(path, path.stem, date)


def _read_path(path: Path, article_id: str, date: dt.date | None) -> Iterator[ReadResult]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputProblem(name, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} limit")
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputProblem(name, "no such file")
        return
    except IsADirectoryError:
        yield InputProblem(name, "is a directory")
        return
    except OSError as exc:
        yield InputProblem(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_one(data, name, article_id, date)
