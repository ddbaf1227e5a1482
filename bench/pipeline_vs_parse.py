"""Side-by-side timing: bare spaCy parsing vs the full eventwire pipeline, same stories.

Usage: python bench/pipeline_vs_parse.py [INPUT ...] [--repeat N]
Reads the stories once, then times (a) `nlp.pipe` over their texts and (b)
`Coder.code` over the same articles, alternating, and prints the ratio. Only
ratios measured in one run are comparable; absolute times depend on the machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    articles = [a for a in read_inputs(args.inputs) if isinstance(a, Article)] * args.repeat
    coder = Coder.load()
    texts = [a.text for a in articles]
    parse_s = pipeline_s = 0.0
    events = 0
    for _ in range(3):  # alternate so drift affects both sides alike
        start = time.perf_counter()
        for _doc in coder.nlp.pipe(texts, batch_size=32):
            pass
        parse_s += time.perf_counter() - start
        start = time.perf_counter()
        events = sum(len(c.events) for c in coder.code(articles))
        pipeline_s += time.perf_counter() - start
    n = len(articles) * 3
    print(f"stories: {len(articles)} x 3 rounds, events per round: {events}")
    print(f"(a) bare spaCy nlp.pipe : {n / parse_s:8.1f} stories/s")
    print(f"(b) eventwire pipeline  : {n / pipeline_s:8.1f} stories/s")
    print(f"ratio (b)/(a) throughput: {parse_s / pipeline_s:.3f}")


if __name__ == "__main__":
    main()
