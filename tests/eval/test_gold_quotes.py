"""PolNeAR dev from ../shared: the quote evaluation runs end to end on a few documents.

This checks the evaluation's shape and that our extractor is not behind
textacy's on the same docs; the full-corpus figures are measured with
`eventwire eval quotes ../shared/gold/quotes/polnear/dev` and kept in docs/benchmarks.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval.polnear import load_polnear, quote_units
from eventwire.eval.quotes import evaluate_quotes
from eventwire.pipeline import Coder

DEV = Path(__file__).resolve().parents[3] / "shared/gold/quotes/polnear/dev"

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="../shared is not present")


def test_polnear_documents_load_with_quote_units() -> None:
    documents = list(load_polnear(DEV, limit=3))
    assert len(documents) == 3
    for document in documents:
        direct, indirect = quote_units(document)
        assert direct or indirect
        for unit in direct + indirect:
            assert 0 <= unit.start < unit.end <= len(document.text)


def test_quote_evaluation_reports_the_issue_json(coder: Coder) -> None:
    summary = evaluate_quotes(DEV, coder, limit=4)
    assert summary["documents"] == 4
    assert set(summary) == {"documents", "direct", "indirect", "baseline_textacy"}
    assert set(summary["direct"]) == {"content_f1_exact", "content_f1_overlap", "speaker_accuracy"}
    assert set(summary["indirect"]) == {"content_f1_overlap", "speaker_accuracy"}
    assert set(summary["baseline_textacy"]) == {"direct_content_f1_overlap", "speaker_accuracy"}
    figures = [value for part in ("direct", "indirect") for value in summary[part].values()] + list(
        summary["baseline_textacy"].values()
    )
    assert all(0.0 <= value <= 1.0 for value in figures)
    assert (
        summary["direct"]["content_f1_overlap"]
        >= summary["baseline_textacy"]["direct_content_f1_overlap"]
    )
