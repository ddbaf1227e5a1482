"""CPU per story of each stage of the pipeline, every sentence parsed, stage by stage.

Usage: python bench/stage_cpu.py [--stories 500] [--repeats 3]

Wall-clock ratios (bench/throughput.py) move by several points from one run to
the next when other work shares the machine; CPU time per stage moves far less.
This times each stage alone with `time.process_time` on the same generated
stories (bench/generate_stories.py, seed 7), best of the repeats: in the parent
process, reading with language identification and triage, unpickling the
workers' results and storing them; in a worker, the parse, each coding stage,
and building and pickling what goes back (`scale._code_chunk_rows`). Run it on
two versions of the package (PYTHONPATH) to compare them.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_stories import generate

from eventwire.actors.memory import InMemoryActorMemory
from eventwire.actors.resolve import resolve_mentions
from eventwire.events.coding import code_events
from eventwire.ingest import read_inputs
from eventwire.ingest.triage import RunTally, triage
from eventwire.model import CodedArticle
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder, CoderOptions, _LessonLog
from eventwire.quotes import extract_quotes, link_events_to_quotes
from eventwire.store.duckdb import EventStore
from eventwire.store.rows import article_rows
from eventwire.when import date_events
from eventwire.where import dateline_place, place_events

STAGES = ("actors", "events", "quotes", "dates", "places")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    clock = time.process_time
    seconds: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(s) + "\n" for s in generate(args.stories)), "utf-8")
        coder = Coder.load(CoderOptions(prefilter=False))
        articles = list(triage(read_inputs([str(corpus)]), RunTally()))
        list(coder.code(articles[:3]))  # lazy tables (gazetteer) loaded before timing
        for _ in range(args.repeats):
            start = clock()
            list(triage(read_inputs([str(corpus)]), RunTally()))
            seconds["parent: read, language id, triage"].append(clock() - start)
            start = clock()
            parsed = list(parse_articles(coder.nlp, articles, coder.options.batch_size))
            seconds["worker: parse and sentences"].append(clock() - start)
            memory = _LessonLog(InMemoryActorMemory())
            stage = dict.fromkeys(STAGES, 0.0)
            coded = []
            for story in parsed:
                article, anchor = story.article, story.article.date
                memory.lessons.clear()
                start = clock()
                mentions = resolve_mentions(story, coder.knowledge, anchor=anchor, memory=memory)
                stage["actors"] += clock() - start
                start = clock()
                events = code_events(
                    story, mentions, coder.lexicon, coder.codebook, coder.options.coder
                )
                stage["events"] += clock() - start
                start = clock()
                quotes = extract_quotes(story, mentions, cues=coder.cues)
                events = link_events_to_quotes(events, quotes)
                stage["quotes"] += clock() - start
                start = clock()
                events = date_events(events, story, anchor)
                stage["dates"] += clock() - start
                start = clock()
                events = place_events(events, story, dateline_place(article, coder.knowledge))
                stage["places"] += clock() - start
                coded.append(
                    CodedArticle(
                        article,
                        story.sentences,
                        tuple(events),
                        tuple(quotes),
                        coder.options.coder,
                        tuple(memory.lessons),
                    )
                )
            for name, value in stage.items():
                seconds[f"worker: {name}"].append(value)
            start = clock()
            sent = pickle.dumps([article_rows(item) for item in coded], pickle.HIGHEST_PROTOCOL)
            seconds["worker: rows built and pickled"].append(clock() - start)
            start = clock()
            received = pickle.loads(sent)
            seconds["parent: rows unpickled"].append(clock() - start)
            with EventStore(Path(folder) / f"store{len(seconds['parent: storing'])}.duckdb") as db:
                start = clock()
                for first in range(0, len(received), 128):  # as code_corpus stores them
                    db.store_many(received[first : first + 128], batch_size=128)
                seconds["parent: storing"].append(clock() - start)
    totals: dict[str, float] = defaultdict(float)
    print(f"stories: {len(articles)}; CPU ms a story, best of {args.repeats}")
    for name, values in seconds.items():
        per_story = min(values) / len(articles) * 1000
        totals[name.split(":")[0]] += per_story
        print(f"{name:<40} {per_story:8.3f}")
    for side in ("worker", "parent"):
        print(f"{side + ' total':<40} {totals[side]:8.3f}")
    print(f"{'all':<40} {sum(totals.values()):8.3f}")


if __name__ == "__main__":
    main()
