"""Actor memory across a corpus: people whose role one story told us, for later stories.

A story that writes "Venezuelan Petroleum Minister Tareck El Aissami" teaches
that El Aissami was VENGOV on the story's date; a later story that only writes
"El Aissami said" is coded from that lesson. Each lesson keeps the story that
taught it and its date, so a code can be explained and roles that change over
time are recalled by date: the lesson nearest the asking story's date wins,
and lessons further than `max_age` from it are not used at all.

`ActorMemory` is the interface the resolver uses; `InMemoryActorMemory` keeps
lessons for one run. A store implements the same two methods to keep them
between runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.model import LearnedActor

__all__ = [
    "DEFAULT_MAX_AGE",
    "ActorMemory",
    "InMemoryActorMemory",
    "LearnedActor",
    "ends_with_name",
    "nearest_lesson",
]

# How far (either way) a lesson's date may be from the story asking: roles change.
DEFAULT_MAX_AGE = dt.timedelta(days=3 * 365)


class ActorMemory(Protocol):
    """What the resolver needs from a corpus memory."""

    def recall(self, name: str, date: dt.date | None) -> LearnedActor | None:
        """The lesson about `name` (a full name, or its last words if only one learned person
        has them)
        nearest to `date`; None when there is none close enough."""
        ...

    def learn(self, lesson: LearnedActor) -> None:
        """Keep a lesson; a second lesson for the same name and story replaces the first."""
        ...


def ends_with_name(full_name: str, name: str) -> bool:
    """Whether `name` is the end of `full_name`, word for word: "Ortega Vidal" of
    "Luis Ortega Vidal", "Vidal" too; a recall by such a short form must be unique."""
    words, short = full_name.split(), name.split()
    return 0 < len(short) < len(words) and words[-len(short) :] == short


@dataclass(slots=True)
class InMemoryActorMemory:
    """An `ActorMemory` kept in a dict for the length of a run."""

    max_age: dt.timedelta = DEFAULT_MAX_AGE
    lessons: dict[str, dict[str, LearnedActor]] = field(default_factory=dict)  # name -> story
    # The full names learned, by each shorter ending of theirs ("Vidal", "Ortega
    # Vidal" of "Luis Ortega Vidal"): a recall by a short form looks its name up
    # here, not through every name a large corpus taught.
    endings: dict[tuple[str, ...], set[str]] = field(default_factory=dict, repr=False)

    def learn(self, lesson: LearnedActor) -> None:
        if not lesson.name.strip():
            raise ValueError(f"a learned actor needs a name: {lesson!r}")
        if lesson.name not in self.lessons:
            words = tuple(lesson.name.split())
            for k in range(1, len(words)):
                self.endings.setdefault(words[-k:], set()).add(lesson.name)
        self.lessons.setdefault(lesson.name, {})[lesson.article_id] = lesson

    def recall(self, name: str, date: dt.date | None) -> LearnedActor | None:
        candidates = self.lessons.get(name)
        if candidates is None:
            # the full names `name` ends (ends_with_name)
            full_names = self.endings.get(tuple(name.split()), set())
            if len(full_names) == 1:
                candidates = self.lessons[next(iter(full_names))]
        if not candidates:
            return None
        return nearest_lesson(list(candidates.values()), date, self.max_age)


def nearest_lesson(
    lessons: list[LearnedActor], date: dt.date | None, max_age: dt.timedelta
) -> LearnedActor | None:
    """The lesson dated nearest `date` within `max_age`; undated lessons only when nothing
    dated qualifies. Without a date, the latest lesson."""
    dated = [lesson for lesson in lessons if lesson.date is not None]
    if date is None:
        if dated:
            return max(dated, key=lambda lesson: (lesson.date, lesson.article_id))
        return lessons[-1] if lessons else None
    close = [
        lesson for lesson in dated if lesson.date is not None and abs(lesson.date - date) <= max_age
    ]
    if close:
        # Nearest first; at equal distance the earlier lesson (what was known then).
        return min(
            close,
            key=lambda lesson: (abs((lesson.date or date) - date), lesson.date, lesson.article_id),
        )
    undated = [lesson for lesson in lessons if lesson.date is None]
    return undated[-1] if undated else None
