"""Parse repairs for clause reading: where spaCy's dependency parse is known to go
astray in news sentences, the subject or the verb a clause really has.

- a verb coordinated, across a subordinate clause, with the main verb
  (`nearer_partner`: "delivered food, two days after an earthquake killed 23
  people and destroyed homes");
- a participle closing a sentence after a comma (`closing_participle`: "lashed
  out at Peru, accusing it of ..."), whose doer is the main subject;
- a headline verb tagged as a noun (`verb_tagged_noun`: "EU and UN hand over
  supplies");
- a subject parsed into the opening phrase (`fronted_conjuncts`: "After talks in
  Lima, Chile and Peru signed ...");
- a sentence with a noun phrase at its root (`misparsed_main_verb`);
- a subject with a participle on it parsed as a clausal subject
  (`participle_subject`: "The Red Cross operating in Peru said");
- an actor's name before a finite verb with no subject, tagged as an adverb or
  modifier (`stray_subject`: "USAID provided shelter to ...");
- reported content put before its verb of saying and parsed as that verb's
  subject with a reduced relative (`fronted_content_verb`: "Rebel fighters
  shelled the town, officials said").

Used by events/clauses.py.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from eventwire.events.phrases import (
    NOMINAL_POS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    children,
)
from eventwire.events.story_parse import kids, sentence_of, tokens_of

__all__ = [
    "closing_participle",
    "fronted_conjuncts",
    "fronted_content_verb",
    "misparsed_main_verb",
    "nearer_partner",
    "own_subjects",
    "participle_subject",
    "stray_subject",
    "verb_tagged_noun",
]


def nearer_partner(conj: Token) -> Token | None:
    """ "The WFP delivered food, two days after an earthquake killed 23 people and
    destroyed homes": a verb parsed as coordinated with the main verb, when a verb
    of the same form in a subordinate clause stands between them with no comma
    before the "and", is coordinated with that nearer verb."""
    head = conj.head
    before = conj.doc[conj.i - 1]
    if before.dep_ == "cc" and conj.i >= 2 and conj.doc[conj.i - 2].is_punct:
        return None  # "..., and destroyed": the comma closes the subordinate clause
    partners = [
        token
        for token in conj.doc[head.i + 1 : conj.i]
        if token.pos_ == "VERB"
        and _same_form(token, conj)
        and token.dep_ in _SUBORDINATE_DEPS
        and head in token.ancestors
    ]
    return partners[-1] if partners else None


def _same_form(one: Token, other: Token) -> bool:
    # A reduced relative ("an earthquake killed ...") is often tagged a participle
    # where its conjunct is tagged past: both are past forms.
    return one.tag_ == other.tag_ or {one.tag_, other.tag_} <= _PAST_FORMS


_PAST_FORMS = frozenset({"VBD", "VBN"})
# Clauses that hang inside another: relative, participial, adverbial, prepositional.
_SUBORDINATE_DEPS = frozenset({"acl", "relcl", "advcl", "pcomp"})


def own_subjects(verb: Token) -> list[Token]:
    """A verb's own subject, or the noun a participle or relative clause hangs on."""
    own = children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if verb.dep_ in ("acl", "relcl") and all(t.lower_ in RELATIVE_PRONOUNS for t in own):
        return [verb.head]
    return own


def closing_participle(verb: Token) -> bool:
    """A present participle set off by a comma after its main clause, with no
    subordinator ("..., accusing Peru of spying"): the main subject's act."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < verb.head.i:
        return False
    if children(verb, {"mark"}) or children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        return False
    if children(verb.head, PASSIVE_SUBJECT_DEPS):
        return False  # "were shipped out, leaving ...": whose act is unclear
    start = verb.left_edge.i
    if start == 0 or verb.doc[start - 1].lower_ != ",":
        return False
    # "an ally of Venezuela, which is isolated under sanctions imposed by the U.S.,
    # accusing Maduro of ...": with another clause between, whose doer the
    # participle may be, the main subject is not taken.
    between = verb.doc[verb.head.i + 1 : start]
    return not any(token.pos_ in ("VERB", "AUX") for token in between)


def verb_tagged_noun(token: Token) -> bool:
    """ "EU and UN hand over medical supplies to Nigeria": a headline's present-tense
    verb tagged as a noun, though parsed as the root with a subject and an object."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and bool(children(token, {"nsubj"}))
        and bool(children(token, {"dobj", "prep", "prt"}))
    )


def fronted_conjuncts(verb: Token) -> list[Token]:
    """ "After talks in Lima, Chile and Peru signed an agreement": the subject parsed
    as conjuncts of the last noun of the opening phrase; the first of them, when
    all that stands between the comma closing that phrase and the verb (or the
    verb its complement or conjunct hangs on) is that list and the verb's adverbs."""
    top = verb
    while top.dep_ in ("xcomp", "conj") and top.head.i != top.i:
        top = top.head
    doc = top.doc
    commas = [t for t in tokens_of(doc[sentence_of(top).start : top.i]) if t.lower_ == ","]
    if not commas:
        return []
    comma = commas[-1]
    between = tokens_of(doc[comma.i + 1 : top.i])
    heads = [
        t for t in between if t.dep_ == "conj" and t.head.i < comma.i and t.pos_ in NOMINAL_POS
    ]
    if not heads:
        return []
    phrase = {t.i for t in heads[0].subtree}
    if all(t.i in phrase or (t.head.i == top.i and t.dep_ in _VERB_MODIFIERS) for t in between):
        return heads[:1]
    return []


# What may stand between a subject and its verb: "Chile and Peru formally agreed".
_VERB_MODIFIERS = frozenset({"advmod", "aux", "neg", "punct"})


def misparsed_main_verb(verb: Token) -> bool:
    """ "Doctors from two Chilean charities donated and delivered medicine to Peru":
    a sentence with no verb at its root, parsed as a noun phrase whose main verb is
    a reduced relative clause. The verb is the main one only when it acts on an
    object (its own or a conjunct's) or is tagged finite, so a headline passive
    ("Soldiers killed in attack") is not taken for one."""
    root = sentence_of(verb).root
    if verb.dep_ != "acl" or root.pos_ not in NOMINAL_POS or verb.i < root.i:
        return False
    if children(verb, {"agent"}) or verb.tag_ not in ("VBD", "VBN"):
        return False
    head = verb.head
    while head.i != root.i:  # only through the root's own phrase ("from two charities")
        if head.dep_ not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        head = head.head
    acts = [verb, *(c for c in children(verb, {"conj"}) if c.pos_ == "VERB")]
    # "A Peruvian newspaper called Thursday on Chileans to ...": a day named right
    # after the verb is when it was done, not what the noun is called.
    dated = any(c.ent_type_ == "DATE" and c.dep_ in ("oprd", "npadvmod") for c in kids(verb))
    return verb.tag_ == "VBD" or dated or any(children(a, {"dobj"}) for a in acts)


def fronted_content_verb(verb: Token) -> bool:
    """ "Rebel fighters resorted to force, officials said": the content before a verb
    of saying parsed as that verb's subject ("fighters") with its own verb a reduced
    relative on it, while the verb of saying has another subject after it. Two
    subjects are no parse of one clause: the participle is the content's main verb,
    done by the noun it hangs on."""
    if verb.dep_ != "acl" or verb.tag_ not in _PAST_FORMS or verb.i < verb.head.i:
        return False
    subject = verb.head
    # The noun is parsed as a subject, or left unattached ("dep") to the same verb.
    if subject.dep_ not in ("nsubj", "dep") or children(verb, {"agent", "auxpass"}):
        return False
    saying = subject.head
    return saying.pos_ == "VERB" and any(other.i > verb.i for other in children(saying, {"nsubj"}))


def participle_subject(subject: Token) -> Token:
    """ "The Red Cross operating in Peru said ...": a subject noun with a participle on
    it, parsed as a clausal subject (the participle) with the noun as its subject;
    the noun. Any other subject is itself."""
    if subject.tag_ != "VBG" or subject.dep_ != "nsubj":
        return subject
    own = children(subject, {"nsubj"})
    return own[0] if len(own) == 1 and own[0].i < subject.i else subject


def stray_subject(verb: Token, actor_heads: Container[int]) -> list[Token]:
    """ "USAID provided shelter to 1.5 million people", "USAID had announced ...": a
    name the tagger took for an adverb or a modifier of a finite verb that has no
    subject, before the verb with nothing verbal but its auxiliaries between, is its
    subject when it heads an actor mention."""
    finite = verb.tag_ in _FINITE or any(a.tag_ in _FINITE_AUX for a in children(verb, {"aux"}))
    if not finite or children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        return []
    stray = [
        child
        for child in children(verb, _STRAY_DEPS)
        if child.i < verb.i and child.i in actor_heads
    ]
    if len(stray) != 1:
        return []
    between = verb.doc[stray[0].i + 1 : verb.i]
    verbal = [t for t in between if t.pos_ in ("VERB", "AUX") and t.head.i != verb.i]
    return [] if verbal else stray


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# "had announced", "will provide": an auxiliary that makes the verb finite.
_FINITE_AUX = _FINITE | {"MD"}
# What the tagger makes of a name it does not know: "USAID/RB advmod provided".
_STRAY_DEPS = frozenset({"advmod", "npadvmod", "dep", "amod", "nmod"})
