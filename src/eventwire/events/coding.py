"""Coding: clauses matched against the lexicon become Events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from eventwire.events.cameo import CameoCodebook
from eventwire.events.clauses import Clause, extract_clauses
from eventwire.events.lexicon import Lexicon, LexiconEntry
from eventwire.model import Event, Evidence, Mention, Span
from eventwire.nlp import ParsedArticle


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


def match_entry(clause: Clause, lexicon: Lexicon) -> tuple[LexiconEntry, str | None] | None:
    """The most specific lexicon entry the clause satisfies, with the object phrase
    that matched (None for a bare-verb entry), or None."""
    controller = clause.controller.lemma_.lower() if clause.controller is not None else None
    best: tuple[int, int, int] | None = None
    chosen: tuple[LexiconEntry, str | None] | None = None
    for entry in lexicon.candidates(clause.verb.lemma_.lower()):
        if entry.under and controller not in entry.under:
            continue
        matched = [
            phrase
            for phrase in entry.objects
            if _phrase_pattern(phrase).search(clause.governed_lemmas)
        ]
        if entry.objects and not matched:
            continue
        # Most specific first: a named object or governing verb, then the longest
        # object phrase ("military cooperation" over "cooperation"), then the
        # deeper CAMEO code.
        rank = (entry.specificity, max((len(p) for p in matched), default=0), len(entry.code))
        if best is None or rank > best:
            best, chosen = rank, (entry, max(matched, key=len) if matched else None)
    return chosen


def _matched_entry(entry: LexiconEntry, phrase: str | None) -> str:
    """What matched, short: "0312:pledge +military cooperation"."""
    verb = f"{'/'.join(entry.under)} to {entry.verb}" if entry.under else entry.verb
    return f"{entry.code}:{verb}" + (f" +{phrase}" if phrase else "")


def _confidence(clause: Clause, entry: LexiconEntry) -> float:
    # A heuristic until the eval figures calibrate it: a pattern that names the
    # object or the governing verb is more reliable than a bare verb, and actors
    # with a known country are more reliable than bare sectors.
    score = 0.5
    if entry.objects:
        score += 0.2
    if entry.under:
        score += 0.1
    if clause.source.actor.country and clause.target.actor.country:
        score += 0.1
    if clause.modality != "asserted" and not entry.under:
        score -= 0.1
    return max(0.05, min(0.95, score))


def code_events(
    parsed: ParsedArticle,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    codebook: CameoCodebook,
    coder: str,
) -> list[Event]:
    """Events of one article, undated and unplaced (the when/where stage adds those)."""
    by_head = {mention.head: mention for mention in mentions}
    events: list[Event] = []
    seen: set[str] = set()
    for index, sent in enumerate(parsed.doc.sents):
        for clause in extract_clauses(sent, by_head):
            found = match_entry(clause, lexicon)
            if found is None:
                continue
            entry, phrase = found
            cameo = codebook[entry.code]
            modality = "asserted" if entry.under else clause.modality
            event = Event(
                article_id=parsed.article.id,
                sentence_id=index,
                sentence=sent.text.strip(),
                trigger=Span(
                    clause.verb.text, clause.verb.idx, clause.verb.idx + len(clause.verb.text)
                ),
                source=clause.source.actor,
                target=clause.target.actor,
                cameo=cameo.code,
                cameo_label=cameo.label,
                plover=cameo.plover,
                quad_class=cameo.quad_class,
                goldstein=cameo.goldstein,
                negated=clause.negated,
                modality=modality,
                confidence=_confidence(clause, entry),
                coder=coder,
                evidence=Evidence(
                    entry=_matched_entry(entry, phrase),
                    pattern=f"{entry.origin}: {entry.id}",
                    clause=clause.describe(),
                ),
            )
            if event.event_id not in seen:
                seen.add(event.event_id)
                events.append(event)
    return events
