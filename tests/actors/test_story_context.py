"""What a story says binds for the rest of it: names, titles, pronouns, descriptions,
the opposition of the country in context; unknown people never get a guessed country."""

from __future__ import annotations

import datetime as dt

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Article, Dateline, Mention
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _mentions(coder: Coder, text: str, **article: object) -> list[Mention]:
    [parsed] = parse_articles(coder.nlp, [Article(id="s", text=text, **article)])  # type: ignore[arg-type]
    return resolve_mentions(parsed, coder.knowledge)


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.actor.text: m for m in mentions}


def test_surname_and_title_after_a_full_mention(coder: Coder) -> None:
    text = (
        "Peruvian President Ana Quispe met Chilean diplomats on Monday. "
        "Quispe thanked them. The president later left for Lima."
    )
    found = _by_text(_mentions(coder, text))
    assert found["Quispe"].actor.code == "PERGOV"
    assert found["Quispe"].actor.resolved_by == "learned"
    assert found["The president"].actor.code == "PERGOV"
    assert found["The president"].actor.name == "Ana Quispe"
    assert found["The president"].actor.resolved_by == "context"


def test_he_points_to_the_person_and_it_to_the_country(coder: Coder) -> None:
    text = (
        "Peruvian Foreign Minister Ana Quispe criticised Chile on Monday. "
        "She said talks would resume. Chile rejected the claim. It recalled its envoy."
    )
    mentions = _mentions(coder, text)
    pronouns = {m.actor.text: m.actor for m in mentions if m.actor.resolved_by == "context"}
    assert pronouns["She"].code == "PERGOV"
    assert pronouns["It"].code == "CHL"
    # "its envoy": the possessive gives the envoy its country
    assert _by_text(mentions)["its envoy"].actor.code == "CHLGOV"
    she = next(m for m in mentions if m.actor.text == "She")
    assert coder.nlp(text)[she.head].text == "She"  # a token index, usable by events/


def test_a_pronoun_is_not_its_own_verbs_other_argument(coder: Coder) -> None:
    text = "Peruvian President Ana Quispe met Chilean President Tomas Rivas. Rivas praised her."
    pronouns = [m for m in _mentions(coder, text) if m.actor.text == "her"]
    assert [m.actor.code for m in pronouns] == ["PERGOV"]


def test_a_titled_name_takes_the_country_of_the_description_before_it(coder: Coder) -> None:
    text = (
        "Chile's chief negotiator said on Monday that talks had failed. "
        "Peru dismissed the remarks of Deputy Foreign Minister Pablo Serrano."
    )
    serrano = next(m for m in _mentions(coder, text) if m.actor.name == "Pablo Serrano")
    assert serrano.actor.code == "CHLGOV"
    assert serrano.actor.resolved_by == "context"


def test_no_bridge_when_descriptions_disagree(coder: Coder) -> None:
    text = (
        "Chile's chief negotiator and Peru's chief negotiator met on Monday. "
        "Deputy Foreign Minister Pablo Serrano spoke first."
    )
    serrano = next(m for m in _mentions(coder, text) if m.actor.name == "Pablo Serrano")
    assert serrano.actor.country is None and serrano.actor.code == "GOV"


def test_unknown_people_never_get_a_guessed_country(coder: Coder) -> None:
    text = (
        "Peruvian President Ana Quispe met Jorge Ballesteros in Quito, Ecuador. "
        "Minister Luis Ortega left."
    )
    found = {m.actor.name: m.actor for m in _mentions(coder, text) if m.actor.name}
    assert "Jorge Ballesteros" not in found  # untitled and unknown: not coded
    # The story names two countries: no country for a minister of neither stated.
    assert found["Luis Ortega"].code == "GOV" and found["Luis Ortega"].country is None


def test_a_title_takes_the_one_country_the_story_names(coder: Coder) -> None:
    text = "Peruvian President Ana Quispe met Jorge Ballesteros. Minister Luis Ortega left."
    found = {m.actor.name: m.actor for m in _mentions(coder, text) if m.actor.name}
    assert "Jorge Ballesteros" not in found  # untitled: still not coded
    assert found["Luis Ortega"].code == "PERGOV"
    assert found["Luis Ortega"].resolved_by == "context"


def test_the_backed_opposition_is_the_country_in_context(coder: Coder) -> None:
    text = "Envoys of President Ana Quispe and the U.S.-backed opposition met in Lima."
    found = _by_text(_mentions(coder, text, dateline=Dateline("LIMA, Peru (AP) —", "LIMA", "Peru")))
    assert found["the U.S.-backed opposition"].actor.code == "PEROPP"


def test_opposition_coordinated_with_a_government(coder: Coder) -> None:
    text = "Representatives of the Peruvian government and the opposition met on Friday."
    found = _by_text(_mentions(coder, text))
    assert found["the opposition"].actor.code == "PEROPP"


def test_coordination_keeps_each_phrase_its_own(coder: Coder) -> None:
    text = "The talks came after Quispe and Chilean President Tomas Rivas spoke by phone."
    found = _by_text(_mentions(coder, text))
    assert found["Chilean President Tomas Rivas"].actor.code == "CHLGOV"
    assert "Quispe and Chilean President Tomas Rivas" not in found


def test_title_hung_on_a_conjunct_still_titles_the_name(coder: Coder) -> None:
    text = (
        "Flanked by Chilean Deputy Prime Minister Tomas Rivas and Peruvian Energy Minister "
        "Luis Ortega Vidal, the envoy spoke."
    )
    names = {m.actor.name: m.actor.code for m in _mentions(coder, text) if m.actor.name}
    assert names == {"Tomas Rivas": "CHLGOV", "Luis Ortega Vidal": "PERGOV"}


def test_demonyms_proxies_and_organisations(coder: Coder) -> None:
    found = _by_text(
        _mentions(
            coder,
            "Palestinians rejected an Indian proposal. Bosnian Serbs protested. "
            "UN peacekeepers left. Red Cross officials spoke. Hamas fired rockets.",
        )
    )
    assert found["Palestinians"].actor.code == "PSE"
    assert found["an Indian proposal"].actor.code == "IND"
    # a nation's people in another country are its civilians, not either state
    assert found["Bosnian Serbs"].actor.code == "BIHCVL"
    assert found["UN peacekeepers"].actor.code == "IGOUNOMIL"
    assert found["Red Cross officials"].actor.code == "NGOHLHIRC"
    assert found["Hamas"].actor.country == "PSE"


def test_ethnic_groups_do_not_take_the_kin_country(coder: Coder) -> None:
    codes = {m.actor.code for m in _mentions(coder, "Ethnic Albanians protested in Skopje.")}
    assert "ALB" not in codes


def test_story_date_is_the_default_anchor(coder: Coder) -> None:
    found = _by_text(_mentions(coder, "Putin spoke.", date=dt.date(2010, 1, 1)))
    assert found["Putin"].actor.code == "RUSGOV"  # prime minister then


def test_congolese_by_the_congo_the_story_names(coder: Coder) -> None:
    def code_of(text: str, phrase: str) -> str | None:
        found = _by_text(_mentions(coder, text))
        return found[phrase].actor.code if phrase in found else None

    assert code_of("Congolese troops crossed the river.", "Congolese troops") == "CODMIL"
    assert code_of("Congolese troops left Brazzaville on Monday.", "Congolese troops") == "COGMIL"
    assert code_of("Korean diplomats met in Seoul.", "Korean diplomats") == "KORGOV"
    assert code_of("Korean diplomats met on Monday.", "Korean diplomats") == "GOV"  # which Korea?
    assert code_of("Congo protested to Kinshasa's neighbours.", "Congo") == "COD"


def test_a_longer_name_is_not_split_by_a_shared_one(coder: Coder) -> None:
    found = _by_text(_mentions(coder, "North Korea fired missiles at South Korean ships."))
    assert found["North Korea"].actor.code == "PRK"
