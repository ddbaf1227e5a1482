"""Reading PETRARCH actor and agent dictionaries (fixtures in tests/fixtures/petrarch)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.petrarch import (
    DictionaryActor,
    DictionaryAgent,
    PetrarchDictionaryWarning,
    parse_petrarch_date,
    read_actor_dictionary,
    read_agent_dictionary,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "petrarch"


@pytest.fixture(scope="module")
def actors() -> list[DictionaryActor]:
    with pytest.warns(PetrarchDictionaryWarning, match=r"actors.txt:\d+: actor entry has no code"):
        return read_actor_dictionary(FIXTURES / "actors.txt")


@pytest.fixture(scope="module")
def agents() -> list[DictionaryAgent]:
    with pytest.warns(PetrarchDictionaryWarning) as caught:
        result = read_agent_dictionary(FIXTURES / "agents.txt")
    messages = [str(w.message) for w in caught]
    assert any("agent has no code" in m for m in messages)
    assert any("substitution marker" in m for m in messages)
    return result


def codes_of(
    actors: list[DictionaryActor], *words: str
) -> list[tuple[str, dt.date | None, dt.date | None]]:
    return [(a.code, a.valid_from, a.valid_until) for a in actors if a.phrase == words]


def test_comments_are_skipped(actors: list[DictionaryActor]) -> None:
    assert not [a for a in actors if a.phrase == ("zztop",)]


def test_entry_and_synonyms_share_the_code(actors: list[DictionaryActor]) -> None:
    assert actors[:3] == [
        DictionaryActor(("aldoria",), "ALD"),
        DictionaryActor(("aldorian",), "ALD"),
        DictionaryActor(("aldoria", "city"), "ALD"),
    ]


def test_tabari_quirks(actors: list[DictionaryActor]) -> None:
    # trailing underscore, spaces inside the brackets, ';' comment
    assert codes_of(actors, "bravia") == [("BRV", None, None)]
    # punctuation stays inside words; codes are upper-cased
    assert codes_of(actors, "u.s.", "of", "bravia") == [("BRV", None, None)]
    # '#' inside brackets is a code, not a comment; several codes on one line
    assert codes_of(actors, "fog") == [("###", None, dt.date(1988, 12, 31)), ("---", None, None)]
    assert codes_of(actors, "carnia") == [("CRN/ALD", None, None)]


def test_date_restrictions(actors: list[DictionaryActor]) -> None:
    expected = [
        ("ALDELI", None, dt.date(1989, 12, 31)),
        ("ALDGOV", dt.date(1990, 1, 1), dt.date(2005, 12, 31)),
        ("ALDREB", dt.date(2006, 1, 1), None),
        ("ALD", None, None),
    ]
    assert codes_of(actors, "king", "otto") == expected
    assert codes_of(actors, "otto", "the", "great") == expected


def test_entry_without_code_is_skipped(actors: list[DictionaryActor]) -> None:
    assert not [a for a in actors if a.phrase == ("nobody",)]
    assert len(actors) == 3 + 1 + 1 + 8 + 1 + 2


@pytest.mark.parametrize(
    "text",
    [
        "GONDOR [GON]\n[GONGOV 2001X-2002]\n",
        "GONDOR [GON\n",
        "+MINAS_TIRITH\n",
        "GONDOR [GON]\n<!-- never closed\n",
    ],
)
def test_malformed_actor_files_name_file_and_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.actors.txt"
    path.write_text(text)
    with pytest.raises(ValueError, match=r"bad\.actors\.txt:\d+"):
        read_actor_dictionary(path)


def test_agent_plurals_and_positions(agents: list[DictionaryAgent]) -> None:
    suffix = {a.phrase: a.code for a in agents if a.position == "suffix"}
    assert suffix[("soldier",)] == suffix[("soldiers",)] == "MIL"
    assert suffix[("military", "authorities")] == "MIL"  # Y -> IES
    assert suffix[("congresses",)] == "LEG"  # S -> SES
    assert suffix[("chiefs", "of", "staff")] == "MIL"  # explicit plural only
    assert ("chief", "of", "staffs") not in suffix
    assert suffix[("police",)] == "COP"  # {} : no plural, spaces in [ ~COP]
    assert ("polices",) not in suffix
    assert [a for a in agents if a.position == "prefix"] == [
        DictionaryAgent(("aid", "group"), "NGO", "prefix"),
        DictionaryAgent(("aid", "groups"), "NGO", "prefix"),
    ]


def test_agent_macro_expands_without_plurals(agents: list[DictionaryAgent]) -> None:
    congress = [
        a.phrase
        for a in agents
        if a.phrase[0].startswith("congress") and a.phrase[0] not in ("congress", "congresses")
    ]
    assert congress == [("congressman",), ("congresswoman",), ("congressperson",)]
    assert not [a for a in agents if a.code == "XXX"]  # undefined marker: skipped


def test_parse_petrarch_date() -> None:
    assert parse_petrarch_date("19950601") == dt.date(1995, 6, 1)
    assert parse_petrarch_date("300101") == dt.date(2030, 1, 1)
    assert parse_petrarch_date("310101") == dt.date(1931, 1, 1)
    with pytest.raises(ValueError):
        parse_petrarch_date("1995061")
