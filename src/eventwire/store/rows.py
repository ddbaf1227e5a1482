"""Table rows built from coded articles: the same rows for every backend.

Rows are built before a transaction opens, so a bad record fails before anything
is written. Every event column except `record` is a copy of a field of the
record, kept for filtering and indexing; outputs derive from `record` alone.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from eventwire.model import Actor, Article, CodedArticle
from eventwire.store.records import LearnedActor, StoreError

ARTICLE_COLUMNS = (
    "article_id",
    "content_hash",
    "title",
    "text",
    "date",
    "url",
    "source",
    "input_name",
    "dateline_place",
    "dateline_country",
    "coder",
    "coded_at",
    "near_dup_key",
    "byline",
    "language",
)
SENTENCE_COLUMNS = ("article_id", "sentence_id", "text", "start_char", "end_char")
EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_id",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "plover_type",
    "date",
    "date_precision",
    "background",
    "negated",
    "modality",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "trigger_start",
    "record",
    "date_start",
)
QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "sentence_id",
    "text",
    "start_char",
    "end_char",
    "cue",
    "speaker_code",
    "kind",
)
LEARNED_ACTOR_COLUMNS = ("name", "code", "country", "sector", "article_id", "learned_on")
RUN_COLUMNS = ("run_id", "started_at", "finished_at", "command", "coder", "status", "counts")
QUARANTINE_COLUMNS = ("run_id", "input_name", "reason", "quarantined_at")
CLUSTER_COLUMNS = (
    "cluster_id",
    "representative_article_id",
    "representative_event_id",
    "source_code",
    "target_code",
    "cameo_root",
    "date_first",
    "date_last",
    "location_name",
    "num_mentions",
    "num_sources",
    "num_articles",
    "refreshed_at",
)
EVENT_CLUSTER_COLUMNS = ("article_id", "event_id", "cluster_id")

# `json.dumps(record, ensure_ascii=False)`, without building an encoder for every event
# (`json.dumps` reuses one only for its default arguments); it holds no state.
_RECORD_JSON = json.JSONEncoder(ensure_ascii=False)

# Tables whose rows belong to one article: replaced with it.
ARTICLE_CHILD_TABLES = ("sentences", "events", "quotes", "learned_actors", "event_clusters")


def now_utc() -> dt.datetime:
    """The current time as a naive UTC timestamp (TIMESTAMP columns are naive)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def period_start(date: str | None) -> dt.date | None:
    """The first day of an event date's period: 2022-02-16, 2022-02, 2022, 202X (a decade)."""
    if not date:
        return None
    try:
        if len(date) == 10:
            return dt.date.fromisoformat(date)
        if len(date) == 7:
            return dt.date.fromisoformat(f"{date}-01")
        if len(date) == 4 and date.endswith("X"):
            return dt.date(int(date[:3]) * 10, 1, 1)
        if len(date) == 4:
            return dt.date(int(date), 1, 1)
    except ValueError:
        return None
    return None


def article_coder(coded: CodedArticle) -> str:
    """The coder string an article is stored under: the pipeline's own when it says,
    else its events' coders, in order, distinct."""
    if coded.coder:
        return coded.coder
    coders = dict.fromkeys(event.coder for event in coded.events if event.coder)
    return "; ".join(coders)


def check_belongs(coded: CodedArticle, kind: str, key: object, article_id: str) -> None:
    """Refuse a sentence, event or quote that names another article."""
    if article_id != coded.article.id:
        where = coded.article.input_name or coded.article.id
        raise StoreError(
            f"{where}: {kind} {key!r} belongs to article {article_id!r}, "
            f"not to {coded.article.id!r}; nothing stored for this article"
        )


def article_row(article: Article, content_hash: str, coder: str) -> tuple[Any, ...]:
    dateline = article.dateline
    return (
        article.id,
        content_hash,
        article.title,
        article.text,
        article.date,
        article.url,
        article.source,
        article.input_name,
        dateline.place if dateline else None,
        dateline.country if dateline else None,
        coder,
        now_utc(),
        article.near_dup_key,
        article.byline,
        article.language,
    )


def sentence_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
    rows: dict[int, tuple[Any, ...]] = {}
    for sentence in coded.sentences:
        check_belongs(coded, "sentence", sentence.index, sentence.article_id)
        rows.setdefault(
            sentence.index,
            (coded.article.id, sentence.index, sentence.text, sentence.start, sentence.end),
        )
    return list(rows.values())


def event_row(record: dict[str, Any]) -> tuple[Any, ...]:
    source = record["source"] or {}
    target = record["target"] or {}
    location = record["location"] or {}
    cameo = record["cameo"]
    return (
        record["event_id"],
        record["article_id"],
        record["sentence_id"],
        cameo,
        cameo[:2] if cameo else None,
        record["quad_class"],
        record["goldstein"],
        source.get("code"),
        source.get("country"),
        target.get("code"),
        target.get("country"),
        record["plover"]["type"],
        record["date"],
        record["date_precision"],
        record["background"],
        record["negated"],
        record["modality"],
        location.get("name"),
        location.get("country"),
        location.get("lat"),
        location.get("lon"),
        record["confidence"],
        record["trigger"]["start"],
        _RECORD_JSON.encode(record),
        period_start(record["date"]),
    )


def event_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
    # The coder may emit the same event twice (same id); the first one wins.
    rows: dict[str, tuple[Any, ...]] = {}
    for event in coded.events:
        check_belongs(coded, "event", event.event_id, event.article_id)
        record = event.to_record()
        rows.setdefault(record["event_id"], event_row(record))
    return list(rows.values())


def quote_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
    rows: dict[str, tuple[Any, ...]] = {}
    for quote in coded.quotes:
        check_belongs(coded, "quote", quote.quote_id, quote.article_id)
        rows.setdefault(
            quote.quote_id,
            (
                quote.quote_id,
                coded.article.id,
                quote.sentence_id,
                quote.text,
                quote.start,
                quote.end,
                quote.cue,
                quote.speaker.code if quote.speaker else None,
                quote.kind,
            ),
        )
    return list(rows.values())


def learned_actors_of(coded: CodedArticle) -> list[LearnedActor]:
    """The named people an article coded from its own words (not from memory):
    what a later story may recognise by name alone."""
    actors: list[Actor] = []
    for event in coded.events:
        actors.extend(actor for actor in (event.source, event.target) if actor is not None)
    actors.extend(quote.speaker for quote in coded.quotes if quote.speaker is not None)
    learned: dict[tuple[str, str], LearnedActor] = {}
    for actor in actors:
        if not actor.name or actor.resolved_by in ("learned", "context"):
            continue
        learned.setdefault(
            (actor.name, actor.code),
            LearnedActor(
                actor.name,
                actor.code,
                actor.country,
                actor.sector,
                coded.article.id,
                coded.article.date,
            ),
        )
    # What the resolver learned carries the date it was coded with (the run's --date
    # when the story has none), so it wins over the same person read off an event.
    for lesson in coded.learned:
        learned[(lesson.name, lesson.code)] = LearnedActor(
            lesson.name,
            lesson.code,
            lesson.country,
            lesson.sector,
            lesson.article_id,
            lesson.date,
        )
    return list(learned.values())


def learned_actor_row(actor: LearnedActor) -> tuple[Any, ...]:
    return (actor.name, actor.code, actor.country, actor.sector, actor.article_id, actor.learned_on)


class ArticleRows(NamedTuple):
    """A coded article as the rows of its tables, the article's own row aside (it is
    built when stored: it carries the storing time). What a worker process sends
    back to the one that stores: rows of plain values cross a process boundary about
    ten times cheaper than the records they come from (frozen dataclasses pickle
    field by field in Python), and building them is work done in the worker."""

    article: Article
    coder: str
    sentences: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    quotes: list[tuple[Any, ...]]
    learned: list[tuple[Any, ...]]
    events_coded: int  # events the coder returned, before rows of repeated ids are dropped


def article_rows(coded: CodedArticle) -> ArticleRows:
    """The rows a coded article is stored as; StoreError when a sentence, event or
    quote belongs to another article."""
    return ArticleRows(
        article=coded.article,
        coder=article_coder(coded),
        sentences=sentence_rows(coded),
        events=event_rows(coded),
        quotes=quote_rows(coded),
        learned=[learned_actor_row(actor) for actor in learned_actors_of(coded)],
        events_coded=len(coded.events),
    )
