"""PETRARCH2's own validation dictionaries (../shared) read in full through --actors/--agents.

"In full" is checked two ways: the reader warns about every line it skips, and
none is warned about; and an independent, naive pass over the files finds every
name, synonym and bracketed code among what the reader returned. Skipped without
../shared (a fresh clone has none).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.actors.petrarch import (
    DictionaryActor,
    DictionaryAgent,
    PetrarchDictionaryWarning,
    read_actor_dictionary,
    read_agent_dictionary,
)
from eventwire.cli import main

SUITE = Path(__file__).resolve().parents[3] / "shared" / "gold" / "cameo" / "petrarch2-unittests"
ACTORS = SUITE / "PETR.Validate.actors.txt"
AGENTS = SUITE / "PETR.Validate.agents.txt"

pytestmark = pytest.mark.skipif(not ACTORS.exists(), reason="../shared is not here")


def _lines(path: Path) -> list[str]:
    """Content lines: comments (`#`, `;`, `<!-- -->`) and blanks dropped."""
    kept = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = re.split(r"\s#|^#|;", raw)[0].strip()
        if line and not line.startswith("<!"):
            kept.append(line)
    return kept


def _phrase(name: str) -> tuple[str, ...]:
    return tuple(name.replace("_", " ").lower().split())


def _read_quietly(path: Path, reader):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error", PetrarchDictionaryWarning)
        return reader(path)


def test_every_actor_name_and_code_is_read() -> None:
    actors: list[DictionaryActor] = _read_quietly(ACTORS, read_actor_dictionary)
    read = {(a.phrase, a.code) for a in actors}
    phrases = {a.phrase for a in actors}
    blocks: list[tuple[list[tuple[str, ...]], list[str]]] = []
    for line in _lines(ACTORS):
        name = line.split("[")[0].strip()
        codes = [c.split()[0].upper() for c in re.findall(r"\[([^\]]*)\]", line) if c.split()]
        if line.startswith("+"):
            blocks[-1][0].append(_phrase(name[1:]))
        elif name:
            blocks.append(([_phrase(name)], []))
        blocks[-1][1].extend(codes)
    assert len(blocks) > 120
    for names, codes in blocks:
        assert codes, f"{names[0]} has no code in the file"
        for phrase in names:
            assert phrase in phrases, f"{' '.join(phrase)} was not read"
            for code in codes:
                assert (phrase, code) in read, f"{' '.join(phrase)} [{code}] was not read"


def test_date_restricted_codes_keep_their_dates() -> None:
    actors: list[DictionaryActor] = _read_quietly(ACTORS, read_actor_dictionary)
    gollum = {a.code: (a.valid_from, a.valid_until) for a in actors if a.phrase == ("smeagol",)}
    assert gollum["HOBGOV"] == (dt.date(1995, 6, 1), dt.date(1999, 8, 15))
    assert gollum["HOBREB"][0] is not None and gollum["HOBREB"][1] is None


def test_every_agent_and_substitution_is_read() -> None:
    agents: list[DictionaryAgent] = _read_quietly(AGENTS, read_agent_dictionary)
    phrases = {a.phrase for a in agents}
    markers: dict[str, list[str]] = {}
    entries = 0
    for line in _lines(AGENTS):
        marker = re.fullmatch(r"!([^!\s]+)!\s*=\s*(.*)", line)
        if marker is not None:
            markers[marker.group(1)] = [w.strip() for w in marker.group(2).split(",")]
            continue
        entries += 1
        name = line.split("[")[0].split("{")[0].strip()
        used = re.search(r"!([^!\s]+)!", name)
        if used is None:
            assert _phrase(name) in phrases, f"{name} was not read"
            continue
        for word in markers[used.group(1)]:
            form = name.replace(used.group(0), word)
            assert _phrase(form) in phrases, f"{form} ({name}) was not read"
    assert entries > 80


def test_the_cli_codes_with_both_dictionaries_and_no_warning(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    # Our own sentence, in the suite's invented world.
    story.write_text("Gondor accused Mordor of shelling the border on Monday.\n", encoding="utf-8")
    args = ["code", str(story), "--actors", str(ACTORS), "--agents", str(AGENTS)]
    with warnings.catch_warnings():
        warnings.simplefilter("error", PetrarchDictionaryWarning)
        result = CliRunner().invoke(main, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(
        r["source"] and r["source"]["code"] == "GON" and r["target"]["code"] == "MOR"
        for r in records
    )
