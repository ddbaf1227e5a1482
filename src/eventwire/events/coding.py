"""Coding: clauses matched against the lexicon become Events.

For each sentence: verb clauses first (events/clauses.py); a verb no verb
pattern matches, or one only read as a bare statement, may still be coded
through its object noun ("launched an attack on", "announced a suspension of
aid"); then nominal events (events/nominal.py) whose governing verb was not coded
already. Every event carries the entry and the clause that produced it as
`evidence`.

What a match is coded as (`_recode`): an act only intended, threatened, demanded
or refused takes CAMEO's code for the intent (03), threat (13), demand (10) or
rejection (12) of it; a cooperative act withheld ("will not lift the ban",
"failed to reach agreement") is a rejection; a cooperative act announced for
later ("will provide aid", "is willing to withdraw") an intent; a hostile one
publicly vowed a threat.

Targets: the families in `untargeted_roots` (data/event_cues.yaml: statements,
appeals, demands, protests, force posture) are kept without one; any other event
with no coded target is kept (target null, lower confidence) only when its clause
names what it acts on ("killed three villagers", "imposed a curfew in the town"),
so "Chile attacked." is no event. Unresolved subject pronouns of reported content
are the speaker ("the rebels said they would release him").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from eventwire.events.cameo import CameoCodebook
from eventwire.events.clauses import Clause, children, extract_clauses, mentions_of, pattern_text
from eventwire.events.lexicon import EventCues, Lexicon, LexiconEntry
from eventwire.events.nominal import extract_nominal_clauses, noun_lemma
from eventwire.events.plover import load_plover_cues, refine_plover
from eventwire.model import Actor, Event, Evidence, Mention, Modality, Span
from eventwire.nlp import ParsedArticle

__all__ = ["code_events", "match_entry"]


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


def _best(
    entries: Sequence[LexiconEntry], controller: str | None, words: str
) -> tuple[LexiconEntry, str | None] | None:
    best: tuple[int, int, int, bool] | None = None
    chosen: tuple[LexiconEntry, str | None] | None = None
    for entry in entries:
        if entry.under and controller not in entry.under:
            continue
        matched = [phrase for phrase in entry.objects if _phrase_pattern(phrase).search(words)]
        if entry.objects and not matched:
            continue
        # Most specific first: a named object or governing verb, then the longest
        # object phrase ("military cooperation" over "cooperation"), then the
        # deeper CAMEO code; on a tie a user's entry (--verbs) overrides ours.
        rank = (
            entry.specificity,
            max((len(p) for p in matched), default=0),
            len(entry.code),
            not entry.origin.startswith("data/"),
        )
        if best is None or rank > best:
            best, chosen = rank, (entry, max(matched, key=len) if matched else None)
    return chosen


def match_entry(clause: Clause, lexicon: Lexicon) -> tuple[LexiconEntry, str | None] | None:
    """The most specific lexicon entry the clause satisfies, with the object phrase
    that matched (None for a bare entry), or None."""
    if clause.kind == "noun":
        key = noun_lemma(clause.verb, lexicon)
        if key is None:
            return None
        return _best(lexicon.noun_candidates(key), None, clause.governed_lemmas)
    controller = clause.controller.lemma_.lower() if clause.controller is not None else None
    lemma = clause.verb.lemma_.lower()
    words = _without_adverbial_clauses(clause)
    # Phrasal verbs first, since the particle changes the act: "back down" is not
    # "back", "blow up" a bridge not a bombing, "step down" not a step.
    for particle in clause.verb.children:
        if particle.dep_ == "prt":
            phrasal = f"{lemma} {particle.lower_}"
            found = _best(lexicon.candidates(phrasal), controller, words)
            if found is not None:
                return found
    return _best(lexicon.candidates(lemma), controller, words)


def _without_adverbial_clauses(clause: Clause) -> str:
    """What object patterns see: what the verb governs, less its adverbial clauses,
    which tell when or why ("announced a suspension of air links, one day after a jet
    shot down a helicopter carrying truce monitors") and name no object of the verb."""
    adverbial = [child for child in clause.verb.children if child.dep_ == "advcl"]
    if not adverbial:
        return clause.governed_lemmas
    dropped = {token.i for child in adverbial for token in child.subtree}
    kept = [
        token
        for child in clause.verb.children
        if child.dep_ in _OBJECT_DEPS
        for token in child.subtree
        if token.i not in dropped
    ]
    return pattern_text(sorted(kept, key=lambda token: token.i))


# The dependents whose words object patterns may name (events/clauses.py's
# `governed`, less "advcl").
_OBJECT_DEPS = frozenset(
    {"dobj", "dative", "attr", "oprd", "prep", "prt", "advmod", "acomp", "xcomp", "npadvmod",
     "agent", "ccomp"}
)  # fmt: skip


def _object_noun_entry(
    clause: Clause, lexicon: Lexicon
) -> tuple[LexiconEntry, str | None, str] | None:
    """ "launched an attack on", "imposed sanctions on": the object noun's entry, when
    the verb only carries the noun (a support verb)."""
    if clause.verb.lemma_.lower() not in lexicon.event_cues.support_verbs:
        return None
    for noun in clause.objects:
        key = noun_lemma(noun, lexicon)
        if key is None:
            continue
        words = pattern_text([t for t in noun.subtree if t.i != noun.i])
        found = _best(lexicon.noun_candidates(key), None, f"{key} {words}".strip())
        if found is not None:
            return found[0], found[1], noun.text
    return None


def _matched_entry(entry: LexiconEntry, phrase: str | None) -> str:
    """What matched, short: "0312:pledge +military cooperation"."""
    verb = f"{'/'.join(entry.under)} to {entry.verb}" if entry.under else entry.verb
    if entry.kind == "noun":
        verb = f"noun {verb}"
    return f"{entry.code}:{verb}" + (f" +{phrase}" if phrase else "")


def _confidence(
    clause: Clause, entry: LexiconEntry, via_noun: bool, coded: _Coded, cues: EventCues
) -> float:
    # A heuristic, ordered so that the most telling evidence wins when a sentence
    # has several events: a pattern naming the object or governing verb beats a
    # bare verb; a statement (01) is the weakest claim; actors with a country and
    # a named target are more reliable than bare sectors or no target; an act that
    # is more than words (material cooperation or conflict, CAMEO 06-08 and 14-20)
    # outranks talk about it in the same sentence.
    code, negated = coded.code, coded.negated
    score = 0.5
    if entry.objects:
        score += 0.2
    if entry.under:
        score += 0.1
    if clause.target is not None:
        score += 0.05
        if clause.source.actor.country and clause.target.actor.country:
            score += 0.05
    elif code[:2] not in cues.untargeted_roots:
        # An act that needs someone it is done to, whose target we could not name.
        score -= 0.1
    if code.startswith("01"):
        score -= 0.2
    if clause.kind == "noun" or via_noun:
        score -= 0.05
    if coded.modality != "asserted" and not entry.under:
        score -= 0.1
    if coded.modality == "hypothetical":
        # A condition or a possibility is the weakest reading of all.
        score -= 0.1
    if negated:
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 4)


@dataclass(frozen=True, slots=True)
class _Coded:
    """What a matched clause is coded as, after recoding intents, threats and demands."""

    code: str
    source: Actor
    target: Actor | None
    modality: Modality
    how: str  # "" or the recoding applied, for the evidence
    negated: bool = False


def _auxiliaries(clause: Clause) -> set[str]:
    tokens = [clause.verb] + ([clause.controller] if clause.controller is not None else [])
    if clause.governor is not None:
        tokens.append(clause.governor)
    return {c.lower_ for t in tokens for c in t.children if c.dep_ == "aux"}


def _speaker(clause: Clause, by_head: dict[int, Mention], lexicon: Lexicon) -> Mention | None:
    if clause.reporter is None:
        return None
    reporter = clause.reporter
    subjects = children(reporter, {"nsubj"})
    # "Quispe thanked Brazil ... and said ...": the subject of the first verb.
    while not subjects and reporter.dep_ == "conj" and reporter.head.i != reporter.i:
        reporter = reporter.head
        subjects = children(reporter, {"nsubj"})
    found = mentions_of(subjects, by_head, lexicon.event_cues)
    return found[0] if found else None


# Cooperative families whose act withheld is a rejection: intent, diplomatic and
# material cooperation, aid, yielding. A meeting not held (04) is no refusal.
_WITHHELD_ROOTS = frozenset({"03", "05", "06", "07", "08"})


def _accused_of(clause: Clause, lexicon: Lexicon) -> bool:
    """ "accused the United States of violating human rights": what an accusation or
    criticism (CAMEO 11) charges is not an act of the accuser."""
    if clause.controller is None:
        return False
    return any(
        entry.code.startswith("11") and not entry.objects and not entry.under
        for entry in lexicon.candidates(clause.controller.lemma_.lower())
    )


def _withheld(clause: Clause, cues: EventCues) -> bool:
    """Whether the act itself is withheld ("did not lift", "failed to reach",
    "declined to meet"), not merely negated from afar ("denied charges that it had
    helped")."""
    if any(child.dep_ == "neg" for child in clause.verb.children):
        return True
    controller = clause.controller
    return controller is not None and (
        controller.lemma_.lower() in cues.negating_verbs
        or any(child.dep_ == "neg" for child in controller.children)
    )


def _demanded(
    clause: Clause, by_head: dict[int, Mention], lexicon: Lexicon
) -> tuple[str, Actor] | None:
    """ "its demand that Israel ease ...", "a call for Chile to withdraw ...": the
    clause completes a noun of demand or appeal (data/nouns.yaml, CAMEO 10 or 02);
    the act ("demand" or "appeal") and whoever made it, the noun's possessor or the
    subject of the verb that carries the noun."""
    noun = clause.verb.head
    if clause.verb.dep_ not in ("ccomp", "acl") or noun.pos_ != "NOUN":
        return None
    roots = {e.code[:2] for e in lexicon.noun_candidates(noun.lemma_.lower()) if not e.objects}
    act = "demand" if "10" in roots else "appeal" if "02" in roots else None
    if act is None:
        return None
    cues = lexicon.event_cues
    askers = mentions_of(children(noun, {"poss"}), by_head, cues)
    if not askers and noun.dep_ in ("dobj", "nsubjpass"):
        askers = mentions_of(children(noun.head, {"nsubj", "agent"}), by_head, cues)
    for asker in askers:
        if asker.actor.code != clause.source.actor.code:
            return act, asker.actor
    return None


def _willing(clause: Clause, cues: EventCues) -> bool:
    """ "is willing to withdraw", "stands ready to help": the act is the complement of
    an adjective of readiness."""
    verb = clause.verb
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.intent_adjectives


def _recode(
    clause: Clause, entry: LexiconEntry, lexicon: Lexicon, by_head: dict[int, Mention]
) -> _Coded:
    """An act that is only intended, threatened or demanded takes the code CAMEO gives
    the intent, threat or demand ("pledged to send aid" is 033, not 070;
    "threatened to cut aid" 1311; "said Sudan must return it" a demand on Sudan);
    where CAMEO has no such code the act keeps its code and the modality says it."""
    source, target = clause.source.actor, (clause.target.actor if clause.target else None)
    code, modality, negated = entry.code, clause.modality, clause.negated
    recoding, cues = lexicon.recoding, lexicon.event_cues
    controller = clause.controller.lemma_.lower() if clause.controller is not None else ""
    refused = recoding is not None and controller in recoding.act_verbs.get("reject", ())
    if entry.under and (modality in ("intended", "threatened") or refused):
        # "agreed to cooperate", "declined to resign": the intent or the refusal is
        # part of the code, not a modality or a negation.
        return _Coded(code, source, target, "asserted", "", negated and not refused)
    if recoding is None:
        return _Coded(code, source, target, modality, "", negated)
    if refused and code[:2] not in ("01", "12"):
        # "refused to deploy peacekeepers": a rejection (CAMEO 12), of the act's
        # topic where CAMEO has a code for it.
        rejection = recoding.as_act("reject", code) or "120"
        return _Coded(rejection, source, target, "asserted", f"refusal of {code}")
    denial = any(e.code == "016" for e in lexicon.candidates(controller))
    if negated and code[:2] in _WITHHELD_ROOTS and not denial and _withheld(clause, cues):
        # "will not lift the ban", "failed to reach agreement": withholding a
        # cooperative act is CAMEO's rejection of it (12), which is asserted; a denial
        # ("denied sending aid") is not a refusal and stays a negated act.
        rejection = recoding.as_act("reject", code) or "120"
        return _Coded(rejection, source, target, "asserted", f"refusal of {code}")
    if negated:
        return _Coded(code, source, target, modality, "", negated)
    auxiliaries = _auxiliaries(clause)
    if modality in ("asserted", "reported") and _willing(clause, cues):
        # "Syria is willing to withdraw its troops": a declared readiness is an intent.
        modality = "intended"
    if modality == "asserted" and auxiliaries & cues.future_aux and "04" <= code[:2] <= "08":
        # "the UN will provide food aid": a cooperative act announced for later is,
        # in CAMEO, the intent to do it (03).
        modality = "intended"
    if (
        modality == "threatened"
        and "04" <= code[:2] <= "08"
        and controller not in cues.threat_verbs
    ):
        # "would meet the mediator if he gave them a veto": cooperation held over a
        # condition is an offer, not a threat.
        modality = "intended"
    demanded = _demanded(clause, by_head, lexicon)
    if demanded is not None and code[:2] not in ("01", "02", "10"):
        # "reiterated its demand that Israel ease restrictions": the act is what the
        # demand asks of its actor.
        act, asker = demanded
        asked = recoding.as_act(act, code) or ("100" if act == "demand" else "020")
        return _Coded(asked, asker, source, "asserted", f"{act} of {code}")
    if modality == "reported":
        speaker = _speaker(clause, by_head, lexicon)
        # "X said it will send aid" (or X's own spokesman, or an unnamed source, said
        # so): X's intent; what someone else says X will do stays reported.
        own_side = speaker is not None and (
            speaker.actor.code == source.code
            or (source.country is not None and speaker.actor.country == source.country)
        )
        if auxiliaries & cues.future_aux and (speaker is None or own_side):
            modality = "intended"
        elif (
            speaker is not None
            and auxiliaries & cues.obligation_aux
            and speaker.actor.code != source.code
            and code[:2] not in ("01", "10")
        ):
            demand = recoding.as_act("demand", code) or "100"
            return _Coded(demand, speaker.actor, source, "asserted", f"demand of {code}")
    if modality == "intended" and code[:2] not in ("03", "01"):
        intent = recoding.as_act("intend", code)
        if intent is not None:
            return _Coded(intent, source, target, "asserted", f"intent of {code}")
        # A hostile act the actor commits to in public ("vowed to fight", "said
        # they would boycott") is CAMEO's threat of it; a plan or an attempt ("plans
        # to attack", "tried to hack") keeps the act's code, marked intended.
        threat = recoding.as_threat(code)
        committed = not controller or controller in cues.commitment_verbs
        # Force posture (15) announced is a deployment plan, not yet a threat.
        if threat is not None and committed and code[:2] != "15":
            return _Coded(threat, source, target, "asserted", f"threat of {code}")
    if modality == "threatened" and code[:2] != "13":
        threat = recoding.as_threat(code)
        if threat is not None:
            return _Coded(threat, source, target, "asserted", f"threat of {code}")
    return _Coded(code, source, target, modality, "")


def _described(clause: Clause, coded: _Coded) -> str:
    """The clause as evidence, naming the recipient found beyond it ("-> VENGOV")."""
    text = clause.describe()
    if clause.target is None and coded.target is not None and text.endswith("-> -"):
        text = text[:-1] + coded.target.code
    return text


def _event(
    parsed: ParsedArticle,
    index: int,
    sentence: str,
    clause: Clause,
    entry: LexiconEntry,
    phrase: str | None,
    codebook: CameoCodebook,
    coder: str,
    via_noun: bool,
    coded: _Coded,
    cues: EventCues,
) -> Event:
    cameo = codebook[coded.code]
    modality = coded.modality
    trigger = clause.verb
    matched = _matched_entry(entry, phrase) + (f" ({coded.how})" if coded.how else "")
    return Event(
        article_id=parsed.article.id,
        sentence_id=index,
        sentence=sentence,
        trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
        source=coded.source,
        target=coded.target,
        cameo=cameo.code,
        cameo_label=cameo.label,
        plover=refine_plover(
            cameo.plover, clause.verb.sent, (coded.source, coded.target), load_plover_cues()
        ),
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        negated=coded.negated,
        modality=modality,
        background=clause.background,
        confidence=_confidence(clause, entry, via_noun, coded, cues),
        coder=coder,
        evidence=Evidence(
            entry=matched,
            pattern=f"{entry.origin}: {entry.id}",
            clause=_described(clause, coded),
        ),
    )


def _beneficiary(clause: Clause, by_head: dict[int, Mention], cues: EventCues) -> Actor | None:
    """ "provided vaccines, for which Maduro expressed his gratitude": aid whose
    recipient the clause does not name goes to whoever a relative clause on the thing
    given says received or thanked for it."""
    for obj in clause.objects:
        for relcl in obj.children:
            if relcl.dep_ != "relcl":
                continue
            for found in mentions_of(children(relcl, {"nsubj"}), by_head, cues):
                if found.actor.code != clause.source.actor.code:
                    return found.actor
    return None


def _target_allowed(clause: Clause, code: str, cues: EventCues) -> bool:
    """Whether an event may go without a coded target: always for the families that
    need none (statements, protests...); for the others only when the clause says
    more than the bare verb, so names what it acts on or where ("killed three
    villagers", "imposed a curfew in the town", "provided $2 million in
    assistance"), just not as an actor we code.
    "Chile attacked." is no event."""
    if code[:2] in cues.untargeted_roots:
        return True
    return bool(clause.governed_lemmas.strip(" |"))


# Pronouns that may stand for the speaker in what the speaker says: "the rebels
# said they would release him", "Syria says it will not accept refugees".
# Third person only: a quoted "we" may be a wider group than the speaker.
_SPEAKER_PRONOUNS = frozenset({"they", "it", "he", "she"})


def _reported_speakers(
    doc: Doc, by_head: dict[int, Mention], cues: EventCues
) -> dict[int, Mention]:
    """Subject pronouns of reported or intended content that the actor stage left
    unresolved, taken as the speaker: in "X said they would boycott Y" the one who
    would boycott is X. Only the subject of a complement clause of a verb whose own
    subject is an actor, so a pronoun elsewhere is never guessed."""
    found: dict[int, Mention] = {}
    for token in doc:
        if (
            token.pos_ != "PRON"
            or token.dep_ not in ("nsubj", "nsubjpass")
            or token.lower_ not in _SPEAKER_PRONOUNS
            or token.i in by_head
        ):
            continue
        verb = token.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX"):
            continue
        speakers = mentions_of(children(verb.head, {"nsubj"}), by_head, cues)
        if len(speakers) != 1:
            continue
        speaker = speakers[0]
        found[token.i] = Mention(
            speaker.sentence_index, token.idx, token.idx + len(token.text), token.i, speaker.actor
        )
    return found


def code_events(
    parsed: ParsedArticle,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    codebook: CameoCodebook,
    coder: str,
) -> list[Event]:
    """Events of one article, undated and unplaced (the when/where stage adds those)."""
    by_head = {mention.head: mention for mention in mentions}
    cues = lexicon.event_cues
    by_head.update(_reported_speakers(parsed.doc, by_head, cues))
    year = parsed.article.date.year if parsed.article.date is not None else None
    events: list[Event] = []
    seen: set[str] = set()

    def keep(event: Event) -> None:
        if event.event_id not in seen:
            seen.add(event.event_id)
            events.append(event)

    for index, sent in enumerate(parsed.doc.sents):
        sentence = sent.text.strip()
        coded_triggers: set[int] = set()
        matched: list[tuple[Clause, LexiconEntry, str | None, bool, _Coded]] = []
        for clause in extract_clauses(sent, by_head, cues, year):
            found = match_entry(clause, lexicon)
            via_noun = False
            if found is None or (found[0].code[:2] == "01" and not found[0].objects):
                # "announced a suspension of aid": the event noun a verb carries says
                # more than the verb's bare statement reading.
                by_noun = _object_noun_entry(clause, lexicon)
                if by_noun is not None and (found is None or by_noun[0].code[:2] != "01"):
                    found, via_noun = (by_noun[0], by_noun[1]), True
            if found is None or _accused_of(clause, lexicon):
                continue
            entry, phrase = found
            coded = _recode(clause, entry, lexicon, by_head)
            if coded.target is None and "05" <= coded.code[:2] <= "07":
                coded = replace(coded, target=_beneficiary(clause, by_head, cues))
            matched.append((clause, entry, phrase, via_noun, coded))
        # "agreed to meet Peru", "vowed to fight": when the complement is coded, the
        # governing verb's bare reading (agree: 030) only repeats it.
        intents = cues.intent_verbs | cues.threat_verbs | cues.commitment_verbs
        controllers = {
            m[0].controller.i
            for m in matched
            if m[0].controller is not None and m[0].controller.lemma_.lower() in intents
        }
        targeted = {(m[4].source.code, m[4].code) for m in matched if m[4].target is not None}
        for clause, entry, phrase, via_noun, coded in matched:
            bare = not entry.objects and not entry.under
            untargeted = coded.target is None
            if (bare or untargeted) and clause.verb.i in controllers and coded.code[:2] != "01":
                continue
            if untargeted and (coded.source.code, coded.code) in targeted:
                continue
            if untargeted and not _target_allowed(clause, coded.code, cues):
                continue
            coded_triggers.add(clause.verb.i)
            keep(
                _event(
                    parsed, index, sentence, clause, entry, phrase, codebook, coder, via_noun,
                    coded, cues,
                )
            )  # fmt: skip
        for clause in extract_nominal_clauses(sent, by_head, lexicon, year):
            if clause.governor is not None and clause.governor.i in coded_triggers:
                continue
            found = match_entry(clause, lexicon)
            if found is None:
                continue
            entry, phrase = found
            coded = _recode(clause, entry, lexicon, by_head)
            if coded.target is None and not _target_allowed(clause, coded.code, cues):
                continue
            keep(
                _event(
                    parsed,
                    index,
                    sentence,
                    clause,
                    entry,
                    phrase,
                    codebook,
                    coder,
                    False,
                    coded,
                    cues,
                )
            )
    return events
