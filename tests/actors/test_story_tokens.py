"""The resolver's faster reads of a parse (actors/tokens.py, matching.py, knowledge.py,
memory.py) give what the plain spaCy and dictionary reads give."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from eventwire.actors.knowledge import PhraseTable, lemma_key, lower_key, name_key
from eventwire.actors.matching import TokenKeys, scan
from eventwire.actors.memory import InMemoryActorMemory, LearnedActor, ends_with_name
from eventwire.actors.tokens import StoryTokens
from eventwire.pipeline import Coder

TEXT = (
    "Rebels attacked the ruling party's offices in Lima on Monday.  "
    "Authorities said the U.S.-backed envoy, Ana Ruiz, met Peruvian and Chilean officials.\n\n"
    "Luchadores protested."
)


def test_story_tokens_read_what_spacy_reads(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    story = StoryTokens.of(doc)
    assert [t.i for t in story.tokens] == list(range(len(doc)))
    assert story.lower == [t.lower_ for t in doc]
    assert story.dep == [t.dep_ for t in doc]
    assert story.pos == [t.pos_ for t in doc]
    assert story.head == [t.head.i for t in doc]
    assert story.text == doc.text
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert story.span_text(start, end) == doc[start:end].text


def test_story_tokens_of_unparsed_and_empty_docs() -> None:
    nlp = spacy.blank("en")
    unparsed = StoryTokens.of(nlp("Peru and Chile"))
    assert unparsed.head == [0, 1, 2]  # every token its own head, as spaCy says
    empty = StoryTokens.of(Doc(nlp.vocab))
    assert (empty.tokens, empty.head, empty.text) == ([], [], "")


def test_token_keys_are_the_key_functions(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    keys = TokenKeys(StoryTokens.of(doc))
    for key in (name_key, lower_key, lemma_key):
        assert keys(key) == [key(token) for token in doc]
    assert keys(lemma_key)[0] == "rebel"  # a sentence-opening plural, singularised


def test_phrase_table_longest_and_latest_entry() -> None:
    table: PhraseTable[str] = PhraseTable()
    table.add(("the", "united", "nations"), "UN")
    table.add(("the",), "article")
    table.add(("the", "united", "states"), "old")
    table.add(("the", "united", "states"), "USA")  # a later entry overrides
    table.add(("the", "united", "states", "senate"), "USALEG")
    keys = ["the", "united", "states", "and", "the", "united", "states", "senate", "met", "the"]
    matches = [(m.start, m.end, m.value) for m in scan(keys, table)]
    assert matches == [(0, 3, "USA"), (4, 8, "USALEG"), (9, 10, "article")]
    assert table.match_at(keys, 1) is None
    assert scan(keys, PhraseTable()) == []


def _lesson(name: str, story: str) -> LearnedActor:
    return LearnedActor(name, "PERGOV", "PER", "GOV", story, dt.date(2010, 1, 1))


def test_recall_by_any_shorter_ending() -> None:
    memory = InMemoryActorMemory()
    memory.learn(_lesson("Luis Ortega Vidal", "a"))
    memory.learn(_lesson("Luis Ortega Vidal", "b"))  # the same name again
    day = dt.date(2010, 1, 2)
    for short in ("Vidal", "Ortega Vidal", " Ortega  Vidal "):
        assert ends_with_name("Luis Ortega Vidal", short)
        assert memory.recall(short, day) is not None
    for other in ("Ortega", "Luis", "", "Jose Luis Ortega Vidal"):
        assert memory.recall(other, day) is None
    memory.learn(_lesson("Ana Vidal", "c"))
    assert memory.recall("Vidal", day) is None  # two people end so
    assert memory.recall("Ortega Vidal", day) is not None
