"""HTML pages to articles, with trafilatura doing the extraction."""

from __future__ import annotations

import datetime as dt

import trafilatura

from eventwire.ingest.decode import InputError


def extract_html(html: str) -> tuple[str, str | None, dt.date | None, str | None, str | None]:
    """Return (body, title, date, url, site) of a news page; InputError when no body is found."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=True,
    )
    if document is None or not (document.text or "").strip():
        raise InputError("no article body found in the HTML")
    published = None
    if document.date:
        try:
            published = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    # trafilatura puts one paragraph a line; the cleaner expects blank lines between them.
    body = "\n\n".join(line for line in document.text.splitlines() if line.strip())
    return body, document.title, published, document.url, document.sitename
