"""Coding: clauses matched against the lexicon become Events.

For each sentence: verb clauses first (events/clauses.py); a verb no verb
pattern matches, or one only read as a bare statement, may still be coded
through its object noun ("launched an attack on", "announced a suspension of
aid"); then nominal events (events/nominal.py) whose governing verb was not coded
already. Every event carries the entry and the clause that produced it as
`evidence`.

What a match is coded as (`recode`): an act only intended, threatened, demanded
or refused takes CAMEO's code for the intent (03), threat (13), demand (10) or
rejection (12) of it; a cooperative act withheld ("will not lift the ban",
"failed to reach agreement") is a rejection; a cooperative act announced for
later ("will provide aid", "is willing to withdraw") an intent; a hostile one
publicly vowed a threat.

Targets found beyond the clause (events/beyond.py): a threat is held over whom its
condition or goal names ("if Peru goes ahead", "until they drive Chile out"), a
measure laid on or lifted from a place (08, 17) or an investigation (09) is done
to the country it applies in, a demand recoded from coordinated actors keeps each
as its target.

Purposes ("are making weapons to use against Peru") are coded only when the act
they are the purpose of is not, names a target or matches a specific entry, and
is no mere obligation; what a speaker says another actor must do is a demand
(100) even when the lexicon lacks the act.

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
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.events.beyond import (
    PLACED_ROOTS,
    RALLYING_ROOT,
    STATE_ROOTS,
    applied_in,
    beneficiary,
    conditioned,
    rallier,
    target_allowed,
)
from eventwire.events.cameo import CameoCodebook
from eventwire.events.clauses import Clause, children, extract_clauses, mentions_of, pattern_text
from eventwire.events.lexicon import EventCues, Lexicon, LexiconEntry
from eventwire.events.nominal import extract_nominal_clauses, noun_lemma
from eventwire.events.plover import SentenceWords, load_plover_cues, refine_plover, sentence_words
from eventwire.events.qualify import purpose_infinitive
from eventwire.events.recode import Coded, accused_of, recode, unlisted_demand
from eventwire.events.ruled_out import ruled_out
from eventwire.events.story_parse import kids, reading, sentence_of, sentences, subtree, tokens_of
from eventwire.model import Event, Evidence, Mention, Span
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
        # The substring test first: most phrases are not in the words at all, and it is
        # much cheaper than the pattern, which only adds the word boundaries.
        # Bare entries (most) have no phrases to look for.
        matched = (
            [p for p in entry.objects if p in words and _phrase_pattern(p).search(words)]
            if entry.objects
            else []
        )
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
    cues = lexicon.event_cues
    words = _without_adverbial_clauses(clause, cues) + _purpose_object(clause.verb, cues)
    if clause.mutual:
        # "Peru and Chile gathered in Lima": actors coming together meet each other,
        # as if "gathered together" (data/verbs.yaml).
        found = _best(lexicon.candidates(f"{lemma} together"), controller, words)
        if found is not None:
            return found
    # Phrasal verbs first, since the particle changes the act: "back down" is not
    # "back", "blow up" a bridge not a bombing, "step down" not a step.
    for particle in kids(clause.verb):
        # "pulled out of Peru" is at times parsed with "out" as a preposition.
        if particle.dep_ == "prt" or (particle.dep_ == "prep" and particle.lower_ == "out"):
            phrasal = f"{lemma} {particle.lower_}"
            found = _best(lexicon.candidates(phrasal), controller, words)
            if found is not None:
                return found
    return _best(lexicon.candidates(lemma), controller, words)


def _purpose_object(verb: Token, cues: EventCues) -> str:
    """ "are making chemical weapons to use against Peru": a purpose infinitive with no
    object of its own acts on the object of the verb it is the purpose of."""
    if not purpose_infinitive(verb, cues) or children(verb, {"dobj"}):
        return ""
    inner = {token.i for token in subtree(verb)}
    kept = [t for obj in children(verb.head, {"dobj"}) for t in subtree(obj) if t.i not in inner]
    return f" | {pattern_text(kept)}" if kept else ""


def _purpose_of(verb: Token, cues: EventCues) -> Token | None:
    """The infinitive of purpose the verb is, or is the complement of ("arrived to help
    deliver aid": "help"; "to press Peru into allowing"), or None."""
    current = verb
    for _ in range(3):
        if purpose_infinitive(current, cues):
            return current
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "to press Peru into allowing"
        elif current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


def _modal(verb: Token, cues: EventCues) -> bool:
    """Whether the verb carries a modal of obligation or possibility ("must", "could")."""
    modals = cues.obligation_aux | cues.hypothetical_aux
    return any(child.dep_ == "aux" and child.lower_ in modals for child in kids(verb))


def _without_adverbial_clauses(clause: Clause, cues: EventCues) -> str:
    """What object patterns see: what the verb governs, less its adverbial clauses,
    which tell when or why ("announced a suspension of air links, one day after a jet
    shot down a helicopter carrying truce monitors") and name no object of the verb."""
    # Those of what the verb governs too: "announced that it will withdraw its troops
    # unless Chile arranges a ceasefire" announces no ceasefire.
    adverbial = [
        token
        for child in kids(clause.verb)
        if child.dep_ in _OBJECT_DEPS or child.dep_ == "advcl"
        for token in subtree(child)
        if token.dep_ == "advcl"
    ]
    if clause.verb.lemma_.lower() in cues.say_verbs:
        # "announced that it had suspended humanitarian aid": what is said, a clause
        # with its own subject, is coded in its own right, not as what the saying
        # announces.
        # Not "declared a state of siege to begin at midnight", the object parsed as
        # the subject of an infinitive.
        adverbial += [
            child
            for child in kids(clause.verb)
            if child.dep_ == "ccomp"
            and any(c.dep_ in _CLAUSE_SUBJECTS for c in kids(child))
            and (
                child.tag_ in _FINITE_TAGS
                or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in kids(child))
            )
        ]
    if not adverbial:
        return clause.governed_lemmas
    dropped = {token.i for child in adverbial for token in subtree(child)}
    kept = [
        token
        for child in kids(clause.verb)
        if child.dep_ in _OBJECT_DEPS
        for token in subtree(child)
        if token.i not in dropped
    ]
    if clause.passive:
        # "peacekeepers were shipped out of Peru, leaving ...": the passive subject's
        # words up to its head, as events/clauses.py gives them to object patterns.
        kept += [
            token
            for subject in children(clause.verb, {"nsubjpass"})
            for token in subtree(subject)
            if token.i <= subject.i
        ]
    return pattern_text(sorted(kept, key=lambda token: token.i))


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
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
        words = pattern_text([t for t in subtree(noun) if t.i != noun.i])
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
    clause: Clause, entry: LexiconEntry, via_noun: bool, coded: Coded, cues: EventCues
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


def _unmutual(clause: Clause, coded: Coded, cues: EventCues) -> Coded:
    """ "Peru and Chile condemned the attack": coordinated actors with no target did
    to each other only the acts CAMEO takes as mutual (data/event_cues.yaml
    `mutual_codes`: meet, negotiate, cooperate, sign...); any other act each did
    alone, with no target."""
    if not clause.mutual or any(coded.code.startswith(p) for p in cues.mutual_codes):
        return coded
    if coded.source != clause.source.actor:
        # "said Peru and Chile must reach an agreement": recoded as a demand on each
        # of them, whose target is no longer the other side.
        return coded
    return replace(coded, target=None)


def _described(clause: Clause, coded: Coded) -> str:
    """The clause as evidence, naming the recipient found beyond it ("-> VENGOV")."""
    if clause.mutual and coded.target is None:
        clause = replace(clause, target=None, mutual=False)  # each did it on its own
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
    coded: Coded,
    cues: EventCues,
    plover_words: dict[int, SentenceWords],
) -> Event:
    cameo = codebook[coded.code]
    # A sentence's words for the PLOVER cues, read once for all its events.
    sent = sentence_of(clause.verb)
    words = plover_words.get(sent.start)
    if words is None:
        words = plover_words[sent.start] = sentence_words(tokens_of(sent))
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
            cameo.plover,
            words,
            (coded.source, coded.target),
            load_plover_cues(),
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


# Where the demand of an act the lexicon lacks comes from: its modals of obligation.
_OBLIGATION = "data/event_cues.yaml obligation_aux"


def _rejection(
    clause: Clause, lexicon: Lexicon
) -> tuple[Clause, LexiconEntry, str | None, bool, Coded] | None:
    """ "said that lifting the ban is out of the question" (events/ruled_out.py): the
    speaker's rejection (12) of the act, of its topic where CAMEO has a code for it."""
    found = match_entry(clause, lexicon)
    if found is None or found[0].code[:2] in ("01", "12"):
        return None
    entry, phrase = found
    recoding = lexicon.recoding
    code = (recoding.as_act("reject", entry.code) if recoding is not None else None) or "120"
    target = clause.target.actor if clause.target is not None else None
    coded = Coded(code, clause.source.actor, target, "asserted", f"ruled out {entry.code}")
    return clause, entry, phrase, False, coded


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
    for token in tokens_of(doc):
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


def _sentence_text(parsed: ParsedArticle, index: int, sent: SpacySpan) -> str:
    """`sent.text.strip()`, which spaCy joins anew from the words (a Token each): the
    parse's `Sentence` records hold that text already, rstripped (nlp.py)."""
    if index < len(parsed.sentences) and parsed.sentences[index].start == sent.start_char:
        return parsed.sentences[index].text.strip()
    return sent.text.strip()


def code_events(
    parsed: ParsedArticle,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    codebook: CameoCodebook,
    coder: str,
) -> list[Event]:
    """Events of one article, undated and unplaced (the when/where stage adds those)."""
    # The story's parse is read once for all the tree walks below (story_parse.py).
    with reading(parsed.doc):
        return _code_story(parsed, mentions, lexicon, codebook, coder)


def _code_story(
    parsed: ParsedArticle,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    codebook: CameoCodebook,
    coder: str,
) -> list[Event]:
    by_head = {mention.head: mention for mention in mentions}
    cues = lexicon.event_cues
    by_head.update(_reported_speakers(parsed.doc, by_head, cues))
    year = parsed.article.date.year if parsed.article.date is not None else None
    events: list[Event] = []
    seen: set[str] = set()
    plover_words: dict[int, SentenceWords] = {}  # by sentence start, for `_event`

    def keep(event: Event) -> None:
        if event.event_id not in seen:
            seen.add(event.event_id)
            events.append(event)

    for index, sent in enumerate(sentences(parsed.doc)):
        sentence = _sentence_text(parsed, index, sent)
        coded_triggers: set[int] = set()
        matched: list[tuple[Clause, LexiconEntry, str | None, bool, Coded]] = []
        ruled: list[Clause] = []
        for clause in extract_clauses(sent, by_head, cues, year):
            ruled += ruled_out(clause, cues, by_head)
            found = match_entry(clause, lexicon)
            via_noun = False
            if found is None or (found[0].code[:2] == "01" and not found[0].objects):
                # "announced a suspension of aid": the event noun a verb carries says
                # more than the verb's bare statement reading.
                by_noun = _object_noun_entry(clause, lexicon)
                if by_noun is not None and (found is None or by_noun[0].code[:2] != "01"):
                    found, via_noun = (by_noun[0], by_noun[1]), True
            if found is None:
                demand = unlisted_demand(clause, lexicon, by_head)
                if demand is not None:
                    entry = LexiconEntry("100", clause.verb.lemma_.lower(), origin=_OBLIGATION)
                    matched.append((clause, entry, None, False, demand))
                continue
            if accused_of(clause, lexicon):
                continue
            entry, phrase = found
            coded = _unmutual(clause, recode(clause, entry, lexicon, by_head), cues)
            if clause.by_state and coded.code[:2] not in STATE_ROOTS:
                continue  # "was killed in Peru" names no killer
            if coded.target is None and "05" <= coded.code[:2] <= "07":
                coded = replace(coded, target=beneficiary(clause, by_head, cues))
            if coded.target is None and coded.code[:2] == "13":
                coded = replace(coded, target=conditioned(clause, by_head, cues))
            if coded.target is None and coded.code[:2] in PLACED_ROOTS:
                coded = replace(coded, target=applied_in(clause, by_head))
            if coded.code.startswith(RALLYING_ROOT) and coded.modality == "hypothetical":
                caller = rallier(clause, by_head, cues)
                if caller is not None:  # calling on others to rally is the rallying
                    coded = replace(coded, source=caller, modality="asserted")
            matched.append((clause, entry, phrase, via_noun, coded))
        for clause in ruled:
            rejected = _rejection(clause, lexicon)
            if rejected is not None:
                matched.append(rejected)
        # "agreed to meet Peru", "vowed to fight": when the complement is coded, the
        # governing verb's bare reading (agree: 030) only repeats it.
        intents = cues.intent_verbs | cues.threat_verbs | cues.commitment_verbs
        controllers: dict[int, set[tuple[str, str | None]]] = {}
        for m in matched:
            if m[0].controller is not None and m[0].controller.lemma_.lower() in intents:
                dyad = (m[4].source.code, m[4].target.code if m[4].target else None)
                controllers.setdefault(m[0].controller.i, set()).add(dyad)
        targeted = {(m[4].source.code, m[4].code) for m in matched if m[4].target is not None}
        # "refused to negotiate with Peru": the complement's event, kept, is the act.
        complements = {
            (m[0].controller.i, m[4].source.code, m[4].target.code, m[4].code)
            for m in matched
            if m[0].controller is not None and m[4].target is not None
        }
        # "sent troops to attack Peru", "arrived in Nepal to help deliver aid": a purpose
        # is coded only when the act it is the purpose of is not ("are making weapons
        # to use against Peru"); otherwise that act is the news.
        done = {m[0].verb.i for m in matched}
        for clause, entry, phrase, via_noun, coded in matched:
            if coded.target is not None and (
                (clause.verb.i, coded.source.code, coded.target.code, coded.code) in complements
            ):
                continue
            purpose = _purpose_of(clause.verb, cues)
            if purpose is not None and (
                purpose.head.i in done
                or (not entry.objects and coded.target is None)
                or _modal(purpose.head, cues)
            ):
                # A bare verb of purpose with no one it is done to ("made funds
                # available to fight the epidemic") says too little to be an event;
                # the purpose of what only must or may be done ("must ensure security
                # to allow aid to reach them") is no one's intent.
                continue
            bare = not entry.objects and not entry.under
            untargeted = coded.target is None
            # The governing verb's target is often its complement's ("threatened to
            # attack Peru"): the same dyad only repeats the coded complement.
            dyad = (coded.source.code, coded.target.code if coded.target else None)
            redundant = bare or untargeted or dyad in controllers.get(clause.verb.i, set())
            if redundant and clause.verb.i in controllers and coded.code[:2] != "01":
                continue
            if untargeted and (coded.source.code, coded.code) in targeted:
                continue
            if untargeted and not target_allowed(clause, coded.code, cues, entry.code):
                continue
            coded_triggers.add(clause.verb.i)
            keep(
                _event(
                    parsed, index, sentence, clause, entry, phrase, codebook, coder, via_noun,
                    coded, cues, plover_words,
                )
            )  # fmt: skip
        for clause in extract_nominal_clauses(sent, by_head, lexicon, year):
            if clause.governor is not None and clause.governor.i in coded_triggers:
                continue
            found = match_entry(clause, lexicon)
            if found is None:
                continue
            entry, phrase = found
            coded = _unmutual(clause, recode(clause, entry, lexicon, by_head), cues)
            if coded.target is None and not target_allowed(clause, coded.code, cues, entry.code):
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
                    plover_words,
                )
            )
    return events
