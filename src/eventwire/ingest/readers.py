"""Readers: paths (files, folders, `-` for stdin) to Article records or InputProblems.

The format is told from the content, not only the name: `WARC/1.` opens a
crawl, `<rss`/`<feed` a feed, `{` a JSONL export, an HTML tag a page, and
anything else is text; a `.gz` of any of them is expanded (with a cap) first.
Feeds are read before everything else so that a feed item and the page of the
same URL, read in the same run, become one story. A bad input, a bad line of a
JSONL file or a broken WARC record becomes an InputProblem naming it, and the
run goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eventwire.ingest.decode import (
    GZIP_MAGIC,
    IngestLimits,
    InputError,
    declared_charset,
    decode_text,
    gunzip_capped,
)
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.story import RawStory, build_article
from eventwire.ingest.text import read_text
from eventwire.ingest.urls import same_story_url
from eventwire.ingest.warc import read_warc
from eventwire.model import Article, InputProblem

Format = Literal["warc", "feed", "jsonl", "html", "text"]
ReadResult = Article | InputProblem

STORY_SUFFIXES = {
    ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json",
    ".warc", ".arc", ".rss", ".atom", ".xml", ".rdf",
}  # fmt: skip
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HEAD_BYTES = 65536
_HTML_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype html|html|head|body|article|meta|title)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(p|div|article|h1|h2|span|a|br|section|main)\b[^>]*>", re.I)


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file (or stdin's bytes), its name for messages and its story id."""

    name: str
    story_id: str
    path: Path | None = None
    data: bytes | None = None


def _suffixes(name: str) -> list[str]:
    suffixes = [s.lower() for s in Path(name).suffixes]
    return suffixes[:-1] if suffixes and suffixes[-1] == ".gz" else suffixes


def _story_id(relative: Path) -> str:
    """`sub/story.html.gz` -> `sub/story`: the name without its format suffixes."""
    name = relative.name
    for suffix in reversed(relative.suffixes):
        if suffix.lower() in STORY_SUFFIXES | {".gz", ".warc"}:
            name = name[: -len(suffix)]
        else:
            break
    return (relative.parent / (name or relative.name)).as_posix()


def _is_story_file(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    return bool(suffixes) and (
        suffixes[-1] in STORY_SUFFIXES or (suffixes[-1] == ".gz" and len(suffixes) > 1)
    )


def _head(source: Source) -> bytes:
    """The first bytes of the input, expanded when gzipped: enough to tell the format."""
    if source.data is not None:
        raw = source.data[:_HEAD_BYTES]
    else:
        assert source.path is not None
        with source.path.open("rb") as stream:
            raw = stream.read(_HEAD_BYTES)
    if raw.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(wbits=31).decompress(raw, _HEAD_BYTES)
        except zlib.error:
            return b""
    return raw


def sniff_format(head: bytes, name: str) -> Format:
    """The input's format from its first bytes, the name deciding only what they leave open."""
    suffixes = _suffixes(name)
    last = suffixes[-1] if suffixes else ""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/1."):
        return "warc"
    if looks_like_feed(stripped[:2048]) and not _HTML_START.match(
        stripped[:2048].decode("latin-1")
    ):
        return "feed"
    if last in FEED_SUFFIXES and not stripped.startswith(b"{"):
        return "feed"  # named a feed: the feed reader says why it is not one
    if (
        stripped.startswith(b"{")
        or last in JSONL_SUFFIXES
        or (last == ".json" and stripped.startswith(b"["))
    ):
        return "jsonl"
    text = stripped[:4096].decode("latin-1")
    if _HTML_START.match(text) or (last in (".html", ".htm") and _HTML_TAG.search(text)):
        return "html"
    if last in (".html", ".htm") and not text.isprintable() and "\x00" in text:
        return "html"  # binary data named .html: the HTML reader refuses it with the reason
    return "text"


def _expand_sources(inputs: Sequence[str]) -> Iterator[Source | InputProblem]:
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read()
            digest = hashlib.sha256(data).hexdigest()[:12]
            yield Source("<stdin>", f"stdin-{digest}", data=data)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _is_story_file(p))
            if not files:
                yield InputProblem(
                    name,
                    "folder holds no story files (.txt, .html, .jsonl, .warc, .rss, .atom, .gz)",
                )
            for file in files:
                yield Source(str(file), _story_id(file.relative_to(path)), path=file)
            continue
        if not path.exists():
            yield InputProblem(name, "no such file")
            continue
        yield Source(name, _story_id(Path(path.name)), path=path)


def _load(source: Source, limits: IngestLimits) -> bytes:
    if source.data is not None:
        data = source.data
    else:
        assert source.path is not None
        size = source.path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(f"file is {size:,} bytes, over the {limits.max_file_bytes:,} limit")
        data = source.path.read_bytes()
    if data.startswith(GZIP_MAGIC):
        data = gunzip_capped(data, limits.max_expanded_bytes)
    return data


def _raw_stories(
    source: Source, kind: Format, limits: IngestLimits
) -> Iterator[RawStory | InputProblem]:
    if kind == "warc":
        archive = source.path if source.path is not None else source.data or b""
        first = source.data[:2] if source.data is not None else _first_bytes(archive)
        yield from read_warc(archive, source.name, limits, first.startswith(GZIP_MAGIC))
        return
    data = _load(source, limits)
    if not data.strip():
        raise InputError("empty input")
    if kind == "feed":
        yield from read_feed(data, source.name)
    elif kind == "jsonl":
        yield from read_jsonl(decode_text(data), source.name)
    elif kind == "html":
        text = decode_text(data, declared_charset(data))
        yield RawStory(id=source.story_id, body=text, input_name=source.name, is_html=True)
    else:
        yield read_text(decode_text(data), source.name, source.story_id)


def _first_bytes(archive: Path | bytes) -> bytes:
    if isinstance(archive, bytes):
        return archive[:4]
    with archive.open("rb") as stream:
        return stream.read(4)


@dataclass
class _FeedItems:
    """The run's feed items waiting for the page of their URL (the run's state, not global)."""

    by_url: dict[str, RawStory]

    def claim(self, url: str | None) -> RawStory | None:
        key = same_story_url(url)
        return self.by_url.pop(key, None) if key else None


def _build(
    story: RawStory,
    date: dt.date | None,
    limits: IngestLimits,
    feed_items: _FeedItems | None,
) -> ReadResult:
    try:
        return build_article(
            story, date, limits, companion=feed_items.claim if feed_items else None
        )
    except InputError as exc:
        return InputProblem(story.input_name, str(exc))
    except RecursionError:
        return InputProblem(story.input_name, "HTML nested too deeply to parse")
    except Exception as exc:
        reason = " ".join(str(exc).split())[:200]
        return InputProblem(story.input_name, f"could not be read ({type(exc).__name__}: {reason})")


def _read_source(
    source: Source,
    kind: Format,
    date: dt.date | None,
    limits: IngestLimits,
    feed_items: _FeedItems | None,
) -> Iterator[ReadResult]:
    try:
        for item in _raw_stories(source, kind, limits):
            if isinstance(item, InputProblem):
                yield item
            else:
                yield _build(item, date, limits, feed_items)
    except InputError as exc:
        yield InputProblem(source.name, str(exc))
    except OSError as exc:
        yield InputProblem(source.name, f"cannot read: {exc.strerror or exc}")


def read_inputs(
    inputs: Sequence[str],
    date: dt.date | None = None,
    *,
    limits: IngestLimits | None = None,
) -> Iterator[ReadResult]:
    """Yield an Article for every story in the inputs, an InputProblem for every bad one.

    `date` is the publication date to assume where a story carries none of its own
    (a JSONL `date`, an HTML page's published date, a dated dateline, a feed
    item's or a crawl record's date). `limits` caps file sizes, gzip expansion
    and page size; a capped input is quarantined with the cap in its reason.
    """
    limits = limits or IngestLimits()
    sources: list[tuple[Source, Format]] = []
    for source in _expand_sources(inputs):
        if isinstance(source, InputProblem):
            yield source
            continue
        try:
            kind = sniff_format(_head(source), source.name)
        except OSError as exc:
            yield InputProblem(source.name, f"cannot read: {exc.strerror or exc}")
            continue
        sources.append((source, kind))
    feed_items = _FeedItems({})
    for source, kind in sources:
        if kind != "feed":
            continue
        try:
            for story in _raw_stories(source, kind, limits):
                if isinstance(story, InputProblem):
                    yield story
                    continue
                key = same_story_url(story.url)
                if key is None or key in feed_items.by_url:
                    yield _build(story, date, limits, None)
                else:
                    feed_items.by_url[key] = story
        except InputError as exc:
            yield InputProblem(source.name, str(exc))
        except OSError as exc:
            yield InputProblem(source.name, f"cannot read: {exc.strerror or exc}")
    for source, kind in sources:
        if kind != "feed":
            yield from _read_source(source, kind, date, limits, feed_items)
    # Items whose page was not among the inputs: their own content is the story.
    for story in feed_items.by_url.values():
        yield _build(story, date, limits, None)
