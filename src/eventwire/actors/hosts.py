"""Where a people of no one country lives, from the countries the story names.

"Ethnic Albanians", "ethnic Turks", "ethnic Russians" are most often a minority
outside their own nation's state, and news about them is news about the state they
live in: "ethnic Albanians have vowed to fight on near Macedonia's border, Macedonian
officials said" is about Macedonia. Without an "in X" after them (clues.located_country
handles that), the state is the one country the sentence names other than their own
nation's, else the one it names most; failing that, the same over the whole story. A
tie gives no country: a guess between two could be the wrong one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from eventwire.actors.knowledge import NameEntry
from eventwire.actors.matching import Match

# Names that stand for a state: its name, adjective, capital or seat of power.
STATE_KINDS = {"country", "adjective", "capital", "seat"}


def host_country(
    head: Token, names: Mapping[int, Match[NameEntry]], origin: str | None
) -> str | None:
    """The country the people `head` names lives in, by what the story names; never
    `origin`, the people's own nation's state ("ethnic Albanians" are not Albania's)."""
    matches = {match.start: match for match in names.values()}.values()
    sent = head.sent
    in_sentence = [m for m in matches if sent.start <= m.start < sent.end]
    return _most_named(in_sentence, origin) or _most_named(matches, origin)


def _most_named(matches: Iterable[Match[NameEntry]], origin: str | None) -> str | None:
    """The country named strictly more often than any other (not `origin`)."""
    counts = Counter(
        m.value.country
        for m in matches
        if m.value.kind in STATE_KINDS and m.value.country and m.value.country != origin
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
