from pathlib import Path

import pytest

from eventwire.events.cameo import load_cameo_codebook
from eventwire.events.lexicon import load_lexicon
from eventwire.model import Article
from eventwire.pipeline import Coder


def test_shipped_lexicon_codes_exist_and_cover_every_root() -> None:
    codebook = load_cameo_codebook()
    lexicon = load_lexicon(codebook)
    assert len(lexicon) > 300
    codes = lexicon.codes()
    assert codes <= {code.code for code in codebook}
    assert {code[:2] for code in codes} == {f"{n:02d}" for n in range(1, 21)}


def test_bare_verbs_map_to_one_code() -> None:
    lexicon = load_lexicon(load_cameo_codebook())
    for verb, entries in lexicon.by_verb.items():
        bare = [e.code for e in entries if not e.objects and not e.under]
        assert len(bare) <= 1, (verb, bare)


def test_user_entries_add_and_override(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text('- code: "111"\n  verbs: [lambast, attack]\n', "utf-8")
    lexicon = load_lexicon(load_cameo_codebook(), [user])
    assert [e.code for e in lexicon.candidates("lambast")] == ["111"]
    bare_attack = [e for e in lexicon.candidates("attack") if not e.objects and not e.under]
    assert [e.code for e in bare_attack] == ["111"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('- code: "999"\n  verbs: [x]\n', "not a CAMEO code"),
        ('- code: "111"\n', "at least one verb"),
        ('- code: "111"\n  verbs: [x]\n  colour: red\n', "unknown keys"),
        ("code: [unclosed\n", "not valid YAML"),
        ("just text\n", "list of entries"),
    ],
)
def test_bad_user_files_name_the_file(tmp_path: Path, content: str, reason: str) -> None:
    user = tmp_path / "bad.yaml"
    user.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=reason) as info:
        load_lexicon(load_cameo_codebook(), [user])
    assert str(user) in str(info.value)


def test_every_cameo_code_is_reachable_by_an_entry() -> None:
    codebook = load_cameo_codebook()
    lexicon = load_lexicon(codebook)
    codes = lexicon.codes()
    missing = [
        code.code
        for code in codebook
        # A two-digit cue category is reached through the codes of its family.
        if code.code not in codes
        and not (len(code.code) == 2 and any(c.startswith(code.code) for c in codes))
    ]
    assert missing == []
    for code in codebook:
        assert code.label and code.plover.type
        assert code.quad_class in (1, 2, 3, 4)


def test_noun_entries_and_speech_act_families_are_loaded() -> None:
    lexicon = load_lexicon(load_cameo_codebook())
    assert {e.code for e in lexicon.noun_candidates("attack")} >= {"190"}
    assert {e.code for e in lexicon.noun_candidates("sanction")} == {"163"}
    demand = [e for e in lexicon.candidates("demand") if "release" in e.objects]
    assert {e.code for e in demand} >= {"1053"}
    refused = [e for e in lexicon.candidates("release") if "refuse" in e.under]
    assert {e.code for e in refused} == {"1243"}
    assert lexicon.recoding is not None
    assert lexicon.recoding.as_act("intend", "073") == "0333"
    assert lexicon.recoding.as_act("demand", "0841") == "1053"
    assert lexicon.recoding.as_threat("1623") == "1311"
    assert lexicon.recoding.as_act("intend", "190") is None


def test_event_cues_are_loaded() -> None:
    cues = load_lexicon(load_cameo_codebook()).event_cues
    assert {"01", "14"} <= cues.untargeted_roots
    assert "say" in cues.say_verbs and "would" in cues.hypothetical_aux
    assert "previously" in cues.background_adverbs
    assert "hold" in cues.support_verbs
    assert "vow" in cues.commitment_verbs and "try" not in cues.commitment_verbs
    assert "willing" in cues.intent_adjectives


def test_user_noun_entries(tmp_path: Path) -> None:
    user = tmp_path / "nouns.yaml"
    user.write_text('- code: "195"\n  nouns: [sortie]\n', "utf-8")
    lexicon = load_lexicon(load_cameo_codebook(), [user])
    assert [e.code for e in lexicon.noun_candidates("sortie")] == ["195"]


def test_noun_entry_cannot_have_governing_verbs(tmp_path: Path) -> None:
    user = tmp_path / "bad.yaml"
    user.write_text('- code: "195"\n  nouns: [sortie]\n  under: [plan]\n', "utf-8")
    with pytest.raises(ValueError, match="governing verbs"):
        load_lexicon(load_cameo_codebook(), [user])


PETRARCH_VERBS = """<!-- a small dictionary we wrote in PETRARCH's format -->
&TIES
+RELATIONS
+TIES

--- RENEW  [030] ---
RENEW {RENEWS RENEWED}
- * DIPLOMATIC &TIES [064]
- NOT * ANYTHING [120]
- * NONSENSE [999]

--- SCOLD  [111] ---
SCOLD
"""


def test_petrarch_verb_dictionary_as_user_file(tmp_path: Path) -> None:
    from eventwire.events.petrarch_verbs import petrarch_verb_summary

    user = tmp_path / "my.verbs.txt"
    user.write_text(PETRARCH_VERBS, "utf-8")
    lexicon = load_lexicon(load_cameo_codebook(), [user])
    renew = {(e.code, e.objects) for e in lexicon.candidates("renew") if e.origin == str(user)}
    assert renew == {("030", ()), ("064", ("diplomatic relations", "diplomatic ties"))}
    assert [e.code for e in lexicon.candidates("scold")] == ["111"]
    summary = petrarch_verb_summary(PETRARCH_VERBS, load_cameo_codebook())
    assert (summary.skipped_patterns, summary.skipped_codes) == (1, 1)


def test_phrasal_and_object_entries_are_preferred() -> None:
    lexicon = load_lexicon(load_cameo_codebook())
    # "blow up" a power line destroys property; "step down" is a resignation.
    assert "1712" in {e.code for e in lexicon.candidates("blow up")}
    bare = [e.code for e in lexicon.candidates("step down") if not e.objects and not e.under]
    assert bare == ["0831"]
    # Rejecting an accusation denies responsibility.
    rejected = [e for e in lexicon.candidates("reject") if "accusation" in e.objects]
    assert {e.code for e in rejected} == {"016"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "aim" carries intent over a clause, not over an object.
        ("Chilean police aimed their weapons at Peruvian protesters.", "150"),
        ("Chile aims to strengthen military cooperation with Peru.", "0312"),
        ("Chilean activists called for action against the Peruvian police.", "100"),
        ("Chile paid compensation to Peruvian fishermen.", "0842"),
        ("Chilean lawmakers attended a rally against Peru.", "141"),
        ("Chile's foreign minister commented on the election in Peru.", "010"),
        ("Chile provided subsidies to Peruvian farmers.", "071"),
    ],
)
def test_everyday_senses_are_coded(coder: Coder, text: str, code: str) -> None:
    events = coder.code_one(Article(id="sense", text=text)).events
    assert code in {event.cameo for event in events}, [(e.cameo, e.evidence) for e in events]


def test_the_grounds_of_an_arrest_are_not_coded_as_an_act(coder: Coder) -> None:
    text = "Chilean police arrested a Peruvian activist for collaborating with Bolivia."
    codes = {event.cameo for event in coder.code_one(Article(id="g", text=text)).events}
    assert "173" in codes and not any(code.startswith("06") for code in codes)
    # Thanks for an act is no accusation: the act stands.
    text = "Chile thanked Peru for sending aid."
    codes = {event.cameo for event in coder.code_one(Article(id="t", text=text)).events}
    assert {"051", "070"} <= codes


def test_an_act_only_considered_is_no_intent(coder: Coder) -> None:
    events = coder.code_one(
        Article(id="c", text="Chile is considering sending aid to Peru.")
    ).events
    by_code = {event.cameo: event for event in events}
    assert "014" in by_code  # CAMEO's "consider policy option"
    assert not any(code.startswith("03") for code in by_code)
    assert by_code["070"].modality == "hypothetical"


def test_an_act_claimed_by_its_actor_is_a_claim_of_responsibility(coder: Coder) -> None:
    text = "Chilean rebels claimed that they had attacked the Peruvian army."
    codes = {event.cameo for event in coder.code_one(Article(id="r", text=text)).events}
    assert "015" in codes and "190" not in codes
    # Claimed of someone else, the act stays, reported.
    text = "Chile claimed that Peru had attacked its border posts."
    events = coder.code_one(Article(id="o", text=text)).events
    assert [(e.cameo, e.modality) for e in events if e.cameo == "190"] == [("190", "reported")]


def test_hyphenated_phrases_match_the_parse_tokens() -> None:
    # spaCy splits "cease-fire" into "cease - fire", and parses it as "fire" with the
    # compound "cease": both are indexed besides the written form.
    lexicon = load_lexicon(load_cameo_codebook())
    declare = [e for e in lexicon.candidates("declare") if e.code == "0871"]
    assert declare and "cease - fire" in declare[0].objects and "cease-fire" in declare[0].objects
    assert [e.code for e in lexicon.noun_candidates("cease fire")] == ["0871"]


def test_a_hyphenated_object_is_coded(coder: Coder) -> None:
    events = coder.code_one(Article(id="h", text="Chile declared a cease-fire with Peru.")).events
    assert "0871" in [e.cameo for e in events], [(e.cameo, e.evidence) for e in events]
