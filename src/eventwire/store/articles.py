"""One stored article as the dashboard shows it: text, sentences, events, quotes, spans.

The spans say what to highlight: each event's trigger (offsets from the record),
its source and target actors (found in the event's sentence, since records keep
the actors' words, not their offsets) and each quote.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from eventwire.store.queries import Connection, connection_of

__all__ = ["ArticleView", "TextSpan", "article_view"]

SpanKind = Literal["trigger", "source", "target", "quote"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A highlighted stretch of the article text (offsets into `ArticleView.text`)."""

    kind: SpanKind
    start: int
    end: int
    text: str
    event_id: str | None = None
    code: str | None = None
    quote_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """A stored article with its sentences, events, quotes and the spans to highlight."""

    article_id: str
    title: str | None
    text: str
    date: str | None
    url: str | None
    source: str | None
    sentences: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    spans: list[TextSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _actor_span(
    text: str, sentence: dict[str, Any] | None, actor: dict[str, Any] | None, anchor: int
) -> tuple[int, int] | None:
    """Where the actor's words sit in the article: the occurrence in the event's sentence
    nearest the trigger (records keep the actor's words, not their offsets)."""
    if not actor or not actor.get("text") or sentence is None:
        return None
    words = str(actor["text"])
    start, end = int(sentence["start"]), int(sentence["end"])
    found: list[int] = []
    at = text.find(words, start, end)
    while at != -1:
        found.append(at)
        at = text.find(words, at + 1, end)
    if not found:
        return None
    best = min(found, key=lambda position: abs(position - anchor))
    return best, best + len(words)


def article_view(source: Connection, article_id: str) -> ArticleView | None:
    """The article, or None when no article has that id."""
    con = connection_of(source)
    row = con.execute(
        "SELECT article_id, title, text, CAST(date AS VARCHAR), url, source "
        "FROM articles WHERE article_id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    text = str(row[2] or "")
    sentences = [
        {"sentence_id": int(sid), "text": stext, "start": int(start), "end": int(end)}
        for sid, stext, start, end in con.execute(
            "SELECT sentence_id, text, start_char, end_char FROM sentences "
            "WHERE article_id = ? ORDER BY sentence_id",
            [article_id],
        ).fetchall()
    ]
    events = [
        json.loads(record)
        for (record,) in con.execute(
            "SELECT record FROM events WHERE article_id = ? "
            "ORDER BY sentence_id, trigger_start, event_id",
            [article_id],
        ).fetchall()
    ]
    quote_rows = con.execute(
        "SELECT quote_id, sentence_id, text, start_char, end_char, cue, speaker_code, kind "
        "FROM quotes WHERE article_id = ? ORDER BY start_char",
        [article_id],
    ).fetchall()
    quote_keys = ("quote_id", "sentence_id", "text", "start", "end", "cue", "speaker", "kind")
    quotes = [dict(zip(quote_keys, quote, strict=True)) for quote in quote_rows]
    by_sentence = {sentence["sentence_id"]: sentence for sentence in sentences}
    spans: list[TextSpan] = []
    for event in events:
        trigger = event.get("trigger") or {}
        t_start, t_end = int(trigger.get("start", -1)), int(trigger.get("end", -1))
        event_id = str(event["event_id"])
        if 0 <= t_start < t_end <= len(text):
            spans.append(TextSpan("trigger", t_start, t_end, text[t_start:t_end], event_id))
        sentence = by_sentence.get(event.get("sentence_id", -99))
        for role in ("source", "target"):
            actor = event.get(role)
            where = _actor_span(text, sentence, actor, t_start)
            if where and actor:
                kind: SpanKind = "source" if role == "source" else "target"
                spans.append(
                    TextSpan(
                        kind,
                        where[0],
                        where[1],
                        text[where[0] : where[1]],
                        event_id,
                        code=actor.get("code"),
                    )
                )
    for quote in quotes:
        q_start, q_end = quote["start"], quote["end"]
        if isinstance(q_start, int) and isinstance(q_end, int) and 0 <= q_start < q_end:
            spans.append(
                TextSpan(
                    "quote",
                    q_start,
                    q_end,
                    text[q_start:q_end],
                    code=quote["speaker"],
                    quote_id=str(quote["quote_id"]),
                )
            )
    spans.sort(key=lambda span: (span.start, -span.end))
    return ArticleView(
        article_id=str(row[0]),
        title=row[1],
        text=text,
        date=row[3],
        url=row[4],
        source=row[5],
        sentences=sentences,
        events=events,
        quotes=quotes,
        spans=spans,
    )
