"""The PLOVER scorer's actor block reads our CAMEO labels in PLOVER's words: health is
PLOVER's MED and media its JRN, old CAMEO country codes are today's. Records are ours."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.eval.plover import load_plover_records, score_plover
from eventwire.model import Actor, Event, Plover, Span


def _event(source: Actor, target: Actor) -> Event:
    return Event(
        article_id="a",
        sentence_id=0,
        sentence="",
        trigger=Span("x", 0, 1),
        source=source,
        target=target,
        cameo="070",
        cameo_label="Provide aid",
        plover=Plover("AID"),
        quad_class=2,
        goldstein=7.0,
        confidence=0.5,
    )


def _records(tmp_path: Path, source: dict[str, str], target: dict[str, str]) -> Path:
    records = [{"id": "r", "event": "AID", "text": "x.", "source": [source], "target": [target]}]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), "utf-8")
    return path


def test_health_and_media_sectors_take_plover_names(tmp_path: Path) -> None:
    path = _records(
        tmp_path,
        {"actorText": "Chilean doctors", "code": "CHL", "sector": "MED"},
        {"actorText": "a Peruvian paper", "code": "PER", "sector": "JRN"},
    )
    ours = _event(
        Actor("CHLHLH", "CHL", "HLH", "Chilean doctors"),
        Actor("PERMED", "PER", "MED", "a Peruvian paper"),
    )
    actors = score_plover(load_plover_records(path), {"r": [ours]})["actors"]
    assert actors["source_sector_accuracy"] == 1.0
    assert actors["target_sector_accuracy"] == 1.0


def test_radicals_are_plover_rebels(tmp_path: Path) -> None:
    path = _records(
        tmp_path,
        {"actorText": "Chilean extremists", "code": "CHL", "sector": "REB"},
        {"actorText": "Peru", "code": "PER"},
    )
    ours = _event(
        Actor("CHLRAD", "CHL", "RAD", "Chilean extremists"), Actor("PER", "PER", None, "Peru")
    )
    actors = score_plover(load_plover_records(path), {"r": [ours]})["actors"]
    assert actors["source_sector_accuracy"] == 1.0


def test_our_media_is_not_plover_medicine(tmp_path: Path) -> None:
    path = _records(
        tmp_path,
        {"actorText": "Chilean doctors", "code": "CHL", "sector": "MED"},
        {"actorText": "Peru", "code": "PER"},
    )
    ours = _event(Actor("CHLMED", "CHL", "MED", "Chilean press"), Actor("PER", "PER", None, "Peru"))
    actors = score_plover(load_plover_records(path), {"r": [ours]})["actors"]
    assert actors["source_sector_accuracy"] == 0.0


def test_old_cameo_country_codes_and_civilian_typo(tmp_path: Path) -> None:
    path = _records(
        tmp_path,
        {"actorText": "Japan", "code": "JAP"},
        {"actorText": "people of Lima", "code": "PER", "sector": "CIV"},
    )
    ours = _event(Actor("JPN", "JPN", None, "Japan"), Actor("PERCVL", "PER", "CVL", "Lima"))
    actors = score_plover(load_plover_records(path), {"r": [ours]})["actors"]
    assert actors["source_country_accuracy"] == 1.0
    assert actors["target_sector_accuracy"] == 1.0
