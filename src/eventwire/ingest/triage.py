"""Which read stories go on to coding: English, first copies; the rest counted, never lost.

A run reads stories, quarantines the inputs it cannot read, skips (and counts,
by language) stories in languages it cannot code yet, codes exact duplicates
once, and notes near-duplicates (one wire story republished by many outlets)
while still coding them: their differences may be news.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.ingest.fingerprint import NearDuplicateIndex
from eventwire.model import Article, InputProblem

CODED_LANGUAGES = frozenset({"en"})


@dataclass
class RunTally:
    """What one run did with its inputs; `summary()` is the line a command prints."""

    read: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped_language: Counter[str] = field(default_factory=Counter)
    quarantined: list[InputProblem] = field(default_factory=list)
    near_index: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)

    @property
    def skipped(self) -> int:
        return sum(self.skipped_language.values())

    def summary(self, coded: int) -> str:
        """`read 12, coded 9, skipped 1 (language: de 1), duplicate 1, quarantined 1, ...`"""
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(self.skipped_language.items()))
        skipped = f"skipped {self.skipped}" + (f" (language: {languages})" if languages else "")
        return (
            f"read {self.read}, coded {coded}, {skipped}, duplicate {self.duplicates}, "
            f"quarantined {len(self.quarantined)}; near-duplicate copies {self.near_duplicates}"
        )


def triage(
    items: Iterable[Article | InputProblem],
    tally: RunTally,
    notify: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """The articles to code, in order; problems, other languages and duplicates go to `tally`.

    `notify` receives one line for each story not passed on, saying which and why.
    """
    say = notify or (lambda _message: None)
    first_copy: dict[str, str] = {}
    for item in items:
        if isinstance(item, InputProblem):
            tally.quarantined.append(item)
            say(str(item))  # "NAME: reason", the form every command prints
            continue
        tally.read += 1
        name = item.input_name or item.id
        if item.language is not None and item.language not in CODED_LANGUAGES:
            tally.skipped_language[item.language] += 1
            say(f"skipped {name}: language {item.language!r} is not coded yet")
            continue
        content_hash = item.content_hash
        if content_hash in first_copy:
            tally.duplicates += 1
            say(f"duplicate {name}: same text as {first_copy[content_hash]}, coded once")
            continue
        first_copy[content_hash] = name
        if item.near_dup_key and tally.near_index.add(item.near_dup_key, item.id) is not None:
            tally.near_duplicates += 1
        yield item
