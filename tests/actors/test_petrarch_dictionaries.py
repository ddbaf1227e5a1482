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
    read_discard_list,
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


def test_discard_list_story_phrases_first_and_whole_words(tmp_path: Path) -> None:
    path = tmp_path / "ours.discards.txt"
    path.write_text("# discards we wrote\nMONTHS LATER\n+CRICKET   # story level\nDERBY_\n")
    phrases = read_discard_list(path)
    assert [(p.text, p.story, p.whole_word) for p in phrases] == [
        ("CRICKET", True, False),
        ("MONTHS LATER", False, False),
        ("DERBY", False, True),
    ]
    cricket, later, derby = phrases
    assert cricket.found_in("Aldoria hosted a cricket final.")
    assert cricket.found_in("Aldoria hosted cricketers.")  # PETRARCH's substring test
    assert later.found_in("Months later, Bravia left.")
    assert derby.found_in("Aldoria won the derby.")
    assert not derby.found_in("Aldoria won the derbyshire cup.")
    assert not cricket.found_in("Aldoria praised Bravia.")


# A verb dictionary we wrote in PETRARCH's layout, then one in TABARI's.
PETRARCH_VERBS = """
&ASSETS_
+FUNDS
+&METALS
&METALS
+GOLD BARS

--- SLOW  [031:031]  ---
SLOW
STALL [014]
+HOLD_UP {+HELD_UP}
BANK_+ROB
- * FOR_REPAIRS [071]
- * &ASSETS_ [070]
- IN_* [075]
- WILL NOT * [081]
"""

TABARI_VERBS = """
PRAISE  [051]
- * { WARMLY | LOUDLY } [051]
RECALL AMBASSADOR  [161]
HALT_  [191]
- * TRADE  [163]
SNUB  [9XX]
"""


def _entries(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    from eventwire.events.cameo import load_cameo_codebook
    from eventwire.events.petrarch_verbs import read_petrarch_verbs

    return {
        (e.code, e.verb, e.objects) for e in read_petrarch_verbs(text, load_cameo_codebook(), "t")
    }


def test_petrarch_verb_block_members_and_patterns() -> None:
    entries = _entries(PETRARCH_VERBS)
    # A member with its own code keeps it; the paired code keeps its first half.
    assert ("014", "stall", ()) in entries
    assert {("031", "slow", ()), ("031", "hold up", ())} <= entries
    # Patterns apply to every verb of the block; `*_WORD` words follow the verb.
    assert ("071", "stall", ("for repairs",)) in entries
    # Synsets inside synsets are expanded; a synset's trailing `_` is a connector.
    assert ("070", "slow", ("funds", "gold bars")) in entries
    # Words before the verb (IN_*, WILL NOT *, BANK_+ROB) cannot be required: skipped.
    assert not {e for e in entries if e[0] in ("075", "081")}
    assert not {e for e in entries if "rob" in e[1]}


def test_tabari_verb_lines_with_words_and_alternatives() -> None:
    entries = _entries(TABARI_VERBS)
    assert ("051", "praise", ()) in entries
    assert ("051", "praise", ("warmly", "loudly")) in entries
    # Words after the verb on its own line must follow it.
    assert ("161", "recall", ("ambassador",)) in entries
    # TABARI's trailing `_` is dropped; codes that are not CAMEO are skipped.
    assert {("191", "halt", ()), ("163", "halt", ("trade",))} <= entries
    assert not {e for e in entries if e[1] == "snub"}
