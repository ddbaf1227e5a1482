"""Bodies our tables do not know, named as non-governmental ones are.

"The Association of African Jurists", "the Third World Water Forum", "the Ceasefire
Violations Committee": news names many associations, forums and committees once. A
name headed by such a word, with nothing in it of a state (no country, known
organisation, role, or a word like "National" or "Supreme"), is at best a
non-governmental body: CAMEO's NGO, with no country. Names that are as often parties,
armed groups or state bodies ("Union", "Front", "Movement", "Commission") are left
alone: a wrong code is worse than none.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from eventwire.actors.knowledge import AgentEntry, NameEntry, load_word_list
from eventwire.actors.matching import Match
from eventwire.model import Actor

# The two word lists are data (data/body_heads.txt, data/body_state_words.txt).
BODY_HEADS = load_word_list("body_heads.txt")
STATE_WORDS = load_word_list("body_state_words.txt")
_NAME_DEPS = {"compound", "amod", "det"}


def unknown_body(
    head: Token,
    names: Mapping[int, Match[NameEntry]],
    agents: Mapping[int, Match[AgentEntry]],
    text: str,
) -> Actor | None:
    """An NGO for a proper name headed by `head` ("Association", "Forum") that no table
    knows and that says nothing of a state; None otherwise."""
    if head.pos_ != "PROPN" or head.ent_type_ != "ORG" or head.lemma_.lower() not in BODY_HEADS:
        return None
    words = [t for child in head.lefts if child.dep_ in _NAME_DEPS for t in child.subtree]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            words.extend(child.subtree)  # "the Association of African Jurists"
    content = [t for t in words if t.pos_ not in ("DET", "ADP", "PUNCT", "CCONJ")]
    if not content or any(t.pos_ != "PROPN" for t in content):
        return None  # "the committee", "a regional forum": no name
    for token in [head, *words]:
        if token.i in agents or token.lower_ in STATE_WORDS:
            return None
        match = names.get(token.i)
        if match is not None and (match.value.country or match.value.kind != "adjective"):
            return None  # "the Liberian Peace Council", "the UN Security Council"
    return Actor("NGO", None, None, text, None, "context")
