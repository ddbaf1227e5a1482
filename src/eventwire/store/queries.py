"""The read side of the event store: the searches, series and views the API serves.

Every function takes a DuckDB connection (or an `EventStore`) and typed
arguments, and returns records. Values reach SQL only as parameters; the only
text spliced into SQL is chosen from the constants below. Page sizes and list
lengths are bounded here, so no caller can ask for the whole table at once.

Event dates in the store are ISO strings of varying precision ("2024-05-07",
"2024-05", "2024", "202X"). Filters and series use the first day of the
period ("2024-05" counts as 2024-05-01); a series only counts the events whose
precision is at least as fine as its interval, and says how many it left out.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

import duckdb

from eventwire.events.cameo import CameoCodebook, load_cameo_codebook
from eventwire.store.duckdb import EventStore

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "ActorCount",
    "BoundingBox",
    "DyadBucket",
    "DyadSeries",
    "EventPage",
    "EventQuery",
    "Interval",
    "NetworkEdge",
    "PlaceCount",
    "QueryError",
    "TimelineBucket",
    "actor_network",
    "check_actor_code",
    "check_cameo_code",
    "check_plover_type",
    "connection_of",
    "dyad_series",
    "parse_bbox",
    "place_counts",
    "search_events",
    "store_summary",
    "timeline",
    "top_actors",
]

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_TEXT_QUERY_CHARS = 200
MAX_NETWORK_EDGES = 500
MAX_PLACES = 1000
MAX_ACTORS = 500

Interval = Literal["day", "week", "month", "year"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month", "year")
# Which stored date precisions are fine enough to place an event in a bucket.
_PRECISIONS_FOR: dict[Interval, tuple[str, ...]] = {
    "day": ("day",),
    "week": ("day",),
    "month": ("day", "month"),
    "year": ("day", "month", "year"),
}

_ACTOR_CODE = re.compile(r"[A-Z][A-Z0-9]{1,39}")
_CAMEO_CODE = re.compile(r"[0-9]{2,4}")
_PLOVER_TYPE = re.compile(r"[A-Z_]{2,20}")

# The first day of an event's period as an ISO string (NULL when undated or a decade):
# "2024-05-07" stays, "2024-05" -> "2024-05-01", "2024" -> "2024-01-01".
_DAY_SQL = (
    "(CASE WHEN length(date) = 10 THEN date"
    " WHEN length(date) = 7 THEN date || '-01'"
    " WHEN length(date) = 4 AND NOT contains(date, 'X') THEN date || '-01-01' END)"
)
# Sort key for paging: undated events sort last (after every ISO date in DESC order).
_SORT_KEY_SQL = f"coalesce({_DAY_SQL}, '')"

Connection = duckdb.DuckDBPyConnection | EventStore


class QueryError(ValueError):
    """A query parameter is malformed or unknown; the message names it and why."""


# -- parameters ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoundingBox:
    """Longitudes and latitudes in degrees; min_lon > max_lon crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def parse_bbox(text: str) -> BoundingBox:
    """Parse "min_lon,min_lat,max_lon,max_lat" (degrees) into a BoundingBox."""
    parts = text.split(",")
    if len(parts) != 4:
        raise QueryError(
            f"bbox {text[:60]!r}: expected four numbers min_lon,min_lat,max_lon,max_lat"
        )
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise QueryError(f"bbox {text[:60]!r}: every part must be a number") from None
    for name, value, bound in (
        ("min_lon", min_lon, 180.0),
        ("max_lon", max_lon, 180.0),
        ("min_lat", min_lat, 90.0),
        ("max_lat", max_lat, 90.0),
    ):
        if not -bound <= value <= bound:  # also rejects NaN
            raise QueryError(f"bbox {name} {value} is outside -{bound:g}..{bound:g}")
    if min_lat > max_lat:
        raise QueryError(f"bbox min_lat {min_lat} is above max_lat {max_lat}")
    return BoundingBox(min_lon, min_lat, max_lon, max_lat)


def check_actor_code(value: str, name: str = "actor") -> str:
    """An actor code or country code, upper-cased: letters and digits, 2-40 characters."""
    code = value.strip().upper()
    if not _ACTOR_CODE.fullmatch(code):
        raise QueryError(
            f"{name} {value[:60]!r} is not an actor code "
            "(letters and digits, starting with a letter, e.g. VEN or VENGOV)"
        )
    return code


def check_cameo_code(value: str, codebook: CameoCodebook | None = None) -> str:
    """A CAMEO code or root that the codebook knows ("04", "0312")."""
    code = value.strip()
    if not _CAMEO_CODE.fullmatch(code):
        raise QueryError(f"cameo {value[:60]!r} is not a CAMEO code (2-4 digits, e.g. 04 or 0312)")
    if code not in (codebook or load_cameo_codebook()):
        raise QueryError(f"cameo {code!r} is not in the CAMEO 1.1b3 codebook")
    return code


def check_plover_type(value: str, codebook: CameoCodebook | None = None) -> str:
    """A PLOVER event type that the codebook maps some CAMEO code to (AGREE, ASSAULT, ...)."""
    plover = value.strip().upper()
    known = sorted({code.plover.type for code in (codebook or load_cameo_codebook())})
    if not _PLOVER_TYPE.fullmatch(plover) or plover not in known:
        raise QueryError(f"plover {value[:60]!r} is not a PLOVER type; known: {', '.join(known)}")
    return plover


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters over stored events; every field narrows, None means no filter.

    `actor` matches either side by code or country; `source`/`target` one side.
    `cameo` of two digits matches the root, longer codes the code and its children.
    `place` is a location name (case-insensitive); `text` a substring of the sentence.
    Build it from user input with the `check_*` and `parse_bbox` helpers.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    bbox: BoundingBox | None = None
    text: str | None = None
    include_background: bool = True

    def __post_init__(self) -> None:
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise QueryError(f"quad_class {self.quad_class} is not 1, 2, 3 or 4")
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}")
        if self.text is not None and len(self.text) > MAX_TEXT_QUERY_CHARS:
            raise QueryError(f"q is {len(self.text)} characters; at most {MAX_TEXT_QUERY_CHARS}")


def _where(query: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.actor:
        clauses.append("? IN (source_code, source_country, target_code, target_country)")
        params.append(query.actor)
    if query.source:
        clauses.append("? IN (source_code, source_country)")
        params.append(query.source)
    if query.target:
        clauses.append("? IN (target_code, target_country)")
        params.append(query.target)
    if query.cameo:
        if len(query.cameo) == 2:
            clauses.append("cameo_root = ?")
        else:
            clauses.append("starts_with(cameo, ?)")
        params.append(query.cameo)
    if query.plover:
        clauses.append("plover_type = ?")
        params.append(query.plover)
    if query.quad_class is not None:
        clauses.append("quad_class = ?")
        params.append(query.quad_class)
    if query.since:
        clauses.append(f"{_DAY_SQL} >= ?")
        params.append(query.since.isoformat())
    if query.until:
        clauses.append(f"{_DAY_SQL} <= ?")
        params.append(query.until.isoformat())
    if query.place:
        clauses.append("lower(location_name) = lower(?)")
        params.append(query.place.strip())
    if query.bbox:
        box = query.bbox
        clauses.append("lat BETWEEN ? AND ?")
        params += [box.min_lat, box.max_lat]
        if box.min_lon <= box.max_lon:
            clauses.append("lon BETWEEN ? AND ?")
        else:
            clauses.append("(lon >= ? OR lon <= ?)")
        params += [box.min_lon, box.max_lon]
    if query.text:
        # The sentences table holds the same text as each record's "sentence", and
        # scanning it is an order of magnitude cheaper than parsing every record.
        clauses.append(
            "(article_id, sentence_id) IN (SELECT article_id, sentence_id FROM sentences "
            "WHERE contains(lower(text), lower(?)))"
        )
        params.append(query.text)
    if not query.include_background:
        clauses.append("NOT coalesce(background, false)")
    return (" AND ".join(clauses) if clauses else "true"), params


def connection_of(source: Connection) -> duckdb.DuckDBPyConnection:
    if isinstance(source, EventStore):
        # EventStore keeps its connection private; reading through it is the store's own use.
        return source._db
    # Callers that read from several threads pass one cursor (`con.cursor()`) per thread.
    return source


def _bounded(value: int, name: str, maximum: int) -> int:
    if not 1 <= value <= maximum:
        raise QueryError(f"{name} {value} is outside 1..{maximum}")
    return value


# -- event search ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of event records, newest first; `next_cursor` fetches the next page."""

    events: list[dict[str, Any]]
    next_cursor: str | None
    total: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _encode_cursor(key: tuple[str, str, str]) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, str, str]:
    problem = QueryError("cursor is not one this API returned (pass next_cursor unchanged)")
    if len(cursor) > 1024:
        raise problem
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise problem from None
    if not (isinstance(key, list) and len(key) == 3 and all(isinstance(k, str) for k in key)):
        raise problem
    return key[0], key[1], key[2]


def search_events(
    source: Connection,
    query: EventQuery,
    limit: int = DEFAULT_PAGE_SIZE,
    cursor: str | None = None,
) -> EventPage:
    """Event records matching `query`, newest first (undated last), `limit` per page.

    Paging is by key, not offset: pass the page's `next_cursor` to continue; pages
    stay consistent while events are added. `total` counts every match.
    """
    _bounded(limit, "limit", MAX_PAGE_SIZE)
    con = connection_of(source)
    where, params = _where(query)
    page_where, page_params = where, list(params)
    if cursor:
        sort_key, article_id, event_id = _decode_cursor(cursor)
        page_where += (
            f" AND ({_SORT_KEY_SQL} < ? OR ({_SORT_KEY_SQL} = ? AND "
            "(article_id > ? OR (article_id = ? AND event_id > ?))))"
        )
        page_params += [sort_key, sort_key, article_id, article_id, event_id]
    # Two steps: the page's keys first, then only its records. Sorting with the
    # (large) record column in tow would read every matching record.
    keys = con.execute(
        f"SELECT {_SORT_KEY_SQL} AS sort_key, article_id, event_id, rowid FROM events "
        f"WHERE {page_where} ORDER BY sort_key DESC, article_id, event_id LIMIT ?",
        [*page_params, limit + 1],
    ).fetchall()
    total_row = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
    more = len(keys) > limit
    keys = keys[:limit]
    records: dict[tuple[str, str], str] = {}
    if keys:
        fetched = con.execute(
            "SELECT article_id, event_id, record FROM events WHERE rowid = ANY(?)",
            [[key[3] for key in keys]],
        ).fetchall()
        records = {(str(a), str(e)): str(record) for a, e, record in fetched}
    next_cursor = _encode_cursor((keys[-1][0], keys[-1][1], keys[-1][2])) if more else None
    return EventPage(
        # A row replaced between the two steps is left out rather than mismatched.
        events=[json.loads(records[(k[1], k[2])]) for k in keys if (k[1], k[2]) in records],
        next_cursor=next_cursor,
        total=int(total_row[0]) if total_row else 0,
    )


# -- series ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineBucket:
    """Events in one period, counted by quad class (1 verbal coop .. 4 material conflict)."""

    period: str
    counts: dict[int, int]
    total: int


@dataclass(frozen=True, slots=True)
class DyadBucket:
    period: str
    a_to_b: int
    b_to_a: int
    goldstein_a_to_b: float
    goldstein_b_to_a: float

    @property
    def count(self) -> int:
        return self.a_to_b + self.b_to_a


@dataclass(frozen=True, slots=True)
class DyadSeries:
    """Events between two actors over time, both directions, with Goldstein sums."""

    a: str
    b: str
    interval: Interval
    buckets: list[DyadBucket]
    total: int  # every event of the dyad that matches the filters
    left_out: int  # of those, undated or dated too coarsely for the interval

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "interval": self.interval,
            "total": self.total,
            "left_out": self.left_out,
            "buckets": [
                {
                    "period": bucket.period,
                    "count": bucket.count,
                    "a_to_b": bucket.a_to_b,
                    "b_to_a": bucket.b_to_a,
                    "goldstein": round(bucket.goldstein_a_to_b + bucket.goldstein_b_to_a, 3),
                    "goldstein_a_to_b": round(bucket.goldstein_a_to_b, 3),
                    "goldstein_b_to_a": round(bucket.goldstein_b_to_a, 3),
                }
                for bucket in self.buckets
            ],
        }


def _check_interval(interval: str) -> Interval:
    for known in INTERVALS:
        if interval == known:
            return known
    raise QueryError(f"interval {interval[:30]!r} is not one of {', '.join(INTERVALS)}")


def _bucket_sql(interval: Interval) -> tuple[str, str]:
    """SQL for an event's period start, and the precision filter for the interval."""
    precisions = ", ".join(f"'{p}'" for p in _PRECISIONS_FOR[interval])
    bucket = f"strftime(date_trunc('{interval}', TRY_CAST({_DAY_SQL} AS DATE)), '%Y-%m-%d')"
    return bucket, f"date_precision IN ({precisions})"


def timeline(
    source: Connection, query: EventQuery, interval: str = "month"
) -> list[TimelineBucket]:
    """Counts of matching events per period and quad class, oldest period first."""
    checked = _check_interval(interval)
    where, params = _where(query)
    bucket, precise = _bucket_sql(checked)
    rows = (
        connection_of(source)
        .execute(
            f"SELECT {bucket} AS period, quad_class, count(*) FROM events "
            f"WHERE {where} AND {precise} GROUP BY ALL HAVING period IS NOT NULL ORDER BY period",
            params,
        )
        .fetchall()
    )
    by_period: dict[str, dict[int, int]] = {}
    for period, quad_class, count in rows:
        counts = by_period.setdefault(str(period), {1: 0, 2: 0, 3: 0, 4: 0})
        if quad_class in counts:
            counts[int(quad_class)] += int(count)
    return [
        TimelineBucket(period, counts, sum(counts.values())) for period, counts in by_period.items()
    ]


def dyad_series(
    source: Connection,
    a: str,
    b: str,
    interval: str = "week",
    query: EventQuery | None = None,
) -> DyadSeries:
    """Events from a to b and from b to a per period (actors by code or country).

    Other filters in `query` (dates, CAMEO, ...) narrow the events; its actor
    fields are ignored, the dyad decides the actors.
    """
    checked = _check_interval(interval)
    a, b = check_actor_code(a, "a"), check_actor_code(b, "b")
    base = query or EventQuery()
    where, params = _where(replace(base, actor=None, source=None, target=None))
    direction = (
        "(CASE WHEN ? IN (source_code, source_country) AND ? IN (target_code, target_country) "
        "THEN 'ab' WHEN ? IN (source_code, source_country) AND ? IN (target_code, target_country) "
        "THEN 'ba' END)"
    )
    bucket, precise = _bucket_sql(checked)
    con = connection_of(source)
    dyad_rows = f"SELECT *, {direction} AS direction FROM events WHERE {where}"
    dyad_params = [a, b, b, a, *params]
    rows = con.execute(
        f"SELECT {bucket} AS period, direction, count(*), coalesce(sum(goldstein), 0) "
        f"FROM ({dyad_rows}) WHERE direction IS NOT NULL AND {precise} "
        "GROUP BY ALL HAVING period IS NOT NULL ORDER BY period",
        dyad_params,
    ).fetchall()
    total_row = con.execute(
        f"SELECT count(*) FROM ({dyad_rows}) WHERE direction IS NOT NULL", dyad_params
    ).fetchone()
    buckets: dict[str, dict[str, tuple[int, float]]] = {}
    for period, way, count, goldstein in rows:
        buckets.setdefault(str(period), {})[str(way)] = (int(count), float(goldstein))
    series = [
        DyadBucket(
            period,
            ways.get("ab", (0, 0.0))[0],
            ways.get("ba", (0, 0.0))[0],
            ways.get("ab", (0, 0.0))[1],
            ways.get("ba", (0, 0.0))[1],
        )
        for period, ways in buckets.items()
    ]
    total = int(total_row[0]) if total_row else 0
    counted = sum(bucket.count for bucket in series)
    return DyadSeries(a, b, checked, series, total, total - counted)


# -- aggregates for the dashboard --------------------------------------------------


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    source: str
    target: str
    count: int
    goldstein_mean: float


def actor_network(
    source: Connection,
    query: EventQuery,
    max_edges: int = 100,
    level: Literal["code", "country"] = "code",
) -> list[NetworkEdge]:
    """The most frequent directed actor pairs among matching events, most events first."""
    _bounded(max_edges, "max_edges", MAX_NETWORK_EDGES)
    where, params = _where(query)
    src, tgt = (
        ("source_code", "target_code")
        if level == "code"
        else ("coalesce(source_country, source_code)", "coalesce(target_country, target_code)")
    )
    rows = (
        connection_of(source)
        .execute(
            f"SELECT {src} AS s, {tgt} AS t, count(*) AS n, avg(goldstein) FROM events "
            f"WHERE {where} AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt} "
            "GROUP BY ALL ORDER BY n DESC, s, t LIMIT ?",
            [*params, max_edges],
        )
        .fetchall()
    )
    return [NetworkEdge(str(s), str(t), int(n), round(float(g or 0.0), 3)) for s, t, n, g in rows]


@dataclass(frozen=True, slots=True)
class PlaceCount:
    name: str
    country: str | None
    lat: float
    lon: float
    count: int
    goldstein_mean: float


def place_counts(source: Connection, query: EventQuery, limit: int = 300) -> list[PlaceCount]:
    """Matching events grouped by located place, most events first (only placed events)."""
    _bounded(limit, "limit", MAX_PLACES)
    where, params = _where(query)
    rows = (
        connection_of(source)
        .execute(
            "SELECT location_name, location_country, lat, lon, count(*) AS n, avg(goldstein) "
            f"FROM events WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL "
            "GROUP BY ALL ORDER BY n DESC, location_name LIMIT ?",
            [*params, limit],
        )
        .fetchall()
    )
    return [
        PlaceCount(str(name), country, float(lat), float(lon), int(n), round(float(g or 0.0), 3))
        for name, country, lat, lon, n, g in rows
    ]


@dataclass(frozen=True, slots=True)
class ActorCount:
    code: str
    count: int


def top_actors(source: Connection, query: EventQuery, limit: int = 100) -> list[ActorCount]:
    """Actor codes and country codes by how many matching events they take part in."""
    _bounded(limit, "limit", MAX_ACTORS)
    where, params = _where(query)
    rows = (
        connection_of(source)
        .execute(
            "WITH matching AS (SELECT * FROM events WHERE " + where + "), "
            "sides AS (SELECT source_code AS code, event_id, article_id FROM matching "
            "UNION ALL SELECT target_code, event_id, article_id FROM matching "
            "UNION ALL SELECT source_country, event_id, article_id FROM matching "
            "UNION ALL SELECT target_country, event_id, article_id FROM matching) "
            "SELECT code, count(DISTINCT (article_id, event_id)) AS n FROM sides "
            "WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code LIMIT ?",
            [*params, limit],
        )
        .fetchall()
    )
    return [ActorCount(str(code), int(n)) for code, n in rows]


def store_summary(source: Connection) -> dict[str, int]:
    """How many articles and events are stored, and the schema version of the file."""
    row = (
        connection_of(source)
        .execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT coalesce(max(version), 0) FROM schema_migrations)"
        )
        .fetchone()
    )
    articles, events, version = row if row is not None else (0, 0, 0)
    return {"articles": int(articles), "events": int(events), "schema_version": int(version)}
