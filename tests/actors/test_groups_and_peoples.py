"""Organisations, agencies, armed groups and peoples as the news names them, and titles
of no stated country in a story that names only one. Every sentence is our own."""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Actor, Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _actors(coder: Coder, text: str) -> dict[str, Actor]:
    [parsed] = parse_articles(coder.nlp, [Article(id="g", text=text)])
    return {m.actor.text: m.actor for m in resolve_mentions(parsed, coder.knowledge)}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Security Council voted to extend the mission.", "The Security Council", "IGOUNO"),
        ("The FBI arrested a man in Ohio.", "The FBI", "USACOPFBI"),
        ("ICE agents detained dozens of workers.", "ICE agents", "USACOPICE"),
        ("The CIA had warned the DHS.", "The CIA", "USASPYCIA"),
        ("The CIA had warned the DHS.", "the DHS", "USAGOVDHS"),
        (
            "Iranian Revolutionary Guards seized a tanker.",
            "Iranian Revolutionary Guards",
            "IRNMILIRG",
        ),
        ("The Mossad ran the operation.", "The Mossad", "ISRSPYMOS"),
        ("The Hizbollah group fired rockets at a border post.", "The Hizbollah group", "LBNREBHEZ"),
        ("The Hamas movement rejected the plan.", "The Hamas movement", "PSEREBHMS"),
        ("The Likud party won the vote.", "The Likud party", "ISRPTYLIK"),
        ("The BJP won a majority in the state.", "The BJP", "INDPTYBJP"),
    ],
)
def test_named_groups_and_agencies(coder: Coder, text: str, phrase: str, code: str) -> None:
    actor = _actors(coder, text)[phrase]
    assert actor.code == code
    assert actor.resolved_by == "knowledge"


def test_a_groups_own_people_are_the_group(coder: Coder) -> None:
    actor = _actors(coder, "Hamas leader Ismail Radwan rejected the truce.")[
        "Hamas leader Ismail Radwan"
    ]
    assert (actor.code, actor.country, actor.name) == ("PSEREBHMS", "PSE", "Ismail Radwan")


def test_a_states_own_council_is_not_the_uns(coder: Coder) -> None:
    actor = _actors(coder, "Iran's Supreme National Security Council approved the deal.")
    assert actor["Iran's Supreme National Security Council"].code == "IRNGOV"


def test_a_ruling_coalition_is_the_government(coder: Coder) -> None:
    found = _actors(coder, "Chile's ruling coalition collapsed after the budget vote.")
    assert found["Chile's ruling coalition"].code == "CHLGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a people with a home country takes it, unless the phrase names another
        ("Karen guerrillas attacked an army post.", "Karen guerrillas", "MMRREB"),
        ("Tamil refugees arrived in India on Monday.", "Tamil refugees", "LKAREF"),
        ("Some 5,000 Iraqi Kurds fled to the mountains.", "Some 5,000 Iraqi Kurds", "IRQCVL"),
        # a people of no one country is where the phrase or the story puts it
        ("Kurds in Syria marched through Qamishli.", "Kurds", "SYRCVL"),
        ("Moslem forces in east Bosnia shelled the town.", "Moslem forces", "BIHMIL"),
        ("Police said ethnic Turks in Sweden had protested.", "ethnic Turks", "SWECVL"),
        (
            "Gunmen killed four ethnic Albanians in southern Serbia.",
            "four ethnic Albanians",
            "SRBCVL",
        ),
        # a nation's people in another country, or where the phrase puts them: civilians
        ("Bosnian Croats demanded a truce.", "Bosnian Croats", "BIHCVL"),
        ("Chileans in Peru stayed home from work on Monday.", "Chileans", "CHLCVL"),
    ],
)
def test_peoples(coder: Coder, text: str, phrase: str, code: str) -> None:
    actor = _actors(coder, text)[phrase]
    assert actor.code == code
    assert actor.sector == code[3:]


def test_ethnic_albanians_are_not_albanias(coder: Coder) -> None:
    found = _actors(coder, "Ethnic Albanians in Macedonia demanded more rights.")
    assert found["Ethnic Albanians"].country == "MKD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # no "in X": the one country the sentence names other than their own nation's
        ("Ethnic Turks protested against a new law, Bulgarian officials said.", "BGRCVL"),
        # several: the one it names most
        (
            "Ethnic Albanians vowed to fight on near Macedonia's frontier with Greece, "
            "Macedonian police said.",
            "MKDCVL",
        ),
        # none but their own nation's, or a tie: no country rather than a guess
        ("Ethnic Albanians marched, Albanian television reported.", "CVL"),
        ("Ethnic Serbs blocked the road between Croatia and Bosnia.", "CVL"),
    ],
)
def test_ethnic_people_live_where_the_story_is(coder: Coder, text: str, code: str) -> None:
    [actor] = [a for t, a in _actors(coder, text).items() if t.lower().startswith("ethnic")]
    assert actor.code == code


def test_an_ethnic_people_takes_the_story_country_from_another_sentence(coder: Coder) -> None:
    text = "Ethnic Russians held a rally on Sunday. Latvian police watched the rally."
    assert _actors(coder, text)["Ethnic Russians"].code == "LVACVL"


def test_a_people_nobody_places_gets_no_country(coder: Coder) -> None:
    actor = _actors(coder, "Kurds marched through the city on Friday.")["Kurds"]
    assert (actor.code, actor.country) == ("CVL", None)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "Judge Tomas Herrera charged 12 Peruvian police officers.",
            "Judge Tomas Herrera",
            "PERJUD",
        ),
        (
            "Vice-President Ola Mensah refused to resign despite pressure from Ghana's unions.",
            "Vice-President Ola Mensah",
            "GHAGOV",
        ),
    ],
)
def test_a_title_takes_the_storys_one_country(
    coder: Coder, text: str, phrase: str, code: str
) -> None:
    actor = _actors(coder, text)[phrase]
    assert actor.code == code
    assert actor.resolved_by == "context"


def test_no_country_when_the_story_names_two(coder: Coder) -> None:
    found = _actors(coder, "Judge Tomas Herrera charged 12 Peruvian and Chilean officers.")
    assert found["Judge Tomas Herrera"].country is None


def test_an_embassy_does_not_take_the_host_country(coder: Coder) -> None:
    found = _actors(coder, "The ambassador left Quito, Ecuador on Friday.")
    assert found["The ambassador"].country is None


def test_an_ally_is_not_its_possessors(coder: Coder) -> None:
    found = _actors(coder, "Rebels killed the commander of Israel's militia ally.")
    assert found["Israel's militia ally"].country is None


def test_refugees_are_from_where_they_flee(coder: Coder) -> None:
    found = _actors(coder, "The agency will feed refugees fleeing the fighting in Liberia.")
    assert found["refugees"].code == "LBRREF"


def test_an_international_body_has_no_sector_of_its_own(coder: Coder) -> None:
    found = _actors(coder, "The United Nations sent UN peacekeepers to the border.")
    assert (found["The United Nations"].code, found["The United Nations"].sector) == (
        "IGOUNO",
        None,
    )
    assert found["UN peacekeepers"].sector == "MIL"


def test_a_peoples_name_inside_another_name_is_not_the_people(coder: Coder) -> None:
    found = _actors(coder, "Karen Bass met the Peruvian ambassador in Tamil Nadu.")
    assert not any(actor.country in ("MMR", "LKA") for actor in found.values())


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a nation named by its people, acting as one: the country
        ("Chileans blamed Peru for the border incident.", "Chileans", "CHL"),
        # with an article, a nation's people abroad are as often its forces
        ("The Russians in Syria built a new base.", "The Russians", "RUS"),
    ],
)
def test_a_nation_by_its_people(coder: Coder, text: str, phrase: str, code: str) -> None:
    actor = _actors(coder, text)[phrase]
    assert (actor.code, actor.sector) == (code, None)


def test_a_militia_is_where_the_phrase_puts_it(coder: Coder) -> None:
    # a militia serves where it is, unlike an army; an ally is not its possessor's
    found = _actors(coder, "Peru's militia ally in northern Bolivia attacked the town.")
    assert found["Peru's militia ally"].code == "BOLUAF"


def test_a_plural_in_men_opening_a_sentence_is_a_role(coder: Coder) -> None:
    # tagged as a name there and left unlemmatised: "Gunmen" is still gunman
    found = _actors(coder, "Gunmen in Peru burned a bus.")
    assert found["Gunmen"].code == "PERUAF"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The Northern Rivers Water Forum urged farmers to save water.", "Forum"),
        ("Members of the Association of Coastal Fishermen met the mayor.", "Association"),
        ("The Harbour Violations Committee completed its inquiry.", "Committee"),
    ],
)
def test_an_unknown_association_is_a_non_governmental_body(
    coder: Coder, text: str, phrase: str
) -> None:
    [actor] = [a for t, a in _actors(coder, text).items() if phrase in t]
    assert (actor.code, actor.country) == ("NGO", None)


@pytest.mark.parametrize(
    "text",
    [
        "The Supreme Council rejected the offer.",
        "The Council of Ministers approved the budget.",
        "The Federation Council approved the treaty.",
        "The Central Committee met on Monday.",
    ],
)
def test_a_state_body_is_never_taken_for_a_non_governmental_one(coder: Coder, text: str) -> None:
    assert all(a.code != "NGO" for a in _actors(coder, text).values())


def test_a_gloss_in_brackets_does_not_cut_a_groups_name(coder: Coder) -> None:
    text = "The Hizbollah (Party of God) group announced a truce on Monday."
    found = _actors(coder, text)
    assert found["The Hizbollah (Party of God) group"].code == "LBNREBHEZ"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a trade union is organised in one country: the story's, when it names one
        ("The union called a strike at the port, Kenyan officials said.", "KENLAB"),
        ("The union called a strike after Kenyan and Ugandan officials met.", "LAB"),
    ],
)
def test_a_union_is_of_the_one_country_the_story_names(coder: Coder, text: str, code: str) -> None:
    assert _actors(coder, text)["The union"].code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # the tagger reads a leader's one-word name as a noun or a place
        ("Trump has suspended aid to the port.", "Trump", "USAGOV"),
        ("Since 2016 , Erdogan has accused the judges of plotting.", "Erdogan", "TURGOV"),
    ],
)
def test_a_known_name_the_tagger_mistook(coder: Coder, text: str, phrase: str, code: str) -> None:
    assert _actors(coder, text)[phrase].code == code


def test_a_name_we_know_is_no_leader_in_lower_case_or_as_a_date(coder: Coder) -> None:
    found = _actors(coder, "The trump card was played in May by the Kenyan union.")
    assert all(a.country in (None, "KEN") for a in found.values())


def test_a_leaders_name_after_the_is_a_place(coder: Coder) -> None:
    # "The Hague" is the Dutch city, not the British foreign secretary Hague
    for text in (
        "Chile will take the case to the court in The Hague.",
        "The Hague criticised the ruling.",
    ):
        found = _actors(coder, text)
        assert all(a.country in (None, "CHL", "NLD") for a in found.values()), text


def test_a_union_ending_a_places_name_is_no_trade_union(coder: Coder) -> None:
    found = _actors(coder, "The Soviet Union sent troops to Kabul.")
    assert all(a.sector != "LAB" for a in found.values())


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # British papers write acronyms spoken as words in title case
        ("Nato troops patrolled the border.", "Nato troops", "IGOWSTNATMIL"),
        ("Farc has said it will free the hostages.", "Farc", "COLREBFAR"),
        ("Unicef sent vaccines to the camps.", "Unicef", "IGOUNOKID"),
    ],
)
def test_acronyms_in_title_case(coder: Coder, text: str, phrase: str, code: str) -> None:
    assert _actors(coder, text)[phrase].code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # titles written out with "of": one title, its "of" phrase no actor of its own
        ("The U.S. secretary of defense visited the base.", "The U.S. secretary", "USAMIL"),
        ("A U.S. undersecretary of state met the rebels.", "A U.S. undersecretary", "USAGOV"),
        # a role's adjective makes the thing the role's: "military jets" as "army trucks"
        ("Israeli military jets bombed the bridge.", "Israeli military jets", "ISRMIL"),
    ],
)
def test_written_out_titles_and_role_adjectives(
    coder: Coder, text: str, phrase: str, code: str
) -> None:
    found = _actors(coder, text)
    assert found[phrase].code == code
    assert not {"defense", "state"} & set(found)


def test_a_word_the_tagger_took_into_a_known_name(coder: Coder) -> None:
    actor = _actors(coder, "Furious Theresa May gave the envoy a deadline.")["Furious Theresa May"]
    assert (actor.country, actor.name) == ("GBR", "Theresa May")
