"""Deduplication: the same happening across stories is one cluster, with GDELT-style counts."""

from __future__ import annotations

import random
from typing import Any

import pytest

from eventwire.dedup import DedupEvent, cluster_events, outlet_of

LIMA = (-12.0464, -77.0428)
CALLAO = (-12.0566, -77.1181)  # ~8 km from Lima
CUSCO = (-13.5320, -71.9675)  # ~570 km from Lima


def event(
    article_id: str,
    *,
    event_id: str = "e0",
    source: str | None = "PERGOV",
    target: str | None = "BRA",
    cameo: str = "0312",
    date: str | None = "2024-05-07",
    precision: str | None = "day",
    at: tuple[float, float] | None = LIMA,
    place: str | None = "Lima",
    outlet: str | None = "ap",
    near_dup_key: str | None = None,
    **extra: Any,
) -> DedupEvent:
    return DedupEvent(
        article_id=article_id,
        event_id=event_id,
        source_code=source,
        target_code=target,
        cameo=cameo,
        date=date,
        date_precision=precision,
        lat=at[0] if at else None,
        lon=at[1] if at else None,
        location_name=place,
        location_country="PER" if place else None,
        outlet=outlet,
        near_dup_key=near_dup_key,
        **extra,
    )


def groups(events: list[DedupEvent]) -> list[list[str]]:
    """Clusters as sorted lists of article ids, sorted."""
    return sorted(sorted(a for a, _ in c.members) for c in cluster_events(events))


def test_same_dyad_root_day_and_nearby_place_is_one_happening() -> None:
    clusters = cluster_events(
        [
            event("ap", outlet="ap"),
            event("reuters", cameo="031", date="2024-05-08", at=CALLAO, outlet="reuters"),
            event("ap-update", outlet="ap"),
        ]
    )
    assert len(clusters) == 1
    (cluster,) = clusters
    assert (cluster.num_mentions, cluster.num_sources, cluster.num_articles) == (3, 2, 3)
    assert (cluster.date_first, cluster.date_last) == ("2024-05-07", "2024-05-08")
    assert (cluster.source_code, cluster.target_code, cluster.cameo_root) == ("PERGOV", "BRA", "03")


def test_two_mentions_in_one_article_count_once_as_article() -> None:
    (cluster,) = cluster_events([event("a", event_id="e1"), event("a", event_id="e2")])
    assert (cluster.num_mentions, cluster.num_sources, cluster.num_articles) == (2, 1, 1)


@pytest.mark.parametrize(
    "other",
    [
        {"cameo": "0412"},  # another root
        {"target": "CHL"},  # another dyad
        {"source": "BRA", "target": "PERGOV"},  # the dyad reversed
        {"date": "2024-05-09"},  # two days later
        {"at": CUSCO, "place": "Cusco"},  # far away
        {"at": None, "place": "Lima"},  # named but not located: not comparable
        {"at": None, "place": None},  # no place at all
    ],
)
def test_a_different_happening_is_another_cluster(other: dict[str, Any]) -> None:
    assert groups([event("first"), event("second", **other)]) == [["first"], ["second"]]


def test_clusters_are_anchored_on_their_first_day_and_do_not_chain() -> None:
    days = [event(f"d{day}", date=f"2024-05-{day:02d}") for day in (7, 8, 9, 10)]
    assert groups(days) == [["d10", "d9"], ["d7", "d8"]]


def test_places_without_coordinates_match_by_name() -> None:
    unlocated = [
        event("a", at=None, place="Lima"),
        event("b", at=None, place="lima", date="2024-05-08"),
        event("c", at=None, place="Cusco"),
        event("d", at=None, place=None),
        event("e", at=None, place=None),
    ]
    assert groups(unlocated) == [["a", "b"], ["c"], ["d", "e"]]


def test_coarse_dates_match_only_the_same_period_and_undated_events_stay_alone() -> None:
    coarse = [
        event("jan", date="2022-01", precision="month"),
        event("jan-too", date="2022-01", precision="month"),
        event("feb", date="2022-02", precision="month"),
        event("undated", date=None, precision=None),
        event("undated-too", date=None, precision=None),
    ]
    assert groups(coarse) == [["feb"], ["jan", "jan-too"], ["undated"], ["undated-too"]]


def test_near_duplicate_wire_copies_merge_whatever_their_dates() -> None:
    copies = [
        event("wire", near_dup_key="k1"),
        event("site", near_dup_key="k1", date="2024-05-12", at=CUSCO, outlet="site"),
        # A copy's other code, or another story, is no copy of the same event.
        event("other-code", near_dup_key="k1", cameo="0311", date="2024-05-20"),
        event("unrelated", near_dup_key="k2", date="2024-05-25"),
    ]
    assert groups(copies) == [["other-code"], ["site", "wire"], ["unrelated"]]


def test_the_representative_is_foreground_confident_and_located() -> None:
    members = [
        event("background", background=True, confidence=0.99),
        event("weak", confidence=0.4),
        event("strong", confidence=0.9, sentence_id=3),
        event("strong-lead", confidence=0.9, sentence_id=0),
    ]
    (cluster,) = cluster_events(members)
    assert cluster.representative == ("strong-lead", "e0")


def test_an_article_without_an_outlet_counts_as_its_own_source() -> None:
    (cluster,) = cluster_events([event("a", outlet=None), event("b", outlet=None), event("c")])
    assert cluster.num_sources == 3


def test_clusters_do_not_depend_on_input_order() -> None:
    events = [
        event(f"a{i}", date=f"2024-05-{1 + i % 9:02d}", cameo=f"0{1 + i % 3}", outlet=f"o{i % 4}")
        for i in range(60)
    ]
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    first = [(c.cluster_id, c.members, c.representative) for c in cluster_events(events)]
    second = [(c.cluster_id, c.members, c.representative) for c in cluster_events(shuffled)]
    assert first == second
    assert sum(len(members) for _, members, _ in first) == 60


def test_from_record_reads_the_event_record() -> None:
    record = {
        "event_id": "x1",
        "article_id": "a1",
        "sentence_id": 2,
        "source": {"code": "VENGOV"},
        "target": None,
        "cameo": "0312",
        "date": "2022-02-16",
        "date_precision": "day",
        "location": {"name": "Caracas", "country": "VEN", "lat": 10.49, "lon": -66.88},
        "confidence": 0.87,
        "background": False,
    }
    item = DedupEvent.from_record(record, outlet="ap", near_dup_key="k")
    assert (item.key, item.source_code, item.target_code, item.lat) == (
        ("a1", "x1"),
        "VENGOV",
        None,
        10.49,
    )
    assert (item.sentence_id, item.outlet, item.near_dup_key) == (2, "ap", "k")


def test_outlet_is_the_source_or_the_url_host() -> None:
    assert outlet_of(" AP ", "https://www.example.org/x") == "ap"
    assert outlet_of(None, "https://www.example.org/x") == "example.org"
    assert outlet_of(None, None) is None


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="max_km"):
        cluster_events([], max_km=500)
    with pytest.raises(ValueError, match="max_days"):
        cluster_events([], max_days=-1)
