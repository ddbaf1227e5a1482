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
from eventwire.where.gazetteer import Gazetteer, GazetteerEntry, fold_name
from eventwire.where.resolve import town_names


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_gazetteer_tables_are_well_formed(gazetteer: Gazetteer) -> None:
    kinds = dict.fromkeys(("continent", "area", "country", "region", "district", "city", "site"), 0)
    for row in range(len(gazetteer.rows)):
        entry = gazetteer.entry(row)
        kinds[entry.kind] += 1
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180, entry
        assert entry.population >= 0 and entry.name
        if entry.kind not in ("continent", "area"):
            assert entry.country and len(entry.country) == 3, entry
    assert kinds["continent"] == 7
    assert kinds["area"] >= 40 and kinds["site"] >= 5000
    assert kinds["country"] >= 240 and kinds["region"] >= 3000 and kinds["city"] >= 100_000
    assert kinds["district"] >= 10_000
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


def test_a_country_name_is_the_country_unless_the_story_is_elsewhere(
    gazetteer: Gazetteer,
) -> None:
    # "Mexico" is the country, not the State of Mexico, even in a story about Toluca.
    assert _resolve(gazetteer, "Mexico", "Toluca")[:2] == ("MEX", "country")
    assert _resolve(gazetteer, "Georgia")[:2] == ("GEO", "country")
    # A story about Atlanta and the United States means the state.
    assert _resolve(gazetteer, "Georgia", "Atlanta", "United States")[:2] == ("USA", "region")


def test_neighbouring_names_pick_the_namesake(gazetteer: Gazetteer) -> None:
    # Edmonton beside Tottenham and Walthamstow is the district of north London.
    assert _resolve(gazetteer, "Edmonton", "Tottenham", "Walthamstow")[0] == "GBR"
    assert _resolve(gazetteer, "Edmonton")[0] == "CAN"


def test_a_state_listed_with_states_is_the_state(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "New York", "Ohio", "Texas")[1] == "region"
    # A story about Buffalo means the state; one about Brooklyn, or about New York and
    # Washington, the city.
    assert _resolve(gazetteer, "New York", "Buffalo")[1] == "region"
    assert _resolve(gazetteer, "New York", "Brooklyn")[1] == "city"
    assert _resolve(gazetteer, "New York", "Washington")[1] == "city"


def test_districts_english_region_names_and_continent_adjectives(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "Suffolk County", "New York")[:2] == ("USA", "district")
    assert _resolve(gazetteer, "Fife", "Scotland")[:2] == ("GBR", "district")
    assert _resolve(gazetteer, "Bavaria")[:2] == ("DEU", "region")
    assert _resolve(gazetteer, "KwaZulu-Natal")[:2] == ("ZAF", "region")
    european = resolve_name(gazetteer, "European", story_context(gazetteer, []))
    assert european is not None and european.kind == "continent" and european.name == "Europe"


def test_division_words_state_and_lists_of_states(gazetteer: Gazetteer, nlp: Language) -> None:
    assert _resolve(gazetteer, "Fars Province")[:2] == ("IRN", "region")
    plymouth = resolve_name(gazetteer, "Plymouth Co.", story_context(gazetteer, ["Iowa"]))
    assert plymouth is not None and (plymouth.kind, plymouth.country) == ("district", "USA")
    state = resolve_name(gazetteer, "Washington", story_context(gazetteer, []), following="state")
    assert state is not None and (state.kind, state.admin1) == ("region", "WA")
    # "Georgia, Illinois and Missouri": a list of states, not a town of Missouri.
    doc = nlp("Cases were reported in Georgia, Illinois, Missouri and Ohio.")
    entries = [t.entry for t in find_toponyms(doc, gazetteer)]
    assert [(e.kind, e.country, e.admin1) for e in entries if e is not None] == [
        ("region", "USA", "GA"),
        ("region", "USA", "IL"),
        ("region", "USA", "MO"),
        ("region", "USA", "OH"),
    ]


def test_regions_named_by_their_parts(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "Darfur")[:2] == ("SDN", "region")
    assert _resolve(gazetteer, "Java")[:2] == ("IDN", "region")


def test_points_of_countries_and_regions(gazetteer: Gazetteer) -> None:
    from eventwire.eval.geo import haversine_km

    def distance(entry: object, lat: float, lon: float) -> float:
        assert isinstance(entry, GazetteerEntry)
        return haversine_km(entry.lat, entry.lon, lat, lon)

    # A compact country at the middle of its land (the contiguous United States);
    # a sprawling one at its conventional point (Canada's Arctic islands would move a
    # centroid); an archipelago at the middle of its islands, across the antimeridian.
    assert distance(gazetteer.country("USA"), 39.8, -98.6) < 150
    assert distance(gazetteer.country("CAN"), 60.0, -95.0) < 50
    assert distance(gazetteer.country("IDN"), -5.0, 120.0) < 50
    assert -21 < gazetteer.country("FJI").lat < -15  # type: ignore[union-attr]
    # A region at the middle of its land, not where its people live (southern Ontario).
    [ontario] = [e for e in gazetteer.lookup("Ontario") if e.kind == "region"]
    assert distance(ontario, 50.0, -86.0) < 161


def test_world_regions_data_file_is_well_formed(gazetteer: Gazetteer) -> None:
    """data/gazetteer_areas.tsv: one row per area, each named once, with members or a
    written point (the build checks that every member is a place it knows); every row
    is in the built gazetteer."""
    from importlib import resources

    text = (resources.files("eventwire") / "data" / "gazetteer_areas.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0].split("\t") == ["name", "kind", "names", "members", "point"]
    seen: set[str] = set()
    for line in lines[1:]:
        name, kind, names, members, point = line.split("\t")
        assert kind in ("area", "sea", "ocean", "site"), line
        assert bool(members) != bool(point), line
        if point:
            lat, lon = (float(x) for x in point.split(","))
            assert -90 <= lat <= 90 and -180 <= lon <= 180
        for member in filter(None, (m.strip() for m in members.split(";"))):
            assert member[:3].isupper() and (len(member) == 3 or member[3] == "/"), member
        keys = {fold_name(alias) for alias in (name, *filter(None, names.split("|")))}
        assert not keys & seen, name  # no name names two areas
        seen |= keys
        built = "site" if kind == "site" else "area"
        assert any(e.kind == built and e.name == name for e in gazetteer.lookup(name)), name


def test_world_regions_and_seas_outrank_towns_of_their_name(gazetteer: Gazetteer) -> None:
    def area(name: str, *others: str) -> GazetteerEntry:
        entry = resolve_name(gazetteer, name, story_context(gazetteer, others))
        assert entry is not None and entry.kind == "area", (name, entry)
        return entry

    # Not the Baltimore neighbourhood, nor Pacific, Missouri, even in a US story.
    middle_east = area("Middle East", "Maryland", "Baltimore")
    assert 20 < middle_east.lat < 38 and 30 < middle_east.lon < 55
    pacific = area("Pacific", "Missouri", "United States")
    assert abs(pacific.lat) < 10 and pacific.lon < -150
    assert area("South East Asian").name == "Southeast Asia"
    mediterranean = area("Mediterranean")
    assert 30 < mediterranean.lat < 42 and 5 < mediterranean.lon < 30
    assert area("Black Sea").lon > 28 and area("Black Sea").lat > 41
    # A state written beside the name says the town is meant ("Pacific, Missouri").
    missouri = resolve_name(gazetteer, "Missouri", story_context(gazetteer, []))
    town = resolve_name(gazetteer, "Pacific", story_context(gazetteer, []), missouri)
    assert town is not None and (town.kind, town.admin1) == ("city", "MO")


def test_a_facility_named_after_its_city_is_in_the_city(gazetteer: Gazetteer) -> None:
    context = story_context(gazetteer, ["Canada"])
    gallery = resolve_name(gazetteer, "Winnipeg Art Gallery", context)
    assert gallery is not None and (gallery.name, gallery.kind) == ("Winnipeg", "city")
    airport = resolve_name(gazetteer, "Calgary-Springbank International Airport", context)
    assert airport is not None and airport.name == "Calgary"
    # A person's name that is also a small town's is no city: nothing better than None.
    assert resolve_name(gazetteer, "Imaginary Memorial Hospital", context) is None
    assert resolve_name(gazetteer, "Smithers General University", context) is None


def test_airports_by_their_own_name(gazetteer: Gazetteer) -> None:
    # London's airport, not Heathrow, Florida; but in a story about Florida, the town.
    heathrow = resolve_name(gazetteer, "Heathrow", story_context(gazetteer, ["Gatwick"]))
    assert heathrow is not None and (heathrow.kind, heathrow.country) == ("site", "GBR")
    assert abs(heathrow.lat - 51.47) < 0.1
    town = resolve_name(gazetteer, "Heathrow", story_context(gazetteer, ["Florida", "Orlando"]))
    assert town is not None and (town.kind, town.admin1) == ("city", "FL")
    # The name without its city, as news writes it after "Toronto's".
    pearson = resolve_name(gazetteer, "Pearson International Airport", story_context(gazetteer, []))
    assert pearson is not None and pearson.country == "CAN" and abs(pearson.lon + 79.6) < 0.2
    # A city's own name is still the city, not its airport.
    perth = resolve_name(gazetteer, "Perth", story_context(gazetteer, ["Australia"]))
    assert perth is not None and perth.kind == "city"


def test_landmarks_are_in_their_city(gazetteer: Gazetteer) -> None:
    # The seat of government, not White House, Tennessee, unless the story is there.
    white_house = resolve_name(gazetteer, "White House", story_context(gazetteer, ["Congress"]))
    assert white_house is not None and white_house.kind == "site"
    assert abs(white_house.lat - 38.9) < 0.2 and abs(white_house.lon + 77.0) < 0.2
    tennessee = story_context(gazetteer, ["Tennessee", "Nashville"])
    town = resolve_name(gazetteer, "White House", tennessee)
    assert town is not None and (town.kind, town.admin1) == ("city", "TN")
    kremlin = resolve_name(gazetteer, "the Kremlin", story_context(gazetteer, []))
    assert kremlin is not None and kremlin.country == "RUS"


def test_a_part_of_a_place_is_the_place(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "North London")[:2] == ("GBR", "city")
    toronto = resolve_name(gazetteer, "Greater Toronto Area", story_context(gazetteer, []))
    assert toronto is not None and toronto.name == "Toronto"
    # "Creek" is no town's own name: "Eastern Creek" stays unresolved.
    assert resolve_name(gazetteer, "Eastern Creek", story_context(gazetteer, [])) is None


def test_a_governor_says_the_state(gazetteer: Gazetteer) -> None:
    context = story_context(gazetteer, ["Queens"])
    state = resolve_name(gazetteer, "New York", context, following="Gov.")
    assert state is not None and (state.kind, state.admin1) == ("region", "NY")
    city = resolve_name(gazetteer, "New York", context, following="police")
    assert city is not None and city.kind == "city"


def test_a_name_does_not_vouch_for_its_own_country(gazetteer: Gazetteer) -> None:
    # "Victoria" in a story about British Columbia is its capital, not Australia's state,
    # though the name alone counts for Australia.
    names = ["Victoria", "British Columbia", "B.C.", "Fort St. John"]
    victoria = resolve_name(gazetteer, "Victoria", story_context(gazetteer, names))
    assert victoria is not None and (victoria.country, victoria.kind) == ("CAN", "city")


def test_location_sources_agree_with_the_schema() -> None:
    import json
    import typing
    from pathlib import Path

    schema = json.loads(
        (Path(__file__).resolve().parents[1] / "docs/event.schema.json").read_text("utf-8")
    )
    enum = schema["properties"]["location"]["properties"]["source"]["enum"]
    hints = typing.get_type_hints(Place)
    assert sorted(enum) == sorted(typing.get_args(hints["source"]))


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
        "clause",
    )


def test_background_event_without_a_place_is_not_put_at_the_dateline(nlp: Language) -> None:
    parsed = _parsed(nlp, "Russia previously helped Venezuela design a cryptocurrency.")
    [event] = place_events([_event(parsed, "helped", background=True)], parsed, CARACAS)
    assert event.location is None


def test_metonym_is_not_the_event_place(nlp: Language) -> None:
    parsed = _parsed(nlp, "Washington criticized Moscow over the deployment.")
    [event] = place_events([_event(parsed, "criticized")], parsed, CARACAS)
    assert event.location == CARACAS


def test_a_name_the_story_calls_a_city_is_a_town_throughout(gazetteer: Gazetteer) -> None:
    text = "Lebanon will host the fair. The city of Lebanon approved the budget on Monday."
    spans = [(0, "Lebanon"), (text.index("Lebanon approved"), "Lebanon")]
    towns = town_names(text, spans)
    assert towns == {fold_name("Lebanon")}
    context = story_context(gazetteer, ["Lebanon", "Lebanon"])
    town = resolve_name(gazetteer, "Lebanon", context, town=True)
    assert town is not None and town.kind == "city" and town.country == "USA"
    country = resolve_name(gazetteer, "Lebanon", context)
    assert country is not None and country.kind == "country"
    assert town_names("Fighting in Lebanon went on.", [(12, "Lebanon")]) == frozenset()


def test_a_place_written_after_in_qualifies_the_name(gazetteer: Gazetteer, nlp: Language) -> None:
    # Linn County, Iowa is the most populous of the name; "in northern Missouri" says
    # which one is meant.
    doc = nlp("The farm sits in Linn County in northern Missouri, near the river.")
    found = {t.text: t.entry for t in find_toponyms(doc, gazetteer)}
    entry = found["Linn County"]
    assert entry is not None and entry.admin1 == "MO"


def test_a_bare_capital_dateline_is_the_capital(gazetteer: Gazetteer) -> None:
    entry = resolve_dateline(gazetteer, "Washington", None)
    assert entry is not None and (entry.kind, entry.admin1) == ("city", "DC")


def test_a_region_is_not_named_after_a_village_inside_it(gazetteer: Gazetteer) -> None:
    # ISO 3166-2's "Sachsen" is Saxony; a village of that name in Bavaria once gave
    # Bavaria's row its name.
    [bavaria] = [e for e in gazetteer.lookup("Bavaria") if e.kind == "region"]
    assert (bavaria.name, bavaria.country, bavaria.admin1) == ("Bavaria", "DEU", "02")
    assert all(e.admin1 != "02" for e in gazetteer.lookup("Sachsen") if e.kind == "region")


def test_congo_alone_is_the_country_the_story_is_about(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "Congo", "Congo")[:2] == ("COD", "country")
    assert _resolve(gazetteer, "Congo", "Congo", "Brazzaville")[:2] == ("COG", "country")
    assert _resolve(gazetteer, "Congo", "Congo", "Kinshasa")[:2] == ("COD", "country")


def test_a_state_named_like_its_big_city_does_not_pull_towns_into_it(
    gazetteer: Gazetteer,
) -> None:
    # "New York" is mostly the city: no evidence for the village of Boston, New York.
    assert _resolve(gazetteer, "Boston", "Boston", "New York")[2] == "MA"
    assert _resolve(gazetteer, "Ohio", "Ohio", "New York", "Texas")[:2] == ("USA", "region")
