"""HTML pages to story fields: trafilatura extracts the body, htmldate (through it) the date.

The page is slimmed first (scripts, styles, inline SVG and data: URIs out):
a page that is still over the size limit after that is a dump, not a story,
and is refused with its size rather than handed to the parser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from eventwire.ingest.decode import IngestLimits, InputError

DEFAULT_MAX_PAGE_BYTES = IngestLimits().max_page_bytes

# Non-greedy up to the matching close tag; a tag left open by a truncated page
# is left alone (the parser copes with it).
# JSON-LD scripts stay: they carry the headline, author and publication date.
_NOT_TEXT = re.compile(
    r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>"
    r"|<(style|svg|template)\b[^>]*>.*?</\1\s*>",
    re.I | re.S,
)
_DATA_URI = re.compile(r"""(["'(])data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]{256,}""")
SLIM_ABOVE_CHARS = 1_000_000
_TITLE_SEPARATOR = re.compile(r"\s+[|–—•·»:-]\s+")


@dataclass(frozen=True, slots=True)
class HtmlStory:
    """What a news page says about its story, before cleaning."""

    text: str  # one paragraph a block, blank lines between
    title: str | None
    date: dt.date | None
    url: str | None
    sitename: str | None
    byline: str | None


def slim_html(html: str) -> str:
    """The page without scripts, styles, inline SVG or base64 images: what the extractor needs."""
    return _DATA_URI.sub(r"\1", _NOT_TEXT.sub("", html))


def _text(fields: dict[str, Any], key: str) -> str | None:
    value = fields.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def leading_iso_date(value: str | None) -> dt.date | None:
    """The date a string starts with ("2024-05-08T10:00:00Z"); None when it does not."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a site name joined to the headline ("Talks resume | Example News")."""
    if title is None or sitename is None:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        site = sitename.casefold()
        kept = [
            part for part in parts if part.casefold() not in site and site not in part.casefold()
        ]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return title


def extract_page(html: str, *, max_page_bytes: int, url: str | None = None) -> HtmlStory:
    """Extract a news page's body and metadata; InputError when it holds no story.

    `url` is where the page was fetched from (a WARC record's target), used when
    the page names no canonical URL of its own.
    """
    # Only big pages are slimmed: on ordinary ones the extractor sees what the site served.
    page = slim_html(html) if len(html) > SLIM_ABOVE_CHARS else html
    size = len(page.encode("utf-8", "replace"))
    if size > max_page_bytes:
        raise InputError(
            f"HTML page is {size / 1048576:,.1f} MB without scripts and styles, over the "
            f"{max_page_bytes / 1048576:,.1f} MB limit for one story"
        )
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        # With comments "included", trafilatura finds the comment section and keeps
        # it out of the body (in a field we ignore); excluded, it prunes worse.
        include_comments=True,
        include_tables=True,
        # trafilatura asks htmldate for the date; original (not last-modified)
        # dates, with the extensive search over the page's text.
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if document is None:
        raise InputError("no article body found in the HTML")
    fields: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    body = _text(fields, "text")
    if body is None:
        raise InputError("no article body found in the HTML")
    published = leading_iso_date(_text(fields, "date"))
    sitename = _text(fields, "sitename")
    # trafilatura puts one paragraph a line; the cleaner expects blank lines between them.
    paragraphs = "\n\n".join(line for line in body.splitlines() if line.strip())
    return HtmlStory(
        text=paragraphs,
        title=_clean_title(_text(fields, "title"), sitename),
        date=published,
        url=_text(fields, "url") or url,
        sitename=sitename,
        byline=_text(fields, "author"),
    )


def extract_html(html: str) -> tuple[str, str | None, dt.date | None, str | None, str | None]:
    """(body, title, date, url, site) of a page, for callers of the first ingest API (api.py).

    New code builds a `RawStory` and calls `story.build_article`, which also
    cleans the body and sets byline, language and the duplicate keys.
    """
    page = extract_page(html, max_page_bytes=DEFAULT_MAX_PAGE_BYTES)
    return page.text, page.title, page.date, page.url, page.sitename
