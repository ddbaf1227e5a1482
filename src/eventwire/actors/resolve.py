"""Actor resolution: noun phrases of the parse to coded actors (`resolve_mentions`).

A phrase is coded when its head is a name we know (country, capital, seat of
power, organisation, a user's dictionary entry), a role noun (sector), or a
person; the phrase's modifiers add the country ("Venezuelan President Nicolas
Maduro", "Venezuela's leader", "diplomats from the U.S."). The rules are in
actors/resolver.py; what the story has said so far, in actors/story.py; where
the tables match the text, in actors/matching.py; lists of nationalities that
share one role ("Hungarian and Romanian officials"), in actors/coordination.py.

What the story says binds for the rest of it: after "Venezuelan President
Nicolas Maduro", a later "Maduro", "the president" or "he" is VENGOV. A person
the story does not title is looked up in the leader table by the story's date,
then in the corpus memory (people other stories titled); a person nobody knows
keeps their name and gets only what the phrase gives (a title's sector), never
a guessed country.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.actors.clues import NOMINAL_POS
from eventwire.actors.coordination import (
    coordinated_members,
    is_coordinated_modifier,
    member_actor,
)
from eventwire.actors.knowledge import ActorKnowledge
from eventwire.actors.memory import ActorMemory, LearnedActor
from eventwire.actors.resolver import ArticleResolver
from eventwire.model import Actor, Mention
from eventwire.nlp import ParsedArticle

__all__ = ["resolve_mentions"]


@dataclass(frozen=True, slots=True)
class _Found:
    mention: Mention
    first: int  # token span of the phrase, inclusive
    last: int


def resolve_mentions(
    parsed: ParsedArticle,
    knowledge: ActorKnowledge,
    anchor: dt.date | None = None,
    memory: ActorMemory | None = None,
) -> list[Mention]:
    """Every coded actor phrase of the article, in text order, keyed by its head token.

    `anchor` is the story's date (default: the article's own): it picks the
    leader-table and date-restricted dictionary codes in force. `memory`, when
    given, is asked about people the story names without a title, and is taught
    every person the story titles with a country (name, code, article id, date).
    Pronouns ("he", "it") that point back to a coded actor are mentions too, with
    `resolved_by="context"`.
    """
    anchor = anchor if anchor is not None else parsed.article.date
    resolver = ArticleResolver(parsed, knowledge, anchor, memory)
    # The parse read once (actors/tokens.py): every token of the story is tested here.
    parse = resolver.parse
    tokens, dep, pos, heads = parse.tokens, parse.dep, parse.pos, parse.head
    # "Hungarian" of "Hungarian and Romanian officials" (coordination.py), and the
    # nouns such lists modify; only a token with a conjunct can start a list.
    has_conjunct = {heads[i] for i, label in enumerate(dep) if label == "conj"}
    listed = {i for i in has_conjunct if is_coordinated_modifier(tokens[i])}
    list_heads = sorted({heads[i] for i in listed})
    mentions: list[Mention] = []
    for sentence_index, sent in enumerate(parsed.doc.sents):
        resolver.sentence = sentence_index
        found: list[_Found] = []
        names = resolver.names
        for i in range(sent.start, sent.end):
            if pos[i] not in NOMINAL_POS and i not in names and dep[i] != "poss":
                # Heads no phrase and is no possessor (whose head is resolved first,
                # below): every check below would skip it too, and they only read.
                continue
            token = tokens[i]
            if i in listed:
                continue  # "Hungarian" of "Hungarian and Romanian officials": below
            if dep[i] in ("compound", "amod") and pos[heads[i]] in NOMINAL_POS:
                continue  # part of a bigger phrase, coded with its head
            if resolver.is_name_part(token):
                continue
            if dep[i] == "poss" and resolver.resolve(tokens[heads[i]]) is not None:
                # "Venezuela's leader": coded with its head. A possessor whose head is
                # no actor ("President Assad's failure") is an actor of its own.
                continue
            if pos[i] == "PRON":
                continue  # after the sentence's other phrases
            if pos[i] not in NOMINAL_POS and i not in resolver.names:
                continue  # heads no phrase: what resolver.resolve would say, sooner
            actor = resolver.resolve(token)
            if actor is None:
                continue
            phrase = resolver.phrase_tokens(token)
            # Known at once, so that "his" later in the same sentence can point back.
            resolver.story.add_referent(resolver.referent(sentence_index, token, actor))
            found.append(
                _Found(
                    Mention(
                        sentence_index=sentence_index,
                        start=phrase[0].idx,
                        end=phrase[-1].idx + len(phrase[-1].text),
                        head=token.i,
                        actor=actor,
                    ),
                    phrase[0].i,
                    phrase[-1].i,
                )
            )
        sentence_heads = [tokens[i] for i in list_heads if sent.start <= i < sent.end]
        members = _coordinated(resolver, sentence_heads, sentence_index)
        member_heads = {f.mention.head for f in members}
        found = [f for f in found if f.mention.head not in member_heads] + members
        kept = [
            f
            for f in found
            if not any(
                other is not f
                and other.first <= f.mention.head <= other.last
                and other.last - other.first > f.last - f.first
                for other in found
            )
        ]
        kept_heads = {f.mention.head for f in kept}
        resolver.story.referents = [
            r
            for r in resolver.story.referents
            if r.sentence != sentence_index or r.token.i in kept_heads
        ]
        pronouns: list[Mention] = []
        for i in range(sent.start, sent.end):
            if pos[i] != "PRON" or dep[i] == "poss":
                continue
            token = tokens[i]
            actor = resolver.pronoun(token)
            if actor is None:
                continue
            pronouns.append(
                Mention(sentence_index, token.idx, token.idx + len(token.text), token.i, actor)
            )
        mentions += sorted([f.mention for f in kept] + pronouns, key=lambda m: m.start)
    if memory is not None:
        for name, actor in resolver.learned.items():
            memory.learn(
                LearnedActor(
                    name, actor.code, actor.country, actor.sector, parsed.article.id, anchor
                )
            )
    return mentions


def _coordinated(
    resolver: ArticleResolver, heads: list[Token], sentence_index: int
) -> list[_Found]:
    """The earlier members of coordinated modifiers ("Hungarian" of "Hungarian and
    Romanian officials"), each an actor: a country takes the head's role, anything
    else (an organisation, a person) is coded as itself. `heads`: the sentence's
    heads of such modifiers, in text order."""
    found: list[_Found] = []
    for head in heads:
        phrase_start = resolver.phrase_tokens(head)[0].i
        members = coordinated_members(head, phrase_start)
        if not members:
            continue
        head_actor = resolver.resolve(head)
        head_agent = resolver.agents.get(head.i)
        for member in members:
            match = resolver.names.get(member.i)
            if match is not None and match.value.kind in ("country", "adjective"):
                first, last = match.start, match.end - 1
                country = match.value.country or match.value.code
                text = resolver.parse.span_text(first, last + 1)
                agent = head_agent.value if head_agent is not None else None
                actor: Actor | None = member_actor(country, head_actor, agent, text)
            else:
                actor = resolver.resolve(member)
                tokens = resolver.phrase_tokens(member)
                first, last = tokens[0].i, tokens[-1].i
                if actor is not None:
                    # A pronoun may point back to it; a nationality member is part
                    # of its head's group, which is the referent.
                    resolver.story.add_referent(resolver.referent(sentence_index, member, actor))
            if actor is None:
                continue
            start, end = resolver.doc[first].idx, resolver.doc[last].idx + len(resolver.doc[last])
            found.append(_Found(Mention(sentence_index, start, end, member.i, actor), first, last))
    return found
