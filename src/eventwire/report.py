"""Readable renderings of event records (the table `eventwire code` and `show` print)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

_COLUMNS = ("article", "date", "source", "event", "target", "trigger", "place")


def _actor(record: dict[str, Any] | None) -> str:
    if not record:
        return "-"
    words = record.get("name") or record.get("text") or ""
    return f"{record['code']} ({textwrap.shorten(words, 28, placeholder='…')})"


def _row(record: dict[str, Any]) -> tuple[str, ...]:
    date = record["date"] or (f"? {record['date_text']}" if record["date_text"] else "?")
    if record["background"]:
        date += " bg"
    label = textwrap.shorten(record["cameo_label"], 34, placeholder="…")
    flags = "".join(
        [
            " NOT" if record["negated"] else "",
            f" [{record['modality']}]" if record["modality"] != "asserted" else "",
        ]
    )
    location = record["location"]["name"] if record["location"] else "-"
    return (
        f"{record['article_id']}:{record['sentence_id']}",
        date,
        _actor(record["source"]),
        f"{record['cameo']} {label}{flags}",
        _actor(record["target"]),
        record["trigger"]["text"],
        location,
    )


def format_event_table(records: Sequence[dict[str, Any]]) -> str:
    """A fixed-width table, one event a line, for people reading a terminal."""
    if not records:
        return "(no events)"
    rows = [_COLUMNS, *(_row(record) for record in records)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]  # fmt: skip
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def format_quote_table(records: Sequence[dict[str, Any]]) -> str:
    """Quotes, one a line: who said it (as coded), how, and the words."""
    rows = [("article", "kind", "speaker", "cue", "quote")]
    for record in records:
        rows.append(
            (
                f"{record['article_id']}:{record['sentence_id']}",
                record["kind"],
                _actor(record["speaker"]),
                record["cue"] or "-",
                textwrap.shorten(record["text"], 70, placeholder="…"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]  # fmt: skip
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
