"""PETRARCH2's validation suite from ../shared: runs end to end when ../shared exists.

This reports; it does not gate. The pass rate is the events issue's target,
measured with `eventwire eval petrarch` and kept in docs/benchmarks.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval.runner import run_petrarch_suite
from eventwire.pipeline import Coder, CoderOptions

SUITE = Path(__file__).resolve().parents[3] / "shared/gold/cameo/petrarch2-unittests"

pytestmark = pytest.mark.skipif(not SUITE.is_dir(), reason="../shared is not present")


def test_petrarch_unit_suite_runs_and_scores() -> None:
    coder = Coder.load(
        CoderOptions(
            actor_dictionaries=(SUITE / "PETR.Validate.actors.txt",),
            agent_dictionaries=(SUITE / "PETR.Validate.agents.txt",),
        )
    )
    summary = run_petrarch_suite(SUITE / "PETR.UnitTest.records.xml", coder)
    assert summary["records"] == 278
    assert set(summary) >= {"records", "passed", "pass_rate", "events", "root"}
    assert 0 < summary["passed"] <= summary["records"]
    assert set(summary["events"]) == {"precision", "recall", "f1"}


TABARI = SUITE.parent / "tabari-validation"


def test_suites_are_read_with_their_run_settings() -> None:
    from eventwire.eval.petrarch import load_validation_suite

    unit = load_validation_suite(SUITE / "PETR.UnitTest.records.xml")
    assert len(unit.records) == 278
    assert unit.discard_file == SUITE / "PETR.Validate.discards.txt"
    # Two stretches run with require_dyad off (COMPOUND-03.., COMMA-07..); the
    # ERROR records expect a refusal, not events.
    assert {"COMPOUND-03", "COMMA-10"} <= {r.id for r in unit.records if not r.require_dyad}
    errors = {r.id: r.expected_error for r in unit.records if r.expected_error}
    assert errors["DISCARD-01"] == "storydiscard" and errors["ERROR-02"] == "bad_input_parse"
    assert all(not r.expected for r in unit.records if r.expected_error)
    tabari = load_validation_suite(TABARI / "PETR.Validate.records.140226.txt")
    # Most TABARI-era records lost their <Text> tags; their words are still read.
    assert len(tabari.records) == 332 and tabari.discard_file is None
    assert all("<" not in r.text and "(ROOT" not in r.text for r in tabari.records)
    normalized = load_validation_suite(TABARI / "PETR.Validate.records.140226.normalized.jsonl")
    assert len(normalized.records) == 400
