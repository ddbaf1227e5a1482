"""Coordinated nationality modifiers: "Hungarian and Romanian officials", "U.S. and Russian
negotiators", "Russian, Chinese and Iranian diplomats".

The parser hangs such a list on its first member (`amod` or `nmod` of the head
noun, the others its `conj`s), and the head's own phrase keeps only the words
after the last "and" ("Romanian officials"). Each earlier member is an actor of
its own: its country with the head's role ("Hungarian" -> HUNGOV), or the bare
country when the head is no role ("the Turkish and Greek sides" -> TUR). The
member's mention is its own word, keyed by that token, where the event clauses
look for the members of a coordinated phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from spacy.tokens import Token

from eventwire.actors.knowledge import AgentEntry, NameEntry
from eventwire.actors.matching import Match
from eventwire.model import Actor

__all__ = [
    "conjunct_country",
    "coordinated_members",
    "is_coordinated_modifier",
    "member_actor",
    "shared_role",
]

_MODIFIER_DEPS = ("amod", "compound", "nmod")


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def is_coordinated_modifier(token: Token) -> bool:
    """A modifier of a noun that starts a coordinated list ("Hungarian" of "Hungarian and
    Romanian officials"): it is coded with its head, not alone."""
    return (
        token.dep_ in _MODIFIER_DEPS
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.i > token.i
        and any(True for _ in _conjuncts(token))
        # the "and" hangs on the first member or, in "A, B and C", on a later one
        and any(
            child.dep_ == "cc"
            for member in (token, *_conjuncts(token))
            for child in member.children
        )
    )


def coordinated_members(head: Token, phrase_start: int) -> list[Token]:
    """The list members modifying `head` that lie before the head's own phrase (which
    starts at `phrase_start`): the words still to code."""
    members: list[Token] = []
    for child in head.lefts:
        if is_coordinated_modifier(child):
            members += [m for m in [child, *_conjuncts(child)] if m.i < phrase_start]
    return members


def member_actor(
    country: str, head_actor: Actor | None, agent: AgentEntry | None, text: str
) -> Actor:
    """A member country with the head's role when the head is a role ("Hungarian" of
    "Hungarian and Romanian officials" -> HUNGOV), else the bare country."""
    if agent is not None and head_actor is not None and head_actor.sector is not None:
        sector = agent.sector
        code = sector + country if agent.position == "prefix" else country + sector
        return Actor(code, country, sector[:3], text, None, "knowledge")
    return Actor(country, country, None, text, None, "knowledge")


def shared_role(
    adjective: Token,
    agents: Mapping[int, Match[AgentEntry]],
    names: Mapping[int, Match[NameEntry]],
) -> AgentEntry | None:
    """The role a nationality adjective shares with the list after it when the parser
    took the adjective for a noun of its own: in "Sierra Leonean and Liberian refugees"
    it hangs "refugees" on "Leonean" as a conjunct. Only the singular adjective form
    shares it: "Palestinians and Israeli soldiers" are two groups."""
    if "Plur" in adjective.morph.get("Number", []) or adjective.lower_.endswith("s"):
        return None
    for conjunct in _conjuncts(adjective):
        agent = agents.get(conjunct.i)
        if agent is None:
            continue
        if any(
            child.dep_ == "amod" and child.i in names and names[child.i].value.kind == "adjective"
            for child in conjunct.lefts
        ):
            return agent.value
    return None


def conjunct_country(head: Token, resolve: Callable[[Token], Actor | None]) -> str | None:
    """The country of a conjunct: "representatives of Maduro and the opposition".
    `resolve` codes a phrase (ArticleResolver.resolve)."""
    conjuncts = [child for child in head.children if child.dep_ == "conj"]
    if head.dep_ == "conj":
        conjuncts.insert(0, head.head)
    for conjunct in conjuncts:
        actor = resolve(conjunct)
        if actor is not None and actor.country:
            return actor.country
    return None
