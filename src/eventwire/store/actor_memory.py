"""Actor memory kept in a store, so that what one run learned serves the next.

`StoredActorMemory` is the `ActorMemory` the resolver asks (actors/memory.py)
backed by a store's `learned_actors` table: the lessons already stored are read
once when it is opened, and the lessons a run adds are kept in memory at once
(a later story of the same run recalls them). They reach the store with the
article that taught them (`CodedArticle.learned`, written by the store in the
article's transaction): a run killed between two batches never keeps an article
without its lessons, and storing an article again replaces both together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.actors.memory import DEFAULT_MAX_AGE, InMemoryActorMemory, LearnedActor
from eventwire.store import records as R

__all__ = ["LearnedActorStore", "StoredActorMemory"]


class LearnedActorStore(Protocol):
    """The store method the memory needs (every `BaseEventStore` has it)."""

    def learned_actors(self) -> list[R.LearnedActor]: ...


def _from_row(stored: R.LearnedActor) -> LearnedActor:
    return LearnedActor(
        stored.name,
        stored.code,
        stored.country,
        stored.sector,
        stored.article_id,
        stored.learned_on,
    )


@dataclass(slots=True)
class StoredActorMemory:
    """An `ActorMemory` over a store's learned actors: `open` reads them; lessons
    learned during a run are recalled at once and written by the store with the
    article that taught them (`CodedArticle.learned`), in the same transaction."""

    store: LearnedActorStore
    max_age: dt.timedelta = DEFAULT_MAX_AGE
    known: InMemoryActorMemory = field(default_factory=InMemoryActorMemory)

    @classmethod
    def open(
        cls, store: LearnedActorStore, max_age: dt.timedelta = DEFAULT_MAX_AGE
    ) -> StoredActorMemory:
        """A memory holding every lesson the store has, ready for a run."""
        memory = cls(store, max_age, InMemoryActorMemory(max_age=max_age))
        # Many stories teach the same thing on the same day; recall by date needs one
        # of them (the first, by article id), which keeps a large corpus's memory small.
        seen: set[tuple[str, str, dt.date | None]] = set()
        for stored in memory.store.learned_actors():
            key = (stored.name, stored.code, stored.learned_on)
            if stored.name.strip() and key not in seen:
                seen.add(key)
                memory.known.learn(_from_row(stored))
        return memory

    def recall(self, name: str, date: dt.date | None) -> LearnedActor | None:
        return self.known.recall(name, date)

    def lessons(self) -> tuple[LearnedActor, ...]:
        """Every lesson held (to seed the memories of worker processes)."""
        return tuple(
            lesson for by_story in self.known.lessons.values() for lesson in by_story.values()
        )

    def learn(self, lesson: LearnedActor) -> None:
        self.known.learn(lesson)
