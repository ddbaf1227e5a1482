"""One sentence we wrote for each of the 20 CAMEO roots, coded end to end."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Coder

SENTENCES = [
    ("01", "Chile denied responsibility for the attack on Peru."),
    ("02", "Chile urged Peru to release the prisoners."),
    ("03", "Chile promised economic aid to Peru."),
    ("04", "Chile met with Peru in Lima."),
    ("05", "Chile praised Peru for its help."),
    ("06", "Chile shared intelligence with Peru."),
    ("07", "Chile sent humanitarian aid to Peru."),
    ("08", "Chile withdrew its troops from Peru."),
    ("09", "Chile investigated Peru for corruption."),
    ("10", "Chile demanded the release of Peruvian prisoners."),
    ("11", "Chile condemned Peru."),
    ("12", "Chile rejected talks with Peru."),
    ("13", "Chile threatened Peru with sanctions."),
    ("14", "Chilean students protested against Peru."),
    ("15", "Chile deployed troops to the border with Peru."),
    ("16", "Chile expelled Peru's ambassador."),
    ("17", "Chile arrested Peruvian activists."),
    ("18", "Chilean rebels kidnapped Peruvian soldiers."),
    ("19", "Chile shelled Peru."),
    ("20", "Chile massacred Peruvian civilians."),
]


def test_every_root_has_a_sentence() -> None:
    assert [root for root, _ in SENTENCES] == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(("root", "text"), SENTENCES, ids=[root for root, _ in SENTENCES])
def test_root_is_coded(coder: Coder, root: str, text: str) -> None:
    events = coder.code_one(Article(id=f"root-{root}", text=text)).events
    roots = {event.cameo[:2] for event in events}
    assert root in roots, [(e.cameo, e.evidence and e.evidence.entry) for e in events]
    event = next(e for e in events if e.cameo[:2] == root)
    assert event.source is not None and event.source.country == "CHL"
    assert event.cameo_label and -10 <= event.goldstein <= 10


# ------------------------------------------------------------ recoding rules


def _coded(coder: Coder, text: str) -> list[tuple[str, str | None, str | None, bool, str]]:
    events = coder.code_one(Article(id="recode", text=text)).events
    return [
        (
            e.cameo,
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.negated,
            e.modality,
        )
        for e in events
        if not e.cameo.startswith("01")
    ]


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        # Withholding a cooperative act is a rejection (CAMEO 12), asserted.
        ("Chile failed to reach an agreement with Peru.", "127"),
        ("Chile will not lift the sanctions on Peru.", "12"),
        ("Chile refused to send peacekeepers to Peru.", "12"),
    ],
)
def test_withheld_cooperation_is_a_rejection(coder: Coder, text: str, prefix: str) -> None:
    found = _coded(coder, text)
    assert any(code.startswith(prefix) and not negated for code, *_, negated, _m in found), found


def test_vowing_a_hostile_act_is_a_threat_but_a_plan_is_not(coder: Coder) -> None:
    assert any(code.startswith("13") for code, *_ in _coded(coder, "Chile vowed to fight Peru."))
    planned = _coded(coder, "Chile plans to attack Peru.")
    assert [(code, modality) for code, *_, modality in planned] == [("190", "intended")]


def test_future_cooperation_is_an_intent(coder: Coder) -> None:
    found = _coded(coder, "Chile will send humanitarian aid to Peru.")
    assert [code for code, *_ in found] == ["0333"]


def test_reported_pronoun_subject_is_the_speaker(coder: Coder) -> None:
    found = _coded(coder, "Chilean officials said they would boycott all contact with Peru.")
    assert any(source == "CHLGOV" and target == "PER" for _, source, target, *_ in found), found


def test_unknown_target_is_kept_only_when_the_sentence_names_one(coder: Coder) -> None:
    # "destroyed three bridges": what was hit is named, just not an actor we code.
    found = _coded(coder, "Chilean soldiers destroyed three bridges near the border.")
    assert found and found[0][2] is None
    assert _coded(coder, "Chile attacked.") == []


def test_complement_makes_the_governing_verb_redundant(coder: Coder) -> None:
    found = _coded(coder, "Chile agreed to meet Peru next week.")
    assert [code for code, *_ in found] == ["036"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chile accepted Peruvian refugees.", "075"),
        ("Chile eased travel restrictions on Peru.", "081"),
        ("Chile closed its border with Peru.", "172"),
        ("Chile cancelled a planned visit to Peru.", "160"),
        ("Chile lodged a formal protest with Peru.", "114"),
        ("Chile and Peru held joint military exercises.", "062"),
        ("Chile welcomed the decision of Peru.", "051"),
        ("Chile suspended military aid to Peru.", "1622"),
        ("Chilean rebels blew up a bridge near the border with Peru.", "1712"),
    ],
)
def test_everyday_wording_is_coded(coder: Coder, text: str, code: str) -> None:
    found = _coded(coder, text)
    assert code in [c for c, *_ in found], found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Verbal defence, recognition, verdicts: the CAMEO code the verb's sense names.
        ("Chile defended Peru's position on the border dispute.", "052"),
        ("Chile established diplomatic relations with Peru.", "054"),
        ("A Chilean court convicted three Peruvian smugglers.", "116"),
        ("Chile appreciated Peru's help.", "051"),
        ("Chile called Peru's president a liar.", "111"),
        ("Chile sent investigators to Peru after the crash.", "090"),
        ("Chile pressured Peru to release the prisoners.", "1053"),
        ("Chile gave Peru a stern warning to stop its incursions.", "130"),
        # A phrase outranks the generic verb it contains.
        ("Chile struck a trade deal with Peru.", "057"),
        ("Chilean police opened fire on Peruvian protesters.", "193"),
        ("Chilean workers called off their strike against a Peruvian company.", "082"),
        ("Chilean workers stopped work in a strike against a Peruvian company.", "143"),
        ("Chile threatened to stop negotiations with Peru on nuclear weapons.", "134"),
        ("Chile mobilized troops for a move against Peru.", "154"),
        ("Chilean peacekeepers arrived in Peru for a peacekeeping mission.", "074"),
        ("Chile forced Peruvian aid workers to leave.", "1663"),
        ("Chilean rebels killed the deputy chief of the Peruvian army.", "186"),
        ("Chile declared a state of siege in the border province.", "1724"),
        ("Chile returned the smuggled animals to Peru.", "0842"),
        ("Chilean police took two Peruvian smugglers into custody.", "173"),
        ("Chilean rebels overran a Peruvian army base.", "192"),
    ],
)
def test_lexicon_senses_are_coded(coder: Coder, text: str, code: str) -> None:
    found = _coded(coder, text)
    assert code in [c for c, *_ in found], found


def test_rejecting_an_accusation_denies_responsibility(coder: Coder) -> None:
    # "human rights" names what was alleged, not a demand for rights that is refused.
    events = coder.code_one(
        Article(id="deny", text="Chile rejected accusations of human rights abuses by Peru.")
    ).events
    assert "016" in [e.cameo for e in events], [(e.cameo, e.evidence) for e in events]
