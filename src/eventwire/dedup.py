"""Deduplication: events that report the same happening, across stories, form one cluster.

Many outlets report one happening, and a wire story is copied with small edits
by dozens of sites. GDELT keeps one row per happening with NumMentions,
NumSources and NumArticles; this module computes the same from event records.

Two events report the same happening when
- they have the same dyad (source and target codes) and the same CAMEO root, and
- their dates are within `max_days` of the cluster's first event (day precision;
  a month- or year-precision date only matches the same month or year; an
  undated event matches no date), and
- their places are the same or near: both located within `max_km` of the
  cluster's first event, or both named the same place without coordinates, or
  both without a place;
or, whatever their dates and places, when they come from near-duplicate copies
of one story (same `Article.near_dup_key`) with the same dyad and full CAMEO code.

Cost is close to linear in the number of events: events are blocked by dyad and
root, sorted by date within a block, and each event is compared only with the
open clusters of its block whose first event is in a neighbouring grid cell and
within the date window (leader clustering). Clusters are anchored on their first
event, so a daily series of the same dyad and code does not chain into one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Cluster", "DedupEvent", "cluster_events", "outlet_of"]

# Grid cell side in degrees of latitude: one cell (~55 km) is at least `max_km`
# for the default, so a neighbour within `max_km` is in the same or an adjacent cell.
_CELL_DEGREES = 0.5
_EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class DedupEvent:
    """What deduplication reads of one event (and of its article)."""

    article_id: str
    event_id: str
    source_code: str | None
    target_code: str | None
    cameo: str
    date: str | None
    date_precision: str | None
    lat: float | None = None
    lon: float | None = None
    location_name: str | None = None
    location_country: str | None = None
    outlet: str | None = None  # the article's source (outlet) or its URL's host
    near_dup_key: str | None = None
    confidence: float = 0.5
    sentence_id: int = 0
    background: bool = False

    @classmethod
    def from_record(
        cls,
        record: dict[str, Any],
        *,
        outlet: str | None = None,
        near_dup_key: str | None = None,
    ) -> DedupEvent:
        """The deduplication view of an event record (`Event.to_record()`)."""
        source = record.get("source") or {}
        target = record.get("target") or {}
        location = record.get("location") or {}
        return cls(
            article_id=str(record["article_id"]),
            event_id=str(record["event_id"]),
            source_code=source.get("code"),
            target_code=target.get("code"),
            cameo=str(record["cameo"]),
            date=record.get("date"),
            date_precision=record.get("date_precision"),
            lat=location.get("lat"),
            lon=location.get("lon"),
            location_name=location.get("name"),
            location_country=location.get("country"),
            outlet=outlet,
            near_dup_key=near_dup_key,
            confidence=float(record.get("confidence") or 0.0),
            sentence_id=int(record.get("sentence_id") or 0),
            background=bool(record.get("background")),
        )

    @property
    def key(self) -> tuple[str, str]:
        """(article_id, event_id): how an event is named in the store."""
        return (self.article_id, self.event_id)


@dataclass(frozen=True, slots=True)
class Cluster:
    """One happening: its events, its representative and GDELT-style counts."""

    cluster_id: str
    representative: tuple[str, str]  # (article_id, event_id)
    members: tuple[tuple[str, str], ...]  # sorted
    num_mentions: int  # events (GDELT NumMentions)
    num_sources: int  # distinct outlets (GDELT NumSources)
    num_articles: int  # distinct articles (GDELT NumArticles)
    source_code: str | None
    target_code: str | None
    cameo_root: str
    date_first: str | None
    date_last: str | None
    location_name: str | None


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet an article counts as for NumSources: its source, else its URL's host."""
    if source:
        return source.strip().lower() or None
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return None


class _DisjointSets:
    """Union-find over indexes, with path halving."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


@dataclass(slots=True)
class _Open:
    """A cluster still open to events: its first event's day, place and set index."""

    day: int
    lat: float | None
    lon: float | None
    index: int


def _day_number(event: DedupEvent) -> int | None:
    if event.date_precision != "day" or not event.date:
        return None
    try:
        return dt.date.fromisoformat(event.date).toordinal()
    except ValueError:
        return None


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _place_key(event: DedupEvent) -> tuple[Any, ...]:
    """Where an event is, as a blocking key: a grid cell, a named place, or nowhere."""
    if event.lat is not None and event.lon is not None:
        return ("cell", math.floor(event.lat / _CELL_DEGREES))
    if event.location_name:
        return ("name", event.location_country, event.location_name.casefold())
    return ("none",)


def _lon_cells(lat: float) -> int:
    # Longitude degrees shrink towards the poles: search as many cells as cover max_km.
    return math.ceil(1 / max(math.cos(math.radians(min(abs(lat) + _CELL_DEGREES, 89.0))), 0.05))


def _cluster_located(
    block: Sequence[tuple[int, int, DedupEvent]], sets: _DisjointSets, max_km: float, max_days: int
) -> None:
    """Leader clustering of located, day-dated events of one block (sorted by day)."""
    cells: dict[tuple[int, int], list[_Open]] = defaultdict(list)
    for day, index, event in block:
        assert event.lat is not None and event.lon is not None
        lat_cell = math.floor(event.lat / _CELL_DEGREES)
        lon_cell = math.floor(event.lon / _CELL_DEGREES)
        reach = _lon_cells(event.lat)
        joined: _Open | None = None
        for d_lat in (-1, 0, 1):
            for d_lon in range(-reach, reach + 1):
                neighbours = cells.get((lat_cell + d_lat, lon_cell + d_lon))
                if not neighbours:
                    continue
                # Drop clusters whose first event is out of the window for good.
                neighbours[:] = [c for c in neighbours if day - c.day <= max_days]
                for candidate in neighbours:
                    assert candidate.lat is not None and candidate.lon is not None
                    if _distance_km(event.lat, event.lon, candidate.lat, candidate.lon) <= max_km:
                        joined = candidate
                        break
                if joined is not None:
                    break
            if joined is not None:
                break
        if joined is None:
            cells[(lat_cell, lon_cell)].append(_Open(day, event.lat, event.lon, index))
        else:
            sets.union(joined.index, index)


def _cluster_unlocated(
    block: Sequence[tuple[int, int, DedupEvent]], sets: _DisjointSets, max_days: int
) -> None:
    """Events of one block and one named place (or none), sorted by day: window on dates."""
    anchor: _Open | None = None
    for day, index, _event in block:
        if anchor is not None and day - anchor.day <= max_days:
            sets.union(anchor.index, index)
        else:
            anchor = _Open(day, None, None, index)


def cluster_events(
    events: Iterable[DedupEvent], *, max_km: float = 50.0, max_days: int = 1
) -> list[Cluster]:
    """Group events reporting the same happening; every event is in exactly one cluster.

    Clusters are returned sorted by cluster id; a cluster id is stable as long as
    the cluster's members are (it hashes the smallest member key).
    """
    if max_km <= 0 or max_km > 55:
        raise ValueError(f"max_km must be in (0, 55] (the grid cell is ~55 km), not {max_km}")
    if max_days < 0:
        raise ValueError(f"max_days must be 0 or more, not {max_days}")
    items = list(events)
    sets = _DisjointSets(len(items))
    # Blocks: dyad and CAMEO root, then place kind; by day for day-dated events,
    # by the exact date string for coarser ones; undated events stay alone.
    located: dict[tuple[Any, ...], list[tuple[int, int, DedupEvent]]] = defaultdict(list)
    unlocated: dict[tuple[Any, ...], list[tuple[int, int, DedupEvent]]] = defaultdict(list)
    coarse: dict[tuple[Any, ...], int] = {}
    copies: dict[tuple[Any, ...], int] = {}
    for index, event in enumerate(items):
        dyad = (event.source_code or "", event.target_code or "", event.cameo[:2])
        if event.near_dup_key:
            copy_key = (event.near_dup_key, event.source_code, event.target_code, event.cameo)
            first = copies.setdefault(copy_key, index)
            if first != index:
                sets.union(first, index)
        day = _day_number(event)
        place = _place_key(event)
        if day is not None:
            target = located if place[0] == "cell" else unlocated
            block_place = ("cell",) if place[0] == "cell" else place
            target[(*dyad, *block_place)].append((day, index, event))
        elif event.date:
            first = coarse.setdefault((*dyad, event.date, event.date_precision, *place), index)
            if first != index:
                sets.union(first, index)
    for block in located.values():
        block.sort(key=lambda item: (item[0], item[1]))
        _cluster_located(block, sets, max_km, max_days)
    for block in unlocated.values():
        block.sort(key=lambda item: (item[0], item[1]))
        _cluster_unlocated(block, sets, max_days)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        groups[sets.find(index)].append(index)
    clusters = [_make_cluster([items[i] for i in members]) for members in groups.values()]
    clusters.sort(key=lambda cluster: cluster.cluster_id)
    return clusters


def _representative(members: Sequence[DedupEvent]) -> DedupEvent:
    # A foreground, confident, located, early-in-story mention speaks for the cluster.
    return min(
        members,
        key=lambda e: (
            e.background,
            -e.confidence,
            e.lat is None,
            e.sentence_id,
            e.article_id,
            e.event_id,
        ),
    )


def _make_cluster(members: Sequence[DedupEvent]) -> Cluster:
    keys = sorted(event.key for event in members)
    representative = _representative(members)
    articles = {event.article_id for event in members}
    # An article without a known outlet counts as its own source.
    outlets = {event.outlet or f"article:{event.article_id}" for event in members}
    dates = sorted(event.date for event in members if event.date)
    cluster_id = hashlib.sha1("|".join(keys[0]).encode("utf-8")).hexdigest()[:16]
    return Cluster(
        cluster_id=cluster_id,
        representative=representative.key,
        members=tuple(keys),
        num_mentions=len(members),
        num_sources=len(outlets),
        num_articles=len(articles),
        source_code=representative.source_code,
        target_code=representative.target_code,
        cameo_root=representative.cameo[:2],
        date_first=dates[0] if dates else None,
        date_last=dates[-1] if dates else None,
        location_name=representative.location_name,
    )
