"""Deduplication and storing at 10,000 and 100,000 generated events: is the cost near-linear?

Generates happenings (a dyad, a CAMEO code, a day, a city) each reported by one
to six articles from different outlets, with dates up to a day apart and places
a few km apart, some as near-duplicate wire copies; three events per article.
Times, side by side in one run, for each size:

- cluster: `dedup.cluster_events` over the events (in memory);
- store:   `store_many` of the coded articles into a new DuckDB file (batches of 1000);
- refresh: `store.refresh_clusters()` (read the events, cluster, write both tables);

and prints each step's ratio of the larger size's time to the smaller's (10.0 is
linear in a tenfold size). With `--postgres URL`, the store steps run on that
PostgreSQL database too (in a schema of their own, dropped afterwards).

    python bench/dedup_bench.py [--sizes 10000 100000] [--postgres postgresql://...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.dedup import DedupEvent, cluster_events, outlet_of
from eventwire.model import Actor, Article, CodedArticle, Event, Place, Plover, Sentence, Span
from eventwire.store import BaseEventStore, open_store

COUNTRIES = ["VEN", "RUS", "USA", "CHN", "BRA", "PER", "ARG", "MEX", "COL", "CHL", "FRA", "DEU"]
COUNTRIES += ["GBR", "IND", "PAK", "IRN", "ISR", "TUR", "EGY", "NGA", "KEN", "ZAF", "JPN", "KOR"]
SECTORS = [None, "GOV", "MIL", "OPP", "BUS"]
CODES = ["010", "020", "036", "042", "043", "051", "057", "0312", "0311", "112", "130", "141"]
CODES += ["173", "175", "190", "160", "161", "046", "080", "100"]
OUTLETS = [f"outlet{i:02d}" for i in range(60)]
EVENTS_PER_ARTICLE = 3


def generate(n_events: int, seed: int = 1) -> list[CodedArticle]:
    """Articles of three events each, reporting happenings several times over."""
    rng = random.Random(seed)
    cities = [(rng.uniform(-50, 60), rng.uniform(-120, 140)) for _ in range(400)]
    start = dt.date(2024, 1, 1)
    happenings: list[tuple[Actor, Actor, str, dt.date, tuple[float, float]]] = []
    for _ in range(max(1, n_events // 6)):
        a, b = rng.sample(COUNTRIES, 2)
        sa, sb = rng.choice(SECTORS), rng.choice(SECTORS)
        source = Actor(a + (sa or ""), a, sa, a)
        target = Actor(b + (sb or ""), b, sb, b)
        day = start + dt.timedelta(days=rng.randrange(365))
        happenings.append((source, target, rng.choice(CODES), day, rng.choice(cities)))
    articles: list[CodedArticle] = []
    made = 0
    while made < n_events:
        article_id = f"a{len(articles):07d}"
        outlet = rng.choice(OUTLETS)
        wire = f"w{rng.randrange(n_events // 20 + 1)}" if rng.random() < 0.2 else None
        text_parts: list[str] = []
        sentences: list[Sentence] = []
        events: list[Event] = []
        offset = 0
        for index in range(EVENTS_PER_ARTICLE):
            source, target, cameo, day, (lat, lon) = rng.choice(happenings)
            day += dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            text = f"{source.code} and {target.code} did {cameo} number {index}."
            sentences.append(Sentence(article_id, index, text, offset, offset + len(text)))
            events.append(
                Event(
                    article_id=article_id,
                    sentence_id=index,
                    sentence=text,
                    trigger=Span("did", offset + text.index("did"), offset + text.index("did") + 3),
                    source=source,
                    target=target,
                    cameo=cameo,
                    cameo_label=cameo,
                    plover=Plover("CONSULT"),
                    quad_class=1,
                    goldstein=1.0,
                    date=day.isoformat(),
                    date_precision="day",
                    location=Place(
                        "City",
                        None,
                        lat + rng.uniform(-0.05, 0.05),
                        lon + rng.uniform(-0.05, 0.05),
                        None,
                        "city",
                        "sentence",
                    ),
                    confidence=rng.random(),
                    coder="bench",
                )
            )
            text_parts.append(text)
            offset += len(text) + 1
        article = Article(
            id=article_id,
            text=" ".join(text_parts),
            source=outlet,
            date=start,
            near_dup_key=wire,
        )
        articles.append(CodedArticle(article, tuple(sentences), tuple(events)))
        made += EVENTS_PER_ARTICLE
    return articles


def dedup_events(articles: list[CodedArticle]) -> list[DedupEvent]:
    return [
        DedupEvent.from_record(
            event.to_record(),
            outlet=outlet_of(coded.article.source, coded.article.url),
            near_dup_key=coded.article.near_dup_key,
        )
        for coded in articles
        for event in coded.events
    ]


def timed(step: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall-clock and this process's CPU seconds (all its threads, DuckDB's included):
    on a shared machine CPU time is the steadier measure of work done."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def best_of(runs: int, step: Callable[[], Any]) -> tuple[float, float, Any]:
    """The fastest of several runs of a step that changes nothing."""
    results = [timed(step) for _ in range(runs)]
    wall = min(r[0] for r in results)
    cpu = min(r[1] for r in results)
    return wall, cpu, results[0][2]


def run_size(
    n_events: int, store_opener: Callable[[str], BaseEventStore] | None, label: str
) -> dict[str, tuple[float, float]]:
    """Seconds (wall, CPU) of each step at one size."""
    articles = generate(n_events)
    events = dedup_events(articles)
    seconds: dict[str, tuple[float, float]] = {}
    wall, cpu, clusters = best_of(3, lambda: cluster_events(events))
    seconds["cluster"] = (wall, cpu)
    print(
        f"{len(events):>7} events: {len(clusters)} clusters "
        f"({len(events) / len(clusters):.2f} mentions per cluster); "
        f"cluster {wall:.2f} s wall, {cpu:.2f} s CPU (best of 3)",
        flush=True,
    )
    if store_opener is not None:
        with store_opener(f"bench{n_events}") as store:
            wall, cpu, counts = timed(lambda: store.store_many(articles))
            seconds["store"] = (wall, cpu)
            print(
                f"{'':>7} {label}: store {wall:.2f} s wall, {cpu:.2f} s CPU "
                f"({len(events) / wall:.0f} events/s, {counts['stored']} articles)",
                flush=True,
            )
            wall, cpu, refreshed = timed(store.refresh_clusters)
            seconds["refresh"] = (wall, cpu)
            print(
                f"{'':>7} {label}: refresh {wall:.2f} s wall, {cpu:.2f} s CPU "
                f"({refreshed['clusters']} clusters)",
                flush=True,
            )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--postgres", help="also time the store steps on this PostgreSQL URL")
    args = parser.parse_args()
    small, large = args.sizes
    with tempfile.TemporaryDirectory() as folder:

        def duckdb_store(name: str) -> BaseEventStore:
            return open_store(Path(folder) / f"{name}.duckdb")

        # Warm up first: the first bulk insert imports pyarrow's pandas bridge.
        with duckdb_store("warm-up") as store:
            store.store_many(generate(30))
        results = {"duckdb": [run_size(n, duckdb_store, "duckdb") for n in (small, large)]}
    if args.postgres:
        import psycopg

        schema = f"eventwire_bench_{uuid.uuid4().hex[:8]}"
        separator = "&" if "?" in args.postgres else "?"
        url = f"{args.postgres}{separator}options=-csearch_path%3D{schema}"
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {schema}")
            try:

                def postgres_store(_name: str) -> BaseEventStore:
                    store = open_store(url)
                    for table in ("event_clusters", "clusters", "learned_actors", "quotes"):
                        store._execute(f"DELETE FROM {table}")
                    for table in ("events", "sentences", "articles"):
                        store._execute(f"DELETE FROM {table}")
                    return store

                results["postgresql"] = [
                    run_size(n, postgres_store, "postgresql") for n in (small, large)
                ]
            finally:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")
    print(f"\nratio of times, {large} / {small} events (linear: {large / small:.1f})")
    for backend, (first, second) in results.items():
        ratios = ", ".join(
            f"{step} {second[step][0] / first[step][0]:.1f} wall / "
            f"{second[step][1] / first[step][1]:.1f} CPU"
            for step in first
        )
        print(f"  {backend}: {ratios}")
    print("(PostgreSQL's CPU is the client's only: the server works in its own processes.)")


if __name__ == "__main__":
    main()
