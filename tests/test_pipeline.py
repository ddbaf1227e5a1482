import datetime as dt
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import Coder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "stories"


def _events(coder: Coder, text: str, date: dt.date | None = None) -> list[dict]:
    coded = coder.code_one(Article(id="t", text=text, date=date))
    return [event.to_record() for event in coded.events]


def test_headline_style_pledge_is_military_cooperation(coder: Coder) -> None:
    [event] = _events(coder, "Peru's leader pledges military cooperation with Brazil.")
    assert (event["source"]["code"], event["target"]["code"], event["cameo"]) == (
        "PERGOV",
        "BRA",
        "0312",
    )
    assert event["plover"] == {"type": "AGREE", "mode": None, "context": ["military"]}
    assert event["quad_class"] == 1
    assert event["evidence"]["clause"] == "PERGOV -pledges-> BRA"


def test_wire_story_codes_the_lead_with_date_place_and_person(coder: Coder) -> None:
    [article] = read_inputs([str(FIXTURES / "lima-cooperation.txt")], dt.date(2024, 5, 8))
    assert isinstance(article, Article)
    events = [e.to_record() for e in coder.code_one(article).events]
    lead = [e for e in events if e["cameo"] == "0312"]
    assert len(lead) == 1
    event = lead[0]
    assert event["source"]["code"] == "PERGOV"
    assert event["source"]["name"] == "Ana Quispe"
    assert "Quispe" in event["source"]["text"]
    assert event["target"]["code"] == "BRA"
    assert event["date"] == "2024-05-07" and event["date_text"] == "Tuesday"
    assert event["location"]["name"] == "Lima" and event["location"]["country"] == "PER"
    assert event["location"]["source"] == "dateline"
    assert article.text[event["trigger"]["start"] : event["trigger"]["end"]] == "pledged"
    assert not any("Oops" in e["sentence"] for e in events)


def test_person_remembered_by_surname_and_background_year(coder: Coder) -> None:
    [article] = read_inputs([str(FIXTURES / "lima-cooperation.txt")], dt.date(2024, 5, 8))
    assert isinstance(article, Article)
    events = [e.to_record() for e in coder.code_one(article).events]
    thanks = [e for e in events if e["cameo"] == "051"]
    assert thanks, events
    assert thanks[0]["source"]["code"] == "PERGOV" and thanks[0]["source"]["text"] == "Quispe"
    assert thanks[0]["background"] is False


def test_mutual_agreement_gives_both_directions(coder: Coder) -> None:
    events = _events(
        coder, "Peru and Chile signed a trade agreement on Monday.", dt.date(2024, 1, 3)
    )
    assert sorted((e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events) == [
        ("CHL", "PER", "057"),
        ("PER", "CHL", "057"),
    ]
    assert {e["date"] for e in events} == {"2024-01-01"}


def test_passive_agent_is_the_source(coder: Coder) -> None:
    events = _events(coder, "Peruvian officials were accused by Chile of spying.")
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [
        ("CHL", "PERGOV", "1125")
    ]


def test_negation_and_hypothetical(coder: Coder) -> None:
    [negated] = _events(coder, "Chile did not criticize Peru.")
    assert negated["negated"] is True and negated["cameo"] == "111"
    [maybe] = _events(coder, "Chile would attack Peru.")
    assert maybe["modality"] == "hypothetical"


def test_background_event_is_never_dated_to_the_story_day(coder: Coder) -> None:
    [event] = _events(coder, "Peru previously helped Chile.", dt.date(2024, 5, 8))
    assert event["background"] is True and event["date"] is None
    [dated] = _events(coder, "Peru attacked Chile in 2018.", dt.date(2024, 5, 8))
    assert dated["background"] is True and dated["date"] == "2018"
    assert dated["date_precision"] == "year"


def test_without_a_date_relative_dates_stay_unresolved(coder: Coder) -> None:
    [event] = _events(coder, "Peru praised Chile on Tuesday.")
    assert event["date"] is None and event["date_text"] == "Tuesday"


def test_no_event_without_two_actors(coder: Coder) -> None:
    assert _events(coder, "It rained in the capital on Tuesday.") == []


def test_user_dictionaries_code_unknown_names(tmp_path: Path) -> None:
    from eventwire.pipeline import CoderOptions

    actors = tmp_path / "actors.txt"
    actors.write_text("NORTHLAND [NRL]\nSOUTHMARK [SMK]\n", "utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("GENERAL [~MIL]\n", "utf-8")
    coder = Coder.load(CoderOptions(actor_dictionaries=(actors,), agent_dictionaries=(agents,)))
    coded = coder.code_one(Article(id="x", text="Northland's general attacked Southmark."))
    assert [(e.source.code, e.target.code, e.cameo) for e in coded.events if e.source and
            e.target] == [("NRLMIL", "SMK", "190")]  # fmt: skip


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "ap-venezuela-russia.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is not present")
def test_seed_story_yields_the_events_design_lists(coder: Coder) -> None:
    [article] = read_inputs([str(SEED)], dt.date(2022, 2, 16))
    assert isinstance(article, Article)
    events = [e.to_record() for e in coder.code_one(article).events]

    def find(code_prefix: str, source: str, target: str | None) -> list[dict]:
        return [
            e
            for e in events
            if e["cameo"].startswith(code_prefix)
            and e["source"]["country"] == source
            and (e["target"] or {}).get("country") == target
        ]

    [pledge] = find("0312", "VEN", "RUS")
    assert pledge["source"]["code"] == "VENGOV" and not pledge["background"]
    assert pledge["plover"]["type"] == "AGREE" and pledge["modality"] == "asserted"
    assert find("04", "RUS", "VEN"), "Borisov meets Venezuela"
    assert any(e["cameo"] == "041" for e in find("04", "VEN", "RUS")), "the phone call"
    assert find("163", "USA", "VEN"), "US sanctions"
    [gratitude] = [e for e in events if e["trigger"]["text"] == "expressed"]
    assert gratitude["cameo"] == "051"
    sending = [e for e in events if e["trigger"]["text"] == "sending"]
    assert sending and all(e["modality"] == "hypothetical" for e in sending)
    assert all(e["background"] for e in events if e["trigger"]["text"] == "helped")
    assert not any("Oops" in e["sentence"] for e in events)
