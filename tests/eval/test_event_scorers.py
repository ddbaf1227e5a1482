"""Loaders and scorers of the PLOVER, quad and multi-coder suites, on files we wrote."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from eventwire.eval.multicoder import load_multicoder, our_root, score_multicoder
from eventwire.eval.plover import load_plover_records, primary_event, score_plover
from eventwire.eval.quad import (
    load_quad_records,
    load_span_records,
    quad_of_events,
    score_quad,
    score_spans,
)
from eventwire.events.cameo import load_cameo_codebook
from eventwire.model import Actor, Event, Plover, Span

CODEBOOK = load_cameo_codebook()


def event(code: str, source: str = "CHL", target: str | None = "PER", confidence: float = 0.5,
          source_text: str = "Chile", sector: str | None = None) -> Event:  # fmt: skip
    cameo = CODEBOOK[code]
    return Event(
        article_id="a",
        sentence_id=0,
        sentence="",
        trigger=Span("x", 0, 1),
        source=Actor(source, source[:3], sector, source_text),
        target=Actor(target, target[:3], None, "Peru") if target else None,
        cameo=code,
        cameo_label=cameo.label,
        plover=cameo.plover,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        confidence=confidence,
    )


# ------------------------------------------------------------------ PLOVER


def write_plover(tmp_path: Path) -> Path:
    records = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "notes"},
        {
            "id": "r1",
            "event": "FIGHT",
            "text": "Chile shelled Peru.",
            "mode": "",
            "context": "military",
            "source": [{"actorText": "Chile", "code": "CHL", "sector": "MIL"}],
            "target": [{"actorText": "Peru", "code": "PER"}],
        },
        {
            "id": "r2",
            "event": "DEMAND",
            "text": "Chile asked Peru for aid.",
            "context": "economic, refugees",
            "source": [{"actorText": "Chile", "code": "CHL", "sector": "GOV"}],
            "target": "diplomatic",
        },
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), "utf-8")
    return path


def test_plover_loader_maps_old_labels_and_skips_documents(tmp_path: Path) -> None:
    records = load_plover_records(write_plover(tmp_path))
    assert [(r.id, r.type) for r in records] == [("r1", "ASSAULT"), ("r2", "REQUEST")]
    assert records[0].sources[0].sector == "MIL" and records[0].targets[0].sector is None
    assert records[1].targets == () and records[1].context == ("economic", "migration")


def test_plover_scores(tmp_path: Path) -> None:
    records = load_plover_records(write_plover(tmp_path))
    coded = {"r1": [event("194", sector="MIL"), event("010", confidence=0.9)], "r2": []}
    assert primary_event(coded["r1"]) is coded["r1"][0]
    summary = score_plover(records, coded)
    assert summary["records"] == 2
    assert summary["type_accuracy"] == 0.5
    assert summary["type_macro_f1"] == 0.5  # ASSAULT 1.0, REQUEST 0.0
    assert summary["context_accuracy"] == 0.5
    assert summary["actors"]["source_country_accuracy"] == 0.5
    assert summary["actors"]["source_sector_accuracy"] == 0.5
    assert summary["actors"]["target_country_accuracy"] == 1.0
    assert summary["per_type"]["ASSAULT"] == {
        "support": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0
    }  # fmt: skip
    assert summary["per_type"]["REQUEST"]["recall"] == 0.0


def test_plover_old_modes_and_contexts_take_their_2021_names(tmp_path: Path) -> None:
    records = [
        {"id": "a", "event": "PROTEST", "mode": "demo-org", "context": "rights, political",
         "text": "Chileans rallied against Peru."},
        {"id": "b", "event": "FIGHT", "mode": "other", "context": "resource",
         "text": "Chile fought Peru."},
    ]  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps(records), "utf-8")
    protest, fight = load_plover_records(path)
    assert protest.mode == "demo"
    assert {"human_rights", "rights_freedoms", "political_institutions"} <= set(protest.context)
    assert fight.context == ("natural_resource",)
    coded = {
        "a": [
            dataclasses.replace(event("141"), plover=Plover("PROTEST", "demo", ("human_rights",)))
        ],
        "b": [event("190")],  # ASSAULT with no mode: the 2016 "other" is an unspecified mode
    }
    summary = score_plover([protest, fight], coded)
    assert summary["mode_accuracy"] == 1.0
    assert summary["context_accuracy"] == 0.5


def test_plover_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", "utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        load_plover_records(path)


# ------------------------------------------------------------------ quad


def test_quad_class_of_events() -> None:
    assert quad_of_events([]) == 0
    assert quad_of_events([event("010")]) == 0
    assert quad_of_events([event("010"), event("190", confidence=0.7)]) == 4
    assert quad_of_events([event("057", confidence=0.8), event("190")]) == 1
    # ConfliBERT's scheme, not GDELT's: appeals are statements, reduced relations verbal.
    assert quad_of_events([event("020")]) == 0
    assert quad_of_events([event("1622")]) == 3
    assert quad_of_events([event("141")]) == 4
    # An act only intended ("said it would send troops") is not yet the act: the
    # statement that happened stands for the sentence, unless nothing happened.
    planned = dataclasses.replace(event("150", confidence=0.7), modality="intended")
    assert quad_of_events([event("010", confidence=0.3), planned]) == 0
    assert quad_of_events([planned]) == 4
    reported = dataclasses.replace(event("190", confidence=0.6), modality="reported")
    assert quad_of_events([event("010", confidence=0.3), reported]) == 4
    assert our_root([event("010", confidence=0.3), planned]) == "01"


def test_quad_loader_and_score(tmp_path: Path) -> None:
    path = tmp_path / "class.tsv"
    path.write_text("Chile shelled Peru.\t4\nChile spoke.\t0\n", "utf-8")
    records = load_quad_records(path)
    summary = score_quad(records, {records[0].id: [event("194")]})
    assert summary["accuracy"] == 1.0 and summary["confusion"]["4"]["4"] == 1
    path.write_text("no class here\n", "utf-8")
    with pytest.raises(ValueError, match=r"class\.tsv:1"):
        load_quad_records(path)


def test_span_loader_and_score(tmp_path: Path) -> None:
    path = tmp_path / "ner.txt"
    path.write_text(
        "The O\nChilean B-S\narmy I-S\nshelled O\nPeru B-T\n. O\n\nNothing O\n", "utf-8"
    )
    records = load_span_records(path)
    assert records[0].text == "The Chilean army shelled Peru ."
    assert records[0].sources == ((4, 16),) and records[0].targets == ((25, 29),)
    coded = {records[0].id: [event("194", source_text="army")]}
    summary = score_spans(records, coded)
    assert summary["source"]["f1"] == 1.0 and summary["target"]["f1"] == 1.0


# ------------------------------------------------------------------ multi-coder


def test_multicoder(tmp_path: Path) -> None:
    header = (
        "ids,sentences,anncomplete_1,1_Relevant_1,Action1_CAMEO_1,"
        "anncomplete_2,1_Relevant_2,Action1_CAMEO_2,anncomplete_3,1_Relevant_3,Action1_CAMEO_3\n"
    )
    rows = (
        "a,Chile shelled Peru.,True,True,4-19 Fight,True,True,4-19 Fight,True,True,4-18 Assault\n"
        "b,Chile spoke.,True,False,,True,False,,True,True,0-1 Make Public Statement\n"
    )
    (tmp_path / "round1_summary.csv").write_text(header + rows, "utf-8")
    # A later version of the round replaces the first.
    (tmp_path / "round1_summary_v2.csv").write_text(header + rows, "utf-8")
    sentences = load_multicoder(tmp_path)
    assert [s.labels for s in sentences] == [("19", "19", "18"), ("none", "none", "01")]
    assert sentences[0].majority == "19"
    assert our_root([event("194")]) == "19"
    summary = score_multicoder(sentences, {sentences[0].id: [event("194")]})
    assert summary["all"]["ours_vs_majority"] == 1.0
    assert summary["all"]["coders_mean_pairwise"] == round(1 / 3, 4)
    assert summary["event_sentences"]["sentences"] == 1
    # Per-root precision, recall and F1 over the sentences with a majority.
    assert summary["per_root"] == {
        "19": {"support": 1, "predicted": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    }
    wrong = score_multicoder(sentences, {sentences[0].id: [event("111")]})["per_root"]
    assert wrong["19"]["recall"] == 0.0 and wrong["11"]["precision"] == 0.0
