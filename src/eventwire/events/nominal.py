"""Nominal events: an event noun with its actors ("Russia's attack on Ukraine",
"talks with Venezuela", "sanctions on Iran", "military cooperation between
Russia and Venezuela").

The trigger is a noun (or a compound such as "air strike") that the noun
lexicon knows. Its source is, first found: the noun's possessor or an actor
among its modifiers ("Russia's", "a Russian attack"), its "by" phrase, or
the subject of the verb it is the object of ("Russia launched an attack on
..."); its target is the object of a target preposition on it, or "of" when
the source is already known ("Russia's invasion of Ukraine"). "between A and
B" names both sides, both directions.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.events.clauses import (
    TARGET_PREPS,
    Clause,
    agents_of,
    children,
    mentions_of,
    pattern_text,
    prep_objects,
)
from eventwire.events.lexicon import Lexicon
from eventwire.events.qualify import qualify
from eventwire.events.story_parse import kids, subtree, tokens_of
from eventwire.events.targets import bare_sector
from eventwire.model import Mention

__all__ = ["extract_nominal_clauses", "noun_lemma"]

_MODIFIER_DEPS = {"poss", "amod", "compound", "nmod"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Prepositions under which an event noun weighs on its clause's subject.
_SUFFERING_PREPS = {"under", "by", "from"}


def noun_lemma(noun: Token, lexicon: Lexicon) -> str | None:
    """The lexicon key of an event noun: the compound ("air strike") when known, else
    the lemma; None when the noun is no event noun."""
    lemma = noun.lemma_.lower()
    for child in children(noun, {"compound", "amod"}):
        pair = f"{child.lemma_.lower()} {lemma}"
        if lexicon.noun_candidates(pair):
            return pair
    return lemma if lexicon.noun_candidates(lemma) else None


def _governor(noun: Token) -> Token | None:
    """The verb a noun is the object of: "held talks", "agreed on a ceasefire"."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ == "VERB"
        and head.lower_ not in _SUFFERING_PREPS
    ):
        return head.head
    if noun.dep_ == "conj":
        return _governor(head)
    return None


def _meeting_purpose(noun: Token, lexicon: Lexicon) -> bool:
    """ "negotiators return to Geneva for talks", "thousands converged on the capital
    for a rally": a meeting or a protest that is the purpose of the verb it hangs on
    ("for") is held, whatever the verb; the coder still drops it when the verb is
    coded itself."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    lemma = noun.lemma_.lower()
    if lemma in lexicon.event_cues.meeting_words:
        return True
    # Those who gather for a protest (CAMEO 14) hold it, not those who vote or call
    # for one; a bare protest noun only, so "came for a strike ban" stays the verb's.
    return noun.head.head.lemma_.lower() in lexicon.event_cues.gathering_verbs and any(
        e.code[:2] == "14" and not e.objects for e in lexicon.noun_candidates(lemma)
    )


def _own_sources(noun: Token, mentions: dict[int, Mention], lexicon: Lexicon) -> list[Mention]:
    cues = lexicon.event_cues
    found = mentions_of(children(noun, _MODIFIER_DEPS), mentions, cues)
    if found:
        return found
    for prep, pobj in prep_objects(noun):
        if prep == "by":
            return mentions_of([pobj], mentions, cues)
    # "sanctions imposed by the U.S.": the agent of a participle on the noun.
    for participle in children(noun, {"acl"}):
        found = mentions_of(agents_of(participle), mentions, cues)
        if found:
            return found
    return []


def _sufferer(noun: Token, mentions: dict[int, Mention], lexicon: Lexicon) -> list[Mention]:
    """ "Venezuela ... isolated under sanctions", "hit by sanctions": the subject of the
    clause the event noun weighs on, through a relative pronoun."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _SUFFERING_PREPS:
        return []
    current = noun.head.head
    for _ in range(3):
        if current.pos_ in ("VERB", "AUX"):
            break
        current = current.head
    subjects = children(current, _SUBJECT_DEPS)
    if current.dep_ == "relcl" and all(t.lower_ in ("which", "who", "that") for t in subjects):
        antecedent = current.head
        subjects = [antecedent]
        if antecedent.i not in mentions:
            # "an ally of Venezuela, which ...": the relative clause is often hung on
            # the noun before the "of" phrase that names the actor.
            subjects += [pobj for prep, pobj in prep_objects(antecedent) if prep == "of"]
    return mentions_of(subjects, mentions, lexicon.event_cues)


def _governor_sources(
    governor: Token, mentions: dict[int, Mention], lexicon: Lexicon
) -> list[Mention]:
    cues = lexicon.event_cues
    current = governor
    for _ in range(3):
        subjects = children(current, _SUBJECT_DEPS)
        if subjects and current.lemma_.lower() in cues.participation_verbs:
            # "Chilean troops were engaged in a battle with Peru": those engaged do it.
            return mentions_of(subjects, mentions, cues)
        if subjects and children(current, {"nsubjpass"}):
            agents = [p for a in children(current, {"agent"}) for p in children(a, {"pobj"})]
            return mentions_of(agents, mentions, cues)
        if subjects:
            return mentions_of(subjects, mentions, cues)
        if current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
            current = current.head
        else:
            break
    return []


def extract_nominal_clauses(
    sent: Span, mentions: dict[int, Mention], lexicon: Lexicon, year: int | None = None
) -> Iterator[Clause]:
    """Clauses triggered by event nouns; the coder drops those whose governing verb is
    coded itself."""
    cues = lexicon.event_cues
    for noun in tokens_of(sent):
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in mentions:
            continue
        key = noun_lemma(noun, lexicon)
        if key is None:
            continue
        governor = _governor(noun)
        if (
            governor is not None
            and governor.lemma_.lower() not in cues.support_verbs
            and not _meeting_purpose(noun, lexicon)
        ):
            continue  # "postponed their meeting" is no meeting; the verb decides
        sources = _own_sources(noun, mentions, lexicon)
        if not sources and governor is not None:
            sources = _governor_sources(governor, mentions, lexicon)
        between: list[Mention] = []
        targets: list[Mention] = []
        phrases = prep_objects(noun)
        if governor is not None and governor.lemma_.lower() in cues.participation_verbs:
            # "were engaged in ethnic cleansing in Bolivia against Peruvians": the
            # phrase on the verb names whom the act it engages in is against.
            phrases += [(p, o) for p, o in prep_objects(governor) if o.i != noun.i]
        for prep, pobj in phrases:
            if prep in ("between", "among"):
                between = mentions_of([pobj], mentions, cues)
            elif prep in TARGET_PREPS or (prep == "of" and sources):
                found = mentions_of([pobj], mentions, cues)
                if found and not set(found) & set(sources):
                    # "withdrawal of troops from Iraq": a bare sector after "of" is
                    # what is moved; a country after another preposition is whom.
                    moved = bool(targets) and all(bare_sector(m) for m in targets)
                    if not targets or (moved and any(m.actor.country for m in found)):
                        targets = found
        if sources and not targets and not between:
            targets = [m for m in _sufferer(noun, mentions, lexicon) if m not in sources]
        pairs: list[tuple[Mention, Mention | None]]
        mutual = (len(between) > 1) or (
            bool(sources) and not targets and not between and len(sources) > 1
        )
        if between and len(between) > 1:
            pairs = [(a, b) for a in between for b in between if a is not b]
        elif between and sources:
            pairs = [(a, b) for a in sources for b in between]
        elif not sources:
            continue
        elif targets:
            pairs = [(a, b) for a in sources for b in targets]
        elif len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(a, None) for a in sources]
        anchor = governor if governor is not None else noun
        if governor is None and noun.dep_ in _SUBJECT_DEPS and noun.head.pos_ in ("VERB", "AUX"):
            # "Chile's invasion of Peru began in 2019", "the talks did not resume": what
            # the verb says of the event noun (when, whether) is said of the event.
            anchor = noun.head
        qualities = qualify(anchor, None, cues, year)
        # "sanctions imposed by the U.S.": a past participle says the act was done
        # before the sentence's news; the story recalls it.
        recalled = qualities.background or any(
            child.dep_ == "acl" and child.tag_ == "VBN" for child in kids(noun)
        )
        words = pattern_text([t for t in subtree(noun) if t.i != noun.i])
        for source, target in pairs:
            if target is not None and source.actor.code == target.actor.code:
                continue
            yield Clause(
                verb=noun,
                controller=None,
                source=source,
                target=target,
                governed_lemmas=f"{key} {words}".strip(),
                negated=qualities.negated,
                modality=qualities.modality,
                passive=False,
                background=recalled,
                kind="noun",
                governor=governor,
                reporter=qualities.reporter,
                mutual=mutual,
            )
