"""Ingest: raw inputs (text, HTML, JSONL, WARC, feeds, .gz of each) in, cleaned `Article`s out.

One module per reader (text, html, jsonl, warc, feeds); `story` turns what a
reader found into the Article every format shares; `readers` tells formats
apart and dispatches.
"""

from eventwire.ingest.decode import IngestLimits, InputError
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.story import RawStory, build_article
from eventwire.ingest.triage import RunTally, triage

__all__ = [
    "IngestLimits",
    "InputError",
    "RawStory",
    "RunTally",
    "build_article",
    "read_inputs",
    "triage",
]
