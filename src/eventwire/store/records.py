"""The records a store hands out besides event records: runs, quarantine, learned actors,
clusters, and an event as stored with what the exports need beside its record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

StoreOutcome = Literal["stored", "replaced", "unchanged"]
RunStatus = Literal["running", "finished", "failed"]


class StoreError(ValueError):
    """The store cannot be opened or written; the message names the path or article and why."""


@dataclass(frozen=True, slots=True)
class Run:
    """One run of `eventwire code` or `ingest`: when, what command, which coder, what came of it."""

    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    command: str | None
    coder: str | None
    status: RunStatus
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class QuarantinedInput:
    """A bad input kept aside with its reason, so the run goes on and nothing is lost silently."""

    input_name: str
    reason: str
    run_id: str | None
    quarantined_at: dt.datetime


@dataclass(frozen=True, slots=True)
class LearnedActor:
    """A person coded in one story (`Nicolas Maduro` -> VENGOV), remembered for the others."""

    name: str
    code: str
    country: str | None
    sector: str | None
    article_id: str
    learned_on: dt.date | None = None  # the date of the story it was learned from


@dataclass(frozen=True, slots=True)
class ClusterCounts:
    """The cluster an event belongs to, with GDELT's NumMentions/NumSources/NumArticles."""

    cluster_id: str
    representative: bool  # this event is the cluster's representative
    num_mentions: int
    num_sources: int
    num_articles: int


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event record as stored, with its article's URL and outlet and its cluster, if any."""

    record: dict[str, Any]
    article_url: str | None
    article_source: str | None
    coded_at: dt.datetime | None
    cluster: ClusterCounts | None
