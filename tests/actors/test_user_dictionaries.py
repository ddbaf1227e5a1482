"""Users' dictionaries: PETRARCH files and our YAML, date-restricted codes, agent
substitution, tokenisation like the text, and theirs over ours."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from eventwire.actors.knowledge import load_actor_knowledge, load_dictionaries
from eventwire.actors.resolve import resolve_mentions
from eventwire.actors.yaml_dictionary import read_yaml_dictionary
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "actors"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "gold" / "cameo" / "petrarch2-unittests"


@pytest.fixture(scope="module")
def petrarch_knowledge(coder: Coder):  # type: ignore[no-untyped-def]
    actors, agents = load_dictionaries(
        [FIXTURES / "dated.actors.txt"], [FIXTURES / "dated.agents.txt"]
    )
    return load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], actors, agents
    )


@pytest.fixture(scope="module")
def yaml_knowledge(coder: Coder):  # type: ignore[no-untyped-def]
    actors, agents = load_dictionaries([FIXTURES / "ours.yaml"], [])
    return load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], actors, agents
    )


def _codes(coder: Coder, knowledge, text: str, date: dt.date | None = None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    [parsed] = parse_articles(coder.nlp, [Article(id="d", text=text, date=date)])
    return {m.actor.text: m.actor.code for m in resolve_mentions(parsed, knowledge)}


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(1998, 5, 1), "ARNREB"),
        (dt.date(2000, 1, 1), "ARNGOV"),  # ranges are inclusive
        (dt.date(2005, 12, 31), "ARNGOV"),
        (dt.date(2006, 1, 1), "ARNOPP"),
    ],
)
def test_date_restricted_codes(coder: Coder, petrarch_knowledge, date: dt.date, code: str) -> None:  # type: ignore[no-untyped-def]
    assert (
        _codes(coder, petrarch_knowledge, "Talmira Ossen visited Chile.", date)["Talmira Ossen"]
        == code
    )


def test_synonym_shares_the_dated_codes(coder: Coder, petrarch_knowledge) -> None:  # type: ignore[no-untyped-def]
    assert (
        _codes(coder, petrarch_knowledge, "Ossen visited Chile.", dt.date(2003, 1, 1))["Ossen"]
        == "ARNGOV"
    )


def test_default_code_outside_the_restriction(coder: Coder, petrarch_knowledge) -> None:  # type: ignore[no-untyped-def]
    text = "Varda Kell visited Chile."
    assert _codes(coder, petrarch_knowledge, text, dt.date(2010, 6, 1))["Varda Kell"] == "ARNMIL"
    assert _codes(coder, petrarch_knowledge, text, dt.date(2011, 6, 1))["Varda Kell"] == "ARN"


def test_hyphenated_entry_matches_the_tokenised_text(coder: Coder, petrarch_knowledge) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(coder, petrarch_knowledge, "The Al-Qiran Front attacked Chile.")
    assert "ARNREB" in codes.values()


def test_compound_code_keeps_one_code(coder: Coder, petrarch_knowledge) -> None:  # type: ignore[no-untyped-def]
    assert "GAL" in _codes(coder, petrarch_knowledge, "Chile praised Lorien Vale.").values()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Arnorian harbour wardens seized a ship.", "ARNCOP"),  # regular plural
        ("An Arnorian riverman protested.", "ARNAGR"),  # !PERSON! substitution
        ("An Arnorian relief body protested.", "NGOARN"),  # prefix agent
    ],
)
def test_agents(coder: Coder, petrarch_knowledge, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code in _codes(coder, petrarch_knowledge, text).values()


def test_theirs_override_ours(coder: Coder) -> None:
    actors, agents = load_dictionaries([FIXTURES / "dated.actors.txt"], [])
    knowledge = load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], actors, agents
    )
    # "Arnor" is theirs; and a user's entry for a country we know replaces ours
    from eventwire.actors.petrarch import DictionaryActor

    chile = DictionaryActor(("chile",), "XCH")
    knowledge = load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], [*actors, chile], agents
    )
    codes = _codes(coder, knowledge, "Arnor criticised Chile.")
    assert codes["Arnor"] == "ARN" and codes["Chile"] == "XCH"
    [parsed] = parse_articles(coder.nlp, [Article(id="d", text="Arnor criticised Chile.")])
    assert {m.actor.resolved_by for m in resolve_mentions(parsed, knowledge)} == {"dictionary"}


def test_yaml_dictionary(coder: Coder, yaml_knowledge) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, yaml_knowledge, "Ossen met Perrin Voss.", dt.date(2003, 1, 1)) == {
        "Ossen": "ARNGOV",
        "Perrin Voss": "CHLGOV",
    }
    assert _codes(coder, yaml_knowledge, "Ossen spoke.", dt.date(2009, 1, 1)) == {"Ossen": "ARNOPP"}
    assert "CHLCOP" in _codes(coder, yaml_knowledge, "Chilean harbour wardens spoke.").values()
    assert "NGOCHL" in _codes(coder, yaml_knowledge, "A Chilean relief body spoke.").values()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("actors: [{name: X}]", "needs 'code' or 'codes'"),
        ("actors: [{code: ARN}]", "needs a 'name'"),
        ("actors: [{name: X, codes: [{code: ARN, from: someday}]}]", "not a date"),
        ("agents: [{term: warden, code: COP, position: middle}]", "position"),
        ("people: []", "expected a mapping"),
        ("actors: [", "not valid YAML"),
    ],
)
def test_bad_yaml_is_named(tmp_path: Path, body: str, reason: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=reason) as error:
        read_yaml_dictionary(path)
    assert str(path) in str(error.value)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_petrarch_unit_test_dictionaries_load_with_no_unread_entries(coder: Coder) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a skipped line would warn
        actors, agents = load_dictionaries(
            [SHARED / "PETR.Validate.actors.txt"], [SHARED / "PETR.Validate.agents.txt"]
        )
    knowledge = load_actor_knowledge(
        lambda text: [t.text for t in coder.nlp.tokenizer(text)], actors, agents
    )
    assert len(knowledge.dictionary_names) >= 150
    assert len(knowledge.dictionary_agents) >= 150
    # Date restrictions and synonyms of the suite's own entries.
    codes = [
        _codes(coder, knowledge, "Sam Gamgee met Arnor.", dt.date(2010, 1, 10))["Sam Gamgee"],
        _codes(coder, knowledge, "Smeagol met Arnor.", dt.date(1995, 1, 1))["Smeagol"],
        _codes(coder, knowledge, "Smeagol met Arnor.", dt.date(1999, 1, 1))["Smeagol"],
        _codes(coder, knowledge, "Zimbabwe met Arnor.", dt.date(1978, 1, 1))["Zimbabwe"],
    ]
    assert codes == ["ORCHOB", "HOB", "HOBGOV", "RHO"]
