"""Country names as news sometimes misspells them ("Phillippines", "Quatar", "Ethopia").

Wire copy is typed in a hurry; a country the story names with one letter wrong is still
that country. Only a proper noun of six letters or more that no table knows is tried,
against one-word country names of five letters or more, one edit apart (a letter
added, dropped, changed, or two swapped) inside the word: the first letter and the
last two must be as written, so that a person called Frances is not France and
Indiana is not India.

Role nouns are tried the same way, longer ones only ("peacekeepers" typed
"peackeepers"): a common noun of eight letters or more that no table knows,
against one-word role nouns of eight letters or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["SHORTEST_ROLE", "SpellingIndex", "one_edit_apart"]

_SHORTEST_NAME = 5
# Five-letter words are left alone: "Susan" is one letter off Sudan, "Sedan" too.
_SHORTEST_WORD = 6


def one_edit_apart(word: str, name: str) -> bool:
    """Whether `word` is `name` with exactly one letter added, dropped, changed, or two
    neighbouring letters swapped (case-sensitive)."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        diffs = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and word[diffs[0]] == name[diffs[1]]
            and word[diffs[1]] == name[diffs[0]]
        )
    shorter, longer = (word, name) if len(word) < len(name) else (name, word)
    i = next(
        (k for k, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return shorter[i:] == longer[i + 1 :]


# Role nouns: "reporter" and "reporters" are one edit apart, and so are many short
# words; only long ones are tried.
SHORTEST_ROLE = 8


@dataclass(frozen=True, slots=True)
class SpellingIndex:
    """One-word names (countries, role nouns) by their first letter and last two."""

    by_ends: Mapping[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    shortest_word: int = _SHORTEST_WORD

    @classmethod
    def of(
        cls,
        names: Iterable[tuple[str, str]],
        shortest_name: int = _SHORTEST_NAME,
        shortest_word: int = _SHORTEST_WORD,
    ) -> SpellingIndex:
        """Index (name, code) pairs; names of several words or shorter than
        `shortest_name` are left out; words shorter than `shortest_word` are never tried."""
        grouped: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for name, code in names:
            if len(name) >= shortest_name and name.isalpha():
                grouped.setdefault((name[0], name[-2:]), []).append((name, code))
        return cls({ends: tuple(pairs) for ends, pairs in grouped.items()}, shortest_word)

    def country(self, word: str) -> tuple[str, str] | None:
        """The (name, code) `word` misspells, when exactly one indexed name is one edit
        away; None otherwise (a word it spells right is no misspelling)."""
        if len(word) < self.shortest_word or not word.isalpha():
            return None
        candidates = {
            code: name
            for name, code in self.by_ends.get((word[0], word[-2:]), ())
            if one_edit_apart(word, name)
        }
        if len(candidates) != 1:
            return None
        code, name = next(iter(candidates.items()))
        return name, code
