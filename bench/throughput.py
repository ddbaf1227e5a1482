"""Throughput: bare spaCy parsing against the full pipeline, same stories, one run.

Usage: python bench/throughput.py [--stories 2000] [--workers 1 2] [--corpus INPUT...]

(a) bare `nlp.pipe` with the same model, as the package ships it, over the same
    cleaned texts;
(a2) the same with the model as eventwire sets it up (nlp.load_pipeline: the
    attribute rules by table lookup, nlp_attributes.py), parse only;
(b) the full pipeline from the raw JSONL to events stored in DuckDB
    (`eventwire.scale.code_corpus`), with the same number of processes, every
    sentence parsed (`CoderOptions(prefilter=False)`): (b)/(a) is what the coder
    adds to the parse;
(c) the same with the sentence pre-filter (the default, nlp_prefilter.py): only
    sentences that can hold an actor, a trigger or a quote get the full parse.
All four are timed the same way: from starting a process pool of the same kind
(each worker loading its model, and for (b) and (c) the actor tables, lexicon
and gazetteer) to the last story done. Prints stories/s, sentences/s, peak RSS
per worker, the ratios to (a) of the wall-clock time and of the CPU time (user
and system, workers included: the figure that holds when other work shares the
machine), the stories a day each implies on this machine, the share of
sentences (c) parsed and whether (b) and (c) stored the same events. Timings
are only comparable within one run; docs/benchmarks.md keeps the table with
this command.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import duckdb
import spacy
from spacy.language import Language

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_stories import generate

from eventwire import scale
from eventwire.events.cameo import _packaged_codebook
from eventwire.events.plover import load_plover_cues
from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.nlp import MODEL_NAME, load_pipeline
from eventwire.pipeline import Coder, CoderOptions
from eventwire.quotes.extract import shipped_cue_lexicon
from eventwire.scale import RunOptions, code_corpus
from eventwire.store.duckdb import EventStore
from eventwire.where.gazetteer import load_gazetteer


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux; the worker's own peak, model included.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# Seconds each pool worker took to load its model, by kind (this process's own).
_LOAD_SECONDS: dict[bool, float] = {}


@cache
def _model(shipped: bool) -> Language:
    # one model per pool worker, loaded by the pool's initializer: the package as
    # shipped, or as eventwire sets it up (nlp.load_pipeline: the attribute table)
    start = time.perf_counter()
    nlp = spacy.load(MODEL_NAME) if shipped else load_pipeline()
    _LOAD_SECONDS[shipped] = time.perf_counter() - start
    return nlp


def _parse_worker(texts: list[str], shipped: bool) -> tuple[int, float, float]:
    nlp = _model(shipped)
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=64))
    return sentences, _peak_rss_mib(), _LOAD_SECONDS[shipped]


def bare_parse(
    texts: list[str], processes: int, shipped: bool = True
) -> tuple[float, float, int, float, float]:
    """Seconds, CPU seconds, sentences, peak RSS per worker and the longest model
    load of a worker for nlp.pipe over the texts. Timed as (b) is: from starting
    the workers, each loading its model, to the last story parsed, with the same
    kind of process pool as `code_corpus`."""
    shares = [texts[i::processes] for i in range(processes)]
    cpu = _cpu_seconds()
    start = time.perf_counter()
    with ProcessPoolExecutor(
        max_workers=processes, initializer=_model, initargs=(shipped,)
    ) as pool:
        results = list(pool.map(_parse_worker, shares, [shipped] * processes))
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu  # the workers have exited: their time is counted
    return (
        elapsed,
        cpu,
        sum(r[0] for r in results),
        max(r[1] for r in results),
        max(r[2] for r in results),
    )


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children, user and system."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _cold_start() -> None:
    """Forget the tables an earlier run loaded in this process. A one-process run
    codes in this process, and the workers of the next run are forked from it: they
    would inherit the gazetteer and the other cached tables and skip loading them,
    which a user's `eventwire ingest` never does."""
    for loader in (
        load_gazetteer,
        shipped_cue_lexicon,
        load_plover_cues,
        _packaged_codebook,
        scale._worker_coder,
        scale._worker_memory,
    ):
        loader.cache_clear()


def full_pipeline(
    corpus: list[str], processes: int, prefilter: bool
) -> tuple[float, float, int, set[str]]:
    """Seconds, CPU seconds (workers included), stories coded and the stored event ids
    of one corpus run."""
    options = CoderOptions(prefilter=prefilter)
    _cold_start()
    with tempfile.TemporaryDirectory() as folder:
        with EventStore(Path(folder) / "run.duckdb") as store:
            cpu = _cpu_seconds()
            start = time.perf_counter()
            counts = code_corpus(corpus, store, options, RunOptions(workers=processes))
            elapsed = time.perf_counter() - start
            # the pool's workers have exited and been waited for: their time is counted
            cpu = _cpu_seconds() - cpu
        with duckdb.connect(str(Path(folder) / "run.duckdb"), read_only=True) as con:
            events = {row[0] for row in con.execute("SELECT event_id FROM events").fetchall()}
    return elapsed, cpu, counts.coded, events


def parsed_share(texts: list[str]) -> float:
    """The share of sentences (by the pre-filter's own split) it sends to the parse."""
    coder = Coder.load()
    assert coder.sentence_filter is not None
    kept = total = 0
    for doc in (coder.nlp.make_doc(text) for text in texts):
        decisions = coder.sentence_filter.decide(
            [t.text for t in doc], [bool(t.whitespace_) for t in doc]
        )
        kept += sum(decisions)
        total += len(decisions)
    return kept / total if total else 1.0


def _child_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--corpus",
        nargs="+",
        metavar="INPUT",
        help="real stories instead of generated ones (what `eventwire ingest` reads: "
        "folders, JSONL, WARC); --stories is then ignored",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.corpus:
            corpus = list(args.corpus)
            origin = "read from " + " ".join(corpus)
        else:
            generated = Path(folder) / "corpus.jsonl"
            stories = generate(args.stories)
            generated.write_text("".join(json.dumps(s) + "\n" for s in stories), "utf-8")
            corpus = [str(generated)]
            origin = "generated wire-style (bench/generate_stories.py, seed 7)"
        texts = [a.text for a in read_inputs(corpus) if isinstance(a, Article)]
        print(f"stories: {len(texts)} {origin}")
        print(f"cores: {os.cpu_count()}")
        header = (
            f"{'processes':>9}  {'run':<34} {'stories/s':>9} {'sentences/s':>11} "
            f"{'peak RSS/worker':>15} {'events':>7} {'ratio to (a)':>12} {'CPU ratio':>10} "
            f"{'stories/day':>13}"
        )
        print(header)
        print("-" * len(header))
        for processes in args.workers:
            parse_s, parse_cpu, sentences, rss, load_s = bare_parse(texts, processes)
            # Both timings include starting the workers and loading what each needs
            # (the model; for the pipeline also the actor tables, lexicon and
            # gazetteer): it is part of what a user waits for.
            rows: list[tuple[str, float, float, int, float, int | None]] = [
                ("(a) bare nlp.pipe", parse_s, parse_cpu, len(texts), rss, None)
            ]
            # The parse alone as the pipeline sets the model up: what the attribute
            # table (nlp_attributes.py) saves, before the pre-filter and the coder.
            own_s, own_cpu, _, own_rss, _ = bare_parse(texts, processes, shipped=False)
            rows.append(
                ("(a2) nlp.pipe, eventwire's set-up", own_s, own_cpu, len(texts), own_rss, None)
            )
            stored: dict[bool, set[str]] = {}
            for label, prefilter in (
                ("(b) pipeline, every sentence parsed", False),
                ("(c) pipeline, sentence pre-filter", True),
            ):
                full_s, full_cpu, coded, event_ids = full_pipeline(corpus, processes, prefilter)
                stored[prefilter] = event_ids
                # one process: the run is this process; more: the workers' peak
                # (ru_maxrss of children is the largest child's, the (a) pool included)
                full_rss = _peak_rss_mib() if processes == 1 else _child_rss_mib()
                rows.append((label, full_s, full_cpu, coded, full_rss, len(event_ids)))
            for label, seconds, cpu, coded, peak, events in rows:
                approximate = "~" if events is not None else " "
                print(
                    f"{processes:>9}  {label:<34} {coded / seconds:>9.1f} "
                    f"{sentences / seconds:>11.0f} {approximate}{peak:>10.0f} MiB "
                    f"{'' if events is None else events:>7} {parse_s / seconds:>12.3f} "
                    f"{parse_cpu / cpu:>10.3f} {coded / seconds * 86400:>13,.0f}"
                )
            same = "the same events" if stored[False] == stored[True] else "DIFFERENT events"
            print(f"{'':>9}  (b) and (c) stored {same}")
            # The same ratios with (a) timed from its models loaded, as if the
            # pipeline's start-up were all extra: the stricter reading.
            steady = parse_s - load_s
            print(
                f"{'':>9}  (a)'s workers took up to {load_s:.2f} s to load the model; "
                f"without it in (a): (b) {steady / rows[2][1]:.3f}, (c) {steady / rows[3][1]:.3f}"
            )
        # after the runs, so that this model does not count in the peak RSS above
        print(f"(c) sent {parsed_share(texts):.1%} of the sentences to the full parse")


if __name__ == "__main__":
    main()
