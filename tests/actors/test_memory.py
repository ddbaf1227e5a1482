"""Actor memory across a corpus: what one story teaches, later stories recall by date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.memory import ActorMemory, InMemoryActorMemory, LearnedActor
from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _lesson(name: str, code: str, story: str, date: dt.date | None) -> LearnedActor:
    return LearnedActor(name, code, code[:3], code[3:6] or None, story, date)


def test_recall_nearest_lesson_by_date() -> None:
    memory = InMemoryActorMemory()
    memory.learn(_lesson("Luis Ortega", "PEROPP", "a", dt.date(2010, 1, 1)))
    memory.learn(_lesson("Luis Ortega", "PERGOV", "b", dt.date(2012, 1, 1)))
    assert memory.recall("Luis Ortega", dt.date(2010, 6, 1)).code == "PEROPP"  # type: ignore[union-attr]
    assert memory.recall("Luis Ortega", dt.date(2011, 9, 1)).code == "PERGOV"  # type: ignore[union-attr]
    assert memory.recall("Luis Ortega", None).code == "PERGOV"  # type: ignore[union-attr]
    assert memory.recall("Luis Ortega", dt.date(2030, 1, 1)) is None  # too far from any lesson


def test_surname_recall_only_when_unambiguous() -> None:
    memory = InMemoryActorMemory()
    memory.learn(_lesson("Luis Ortega", "PERGOV", "a", dt.date(2010, 1, 1)))
    assert memory.recall("Ortega", dt.date(2010, 1, 2)).name == "Luis Ortega"  # type: ignore[union-attr]
    memory.learn(_lesson("Ana Ortega", "CHLGOV", "b", dt.date(2010, 1, 1)))
    assert memory.recall("Ortega", dt.date(2010, 1, 2)) is None


def test_a_story_relearns_not_duplicates() -> None:
    memory = InMemoryActorMemory()
    memory.learn(_lesson("Luis Ortega", "PERGOV", "a", dt.date(2010, 1, 1)))
    memory.learn(_lesson("Luis Ortega", "PERMIL", "a", dt.date(2010, 1, 1)))
    assert memory.recall("Luis Ortega", None).code == "PERMIL"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="needs a name"):
        memory.learn(_lesson(" ", "PERGOV", "a", None))


def test_in_memory_store_is_an_actor_memory() -> None:
    memory: ActorMemory = InMemoryActorMemory()
    assert memory.recall("Nobody", None) is None


def test_one_story_teaches_the_next(coder: Coder) -> None:
    memory = InMemoryActorMemory()
    first = Article(
        id="one",
        text="Peruvian Energy Minister Luis Ortega Vidal visited Chile.",
        date=dt.date(2021, 3, 1),
    )
    second = Article(id="two", text="Ortega Vidal criticised Chile.", date=dt.date(2021, 5, 1))
    [parsed_first, parsed_second] = parse_articles(coder.nlp, [first, second])
    resolve_mentions(parsed_first, coder.knowledge, memory=memory)
    lesson = memory.recall("Luis Ortega Vidal", dt.date(2021, 5, 1))
    assert lesson is not None
    assert (lesson.code, lesson.article_id, lesson.date) == ("PERGOV", "one", dt.date(2021, 3, 1))
    [ortega] = [
        m for m in resolve_mentions(parsed_second, coder.knowledge, memory=memory) if m.actor.name
    ]
    assert ortega.actor.code == "PERGOV"
    assert ortega.actor.resolved_by == "learned"


def test_without_memory_an_untitled_name_stays_uncoded(coder: Coder) -> None:
    [parsed] = parse_articles(coder.nlp, [Article(id="x", text="Ortega Vidal criticised Chile.")])
    assert not [m for m in resolve_mentions(parsed, coder.knowledge) if m.actor.name]
