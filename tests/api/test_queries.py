"""The store's read side: filters, cursor paging, series, aggregates and article spans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.store.articles import article_view
from eventwire.store.duckdb import EventStore
from eventwire.store.queries import (
    EventQuery,
    QueryError,
    actor_network,
    check_actor_code,
    check_cameo_code,
    check_plover_type,
    dyad_series,
    parse_bbox,
    place_counts,
    search_events,
    store_summary,
    timeline,
    top_actors,
)


@pytest.fixture
def con(demo_store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(demo_store), read_only=True)
    yield connection
    connection.close()


def all_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = search_events(con, query, limit=3, cursor=cursor)
        events += page.events
        cursor = page.next_cursor
        if cursor is None:
            return events


def sides(event: dict[str, Any]) -> set[str]:
    codes: set[str] = set()
    for role in ("source", "target"):
        actor = event[role] or {}
        codes |= {value for value in (actor.get("code"), actor.get("country")) if value}
    return codes


def test_the_demo_store_holds_events(con: duckdb.DuckDBPyConnection) -> None:
    summary = store_summary(con)
    assert summary["articles"] >= 10
    assert summary["events"] >= 10


def test_cursor_paging_visits_every_event_once_newest_first(
    con: duckdb.DuckDBPyConnection,
) -> None:
    events = all_events(con, EventQuery())
    ids = [(event["article_id"], event["event_id"]) for event in events]
    assert len(ids) == len(set(ids)) == store_summary(con)["events"]
    dated = [event["date"] for event in events if event["date"] and len(event["date"]) == 10]
    assert dated == sorted(dated, reverse=True)
    assert search_events(con, EventQuery(), limit=3).total == len(ids)


def test_actor_filter_matches_either_side_by_code_or_country(
    con: duckdb.DuckDBPyConnection,
) -> None:
    actor = top_actors(con, EventQuery(), limit=1)[0].code
    events = all_events(con, EventQuery(actor=actor))
    assert events
    assert all(actor in sides(event) for event in events)
    sources = all_events(con, EventQuery(source=actor))
    assert all(actor in {event["source"]["code"], event["source"]["country"]} for event in sources)


def test_cameo_root_plover_and_quad_filters(con: duckdb.DuckDBPyConnection) -> None:
    for event in all_events(con, EventQuery(cameo="05")):
        assert event["cameo"].startswith("05")
    for event in all_events(con, EventQuery(cameo="057")):
        assert event["cameo"].startswith("057")
    for event in all_events(con, EventQuery(plover="SUPPORT")):
        assert event["plover"]["type"] == "SUPPORT"
    for quad in (1, 2, 3, 4):
        for event in all_events(con, EventQuery(quad_class=quad)):
            assert event["quad_class"] == quad


def test_date_range_uses_the_first_day_of_the_period(con: duckdb.DuckDBPyConnection) -> None:
    since, until = dt.date(2024, 1, 1), dt.date(2024, 6, 30)
    events = all_events(con, EventQuery(since=since, until=until))
    assert events
    for event in events:
        assert event["date"] is not None
        # A month- or year-precision date ("2024-03", "2024") counts from its first day.
        first_day = (
            event["date"] + "-01-01"[len(event["date"]) - 4 :]
            if len(event["date"]) < 10
            else event["date"]
        )
        assert "2024-01-01" <= first_day <= "2024-06-30"
    with pytest.raises(QueryError, match="after until"):
        EventQuery(since=until, until=since)


def test_place_and_bounding_box(con: duckdb.DuckDBPyConnection) -> None:
    top = place_counts(con, EventQuery(), limit=1)[0]
    by_name = all_events(con, EventQuery(place=top.name.upper()))
    assert len(by_name) == top.count
    box = parse_bbox(f"{top.lon - 1},{top.lat - 1},{top.lon + 1},{top.lat + 1}")
    in_box = all_events(con, EventQuery(bbox=box))
    assert {event["event_id"] for event in by_name} <= {event["event_id"] for event in in_box}
    # A box across the antimeridian from 170E to 10E holds every place east of 170E or west of 10E.
    wrapped = all_events(con, EventQuery(bbox=parse_bbox("170,-90,10,90")))
    assert all(e["location"]["lon"] >= 170 or e["location"]["lon"] <= 10 for e in wrapped)


def test_text_search_is_a_literal_substring(con: duckdb.DuckDBPyConnection) -> None:
    events = all_events(con, EventQuery(text="AGREEMENT"))
    assert events
    assert all("agreement" in event["sentence"].lower() for event in events)
    assert all_events(con, EventQuery(text="%")) == []  # no wildcard meaning
    assert all_events(con, EventQuery(text="'; DROP TABLE events; --")) == []
    assert store_summary(con)["events"] > 0


def test_parameter_checks_name_the_problem() -> None:
    assert check_actor_code(" vengov ") == "VENGOV"
    with pytest.raises(QueryError, match="actor"):
        check_actor_code("VEN' OR 1=1 --")
    assert check_cameo_code("0312") == "0312"
    with pytest.raises(QueryError, match="not in the CAMEO"):
        check_cameo_code("0999")
    with pytest.raises(QueryError, match="2-4 digits"):
        check_cameo_code("04; DROP")
    assert check_plover_type("agree") == "AGREE"
    with pytest.raises(QueryError, match="not a PLOVER type"):
        check_plover_type("PARTY")
    for bad in ("1,2,3", "a,b,c,d", "0,0,200,10", "0,50,10,40", "nan,0,1,1"):
        with pytest.raises(QueryError, match="bbox"):
            parse_bbox(bad)
    with pytest.raises(QueryError, match="quad_class"):
        EventQuery(quad_class=5)


def test_limits_are_bounded(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(QueryError, match="limit"):
        search_events(con, EventQuery(), limit=100_000)
    with pytest.raises(QueryError, match="cursor"):
        search_events(con, EventQuery(), cursor="not-a-cursor")
    with pytest.raises(QueryError, match="max_edges"):
        actor_network(con, EventQuery(), max_edges=0)


def test_dyad_series_counts_both_directions(con: duckdb.DuckDBPyConnection) -> None:
    edge = actor_network(con, EventQuery(), max_edges=1)[0]
    series = dyad_series(con, edge.source, edge.target, "month")
    assert series.total >= edge.count
    counted = sum(bucket.count for bucket in series.buckets)
    assert counted + series.left_out == series.total
    assert sum(bucket.a_to_b for bucket in series.buckets) <= edge.count + series.total
    reverse = dyad_series(con, edge.target, edge.source, "month")
    assert reverse.total == series.total
    assert [b.a_to_b for b in reverse.buckets] == [b.b_to_a for b in series.buckets]
    with pytest.raises(QueryError, match="interval"):
        dyad_series(con, edge.source, edge.target, "fortnight")


def test_timeline_counts_match_the_search(con: duckdb.DuckDBPyConnection) -> None:
    buckets = timeline(con, EventQuery(), "year")
    precise = [
        e for e in all_events(con, EventQuery()) if e["date_precision"] in ("day", "month", "year")
    ]
    assert sum(bucket.total for bucket in buckets) == len(precise)
    assert [b.period for b in buckets] == sorted(b.period for b in buckets)


def test_article_view_spans_point_at_the_words(demo_store: Path) -> None:
    with EventStore(demo_store) as store:
        article_id = store.article_ids()[0]
        view = article_view(store, article_id)
        assert article_view(store, "no-such-article") is None
    assert view is not None
    assert view.events and view.sentences
    for span in view.spans:
        assert view.text[span.start : span.end] == span.text
    triggers = {span.event_id: span for span in view.spans if span.kind == "trigger"}
    for event in view.events:
        assert triggers[event["event_id"]].text == event["trigger"]["text"]
    actor_spans = [span for span in view.spans if span.kind in ("source", "target")]
    assert actor_spans, "the actors of at least one event are found in its sentence"
