"""One story's raw fields to a cleaned `Article`: the step every reader ends with.

Readers (text, html, jsonl, warc, feeds) only find a story's fields; this module
cleans the body, splits headline, byline and dateline, settles the date, the
URL and the source, identifies the language and computes the duplicate keys,
so every format yields the same record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from eventwire.ingest.clean import clean_body
from eventwire.ingest.decode import IngestLimits, InputError
from eventwire.ingest.fingerprint import near_dup_key
from eventwire.ingest.html import extract_page
from eventwire.ingest.language import identify_language
from eventwire.ingest.urls import canonical_url, source_domain
from eventwire.model import Article


@dataclass(frozen=True, slots=True)
class RawStory:
    """A story as a reader found it: a body (text or HTML) and whatever the container said.

    `date` is a date the container vouches for (a JSONL `date`); `fallback_date`
    one it only suggests (a WARC record's crawl date, a feed item's date when the
    page has none); the run's `--date` comes after both.
    """

    id: str
    body: str
    input_name: str
    is_html: bool = False
    title: str | None = None
    date: dt.date | None = None
    fallback_date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    language: str | None = None


def with_feed_fields(story: RawStory, item: RawStory) -> RawStory:
    """A page's story completed with what its feed item says (title, date, byline)."""
    return replace(
        story,
        title=story.title or item.title,
        fallback_date=story.fallback_date or item.date or item.fallback_date,
        byline=story.byline or item.byline,
        source=story.source or item.source,
        url=story.url or item.url,
    )


def _page_date(found: dt.date | None, other: dt.date | None) -> dt.date | None:
    """The page's date, unless it is only a year (htmldate gives 1 January for
    "Copyright 2024") and the dateline or the crawl says which day of that year."""
    if found is None:
        return other
    if other is not None and (found.month, found.day) == (1, 1) and other.year == found.year:
        return other
    return found


def build_article(
    story: RawStory,
    default_date: dt.date | None,
    limits: IngestLimits | None = None,
    companion: Callable[[str | None], RawStory | None] | None = None,
) -> Article:
    """Clean a raw story into an Article; InputError (the reason) when nothing is left.

    `companion` finds the feed item of the story's URL, if the run read one: its
    title, date and byline fill what the page itself does not say.
    """
    limits = limits or IngestLimits()
    text, title, date, url = story.body, story.title, story.date, story.url
    byline, source = story.byline, story.source
    html_date = None
    sitename = None
    if story.is_html:
        page = extract_page(story.body, max_page_bytes=limits.max_page_bytes, url=url)
        text, title = page.text, title or page.title
        html_date = page.date
        url, byline = page.url or url, byline or page.byline
        sitename = page.sitename
    item = companion(url) if companion is not None else None
    if item is not None:
        story = with_feed_fields(story, item)
        title, byline = title or item.title, byline or item.byline
        source = source or item.source
    if len(text) > limits.max_story_chars:
        raise InputError(
            f"story is {len(text):,} characters, over the {limits.max_story_chars:,} limit"
        )
    known_date = date or html_date or story.fallback_date or default_date
    cleaned = clean_body(text, title=title, year=known_date.year if known_date else None)
    if not cleaned.text.strip():
        raise InputError("empty story: no text left after cleaning")
    dateline_date = cleaned.dateline.date if cleaned.dateline else None
    url = canonical_url(url) or url
    return Article(
        id=story.id,
        text=cleaned.text,
        title=cleaned.title,
        date=date or _page_date(html_date, dateline_date or story.fallback_date) or default_date,
        url=url,
        source=source or source_domain(url) or sitename,
        dateline=cleaned.dateline,
        input_name=story.input_name,
        byline=byline or cleaned.byline,
        language=story.language or identify_language(cleaned.text),
        near_dup_key=near_dup_key(cleaned.text),
    )
