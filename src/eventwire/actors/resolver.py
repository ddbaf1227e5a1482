"""The phrase resolver: one story's noun phrases to coded actors, in text order.

A phrase is coded when its head is a name we know (country, capital, seat of
power, organisation, a user's dictionary entry), a role noun (sector), or a
person; the phrase's modifiers add the country ("Venezuelan President Nicolas
Maduro", "Venezuela's leader", "diplomats from the U.S.").

What the story says binds for the rest of it (actors/story.py): after
"Venezuelan President Nicolas Maduro", a later "Maduro", "the president" or
"he" is VENGOV. A person the story does not title is looked up in the leader
table by the story's date, then in the corpus memory (people other stories
titled); a person nobody knows keeps their name and gets only what the phrase
gives (a title's sector), never a guessed country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.bodies import unknown_body
from eventwire.actors.clues import (
    ABROAD_TITLES,
    DOMESTIC_SECTORS,
    HOME_BODIES,
    HOME_ROLES,
    LOCATION_PREPS,
    NOMINAL_POS,
    NOT_PERSON_ENTS,
    OFTEN_ABROAD,
    ORIGIN_PREPS,
    RELATION_NOUNS,
    Clues,
    apposed,
    capital_actor,
    compose,
    counted_people,
    fled_country,
    holding_role,
    home_base,
    is_definite_singular,
    located_country,
    names_state_as_party,
    organization_actor,
    people_of_a_place,
    phrase_tokens,
    place_country,
    possessed_title,
    role_in_organization,
    role_modifiers,
    seat_possessor,
    settlement_actor,
    state_named,
    with_user_agents,
)
from eventwire.actors.coordination import conjunct_country, shared_role
from eventwire.actors.hosts import host_country
from eventwire.actors.knowledge import ActorKnowledge, AgentEntry, split_code
from eventwire.actors.leaders import ROLE_SECTORS, ROLE_TITLES
from eventwire.actors.matching import Match, after_the, index_phrases, match_head
from eventwire.actors.memory import ActorMemory, LearnedActor
from eventwire.actors.story import Referent, StoryRecord, pronoun_kind, referent_kind
from eventwire.actors.tokens import StoryTokens
from eventwire.model import Actor, ResolvedBy
from eventwire.nlp import ParsedArticle


class ArticleResolver:
    """Resolves one article's phrases in text order, keeping the story's record."""

    def __init__(
        self,
        parsed: ParsedArticle,
        knowledge: ActorKnowledge,
        anchor: dt.date | None,
        memory: ActorMemory | None,
    ) -> None:
        doc = parsed.doc
        self.doc = doc
        self.knowledge = knowledge
        self.anchor = anchor
        self.memory = memory
        self.article_id = parsed.article.id
        self.parse = StoryTokens.of(doc)
        index = index_phrases(self.parse, knowledge, anchor)
        self.names = index.names
        self.name_heads = index.name_heads
        self.agents = index.agents
        self.persons = index.persons
        self.story = StoryRecord()
        self.sentence = 0
        self.learned: dict[str, Actor] = {}  # people this story titled: what memory learns
        self._resolving: set[int] = set()
        self._resolved: dict[int, Actor | None] = {}
        self._phrases: dict[int, tuple[Token, ...]] = {}
        dateline = parsed.article.dateline
        self.home_country = (
            knowledge.country_names.get(dateline.country or "") if dateline else None
        )
        # The one country the whole story names, if it names only one: where a title
        # of no stated country ("Judge Ana Ruiz", "the ruling coalition") most likely
        # serves. Stories that name two or more give no such guess.
        named: set[str | None] = {match.value.country for match in self.names.values()}
        # People our tables know count too: "Maduro thanked Russia" names two.
        for span in {span.start: span for span in self.persons.values()}.values():
            leader = knowledge.leaders.lookup(span.text, anchor)
            figure = knowledge.figures.lookup(span.text, anchor)
            named.add(leader.country if leader else split_code(figure.code)[0] if figure else None)
        named.discard(None)
        self.sole_country = next(iter(named)) if len(named) == 1 else None

    # ------------------------------------------------------------ phrases

    def is_name_part(self, token: Token) -> bool:
        """Inside a multi-word name or title, not its head: "the EU", "secretary of state"."""
        role = self.agents.get(token.i)
        if role is not None and token.i != match_head(self.parse, role.start, role.end):
            return token.i not in self.names
        return token.i in self.names and token.i not in self.name_heads

    def phrase_tokens(self, head: Token) -> tuple[Token, ...]:
        """The words of the phrase `head` heads (clues.phrase_tokens)."""
        # Asked of the same head again and again (as a phrase, a modifier, a list's
        # head), and fixed by the parse and the story's matches: worked out once.
        phrase = self._phrases.get(head.i)
        if phrase is None:
            phrase = self._phrases[head.i] = phrase_tokens(
                self.parse, self.names, self.agents, head
            )
        return phrase

    def clues(self, head: Token, tokens: Sequence[Token]) -> Clues:
        clues = Clues()
        head_name = self.names.get(head.i)
        if head_name is not None and head_name.value.kind not in ("adjective", "people"):
            clues.full = head_name.value
            clues.country = head_name.value.country
        people_home: str | None = None
        # "Israel's militia ally", "Russia's rivals": the possessor of a relation is
        # the other side of it, never the phrase's own country.
        relational = head.lemma_.lower() in RELATION_NOUNS
        other_side = (
            {t.i for child in head.lefts if child.dep_ == "poss" for t in child.subtree}
            if relational
            else set()
        )
        for token in tokens:
            match = self.names.get(token.i)
            if match is None or match is head_name or token.i in other_side:
                continue
            entry = match.value
            if entry.kind in ("organization", "dictionary"):
                if clues.modifier_name is None:
                    clues.modifier_name = entry
                if entry.kind == "organization":
                    # "Hamas militants", "FBI agents": the group's own code, not its
                    # country's (coded from modifier_name when nothing else names one).
                    continue
            if entry.kind == "people":
                # "Karen guerrillas": the people's home, unless a country says otherwise
                # ("Indian Tamils").
                people_home = people_home or entry.country
                clues.people = True
                continue
            if clues.country is None and entry.country:
                clues.country = entry.country
        if head_name is not None and clues.country is None:
            # A demonym as a noun takes a modifier's country first: "Bosnian Serbs" are BIH.
            clues.country = head_name.value.country
        if clues.country is None:
            clues.country = people_home
        if clues.country is None and not relational:
            clues.country = self._possessor_country(head)
        head_agent = self.agents.get(head.i)
        person = self.persons.get(head.i)
        person_text = person.text if person is not None else None
        if person_text is not None and person is not None:
            # "President Vladimir Putin" tagged whole: the name is what follows the title.
            untitled = [t for t in person if t.i not in self.agents and t.i not in self.names]
            person_text = self._span_text(untitled)
        if person_text is None and head.pos_ == "PROPN" and head.i not in self.names:
            # The tagger misses some names; a proper noun after a title is a person
            # ("President Ana Quispe").
            person_text = self._titled_name(head, tokens)
        agent_match = head_agent
        if head_agent is None and (person_text is not None or head.i in self.names):
            # a title before a name: "President Nicolas Maduro", "Deputy Foreign Minister X"
            titles = [self.agents[t.i] for t in tokens if t.i in self.agents and t.i <= head.i]
            agent_match = titles[-1] if titles else None
        if agent_match is not None:
            clues.agent = possessed_title(agent_match.value, tokens, self.agents)
            clues.title = tuple(
                t.lemma_.lower() for t in self.parse.tokens[agent_match.start : agent_match.end]
            )
        clues.person = person_text or None
        # "the United Nations envoy for Yemen" serves the organisation that names it;
        # "for Yemen" is the posting, not the envoy's country.
        if clues.country is None and clues.modifier_name is None:
            for child in head.rights:
                # A people's own fighters or refugees are where the phrase puts them:
                # "Moslem forces in east Bosnia".
                abroad = (
                    clues.agent is not None
                    and clues.agent.sector[:3] in OFTEN_ABROAD
                    and not clues.people
                )
                if child.dep_ == "prep" and (
                    child.lower_ in ORIGIN_PREPS
                    or (child.lower_ in LOCATION_PREPS and clues.agent is not None and not abroad)
                ):
                    for pobj in child.children:
                        theirs = self.names.get(pobj.i) if pobj.dep_ == "pobj" else None
                        if (
                            theirs
                            and theirs.value.kind == "dictionary"
                            and len(theirs.value.code) > 3
                        ):
                            # "activists of Gonzo GMO": the user's group code, as PETRARCH has it
                            clues.modifier_name = clues.modifier_name or theirs.value
                        elif pobj.dep_ == "pobj":
                            origin = self.resolve(state_named(pobj))
                            if origin is not None and origin.country:
                                clues.country = origin.country
                            elif origin is None:
                                clues.country = place_country(pobj)
        if clues.country is None and clues.agent is not None and clues.agent.sector[:3] == "REF":
            clues.country = fled_country(head, self.names)
        base = home_base(head, clues.agent) if clues.country is None else None
        origin = self.resolve(base) if base is not None else None
        clues.country = origin.country if origin is not None else clues.country
        return clues

    def _possessor_country(self, head: Token) -> str | None:
        """The country of a possessor that is not a name we matched: "Maduro's government",
        "his government", "its allies"."""
        for child in head.lefts:
            if child.dep_ != "poss" or child.i in self.names:
                continue
            kind = pronoun_kind(child)
            if kind is not None:
                referent = self.story.antecedent(child, self.sentence, kind)
                if referent is not None and referent.actor.country:
                    return referent.actor.country
            elif child.pos_ == "PROPN":
                possessor = self.resolve(child)
                if possessor is not None and possessor.country:
                    return possessor.country
        return None

    def _titled_name(self, head: Token, tokens: Sequence[Token]) -> str | None:
        name: list[Token] = []
        for token in reversed([t for t in tokens if t.i <= head.i]):
            # "President Buhari" tagged as a place keeps its title (else ELI when undated).
            known = token is head and self.knowledge.mistagged_person(token)
            if not (known or self._name_word(token)):
                break
            name.insert(0, token)
        return self._span_text(name) if name and name[0].i - 1 in self.agents else None

    def _proper_name(self, head: Token, tokens: Sequence[Token]) -> str | None:
        """An untitled proper name ("Putin", "Tareck El Aissami") for a table lookup."""
        if head.i in self.names or head.i in self.agents:
            return None
        if head.pos_ != "PROPN" or head.ent_type_ in NOT_PERSON_ENTS:
            return head.text if self.knowledge.mistagged_person(head) else None
        name: list[Token] = []
        for token in reversed([t for t in tokens if t.i <= head.i]):
            if not self._name_word(token):
                break
            name.insert(0, token)
        if len(name) == 1 and head.ent_type_ == "PERSON" and after_the(head):
            return None  # "The Hague criticised ...": a place the tagger cut in two
        for start in range(1, len(name) - 1):
            # A word the tagger took into the name: "Furious Theresa May" is Theresa May.
            if self.knowledge.knows_person(rest := self._span_text(name[start:]) or ""):
                return rest
        return self._span_text(name)

    def _name_word(self, token: Token) -> bool:
        return (
            token.pos_ == "PROPN"
            and token.i not in self.agents
            and token.i not in self.names
            and token.ent_type_ not in NOT_PERSON_ENTS
        )

    def _span_text(self, tokens: Sequence[Token]) -> str | None:
        """The text from the first to the last token, as written ("el-Sisi", not "el - Sisi")."""
        if not tokens:
            return None
        return self.parse.span_text(tokens[0].i, tokens[-1].i + 1)

    # ------------------------------------------------------------ coding

    def resolve(self, head: Token) -> Actor | None:
        """The actor of the phrase headed by `head`, or None when it names none."""
        if self.parse.pos[head.i] not in NOMINAL_POS and head.i not in self.names:
            return None  # heads no phrase: most tokens are asked, so this is tested first
        # Each phrase is coded once: a phrase may be asked about first as another's
        # modifier ("comments from X"), and binding the story twice would misreport
        # how it was resolved.
        if head.i in self._resolved:
            return self._resolved[head.i]
        if head.i in self._resolving:
            return None
        self._resolving.add(head.i)
        try:
            actor = self._resolve(head)
            if actor is not None and self.knowledge.dictionary_agents:
                actor = with_user_agents(actor, self.phrase_tokens(head), self.agents)
        finally:
            self._resolving.discard(head.i)
        self._resolved[head.i] = actor
        return actor

    def _resolve(self, head: Token) -> Actor | None:
        tokens = self.phrase_tokens(head)
        clues = self.clues(head, tokens)
        text = self.parse.span_text(tokens[0].i, tokens[-1].i + 1)
        if clues.full is not None and clues.full.kind in ("organization", "dictionary"):
            code = clues.full.code
            country, sector = clues.full.country, clues.full.sector
            if clues.agent is not None and clues.full.sector is None and len(code) == 3:
                code, sector = compose(code, clues.agent)
            resolved_by: ResolvedBy = (
                "dictionary" if clues.full.kind == "dictionary" else "knowledge"
            )
            name = clues.full.name if clues.full.kind == "organization" else None
            return Actor(code, country, sector, text, name, resolved_by)
        person = clues.person
        if person is None and clues.agent is None and clues.full is None:
            person = self._proper_name(head, tokens)
        elif person is not None:
            # The tagger may leave a first name out ("Imran" of "Imran Khan"): the whole
            # name when only it is one our tables know ("Mr. Sisi" is "Sisi").
            whole = self._proper_name(head, tokens) or person
            tables = (self.knowledge.leaders.by_name, self.knowledge.figures.by_name)
            if any(whole in t for t in tables) and not any(person in t for t in tables):
                person = whole
        if person is not None and clues.full is None:  # or a body no table knows
            body = unknown_body(head, self.names, self.agents, text)
            return body or self._person(head, person, clues, text)
        if clues.agent is None and clues.full is None:
            return self._unheaded(head, clues, text)
        if clues.agent is None and clues.full is not None and clues.full.kind == "capital":
            return capital_actor(head, clues.full, text)
        if (
            clues.full is not None
            and clues.agent is not None
            and clues.full.kind != "seat"
            and clues.full.sector is None
        ):
            # A title or agent before a country's name: "MSF Arnor" (NGO + ARN).
            code, sector = compose(clues.full.code, clues.agent)
            return Actor(code, clues.full.country, sector, text, None, "knowledge")
        if clues.full is not None:
            return Actor(
                clues.full.code, clues.full.country, clues.full.sector, text, None, "knowledge"
            )
        return self._described(head, clues, text)

    def _unheaded(self, head: Token, clues: Clues, text: str) -> Actor | None:
        """A phrase whose head is neither a name nor a role: a demonym used as a noun
        ("Palestinians", "Bosnian Serbs"), an act standing for its author ("an Indian
        proposal", "Sweden's decision"), an organisation's own thing ("the K.U. team")."""
        head_name = self.names.get(head.i)
        if head_name is not None and head_name.value.kind == "adjective" and clues.country:
            if head.dep_ in ("amod", "compound"):
                return None
            own, located = head_name.value.country, located_country(head, self.resolve)
            role = (
                shared_role(head, self.agents, self.names)
                or counted_people(head)
                or people_of_a_place(head, own, clues.country, located)
            )
            code, sector = compose(clues.country, role) if role else (clues.country, None)
            return Actor(code, clues.country, sector, text, None, "knowledge")
        if head_name is not None and head_name.value.kind == "people":
            if head.dep_ in ("amod", "compound"):
                return None
            return self._people(head, clues, text)
        if head.pos_ != "NOUN":
            return None
        holder = holding_role(head, self.agents)
        if holder is not None:
            # "Albanian rebel-held territory": the place stands for those who hold it.
            return self._role_thing(head, holder, clues, text)
        entry = clues.modifier_name
        if head.lemma_.lower() in self.knowledge.proxies:
            author = self._proxy_author(head)
            if author is not None:
                return replace(author, text=text)
            if entry is not None:
                return organization_actor(entry, text)
            if clues.country is not None:
                return settlement_actor(head, clues.country, text)
            return seat_possessor(head, self.names)
        if entry is not None:
            # "the K.U. basketball team": an organisation's own team, staff, office.
            return organization_actor(entry, text)
        titles = role_modifiers(head, self.agents, clues.country)
        if titles:
            # "Israeli army bulldozers", "police vehicles": the thing of a role is the role's.
            return self._role_thing(head, self.agents[titles[-1].i], clues, text)
        return None

    def _role_thing(self, head: Token, role: Match[AgentEntry], clues: Clues, text: str) -> Actor:
        clues.agent, tokens = role.value, self.parse.tokens[role.start : role.end]
        if head.lemma_.lower() in RELATION_NOUNS and role.value.sector[:3] not in OFTEN_ABROAD:
            # "Israel's militia ally in southern Lebanon" is there; "army bulldozers in
            # Gaza" are a thing of the army, wherever they are.
            clues.country = clues.country or located_country(head, self.resolve)
        clues.title = tuple(t.lemma_.lower() for t in tokens)
        return self._described(head, clues, text)

    def _people(self, head: Token, clues: Clues, text: str) -> Actor:
        """An ethnic or religious group as a noun ("Iraqi Kurds", "ethnic Albanians in
        Macedonia", "Tamils"): the civilians of the country the phrase names, else of
        where the story puts them, else of the people's home."""
        match = self.names.get(head.i)
        home = match.value.country if match is not None else None
        named = clues.country if clues.country != home else None  # "Iraqi Kurds"
        located = located_country(head, self.resolve)
        country = named or located or home
        resolved_by: ResolvedBy = "knowledge"
        if country is None:
            origin = match.value.origin if match is not None else None
            hosted = host_country(head, self.names, origin) if origin else self.sole_country
            country, resolved_by = conjunct_country(head, self.resolve) or hosted, "context"
        if country is None:
            return Actor("CVL", None, "CVL", text, None, "knowledge")
        return Actor(country + "CVL", country, "CVL", text, None, resolved_by)

    def _proxy_author(self, head: Token) -> Actor | None:
        """Who made the act a proxy noun names, when the phrase says so in full:
        "President Reagan's statement", "his proposal", "a statement from the U.S.
        State Department" are that actor's, role and all."""
        for child in head.children:
            if child.dep_ == "poss":
                kind = pronoun_kind(child)
                if kind is not None:
                    referent = self.story.antecedent(child, self.sentence, kind)
                    # "Peru rejected his proposal" is his; in "the ILO reiterated its
                    # demand" the author is the verb's own subject, not another actor.
                    if referent is not None and referent.token.head.i != head.head.i:
                        return replace(referent.actor, resolved_by="context")
                elif child.i not in self.names or child.i in self.name_heads:
                    author = self.resolve(child)
                    if author is not None and author.sector is not None:
                        return author
            elif child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                for pobj in child.children:
                    author = self.resolve(pobj) if pobj.dep_ == "pobj" else None
                    if author is not None and author.sector is not None:
                        return author
        return None

    def _described(self, head: Token, clues: Clues, text: str) -> Actor:
        """A role noun with or without a country: "Chilean troops", "the president"."""
        agent = clues.agent
        assert agent is not None
        country = clues.country
        resolved_by: ResolvedBy = "knowledge"
        if country is None and clues.modifier_name is not None:
            return role_in_organization(clues.modifier_name, agent, text, None)
        if country is None and agent.kind == "person" and is_definite_singular(head):
            holder = self.story.title_holder(clues.title)
            if holder is not None:
                return replace(holder, text=text, resolved_by="context")
        if country is None and agent.sector[:3] in DOMESTIC_SECTORS:
            country = conjunct_country(head, self.resolve) or self.home_country
            resolved_by = "context" if country else "knowledge"
        if country is None and self._serves_at_home(agent, clues.title, head):
            country, resolved_by = self.sole_country, "context"
        if country is None:
            return Actor(agent.sector, None, agent.sector[:3], text, None, resolved_by)
        code, sector = compose(country, agent)
        actor = Actor(code, country, sector, text, None, resolved_by)
        if agent.kind == "person" and clues.title:
            self.story.remember_title(clues.title, actor)
        return actor

    def _serves_at_home(self, agent: AgentEntry, title: tuple[str, ...], head: Token) -> bool:
        """Whether a role of no stated country may take the story's one country."""
        return (
            self.sole_country is not None
            and (agent.sector[:3] in HOME_ROLES or (agent.kind, agent.sector[:3]) in HOME_BODIES)
            and not ABROAD_TITLES & set(title)
            and not names_state_as_party(
                head, self.phrase_tokens(head), self.names, self.sole_country
            )
        )

    def _person(self, head: Token, name: str, clues: Clues, text: str) -> Actor | None:
        """A person: by what the phrase says, the story, the leader table, the memory."""
        agent = clues.agent
        country = clues.country
        leader = self.knowledge.leaders.lookup(name, self.anchor)
        if leader is not None and country is not None and leader.country != country:
            leader = None  # another person of the same name
        figure = self.knowledge.figures.beside(name, self.anchor, leader.term if leader else None)
        if figure is not None and country not in (None, split_code(figure.code)[0]):
            figure = None  # another person of the same name
        if country is not None and agent is not None:
            code, sector = compose(country, agent)
            actor = Actor(code, country, sector, text, name, "knowledge")
            self._bind(name, actor, taught=True)
            if agent.kind == "person" and clues.title:
                self.story.remember_title(clues.title, actor)
            return actor
        known = self.story.person(name)
        if known is not None and (country is None or known.country == country):
            return replace(known, text=text, resolved_by="learned")
        if figure is not None:
            # The dated code whole: "opposition leader X" says no more than the stint.
            actor = Actor(figure.code, *split_code(figure.code), text, figure.name, "knowledge")
            self._bind(name, actor, taught=False)
            return actor
        if leader is not None:
            held = leader.sector if agent is None else agent.sector[:3]
            code = leader.country + (held or "")
            actor = Actor(code, leader.country, held, text, leader.name, "knowledge")
            self._bind(name, actor, taught=False)
            if leader.term is not None and held == ROLE_SECTORS[leader.term.role]:
                for title in ROLE_TITLES[leader.term.role]:  # in office: "the president"
                    self.story.remember_title(title, actor)
            return actor
        recalled = self._recall(name)
        if recalled is not None and (country is None or recalled.country == country):
            actor = Actor(
                recalled.code, recalled.country, recalled.sector, text, recalled.name, "learned"
            )
            self._bind(name, actor, taught=False)
            return actor
        if country is None and clues.modifier_name is not None:
            # "U.N. Secretary-General Kofi Annan", "NATO's Jens Stoltenberg"
            entry = clues.modifier_name
            actor = (
                role_in_organization(entry, agent, text, name)
                if agent is not None
                else replace(organization_actor(entry, text), name=name)
            )
            self._bind(name, actor, taught=True)
            return actor
        described = apposed(head, self.agents, self.resolve)
        if (
            described is not None
            and described.country is not None
            and country in (None, described.country)
        ):
            # "Salaheddine Sidhoum, Algeria's leading human rights activist"
            actor = replace(described, text=text, name=name, resolved_by="context")
            self._bind(name, actor, taught=True)
            return actor
        if agent is None:
            if country is None:
                return None  # an untitled unknown: no guess
            return Actor(country, country, None, text, name, "knowledge")
        bridged = self.story.bridge(self.sentence, agent.sector[:3])
        if bridged is not None and bridged.country is not None:
            code, sector = compose(bridged.country, agent)
            actor = Actor(code, bridged.country, sector, text, name, "context")
            self._bind(name, actor, taught=False)
            return actor
        if self.sole_country is not None and self._serves_at_home(agent, clues.title, head):
            # "Judge Ana Ruiz charged 12 Peruvian officers": the story's one country.
            code, sector = compose(self.sole_country, agent)
            actor = Actor(code, self.sole_country, sector, text, name, "context")
            self._bind(name, actor, taught=False)
            return actor
        return Actor(agent.sector, None, agent.sector[:3], text, name, "knowledge")

    def _recall(self, name: str) -> LearnedActor | None:
        if self.memory is None:
            return None
        return self.memory.recall(name, self.anchor)

    def _bind(self, name: str, actor: Actor, *, taught: bool) -> None:
        self.story.remember_person(name, actor)
        if taught and len(name.split()) > 1:
            self.learned[name] = actor

    # ------------------------------------------------------------ referents

    def referent(self, sentence: int, head: Token, actor: Actor) -> Referent:
        agent = self.agents.get(head.i)
        agent_kind = agent.value.kind if agent is not None else None
        kind = referent_kind(head, actor, head.i in self.names, agent_kind)
        named = actor.name is not None or head.i in self.names
        return Referent(sentence=sentence, token=head, actor=actor, kind=kind, named=named)

    def pronoun(self, token: Token) -> Actor | None:
        kind = pronoun_kind(token)
        if kind is None:
            return None
        referent = self.story.antecedent(token, self.sentence, kind)
        if referent is None:
            return None
        return replace(referent.actor, text=token.text, resolved_by="context")
