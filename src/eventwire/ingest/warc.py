"""WARC and WARC.gz crawls (CC-NEWS and the like): HTTP responses with HTML bodies to stories.

The archive is streamed, never loaded whole: CC-NEWS files are a gigabyte.
A broken record is quarantined with its offset and the reader resumes at the
next record it can find (the next gzip member, or the next `WARC/1.` line),
so one bad record costs one story, not the rest of the crawl.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeadersParserException  # type: ignore[import-untyped]

from eventwire.ingest.decode import IngestLimits, InputError, declared_charset, decode_text
from eventwire.ingest.html import leading_iso_date
from eventwire.ingest.story import RawStory
from eventwire.model import InputProblem

GZIP_MEMBER = b"\x1f\x8b\x08"
WARC_RECORD = b"WARC/1."
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# What warcio raises on malformed bytes: its own errors, and (on headers it did
# not expect) whatever its parsing code trips over.
_BROKEN = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    IndexError,
    AttributeError,
    TypeError,
    KeyError,
)
_SCAN_CHUNK = 1 << 20


def _open(source: Path | bytes) -> IO[bytes]:
    return io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")


def _next_record_start(source: Path | bytes, after: int, marker: bytes) -> int | None:
    """Offset of the next `marker` (a gzip member or a WARC header line) after `after`."""
    with _open(source) as stream:
        position = after + 1
        stream.seek(position)
        tail = b""
        while True:
            chunk = stream.read(_SCAN_CHUNK)
            if not chunk:
                return None
            window = tail + chunk
            start = 0
            while True:
                found = window.find(marker, start)
                if found < 0:
                    break
                # A WARC header starts a line; the marker mid-line is content.
                if marker != WARC_RECORD or found == 0 or window[found - 1 : found] == b"\n":
                    return position - len(tail) + found
                start = found + 1
            tail = window[-(len(marker) - 1) :]
            position += len(chunk)


def _story(record: Any, input_name: str, limits: IngestLimits) -> RawStory | None:
    """The record's page as a RawStory; None for what is not an HTML page (redirects, images)."""
    if record.rec_type not in ("response", "resource"):
        return None
    content_type = ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and "html" not in content_type.lower():
        return None
    data = record.content_stream().read(limits.max_expanded_bytes + 1)
    if len(data) > limits.max_expanded_bytes:
        raise InputError(
            f"record body is over the {limits.max_expanded_bytes:,} byte cap (not read further)"
        )
    match = _CHARSET.search(content_type)
    text = decode_text(data, match.group(1) if match else declared_charset(data))
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    return RawStory(
        id=record_id.removeprefix("urn:uuid:"),
        body=text,
        input_name=input_name,
        is_html=True,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fallback_date=leading_iso_date(record.rec_headers.get_header("WARC-Date")),
    )


def read_warc(
    source: Path | bytes, input_name: str, limits: IngestLimits, compressed: bool
) -> Iterator[RawStory | InputProblem]:
    """Stream the archive's HTML responses as RawStories; broken records as InputProblems."""
    marker = GZIP_MEMBER if compressed else WARC_RECORD
    start = 0
    while True:
        with _open(source) as stream:
            stream.seek(start)
            records = ArchiveIterator(stream)
            record_offset = start
            try:
                for record in records:
                    # The offset is known only once the record is read to its end.
                    try:
                        story, error = _story(record, input_name, limits), None
                    except InputError as exc:
                        story, error = None, str(exc)
                    record_offset = start + records.get_record_offset()
                    where = f"{input_name}@{record_offset}"
                    if error is not None:
                        yield InputProblem(where, error)
                    elif story is not None:
                        yield replace(story, input_name=where, id=story.id or where)
                return
            except _BROKEN as exc:
                failed_at = max(record_offset, start + records.offset if records.offset else 0)
                reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                yield InputProblem(
                    f"{input_name}@{failed_at}", f"broken WARC record ({reason}); skipped"
                )
        resume = _next_record_start(source, max(failed_at, record_offset), marker)
        if resume is None or resume <= start:
            return
        start = resume
