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
