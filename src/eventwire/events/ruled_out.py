"""Acts a speaker rules out: "Peru said that withdrawing its troops is not an
option", "lifting the ban is out of the question". The act, a gerund that is the
subject of "be" in what is said, is no act of anyone; its rejection is the
speaker's (CAMEO 12, of the act's topic where CAMEO has a code for it). The
phrases that rule an act out are data (data/event_cues.yaml `ruled_out_phrases`).
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.events.clauses import Clause, children, governed, pattern_text
from eventwire.events.lexicon import EventCues
from eventwire.events.story_parse import kids, subtree
from eventwire.model import Mention

__all__ = ["ruled_out"]


def ruled_out(clause: Clause, cues: EventCues, by_head: dict[int, Mention]) -> list[Clause]:
    """The acts the speaker of a clause of saying rules out, as clauses of the speaker
    (source) on whoever the act names (target), unqualified: the coder recodes them as
    rejections."""
    if clause.kind != "verb" or clause.verb.lemma_.lower() not in cues.say_verbs:
        return []
    found: list[Clause] = []
    for content in children(clause.verb, {"ccomp"}):
        if content.lemma_.lower() != "be":
            continue
        for act in children(content, {"csubj"}):
            if act.tag_ != "VBG":
                continue
            inside = {token.i for token in subtree(act)}
            said = " ".join(t.lower_ for t in subtree(content) if t.i not in inside)
            if not any(f" {phrase} " in f" {said} " for phrase in cues.ruled_out_phrases):
                continue
            speaker = clause.source.actor
            named = [
                by_head[t.i]
                for t in subtree(act)
                if t.i in by_head and by_head[t.i].actor.code != speaker.code
            ]
            # "withdrawing its troops from Chile": another country's actor first.
            named.sort(
                key=lambda m: speaker.country is not None and m.actor.country == speaker.country
            )
            found.append(
                replace(
                    clause,
                    verb=act,
                    controller=None,
                    target=named[0] if named else None,
                    governed_lemmas=pattern_text(governed(act)),
                    negated=False,
                    modality="asserted",
                    reporter=clause.verb,
                    mutual=False,
                    objects=tuple(t for t in kids(act) if t.dep_ == "dobj"),
                )
            )
    return found
