"""Loading and scoring PETRARCH validation records (fixtures in tests/fixtures/petrarch)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.eval.petrarch import (
    ExpectedEvent,
    Triple,
    ValidationRecord,
    load_validation_records,
    load_validation_suite,
    petrarch_actor_code,
    petrarch_triples,
    score_records,
)
from eventwire.model import Actor, Event, Plover, Span

RECORDS = Path(__file__).resolve().parents[1] / "fixtures" / "petrarch" / "records.xml"


@pytest.fixture(scope="module")
def records() -> list[ValidationRecord]:
    return load_validation_records(RECORDS)


def perfect(records: list[ValidationRecord]) -> dict[str, list[Triple]]:
    return {r.id: [(e.source, e.target, e.code) for e in r.expected] for r in records}


def test_codable_records_in_order(records: list[ValidationRecord]) -> None:
    # T-04 sentence="false", T-05 valid="false", T-06 <Skip>, T-09 after <Stop>
    assert [r.id for r in records] == ["T-01", "T-02", "T-03", "T-07", "T-08"]


def test_record_fields(records: list[ValidationRecord]) -> None:
    first = records[0]
    assert first == ValidationRecord(
        id="T-01",
        date=dt.date(2020, 1, 1),
        text="Aldoria & its envoy visited Bravia on Monday.",
        expected=(ExpectedEvent("ALD", "BRV", "042"),),
        category="DEMO",
    )
    assert records[1].expected == (
        ExpectedEvent("ALD", "BRV", "0311"),
        ExpectedEvent("BRV", "ALD", "0311"),
    )


def test_noevents_record_expects_nothing(records: list[ValidationRecord]) -> None:
    by_id = {r.id: r for r in records}
    assert by_id["T-03"].expected == ()
    assert by_id["T-03"].text == "The weather in Aldoria was mild."


def test_malformed_records_still_read(records: list[ValidationRecord]) -> None:
    by_id = {r.id: r for r in records}
    # No </Sentence>, unclosed <EventCoding>, date that is not a date.
    assert by_id["T-07"].date is None
    assert by_id["T-07"].expected == (ExpectedEvent("BRVGOV", "ALD", "173"),)
    assert by_id["T-07"].text == "Bravia's government arrested Aldorians."
    # Six-digit TABARI date.
    assert by_id["T-08"].date == dt.date(2020, 1, 8)


def test_file_without_records_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_text("<Validation><!-- nothing --><Sentences></Sentences></Validation>\n")
    with pytest.raises(ValueError, match=r"empty\.xml"):
        load_validation_records(empty)


def test_perfect_coder_passes_everything(records: list[ValidationRecord]) -> None:
    score = score_records(records, perfect(records))
    per_root = score.pop("per_root")
    assert per_root and all(item["f1"] == 1.0 for item in per_root.values())
    assert score == {
        "records": 5,
        "passed": 5,
        "pass_rate": 1.0,
        "events": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
        "root": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
    }


def test_one_wrong_triple_fails_its_record(records: list[ValidationRecord]) -> None:
    coded = perfect(records)
    coded["T-02"] = [("ALD", "BRV", "0311"), ("BRV", "ALD", "0314")]  # same root 03, wrong code
    score = score_records(records, coded)
    assert score["passed"] == 4
    assert score["pass_rate"] == 0.8
    # 5 expected events, 5 predicted, 4 right.
    assert score["events"] == {"precision": 0.8, "recall": 0.8, "f1": 0.8}
    assert score["root"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_order_does_not_matter_but_multiplicity_does(records: list[ValidationRecord]) -> None:
    coded = perfect(records)
    coded["T-02"] = list(reversed(coded["T-02"]))
    assert score_records(records, coded)["passed"] == 5
    coded["T-01"] = coded["T-01"] * 2
    score = score_records(records, coded)
    assert score["passed"] == 4
    assert score["events"]["precision"] == round(5 / 6, 4)
    assert score["events"]["recall"] == 1.0


def test_extra_event_on_noevents_record_fails_it(records: list[ValidationRecord]) -> None:
    coded = perfect(records)
    coded["T-03"] = [("ALD", "---", "010")]
    score = score_records(records, coded)
    assert score["passed"] == 4
    assert score["events"]["precision"] == round(5 / 6, 4)


def test_coder_that_codes_nothing(records: list[ValidationRecord]) -> None:
    score = score_records(records, {})
    assert score["passed"] == 1  # only the noevents record
    assert score["pass_rate"] == 0.2
    assert score["events"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert score["root"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_root_scores_cut_codes_to_two_digits() -> None:
    records = [
        ValidationRecord(
            "a", None, "x", (ExpectedEvent("A", "B", "0311"), ExpectedEvent("A", "B", "173")), None
        ),
        ValidationRecord("b", None, "y", (ExpectedEvent("C", "D", "042"),), None),
    ]
    coded: dict[str, list[Triple]] = {
        "a": [("A", "B", "036"), ("A", "B", "190")],
        "b": [("C", "D", "043")],
    }
    score = score_records(records, coded)
    assert score["passed"] == 0
    assert score["events"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # roots: a -> {03, 17} vs {03, 19}: 1 of 2; b -> 04 vs 04: 1 of 1.
    assert score["root"] == {
        "precision": round(2 / 3, 4),
        "recall": round(2 / 3, 4),
        "f1": round(2 / 3, 4),
    }


def test_no_records_scores_zero() -> None:
    score = score_records([], {})
    assert score["records"] == 0 and score["pass_rate"] == 0.0
    assert score["events"]["precision"] == 0.0


def test_json_lines_copy_of_a_suite(tmp_path: Path) -> None:
    suite = tmp_path / "suite.jsonl"
    lines = [
        {
            "id": "J-01",
            "date": "20200108",
            "category": "DEMO",
            "valid": None,
            "text": "Bravia  arrested\nAldorians.",
            "expected": [{"sourcecode": "BRV", "targetcode": "ALD", "eventcode": "173"}],
        },
        {"id": "J-02", "date": None, "valid": "false", "text": "Skipped.", "expected": []},
        {"id": "J-03", "date": "950101", "text": "Nothing happened.", "expected": []},
    ]
    suite.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    records = load_validation_records(suite)
    assert [r.id for r in records] == ["J-01", "J-03"]
    assert records[0].text == "Bravia arrested Aldorians."
    assert records[0].expected == (ExpectedEvent("BRV", "ALD", "173"),)
    assert records[0].date == dt.date(2020, 1, 8) and records[0].category == "DEMO"
    assert records[1].expected == () and records[1].date == dt.date(1995, 1, 1)


def test_malformed_json_line_names_the_file_and_line(tmp_path: Path) -> None:
    suite = tmp_path / "broken.jsonl"
    suite.write_text('{"id": "J-01", "text": "Fine.", "expected": []}\n{"id": "J-02"\n')
    with pytest.raises(ValueError, match=r"broken\.jsonl: line 2"):
        load_validation_records(suite)


SETTINGS_SUITE = """<Validation>
<Environment>
    <Discardfile>discards.txt</Discardfile>
</Environment>
<Sentence date="20200101" id="S-01" category="DEMO">
<EventCoding sourcecode="ALD" targetcode="BRV" eventcode="042"></EventCoding>
<Text>Aldoria visited Bravia.</Text>
</Sentence>
<!-- <Config option="require_dyad" value="false"> inside a comment changes nothing -->
<Sentence date="20200102" id="S-02" category="DEMO">
<EventCoding sourcecode="ALD" targetcode="BRV" eventcode="042"></EventCoding>
<Text>Aldoria visited Bravia again.</Text>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="20200103" id="S-03" category="DEMO">
<EventCoding sourcecode="---GOV" targetcode="---" eventcode="010"></EventCoding>
<Text>An official spoke.</Text>
</Sentence>
<Sentence date="20200104" id="S-04" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Aldoria praised Bravia after the cricket final.</Text>
</Sentence>
<Config option="require_dyad" value="true"></Config>
<Sentence date="20200105" id="S-05" category="PATTERN">
<!-- a TABARI-era record whose tags were lost: the text sits before the bare tree -->
<EventCoding sourcecode="BRV" targetcode="ALD" eventcode="111">
Bravia criticised
Aldoria.
(ROOT (S (NP (NNP Bravia)) (VP (VBD criticised) (NP (NNP Aldoria))) (. .)))
</Sentence>
</Validation>
"""


def write_settings_suite(folder: Path, discards: bool = True) -> Path:
    suite = folder / "settings.xml"
    suite.write_text(SETTINGS_SUITE)
    if discards:
        (folder / "discards.txt").write_text("# ours\n+CRICKET\n")
    return suite


def test_require_dyad_config_applies_to_the_records_after_it(tmp_path: Path) -> None:
    records = load_validation_records(write_settings_suite(tmp_path))
    assert [(r.id, r.require_dyad) for r in records] == [
        ("S-01", True),
        ("S-02", True),
        ("S-03", False),
        ("S-04", False),
        ("S-05", True),
    ]


def test_error_coding_expects_no_event(tmp_path: Path) -> None:
    by_id = {r.id: r for r in load_validation_records(write_settings_suite(tmp_path))}
    assert by_id["S-04"].expected == () and by_id["S-04"].expected_error == "storydiscard"
    assert by_id["S-01"].expected_error is None
    # Strict: it passes only when nothing is coded.
    assert score_records([by_id["S-04"]], {})["passed"] == 1
    assert score_records([by_id["S-04"]], {"S-04": [("ALD", "BRV", "051")]})["passed"] == 0


def test_record_without_text_tags_reads_the_words_before_its_tree(tmp_path: Path) -> None:
    by_id = {r.id: r for r in load_validation_records(write_settings_suite(tmp_path))}
    assert by_id["S-05"].text == "Bravia criticised Aldoria."
    assert by_id["S-05"].expected == (ExpectedEvent("BRV", "ALD", "111"),)


def test_suite_names_its_discard_file(tmp_path: Path) -> None:
    suite = load_validation_suite(write_settings_suite(tmp_path))
    assert suite.discard_file == tmp_path / "discards.txt"
    assert len(suite.records) == 5
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The environment names a file that is not there: no discard list.
    assert load_validation_suite(write_settings_suite(elsewhere, False)).discard_file is None


def actor(code: str, country: str | None, sector: str | None) -> Actor:
    return Actor(code=code, country=country, sector=sector, text=code.lower())


def event(source: Actor | None, target: Actor | None, code: str) -> Event:
    return Event(
        article_id="a",
        sentence_id=0,
        sentence="s",
        trigger=Span("x", 0, 1),
        source=source,
        target=target,
        cameo=code,
        cameo_label="",
        plover=Plover("NONE", None, ()),
        quad_class=0,
        goldstein=0.0,
    )


def test_agent_without_country_is_petrarchs_anonymous_actor() -> None:
    assert petrarch_actor_code(actor("GOV", None, "GOV")) == "---GOV"
    assert petrarch_actor_code(actor("ALDGOV", "ALD", "GOV")) == "ALDGOV"
    # International bodies have no country but are named actors.
    assert petrarch_actor_code(actor("IGOUNO", None, None)) == "IGOUNO"
    assert petrarch_actor_code(actor("NGOMSF", None, "MSF")) == "NGOMSF"
    assert petrarch_actor_code(actor("---GOV", None, "GOV")) == "---GOV"


def test_triples_follow_petrarchs_event_rules() -> None:
    ald, brv = actor("ALD", "ALD", None), actor("BRV", "BRV", None)
    official = actor("GOV", None, "GOV")
    events = [
        event(ald, brv, "042"),
        event(ald, brv, "042"),  # duplicate: counted once
        event(ald, ald, "051"),  # self-reference: no event
        event(None, brv, "173"),  # no source: no event
        event(official, None, "010"),  # unknown target
    ]
    assert petrarch_triples(events) == [("ALD", "BRV", "042")]
    assert petrarch_triples(events, require_dyad=False) == [
        ("ALD", "BRV", "042"),
        ("---GOV", "---", "010"),
    ]


def test_repeated_ids_are_scored_apart(tmp_path: Path) -> None:
    suite = tmp_path / "repeats.jsonl"
    lines = [
        {"id": "R-1", "text": "Aldoria praised Bravia.", "expected": []},
        {"id": "R-1", "text": "Bravia praised Aldoria.", "expected": []},
        {"id": "R-1", "text": "Carnia praised Aldoria.", "expected": []},
    ]
    suite.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    records = load_validation_records(suite)
    assert [r.id for r in records] == ["R-1", "R-1#2", "R-1#3"]
    # An event coded for the second record does not count against the first.
    score = score_records(records, {"R-1#2": [("BRV", "ALD", "051")]})
    assert score["passed"] == 2
