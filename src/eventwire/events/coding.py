"""Coding: clauses matched against the lexicon become Events.

For each sentence: verb clauses first (events/clauses.py); a verb no verb
pattern matches may still be coded through its object noun ("launched an
attack on", "imposed sanctions on", "held talks with"); then nominal events
(events/nominal.py) whose governing verb was not coded already. A clause with
no target is kept only for the CAMEO families that allow one
(`untargeted_roots` in data/event_cues.yaml). Every event carries the entry
and the clause that produced it as `evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from eventwire.events.cameo import CameoCodebook
from eventwire.events.clauses import Clause, children, extract_clauses, mentions_of, pattern_text
from eventwire.events.lexicon import Lexicon, LexiconEntry
from eventwire.events.nominal import extract_nominal_clauses, noun_lemma
from eventwire.model import Actor, Event, Evidence, Mention, Modality, Span
from eventwire.nlp import ParsedArticle

__all__ = ["code_events", "match_entry"]


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


def _best(
    entries: Sequence[LexiconEntry], controller: str | None, words: str
) -> tuple[LexiconEntry, str | None] | None:
    best: tuple[int, int, int] | None = None
    chosen: tuple[LexiconEntry, str | None] | None = None
    for entry in entries:
        if entry.under and controller not in entry.under:
            continue
        matched = [phrase for phrase in entry.objects if _phrase_pattern(phrase).search(words)]
        if entry.objects and not matched:
            continue
        # Most specific first: a named object or governing verb, then the longest
        # object phrase ("military cooperation" over "cooperation"), then the
        # deeper CAMEO code.
        rank = (entry.specificity, max((len(p) for p in matched), default=0), len(entry.code))
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
    found = _best(lexicon.candidates(lemma), controller, clause.governed_lemmas)
    if found is None:
        # Phrasal verbs: "carry out", "break off", "step down".
        for particle in clause.verb.children:
            if particle.dep_ == "prt":
                phrasal = f"{lemma} {particle.lower_}"
                found = _best(lexicon.candidates(phrasal), controller, clause.governed_lemmas)
                if found is not None:
                    break
    return found


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


def _confidence(clause: Clause, entry: LexiconEntry, via_noun: bool) -> float:
    # A heuristic, ordered so that the most telling evidence wins when a sentence
    # has several events: a pattern naming the object or governing verb beats a
    # bare verb; a statement (01) is the weakest claim; actors with a country and
    # a named target are more reliable than bare sectors or no target.
    score = 0.5
    if entry.objects:
        score += 0.2
    if entry.under:
        score += 0.1
    if clause.target is not None:
        score += 0.05
        if clause.source.actor.country and clause.target.actor.country:
            score += 0.05
    if entry.code.startswith("01"):
        score -= 0.2
    if clause.kind == "noun" or via_noun:
        score -= 0.05
    if clause.modality != "asserted" and not entry.under:
        score -= 0.1
    if clause.negated:
        score -= 0.1
    return max(0.05, min(0.95, score))


@dataclass(frozen=True, slots=True)
class _Coded:
    """What a matched clause is coded as, after recoding intents, threats and demands."""

    code: str
    source: Actor
    target: Actor | None
    modality: Modality
    how: str  # "" or the recoding applied, for the evidence


def _auxiliaries(clause: Clause) -> set[str]:
    tokens = [clause.verb] + ([clause.controller] if clause.controller is not None else [])
    if clause.governor is not None:
        tokens.append(clause.governor)
    return {c.lower_ for t in tokens for c in t.children if c.dep_ == "aux"}


def _speaker(clause: Clause, by_head: dict[int, Mention], lexicon: Lexicon) -> Mention | None:
    if clause.reporter is None:
        return None
    subjects = children(clause.reporter, {"nsubj"})
    found = mentions_of(subjects, by_head, lexicon.event_cues)
    return found[0] if found else None


def _recode(
    clause: Clause, entry: LexiconEntry, lexicon: Lexicon, by_head: dict[int, Mention]
) -> _Coded:
    """An act that is only intended, threatened or demanded takes the code CAMEO gives
    the intent, threat or demand ("pledged to send aid" is 033, not 070;
    "threatened to cut aid" 1311; "said Sudan must return it" a demand on Sudan);
    where CAMEO has no such code the act keeps its code and the modality says it."""
    source, target = clause.source.actor, (clause.target.actor if clause.target else None)
    code, modality = entry.code, clause.modality
    if entry.under and modality in ("intended", "threatened"):
        # "agreed to cooperate": the intent is part of the code, not a modality.
        return _Coded(code, source, target, "asserted", "")
    recoding, cues = lexicon.recoding, lexicon.event_cues
    if recoding is None or clause.negated:
        return _Coded(code, source, target, modality, "")
    if modality == "reported":
        auxiliaries = _auxiliaries(clause)
        speaker = _speaker(clause, by_head, lexicon)
        if speaker is not None and auxiliaries & cues.future_aux:
            if speaker.actor.code == source.code:
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
    if modality == "threatened" and code[:2] != "13":
        threat = recoding.as_threat(code)
        if threat is not None:
            return _Coded(threat, source, target, "asserted", f"threat of {code}")
    return _Coded(code, source, target, modality, "")


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
        plover=cameo.plover,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        negated=clause.negated,
        modality=modality,
        background=clause.background,
        confidence=_confidence(clause, entry, via_noun),
        coder=coder,
        evidence=Evidence(
            entry=matched,
            pattern=f"{entry.origin}: {entry.id}",
            clause=clause.describe(),
        ),
    )


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
        for clause in extract_clauses(sent, by_head, cues, year):
            found = match_entry(clause, lexicon)
            via_noun = False
            if found is None:
                by_noun = _object_noun_entry(clause, lexicon)
                if by_noun is None:
                    continue
                found, via_noun = (by_noun[0], by_noun[1]), True
            entry, phrase = found
            coded = _recode(clause, entry, lexicon, by_head)
            if coded.target is None and coded.code[:2] not in cues.untargeted_roots:
                continue
            coded_triggers.add(clause.verb.i)
            keep(
                _event(
                    parsed, index, sentence, clause, entry, phrase, codebook, coder, via_noun, coded
                )
            )
        for clause in extract_nominal_clauses(sent, by_head, lexicon, year):
            if clause.governor is not None and clause.governor.i in coded_triggers:
                continue
            found = match_entry(clause, lexicon)
            if found is None:
                continue
            entry, phrase = found
            coded = _recode(clause, entry, lexicon, by_head)
            if coded.target is None and coded.code[:2] not in cues.untargeted_roots:
                continue
            keep(
                _event(
                    parsed, index, sentence, clause, entry, phrase, codebook, coder, False, coded
                )
            )
    return events
