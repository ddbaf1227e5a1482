"""Where: the shipped gazetteer, toponym resolution and event places, on sentences we wrote."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.model import Article, Dateline, Event, Place, Plover, Span
from eventwire.nlp import ParsedArticle, load_pipeline, parse_articles
from eventwire.where import (
    find_toponyms,
    load_gazetteer,
    place_events,
    resolve_dateline,
    resolve_name,
    story_context,
)
from eventwire.where.gazetteer import Gazetteer, fold_name


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_gazetteer_tables_are_well_formed(gazetteer: Gazetteer) -> None:
    kinds = {"continent": 0, "country": 0, "region": 0, "city": 0}
    for row in range(len(gazetteer.rows)):
        entry = gazetteer.entry(row)
        kinds[entry.kind] += 1
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180, entry
        assert entry.population >= 0 and entry.name
        if entry.kind != "continent":
            assert entry.country and len(entry.country) == 3, entry
    assert kinds["continent"] == 7
    assert kinds["country"] >= 240 and kinds["region"] >= 1500 and kinds["city"] >= 100_000
    # The name index is sorted (lookups are binary searches) and points at real rows.
    assert list(gazetteer.names) == sorted(gazetteer.names)
    for line in gazetteer.names[:: len(gazetteer.names) // 500]:
        key, ids = line.split("\t")
        assert key == fold_name(key)
        assert all(0 <= int(i) < len(gazetteer.rows) for i in ids.split())


def test_every_country_of_the_actor_table_is_in_the_gazetteer(gazetteer: Gazetteer) -> None:
    from importlib import resources

    table = (resources.files("eventwire") / "data" / "countries.tsv").read_text("utf-8")
    codes = [line.split("\t")[0] for line in table.splitlines()[1:] if line]
    missing = [code for code in codes if gazetteer.country(code) is None]
    assert len(missing) <= 3, missing  # Kosovo (XKX) and the like have no GeoNames row


def test_names_fold_case_accents_and_periods(gazetteer: Gazetteer) -> None:
    assert fold_name("U.S.") == fold_name("US") == "us"
    assert gazetteer.lookup("BOGOTÁ")[0].country == "COL"
    assert gazetteer.lookup("U.S.")[0].country == "USA"


def _resolve(gazetteer: Gazetteer, name: str, *others: str) -> tuple[str | None, str, str | None]:
    entry = resolve_name(gazetteer, name, story_context(gazetteer, others))
    assert entry is not None, name
    return entry.country, entry.kind, entry.admin1


def test_oklahoma_is_the_state_and_a_country_name_the_country(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "Oklahoma") == ("USA", "region", "OK")
    assert _resolve(gazetteer, "Venezuela")[:2] == ("VEN", "country")
    assert _resolve(gazetteer, "Canadian")[:2] == ("CAN", "country")  # not Canadian, Texas


def test_the_qualifier_beside_a_name_wins(gazetteer: Gazetteer, nlp: Language) -> None:
    doc = nlp("Fishermen gathered in Bangor, Maine, on Saturday.")
    [bangor, maine] = find_toponyms(doc, gazetteer)
    assert bangor.entry is not None and (bangor.entry.country, bangor.entry.admin1) == (
        "USA",
        "ME",
    )
    assert maine.entry is not None and maine.entry.kind == "region"


def test_story_countries_pick_the_namesake(gazetteer: Gazetteer) -> None:
    # London, Ontario in a story about Ontario; London, England otherwise.
    assert _resolve(gazetteer, "London", "Ontario", "Canada")[0] == "CAN"
    assert _resolve(gazetteer, "London")[0] == "GBR"


def test_capital_before_the_state_and_the_city_before_its_region(gazetteer: Gazetteer) -> None:
    washington = resolve_name(gazetteer, "Washington", story_context(gazetteer, []))
    assert washington is not None and washington.kind == "city" and washington.lat < 40
    assert _resolve(gazetteer, "New York")[1] == "city"


def test_dateline_resolves_within_its_country(gazetteer: Gazetteer) -> None:
    caracas = resolve_dateline(gazetteer, "CARACAS", "Venezuela")
    assert caracas is not None and (caracas.name, caracas.country) == ("Caracas", "VEN")
    bangor = resolve_dateline(gazetteer, "BANGOR", "Maine")
    assert bangor is not None and bangor.country == "USA"


def test_metonym_person_and_place_are_told_apart(gazetteer: Gazetteer, nlp: Language) -> None:
    said = find_toponyms(nlp("Beijing warned Washington against the sale."), gazetteer)
    assert [t.role for t in said] == ["metonym", "metonym"]
    place = find_toponyms(nlp("The envoys met in Washington on Monday."), gazetteer)
    assert [(t.role, t.locative) for t in place] == [("place", True)]
    person = find_toponyms(nlp("Paris Hilton arrived late."), gazetteer)
    assert person == []  # a PERSON entity is never a place


def _parsed(nlp: Language, text: str, dateline: Dateline | None = None) -> ParsedArticle:
    article = Article(id="t", text=text, date=dt.date(2022, 2, 16), dateline=dateline)
    return next(parse_articles(nlp, [article]))


def _event(parsed: ParsedArticle, trigger: str, background: bool = False) -> Event:
    start = parsed.article.text.index(trigger)
    sentence = next(s for s in parsed.sentences if s.start <= start < s.end)
    return Event(
        article_id="t", sentence_id=sentence.index, sentence=sentence.text,
        trigger=Span(trigger, start, start + len(trigger)), source=None, target=None,
        cameo="040", cameo_label="Consult", plover=Plover("CONSULT"), quad_class=1,
        goldstein=1.0, background=background,
    )  # fmt: skip


CARACAS = Place("Caracas", "VEN", 10.488, -66.8792, 3646738, "city", "dateline")


def test_event_place_from_its_clause_else_dateline(nlp: Language) -> None:
    text = (
        "Maduro met Russian officials on Wednesday. "
        "The two sides held talks in Mexico City last year."
    )
    parsed = _parsed(nlp, text)
    met, held = place_events(
        [_event(parsed, "met"), _event(parsed, "held", background=True)], parsed, CARACAS
    )
    assert met.location == CARACAS
    assert held.location is not None
    assert (held.location.name, held.location.country, held.location.source) == (
        "Mexico City",
        "MEX",
        "sentence",
    )


def test_background_event_without_a_place_is_not_put_at_the_dateline(nlp: Language) -> None:
    parsed = _parsed(nlp, "Russia previously helped Venezuela design a cryptocurrency.")
    [event] = place_events([_event(parsed, "helped", background=True)], parsed, CARACAS)
    assert event.location is None


def test_metonym_is_not_the_event_place(nlp: Language) -> None:
    parsed = _parsed(nlp, "Washington criticized Moscow over the deployment.")
    [event] = place_events([_event(parsed, "criticized")], parsed, CARACAS)
    assert event.location == CARACAS
