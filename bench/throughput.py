"""Throughput: bare spaCy parsing against the full pipeline, same stories, one run.

Usage: python bench/throughput.py [--stories 2000] [--workers 1 2]

(a) bare `nlp.pipe` with the same model over the same cleaned texts;
(b) the full pipeline from the raw JSONL to events stored in DuckDB
    (`eventwire.scale.code_corpus`), with the same number of processes.
Prints stories/s, sentences/s, peak RSS per worker, the ratio (b)/(a) and the
stories a day that (b) implies on this machine. Timings are only comparable
within one run; docs/benchmarks.md keeps the table with this command.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_stories import generate

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.nlp import load_pipeline
from eventwire.pipeline import CoderOptions
from eventwire.scale import RunOptions, code_corpus
from eventwire.store.duckdb import EventStore


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux; the worker's own peak, model included.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _parse_worker(texts: list[str]) -> tuple[int, float]:
    nlp = load_pipeline()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=64))
    return sentences, _peak_rss_mib()


def bare_parse(texts: list[str], processes: int) -> tuple[float, int, float]:
    """Seconds, sentences and peak RSS per worker for nlp.pipe over the texts; the
    model load is outside the timing on both sides."""
    shares = [texts[i::processes] for i in range(processes)]
    with get_context("spawn").Pool(processes) as pool:
        pool.map(_warm, range(processes))  # load models first: timing covers parsing only
        start = time.perf_counter()
        results = pool.map(_parse_worker, shares)
        elapsed = time.perf_counter() - start
    return elapsed, sum(r[0] for r in results), max(r[1] for r in results)


def _warm(_: int) -> None:
    load_pipeline()


def full_pipeline(corpus: Path, processes: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as folder, EventStore(Path(folder) / "b.duckdb") as store:
        start = time.perf_counter()
        counts = code_corpus([str(corpus)], store, CoderOptions(), RunOptions(workers=processes))
        elapsed = time.perf_counter() - start
    return elapsed, counts.coded, counts.events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        stories = generate(args.stories)
        corpus.write_text("".join(json.dumps(s) + "\n" for s in stories), "utf-8")
        texts = [a.text for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
        print(f"stories: {len(texts)} generated wire-style (bench/generate_stories.py, seed 7)")
        print(f"cores: {os.cpu_count()}")
        for processes in args.workers:
            parse_s, sentences, rss = bare_parse(texts, processes)
            # The full pipeline includes loading a model per worker (about a second);
            # it is part of what a user waits for, so it stays in the timing.
            full_s, coded, events = full_pipeline(corpus, processes)
            full_rss = (
                _peak_rss_mib()
                if processes == 1
                else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            )
            ratio = parse_s / full_s
            per_day = coded / full_s * 86400
            print(
                f"processes={processes}: (a) parse {len(texts) / parse_s:.1f} stories/s, "
                f"{sentences / parse_s:.0f} sentences/s, peak RSS/worker {rss:.0f} MiB | "
                f"(b) pipeline {coded / full_s:.1f} stories/s, {events} events, "
                f"peak RSS/worker ~{full_rss:.0f} MiB | ratio (b)/(a) {ratio:.3f} | "
                f"implied {per_day:,.0f} stories/day"
            )


if __name__ == "__main__":
    main()
