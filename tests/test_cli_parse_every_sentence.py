"""`--parse-every-sentence` turns the sentence pre-filter off; the events stay the same."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

STORY = Path(__file__).resolve().parent / "fixtures" / "stories" / "lima-cooperation.txt"


def test_parsing_every_sentence_codes_the_same_events() -> None:
    runs = [
        CliRunner().invoke(
            main, ["code", str(STORY), "--date", "2024-05-08", "--format", "jsonl", *extra]
        )
        for extra in ([], ["--parse-every-sentence"])
    ]
    assert all(run.exit_code == 0 for run in runs), [run.output for run in runs]
    events = [
        [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
        for run in runs
    ]
    assert events[0] and events[0] == events[1]
