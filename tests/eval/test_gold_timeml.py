"""TimeML: the loader and scorers on a document we wrote, and a few gold documents from
../shared (TimeBank/AQUAINT) when present. Reports; the targets are measured with
`eventwire eval timeml` and kept in docs/benchmarks.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.eval.timeml import (
    canonical_value,
    load_timeml_document,
    parsed_readers,
    score_end_to_end,
    score_gold_spans,
)
from eventwire.nlp import load_pipeline

GOLD = Path(__file__).resolve().parents[3] / "shared/gold/time/timebank-aquaint/TBAQ-cleaned"

OURS = """<?xml version="1.0" ?>
<TimeML>
<DOCID>ours-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-16">2022-02-16</TIMEX3></DCT>
<TEXT>
The ministers met <TIMEX3 tid="t1" type="DATE" value="2022-02-15">Tuesday</TIMEX3> \
and agreed to talk again <TIMEX3 tid="t2" type="DATE" value="2022-03">next month</TIMEX3>. \
The talks lasted <TIMEX3 tid="t3" type="DURATION" value="PT5H">five hours</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_loader_and_scorers_on_our_document(tmp_path: Path) -> None:
    path = tmp_path / "ours.tml"
    path.write_text(OURS, encoding="utf-8")
    document = load_timeml_document(path)
    assert document.creation_date == dt.date(2022, 2, 16)
    assert [(t.text, t.value) for t in document.timexes] == [
        ("Tuesday", "2022-02-15"), ("next month", "2022-03"), ("five hours", "PT5H"),
    ]  # fmt: skip
    assert document.text[document.timexes[0].start : document.timexes[0].end] == "Tuesday"
    assert score_gold_spans([document])["value_accuracy"] == 1.0
    tagger, _ = parsed_readers(load_pipeline())
    end_to_end = score_end_to_end([document], tagger)
    assert end_to_end["value_f1"] == 1.0


def test_bad_timeml_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>no date</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tml"):
        load_timeml_document(path)


def test_canonical_values() -> None:
    assert canonical_value("1949-XX") == "1949"
    assert canonical_value("196X") == "196"
    assert canonical_value("2000-W7") == "2000-W07"


@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared is not present")
def test_a_few_gold_documents_score() -> None:
    files = sorted(GOLD.rglob("*.tml"))[:5]
    documents = [load_timeml_document(f) for f in files]
    tagger, tense_reader = parsed_readers(load_pipeline())
    gold = score_gold_spans(documents, tense_reader)
    assert gold["timexes"] > 0 and gold["value_accuracy"] is not None
    end_to_end = score_end_to_end(documents, tagger)
    assert 0.0 <= end_to_end["value_f1"] <= 1.0
