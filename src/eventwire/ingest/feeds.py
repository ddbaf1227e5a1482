"""RSS and Atom feeds (feedparser): each item becomes a story.

An item's body is the page of the same URL when the same run reads that page
(a crawl next to its feeds); otherwise the item's own content or summary. The
pairing is done by the dispatcher (readers.py), which reads feeds first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import feedparser  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from eventwire.ingest.decode import InputError
from eventwire.ingest.story import RawStory

_BLOCK_TAGS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_LOOKS_LIKE_FEED = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file open an RSS, Atom or RDF feed."""
    return bool(_LOOKS_LIKE_FEED.search(head[:2048]))


def fragment_text(html: str) -> str:
    """An item's HTML content as text, one paragraph a block, blank lines between."""
    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    return None


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents if isinstance(c, dict)]
    body = max(bodies, key=len, default="")
    summary = entry.get("summary") or ""
    return fragment_text(body if len(body) >= len(summary) else summary)


def read_feed(data: bytes, input_name: str) -> Iterator[RawStory]:
    """The feed's items as RawStories; InputError when the data is not a feed at all."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = " ".join(str(parsed.get("bozo_exception") or "unreadable").split())
            raise InputError(f"not a valid RSS/Atom feed (not well-formed XML: {reason})")
        if not parsed.get("version"):
            raise InputError("not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        raise InputError("feed has no items")
    feed_link = (parsed.get("feed") or {}).get("link")
    for number, entry in enumerate(entries, start=1):
        link = entry.get("link") or None
        yield RawStory(
            id=str(entry.get("id") or link or f"{input_name}#{number}"),
            body=_entry_body(entry),
            input_name=f"{input_name}#item{number}",
            title=" ".join((entry.get("title") or "").split()) or None,
            date=_entry_date(entry),
            url=link or feed_link,
            byline=entry.get("author") or None,
        )
