"""Sentence pre-filter: give the full parse only to sentences the coder can use.

The parser (tok2vec, tagger, parser, NER, lemmatiser) is most of a corpus run's
cost, and a wire story carries sentences that can never yield an event, a quote
or a coded actor: "Markets were little changed on the news." Before parsing, a
story is tokenised and cut into sentences by rule (a paragraph break, or a
sentence-final mark before a capitalised word); a sentence is parsed when a
cheap lexical check finds anything the later stages read:

- a trigger: a word that can be the lemma of a lexicon verb or event noun, with
  one of the entry's object words or governing verbs when the entry needs them;
  a speech cue of the quote stage ("said", "according to", "statement");
- an actor: a phrase of the actor tables (names, role nouns such as "troops",
  users' dictionaries), or any capitalised word past the sentence's first (a
  person, place, organisation, weekday or month the tables do not know);
- a pronoun the actor stage follows ("He was 82." moves the chain of referents
  that a later "his" is resolved against);
- a quote mark anywhere in its paragraph (quotes run across sentences);
- the story's first sentence (headline or dateline).

A sentence is skipped only when it is also "clean" (it ends with a full stop,
question or exclamation mark and holds no other sentence mark, colon,
semicolon or line break), so that the parser would have made it one sentence
too and the sentence numbers of the story stay those of a full parse.

Not quite output-neutral: a run of kept sentences is parsed as a Doc of its own,
and the model reads across sentence boundaries (the tagger's window, the
parser's state), so the sentences beside a skipped one can get another parse
than in the whole story: a closing quote mark split off as a sentence or not,
another root. Of 840 news stories 13 differ: 8 only in sentence numbers, 5
in their events (8 events, net two fewer of 9,347).

Lemma candidates come from the model's own lemmatiser tables (rules, exceptions,
the attribute ruler's lemmas) for every part of speech, so the check finds
whatever lemma the tagger could give a word: it may parse a sentence it did not
need, never skip one with a word the coder looks for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from eventwire.actors.knowledge import ActorKnowledge
from eventwire.actors.story import GROUP_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS
from eventwire.events.lexicon import Lexicon, LexiconEntry
from eventwire.quotes.cues import CueLexicon

__all__ = [
    "Piece",
    "SentenceFilter",
    "build_sentence_filter",
    "lemma_candidates",
    "split_sentences",
]

_SENTENCE_END = frozenset({".", "!", "?", "...", "…"})
_CLOSERS = frozenset({")", "]", "'", "’"})
# Double quotation marks only: the single ones double as apostrophes ("Peru’s").
_QUOTE_CHARS = frozenset('"“”„«»‹›')
# Marks after which a parser may start a new sentence: a sentence holding one is
# not "clean" and is parsed rather than risk a different sentence count.
_SPLIT_RISK = frozenset({":", ";", "--", "—", "–", "•"})
_LEMMA_POS = ("noun", "verb", "adj", "adv")
_MAX_CACHED_WORDS = 200_000  # bounds the per-worker word cache on endless corpora
_MAX_CLEAN_TOKENS = 80  # a longer "sentence" may be split by the parser: parse it


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of tokens [start, end) of a story: parsed, or skipped as `sentences`
    (token starts of each skipped sentence)."""

    start: int
    end: int
    parse: bool
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _LemmaTables:
    """The lemmatiser's tables, for lemma candidates of a word without its tag."""

    rules: Mapping[str, Sequence[Sequence[str]]]
    exceptions: Mapping[str, Mapping[str, Sequence[str]]]
    ruler: Mapping[str, frozenset[str]]  # word (lower) -> lemmas the attribute ruler sets


def _lemma_tables(nlp: Language) -> _LemmaTables:
    rules: dict[str, Sequence[Sequence[str]]] = {}
    exceptions: dict[str, Mapping[str, Sequence[str]]] = {}
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        rule_table = lookups.get_table("lemma_rules", {})
        exc_table = lookups.get_table("lemma_exc", {})
        for pos in _LEMMA_POS:
            rules[pos] = rule_table.get(pos, [])
            exceptions[pos] = exc_table.get(pos, {})
    ruler: dict[str, set[str]] = {}
    if "attribute_ruler" in nlp.pipe_names:
        for pattern in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
            lemma = pattern.get("attrs", {}).get("LEMMA")
            if not isinstance(lemma, str):
                continue
            for token_patterns in pattern.get("patterns", []):
                index = pattern.get("index", 0)
                if not -len(token_patterns) <= index < len(token_patterns):
                    continue
                for form in _pattern_forms(token_patterns[index]):
                    ruler.setdefault(form.lower(), set()).add(lemma.lower())
    return _LemmaTables(rules, exceptions, {k: frozenset(v) for k, v in ruler.items()})


def _pattern_forms(token_pattern: Mapping[str, object]) -> list[str]:
    forms: list[str] = []
    for key in ("ORTH", "LOWER", "NORM", "TEXT"):
        value = token_pattern.get(key)
        if isinstance(value, str):
            forms.append(value)
        elif isinstance(value, dict):
            listed = value.get("IN", [])
            forms.extend(v for v in listed if isinstance(v, str))
    return forms


def lemma_candidates(word: str, tables: _LemmaTables) -> frozenset[str]:
    """Every lemma spaCy's rule lemmatiser could give `word` under any tag, lower-cased
    (the rules with and without the index check, the exceptions, the word itself)."""
    lower = word.lower()
    found = {lower}
    for pos in _LEMMA_POS:
        found.update(tables.exceptions.get(pos, {}).get(lower, ()))
        for old, new in tables.rules.get(pos, ()):
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if form:
                    found.add(form)
    found |= tables.ruler.get(lower, frozenset())
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """The words that make a sentence worth a full parse (see the module docstring)."""

    text_phrases: Mapping[str, tuple[tuple[str, ...], ...]]  # by first word, as written
    lower_phrases: Mapping[str, tuple[tuple[str, ...], ...]]  # by first word, lower case
    lemma_phrases: Mapping[str, tuple[tuple[str, ...], ...]]  # by first lemma
    # trigger lemma -> what else the sentence must hold for some entry of it: None
    # when nothing (a bare entry), else a set of which any one word will do
    triggers: Mapping[str, tuple[frozenset[str] | None, ...]]
    # pronouns the resolver follows: a sentence holding one moves the story's
    # chain of referents even when it codes nothing ("He was 82.")
    pronouns: frozenset[str] = frozenset()


def _phrases(
    tables: Iterable[Mapping[str, Sequence[tuple[tuple[str, ...], object]]]],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, set[tuple[str, ...]]] = {}
    for table in tables:
        for first, bucket in table.items():
            found.setdefault(first, set()).update(phrase for phrase, _ in bucket)
    return {first: tuple(sorted(phrases)) for first, phrases in found.items()}


def _content_words(phrases: Iterable[str]) -> frozenset[str]:
    """The words of object phrases, less stop words ("on alert" needs "alert");
    a phrase of stop words only keeps its words."""
    words: set[str] = set()
    for phrase in phrases:
        parts = phrase.lower().replace("-", " ").split()
        content = [p for p in parts if p not in STOP_WORDS]
        words.update(content or parts)
        words.add(phrase.lower())  # hyphenated words stay one token: "cease-fire"
    return frozenset(words)


def _trigger_requirements(
    entries: Iterable[LexiconEntry],
) -> dict[str, list[frozenset[str] | None]]:
    triggers: dict[str, list[frozenset[str] | None]] = {}
    for entry in entries:
        words = entry.verb.lower().split()
        needs: set[str] = set()
        if len(words) > 1:
            # "back down", "state of emergency": the first word cues, the last must be there too
            needs.add(words[-1])
        elif entry.objects:
            needs |= _content_words(entry.objects)
        if entry.under and len(words) == 1:
            needs |= {u.split()[0] for u in entry.under}
        triggers.setdefault(words[0], []).append(frozenset(needs) if needs else None)
        if entry.kind == "noun" and len(words) > 1:
            # a noun phrase is also found by its head ("states of emergency"), which
            # then needs the first word: "sit-in" read as "sit in" must not make
            # every "in" a trigger
            head_needs = (needs - {words[-1]}) | {words[0]}
            triggers.setdefault(words[-1], []).append(frozenset(head_needs))
    return triggers


def build_cues(knowledge: ActorKnowledge, lexicon: Lexicon, cues: CueLexicon) -> SentenceCues:
    """The pre-filter's words, from the same tables the coder matches."""
    text_phrases = _phrases([knowledge.names.by_first, knowledge.context_names.by_first])
    lower_phrases = _phrases(
        [knowledge.dictionary_names.by_first, knowledge.dictionary_agents.by_first]
    )
    # Actor proxies ("an Indian proposal") are actors only with a name or pronoun
    # beside them, which the check finds on its own: the bare nouns are not cues.
    lemma_phrases = _phrases([knowledge.agents.by_first])
    triggers = _trigger_requirements(lexicon.entries())
    speech = cues.verbs | cues.stance_verbs | cues.statement_nouns | {"according"}
    for word in speech:
        triggers.setdefault(word.lower(), []).append(None)
    return SentenceCues(
        text_phrases=text_phrases,
        lower_phrases=lower_phrases,
        lemma_phrases=lemma_phrases,
        triggers={word: tuple(set(needs)) for word, needs in triggers.items()},
        pronouns=frozenset(
            word.lower()
            for word in (*PERSON_PRONOUNS, *THING_PRONOUNS, *GROUP_PRONOUNS, *cues.pronouns)
        ),
    )


class SentenceFilter:
    """Decides, story by story, which sentences need the full parse (`plan`). Holds a
    cache of word -> lemma candidates, bounded, so build one per worker."""

    def __init__(self, cues: SentenceCues, tables: _LemmaTables) -> None:
        self.cues = cues
        self.tables = tables
        self._lemmas: dict[str, frozenset[str]] = {}

    def lemmas(self, word: str) -> frozenset[str]:
        found = self._lemmas.get(word)
        if found is None:
            if len(self._lemmas) >= _MAX_CACHED_WORDS:
                self._lemmas.clear()
            found = self._lemmas[word] = lemma_candidates(word, self.tables)
        return found

    def plan(self, texts: Sequence[str], spaces: Sequence[bool]) -> tuple[Piece, ...]:
        """A tokenised story (each token's text and whether a space follows it) as
        parsed and skipped pieces, in order; one parsed piece covering the whole
        story when every sentence needs the parse."""
        sentences = split_sentences(texts, spaces)
        keep = self._keep(texts, sentences)
        if all(keep):
            return (Piece(0, len(texts), True),)
        pieces: list[Piece] = []
        for (start, end, _clean, _paragraph), kept in zip(sentences, keep, strict=True):
            last = pieces[-1] if pieces else None
            if last is not None and last.parse == kept:
                starts = last.sentences + (() if kept else (start,))
                pieces[-1] = Piece(last.start, end, kept, starts)
            else:
                pieces.append(Piece(start, end, kept, () if kept else (start,)))
        return tuple(pieces)

    def decide(self, texts: Sequence[str], spaces: Sequence[bool]) -> list[bool]:
        """For each sentence of the rule split, whether it gets the full parse."""
        return self._keep(texts, split_sentences(texts, spaces))

    def _keep(
        self, texts: Sequence[str], sentences: list[tuple[int, int, bool, int]]
    ) -> list[bool]:
        quoted_paragraphs = {
            paragraph
            for start, end, _clean, paragraph in sentences
            if any(char in _QUOTE_CHARS for text in texts[start:end] for char in text)
        }
        keep = []
        for number, (start, end, clean, paragraph) in enumerate(sentences):
            keep.append(
                number == 0
                or not clean
                or paragraph in quoted_paragraphs
                or self._wanted(list(texts[start:end]))
            )
        return keep

    def _wanted(self, words: list[str]) -> bool:
        """Whether the sentence holds an actor or a trigger (see the module docstring)."""
        cues = self.cues
        lemmas = [self.lemmas(word) for word in words]
        seen_word = False
        for word in words:
            if not word[:1].isalnum():
                continue
            if seen_word and word[0].isupper():
                return True
            seen_word = True
        lowers = [word.lower() for word in words]
        if not cues.pronouns.isdisjoint(lowers):
            return True
        for i, word in enumerate(words):
            if _phrase_at(cues.text_phrases.get(word, ()), words, i):
                return True
            if _phrase_at(cues.lower_phrases.get(lowers[i], ()), lowers, i):
                return True
            for lemma in lemmas[i]:
                if _lemma_phrase_at(cues.lemma_phrases.get(lemma, ()), lemmas, i):
                    return True
        bag: set[str] = set(lowers)
        for found in lemmas:
            bag |= found
        for found in lemmas:
            for lemma in found:
                for needs in cues.triggers.get(lemma, ()):
                    if needs is None or not needs.isdisjoint(bag):
                        return True
        return False


def _phrase_at(phrases: Sequence[tuple[str, ...]], words: Sequence[str], i: int) -> bool:
    return any(tuple(words[i : i + len(phrase)]) == phrase for phrase in phrases)


def _lemma_phrase_at(
    phrases: Sequence[tuple[str, ...]], lemmas: Sequence[frozenset[str]], i: int
) -> bool:
    for phrase in phrases:
        if i + len(phrase) <= len(lemmas) and all(
            word in lemmas[i + k] for k, word in enumerate(phrase)
        ):
            return True
    return False


def split_sentences(
    texts: Sequence[str], spaces: Sequence[bool]
) -> list[tuple[int, int, bool, int]]:
    """Sentences by rule: (start, end, clean, paragraph number). A paragraph break
    always ends one (as the `paragraph_breaks` component makes the parser do); a
    sentence-final mark, then closing quotes or brackets, then a word that starts
    with a capital, a digit or a quote mark ends one too."""
    sentences: list[tuple[int, int, bool, int]] = []
    paragraph = 0
    start = 0
    risky = False
    n = len(texts)
    i = 0
    while i < n:
        text = texts[i]
        if text.isspace():
            if "\n\n" in text:
                sentences.append((start, i + 1, _clean(texts, start, i, risky), paragraph))
                paragraph += 1
                start, risky = i + 1, False
            elif "\n" in text:
                risky = True
            i += 1
            continue
        if text in _SPLIT_RISK:
            risky = True
        if text in _SENTENCE_END and sum(not t.isspace() for t in texts[start:i]) <= 1:
            # One word and a stop is rarely a sentence of its own: "Reps." and "2." (the
            # tokenizer splits abbreviations it has no exception for) open the next
            # sentence, and the parser keeps them with it. Never split there: a
            # skipped "Reps." would give a sentence the full parse does not make.
            risky = True
        elif text in _SENTENCE_END:
            j = i + 1
            while j < n and (texts[j] in _CLOSERS or texts[j][:1] in _QUOTE_CHARS):
                j += 1
            if j < n and spaces[j - 1] and _opens_sentence(texts[j]):
                sentences.append((start, j, _clean(texts, start, j - 1, risky), paragraph))
                start, risky = j, False
                i = j
                continue
            if j < n and not texts[j].isspace():
                risky = True  # a mark inside the sentence ("U.S . officials", "Why? Because")
        i += 1
    if start < n:
        sentences.append((start, n, _clean(texts, start, n - 1, risky), paragraph))
    return sentences


def _opens_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in _QUOTE_CHARS


def _clean(texts: Sequence[str], start: int, last: int, risky: bool) -> bool:
    """A sentence the parser would make one sentence as well: ends with its mark
    (after any closing quotes, brackets or trailing space), holds no other risk."""
    while last > start and (texts[last].isspace() or texts[last] in _CLOSERS):
        last -= 1
    if risky or last - start + 1 > _MAX_CLEAN_TOKENS or last < start:
        return False
    return texts[last] in _SENTENCE_END and texts[start][:1].isupper()


def build_sentence_filter(
    nlp: Language, knowledge: ActorKnowledge, lexicon: Lexicon, cues: CueLexicon
) -> SentenceFilter:
    """A filter over the coder's own tables and the model's lemmatiser tables."""
    return SentenceFilter(build_cues(knowledge, lexicon, cues), _lemma_tables(nlp))
