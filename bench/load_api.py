"""Load test of the REST API: many concurrent clients on loopback for a fixed time.

Generates a store of N events (default 100,000: 10,000 articles of 10 events,
dyads among 30 countries, 20 CAMEO codes, two years of days, 60 cities), starts
`eventwire serve` on it at 127.0.0.1 in a child process, and runs C concurrent
clients (default 50) for D seconds (default 20). Each client sends, in turn,
requests drawn from a fixed mix of the dashboard's calls (event pages with and
without filters, a text search, a dyad series, an article, the timeline, the
network, health). Prints the request count, the error count (non-2xx or failed),
and p50/p99 latency overall and per endpoint.

The clients share the machine with the server, so the figures are a floor for
the server alone. Only loopback addresses are used.

    python bench/load_api.py [--events 100000] [--clients 50] [--seconds 20] [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

from eventwire.events.cameo import load_cameo_codebook
from eventwire.model import Actor, Article, CodedArticle, Event, Place, Sentence, Span
from eventwire.store.duckdb import EventStore

HOST = "127.0.0.1"
COUNTRIES = ["VEN", "RUS", "USA", "CHN", "BRA", "PER", "ARG", "MEX", "COL", "CHL", "FRA", "DEU"]
COUNTRIES += ["GBR", "IND", "PAK", "IRN", "ISR", "TUR", "EGY", "NGA", "KEN", "ZAF", "JPN", "KOR"]
COUNTRIES += ["UKR", "POL", "VNM", "PHL", "IDN", "AUS"]
SECTORS = [None, "GOV", "MIL", "OPP", "BUS", "CVL"]
CODES = ["010", "020", "036", "042", "043", "051", "057", "0312", "0311", "112", "130", "141"]
CODES += ["173", "175", "190", "160", "161", "046", "080", "100"]
VERBS = {"01": "said", "02": "urged", "03": "pledged", "04": "met", "05": "praised"}
EVENTS_PER_ARTICLE = 10


def generate(n_events: int, seed: int = 7) -> list[CodedArticle]:
    """Articles of ten events each; every event has its own sentence, dyad, code and day."""
    rng = random.Random(seed)
    codebook = load_cameo_codebook()
    cities = [(f"City{i:02d}", rng.uniform(-45, 60), rng.uniform(-120, 150)) for i in range(60)]
    start = dt.date(2023, 1, 1)
    articles: list[CodedArticle] = []
    for number in range((n_events + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE):
        article_id = f"load{number:06d}"
        day = start + dt.timedelta(days=rng.randrange(730))
        city, lat, lon = rng.choice(cities)
        place = Place(city, rng.choice(COUNTRIES), lat, lon, None, "city", "dateline")
        sentences: list[Sentence] = []
        events: list[Event] = []
        offset = 0
        for index in range(EVENTS_PER_ARTICLE):
            a, b = rng.sample(COUNTRIES, 2)
            sa, sb = rng.choice(SECTORS), rng.choice(SECTORS)
            code = codebook[rng.choice(CODES)]
            verb = VERBS.get(code.code[:2], "acted against")
            text = f"Officials of {a} {verb} {b} over trade and security on day {index}."
            sentences.append(Sentence(article_id, index, text, offset, offset + len(text)))
            trigger_at = text.index(verb)
            events.append(
                Event(
                    article_id=article_id,
                    sentence_id=index,
                    sentence=text,
                    trigger=Span(verb, offset + trigger_at, offset + trigger_at + len(verb)),
                    source=Actor(a + (sa or ""), a, sa, f"Officials of {a}"),
                    target=Actor(b + (sb or ""), b, sb, b),
                    cameo=code.code,
                    cameo_label=code.label,
                    plover=code.plover,
                    quad_class=code.quad_class,
                    goldstein=code.goldstein,
                    date=day.isoformat(),
                    date_precision="day",
                    location=place,
                    confidence=0.8,
                    coder="load test",
                )
            )
            offset += len(text) + 1
        article = Article(
            id=article_id, text=" ".join(s.text for s in sentences), title=f"Story {number}"
        )
        articles.append(
            CodedArticle(article, tuple(sentences), tuple(events[: n_events - number * 10]))
        )
    return articles


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    eventwire = Path(sys.executable).parent / "eventwire"
    command = [str(eventwire), "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"http://{HOST}:{port}/v1/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer /v1/health within 60 s")


def request_mix(rng: random.Random, article_ids: list[str]) -> tuple[str, str, dict[str, Any]]:
    """One request of the dashboard's mix: (name, path, params)."""
    a, b = rng.sample(COUNTRIES, 2)
    month = rng.randrange(1, 13)
    choice = rng.random()
    if choice < 0.25:
        return "events", "/v1/events", {"limit": 50}
    if choice < 0.45:
        return "events?actor", "/v1/events", {"actor": a, "limit": 50}
    if choice < 0.55:
        return (
            "events?cameo+dates",
            "/v1/events",
            {
                "cameo": rng.choice(["04", "05", "17", "19"]),
                "since": f"2024-{month:02d}-01",
                "until": f"2024-{month:02d}-28",
            },
        )
    if choice < 0.60:
        return "events?q", "/v1/events", {"q": rng.choice(["trade", "security", "day 7"])}
    if choice < 0.75:
        return "dyads", "/v1/dyads", {"a": a, "b": b, "interval": "week"}
    if choice < 0.88:
        return "articles", f"/v1/articles/{rng.choice(article_ids)}", {}
    if choice < 0.93:
        return "stats/timeline", "/v1/stats/timeline", {"actor": a}
    if choice < 0.97:
        return "stats/network", "/v1/stats/network", {"max_edges": 40}
    return "health", "/v1/health", {}


async def run_clients(
    base: str, clients: int, seconds: float, article_ids: list[str]
) -> tuple[dict[str, list[float]], int, float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as session:
        started = time.perf_counter()
        stop_at = started + seconds

        async def client(number: int) -> None:
            nonlocal errors
            rng = random.Random(number)
            while time.perf_counter() < stop_at:
                name, path, params = request_mix(rng, article_ids)
                sent = time.perf_counter()
                try:
                    response = await session.get(path, params=params)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies[name].append(time.perf_counter() - sent)
                errors += not ok

        await asyncio.gather(*(client(i) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--db", type=Path, help="reuse or keep the generated store here")
    args = parser.parse_args()
    workdir = tempfile.TemporaryDirectory(prefix="eventwire-load-")
    db = args.db or Path(workdir.name) / "load.duckdb"
    if not db.exists():
        began = time.perf_counter()
        with EventStore(db) as store:
            store.store_many(generate(args.events))
        print(f"generated and stored {args.events:,} events in {time.perf_counter() - began:.1f} s")
    with EventStore(db) as store:
        stored = store.counts()
        article_ids = store.article_ids()
    print(f"store: {db} ({stored['articles']:,} articles, {stored['events']:,} events)")
    port = _free_port()
    server = start_server(db, port)
    try:
        latencies, errors, elapsed = asyncio.run(
            run_clients(f"http://{HOST}:{port}", args.clients, args.seconds, article_ids)
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = [value for values in latencies.values() for value in values]
    summary = {
        "events": stored["events"],
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1),
        "errors": errors,
        "p50_ms": round(statistics.median(every) * 1000, 1),
        "p99_ms": round(percentile(every, 0.99) * 1000, 1),
    }
    print("| endpoint | requests | p50 ms | p99 ms |")
    print("|---|---|---|---|")
    for name in sorted(latencies):
        values = latencies[name]
        p50, p99 = statistics.median(values) * 1000, percentile(values, 0.99) * 1000
        print(f"| {name} | {len(values)} | {p50:.1f} | {p99:.1f} |")
    print(f"| all | {len(every)} | {summary['p50_ms']} | {summary['p99_ms']} |")
    print(json.dumps(summary))
    workdir.cleanup()


if __name__ == "__main__":
    main()
