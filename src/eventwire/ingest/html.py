"""HTML pages to articles, with trafilatura doing the extraction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import trafilatura

from eventwire.ingest.decode import InputError


def _text(fields: dict[str, Any], key: str) -> str | None:
    value = fields.get(key)
    return value if isinstance(value, str) and value.strip() else None


def extract_html(html: str) -> tuple[str, str | None, dt.date | None, str | None, str | None]:
    """Return (body, title, date, url, site) of a news page; InputError when no body is found."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=True,
    )
    if document is None:
        raise InputError("no article body found in the HTML")
    fields: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    body = _text(fields, "text")
    if body is None:
        raise InputError("no article body found in the HTML")
    published = None
    date = _text(fields, "date")
    if date is not None:
        try:
            published = dt.date.fromisoformat(date[:10])
        except ValueError:
            published = None
    # trafilatura puts one paragraph a line; the cleaner expects blank lines between them.
    paragraphs = "\n\n".join(line for line in body.splitlines() if line.strip())
    return (
        paragraphs,
        _text(fields, "title"),
        published,
        _text(fields, "url"),
        _text(fields, "sitename"),
    )
