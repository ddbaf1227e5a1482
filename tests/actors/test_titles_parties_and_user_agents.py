"""Rules added for real news and users' dictionaries: dated historical leaders, local
role nouns, a titled person not taken for the country they address, bare titles
pointing back to a leader the table named, and PETRARCH-style agent assembly (a
user's agent over our organisation name, every agent of a phrase, agents from the
user's dictionary only). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.knowledge import ActorKnowledge, load_actor_knowledge, load_dictionaries
from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Actor, Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _actors(
    coder: Coder, text: str, date: dt.date | None = None, knowledge: ActorKnowledge | None = None
) -> dict[str, Actor]:
    [parsed] = parse_articles(coder.nlp, [Article(id="t", text=text, date=date)])
    return {m.actor.text: m.actor for m in resolve_mentions(parsed, knowledge or coder.knowledge)}


@pytest.mark.parametrize(
    ("date", "code"),
    [(dt.date(1996, 3, 1), "IDNGOV"), (dt.date(2003, 3, 1), "IDNELI")],
)
def test_a_twentieth_century_leader_by_the_storys_date(
    coder: Coder, date: dt.date, code: str
) -> None:
    actors = _actors(coder, "Suharto told reporters the army would stay.", date)
    assert actors["Suharto"].code == code


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        (
            "Public Advocate Dana Morrow sued the housing agency.",
            "Public Advocate Dana Morrow",
            "GOV",
        ),
        ("City Councilman Felix Arden criticized the mayor.", "City Councilman Felix Arden", "LEG"),
        ("The councilwoman voted against the budget.", "The councilwoman", "LEG"),
    ],
)
def test_local_office_holders(coder: Coder, text: str, phrase: str, sector: str) -> None:
    assert _actors(coder, text)[phrase].sector == sector


def test_a_monitoring_group_by_its_acronym(coder: Coder) -> None:
    actors = _actors(coder, "SOHR said at least nine people died in the shelling.")
    assert actors["SOHR"].code == "SYRNGOHRI"


def test_a_title_is_not_given_the_country_it_addresses(coder: Coder) -> None:
    # The story's one country is the other party: no guess, rather than a wrong one.
    actors = _actors(coder, "Prime Minister Orin Vasko sent condolences to the Government of Peru.")
    assert actors["Prime Minister Orin Vasko"].country is None


def test_a_title_still_takes_the_country_where_it_acts(coder: Coder) -> None:
    actors = _actors(coder, "Judge Mara Lint charged three officers in Peru.")
    assert actors["Judge Mara Lint"].code == "PERJUD"


def test_a_bare_title_points_back_to_a_leader_the_table_named(coder: Coder) -> None:
    actors = _actors(
        coder, "Maduro thanked Russia for its help. The president said more was needed.",
        dt.date(2022, 2, 16),
    )  # fmt: skip
    president = actors["The president"]
    assert president.code == "VENGOV"
    assert president.name is not None and "Maduro" in president.name


def test_a_pronoun_keeps_its_own_text_and_the_antecedents_name(coder: Coder) -> None:
    [parsed] = parse_articles(
        coder.nlp,
        [Article(id="p", text="Putin arrived in Minsk. He said the talks went well.",
                 date=dt.date(2022, 2, 16))],
    )  # fmt: skip
    he = next(m.actor for m in resolve_mentions(parsed, coder.knowledge) if m.actor.text == "He")
    assert (he.code, he.name) == ("RUSGOV", "Vladimir Putin")


@pytest.fixture(scope="module")
def user_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("dictionaries")
    actors = folder / "vandor.actors.txt"
    actors.write_text("VANDOR [VDR]\nKELMAR [KLM]\n", encoding="utf-8")
    agents = folder / "vandor.agents.txt"
    agents.write_text("MSF [NGO~]\nENVOY [~GOV]\nHARBOR_COUNCIL [~HBR]\n", encoding="utf-8")
    return actors, agents


def _user_knowledge(coder: Coder, files: tuple[Path, Path], only: bool) -> ActorKnowledge:
    actors, agents = load_dictionaries([files[0]], [files[1]])
    return load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)],
        actors,
        agents,
        only_user_agents=only,
    )


def test_a_users_prefix_agent_beats_our_organisation_name(
    coder: Coder, user_files: tuple[Path, Path]
) -> None:
    # "MSF" is ours as an organisation; the user's agents file makes it a prefix agent.
    knowledge = _user_knowledge(coder, user_files, only=False)
    actors = _actors(coder, "MSF Vandor praised Kelmar on Monday.", knowledge=knowledge)
    assert actors["MSF Vandor"].code == "NGOVDR"


def test_every_user_agent_of_a_phrase_adds_its_code(
    coder: Coder, user_files: tuple[Path, Path]
) -> None:
    knowledge = _user_knowledge(coder, user_files, only=False)
    actors = _actors(coder, "An MSF Vandor envoy praised Kelmar.", knowledge=knowledge)
    assert actors["An MSF Vandor envoy"].code == "NGOVDRGOV"


def test_only_user_agents_leaves_out_our_role_nouns(
    coder: Coder, user_files: tuple[Path, Path]
) -> None:
    text = "Kelmar police arrested a Vandor envoy."
    ours_too = _actors(coder, text, knowledge=_user_knowledge(coder, user_files, only=False))
    only = _actors(coder, text, knowledge=_user_knowledge(coder, user_files, only=True))
    assert ours_too["Kelmar police"].code == "KLMCOP"
    assert only["Kelmar police"].code == "KLM"
    assert only["a Vandor envoy"].code == "VDRGOV"  # the user's own agent still counts


@pytest.mark.parametrize("command", [["code"], ["ingest"], ["eval", "petrarch"]])
def test_the_only_user_agents_flag_is_offered(command: list[str]) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "--only-user-agents" in result.output


@pytest.mark.parametrize(
    ("date", "country"),
    [(dt.date(1996, 5, 2), "SDN"), (dt.date(2016, 5, 2), "SSD"), (None, "SSD")],
)
def test_a_city_of_a_state_that_split_off_is_the_older_states_before(
    coder: Coder, date: dt.date | None, country: str
) -> None:
    actors = _actors(coder, "Rebels shelled Juba and South Sudanese officials fled.", date)
    assert actors["Juba"].country == country
    assert actors["South Sudanese officials"].country == country


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("A priest from Leeds was detained in Chad.", "A priest", "GBRREL"),
        ("The government of Balochistan province ordered patrols.", "The government", "PAKGOV"),
    ],
)
def test_a_place_the_tables_do_not_name_gives_its_country(
    coder: Coder, text: str, phrase: str, code: str
) -> None:
    assert _actors(coder, text)[phrase].code == code


def test_a_role_with_a_plural_inside_matches_by_lemma(coder: Coder) -> None:
    actors = _actors(coder, "Two human rights activists and the foreign affairs minister met.")
    assert actors["Two human rights activists"].sector == "OPP"


def test_a_longer_name_after_an_article_alias_wins(coder: Coder) -> None:
    # "the UN" is an alias; "UN refugee agency" after it is the longer name.
    actors = _actors(coder, "Officials expelled the UN refugee agency from the camp.")
    assert actors["the UN refugee agency"].code == "IGOUNOHCR"


def test_no_spelling_tolerance_for_a_users_names(
    coder: Coder, user_files: tuple[Path, Path]
) -> None:
    # "Vandorr" is one letter off the user's VANDOR: their names match as written.
    knowledge = _user_knowledge(coder, user_files, only=False)
    actors = _actors(coder, "Vandorr praised Kelmar on Monday.", knowledge=knowledge)
    assert all(actor.country != "VDR" for actor in actors.values())
    assert actors["Kelmar"].code == "KLM"


@pytest.mark.parametrize(
    ("date", "code"), [(dt.date(2010, 4, 1), "RUS"), (dt.date(2019, 4, 1), "RUSGOV")]
)
def test_a_press_secretary_named_by_surname_alone(coder: Coder, date: dt.date, code: str) -> None:
    # Before his first term in the table the country is all the table knows.
    actors = _actors(coder, "Peskov told reporters the offer still stood.", date)
    assert actors["Peskov"].code == code


def test_an_acronym_in_brackets_is_the_name_before_it(coder: Coder, tmp_path: Path) -> None:
    # The user's dictionary knows the full name only; ours knows the acronym otherwise.
    actors_file = tmp_path / "eu.actors.txt"
    actors_file.write_text("EUROPEAN_UNION [IGOEEU]\nKELMAR [KLM]\n", encoding="utf-8")
    found, agents = load_dictionaries([actors_file], [])
    knowledge = load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], found, agents
    )
    actors = _actors(
        coder, "Kelmar and the European Union (EU) signed a deal.", knowledge=knowledge
    )
    assert {actor.code for actor in actors.values()} == {"KLM", "IGOEEU"}


def test_a_bracketed_name_that_is_no_acronym_of_the_name_before_stays(coder: Coder) -> None:
    actors = _actors(coder, "The monitors deployed in Lebanon (UNIFIL) reported new shelling.")
    assert actors["UNIFIL"].code.startswith("IGOUNO")


def test_a_role_of_a_users_group_keeps_the_groups_code(coder: Coder, tmp_path: Path) -> None:
    # PETRARCH's way: the group's own code, then the role's ("of" names the group).
    actors_file = tmp_path / "league.actors.txt"
    actors_file.write_text("RIVER_LEAGUE [KLMRVL]\nVANDOR [VDR]\n", encoding="utf-8")
    agents_file = tmp_path / "league.agents.txt"
    agents_file.write_text("ORGANIZER [~OPP]\n", encoding="utf-8")
    found, agents = load_dictionaries([actors_file], [agents_file])
    knowledge = load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], found, agents
    )
    actors = _actors(
        coder, "Organizers of the River League praised Vandor on Monday.", knowledge=knowledge
    )
    assert actors["Organizers"].code == "KLMRVLOPP"
