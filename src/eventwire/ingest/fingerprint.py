"""Duplicate keys: an exact key for the same text, a SimHash for near-identical copies.

One wire story republished by fifty outlets differs by a headline, a photo
caption, a sentence cut for length. `Article.content_hash` catches identical
copies; the 64-bit SimHash of word shingles (Charikar 2002; Manku et al. 2007
used it for web-scale near-duplicate detection at Google) changes by only a few
bits for such copies, and `NearDuplicateIndex` finds the story a copy belongs to.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np

SIMHASH_BITS = 64
SHINGLE_WORDS = 3
# Copies of one story within this many differing bits are the same story
# (Manku et al. use 3 of 64 for pages; stories are shorter, so a little more).
NEAR_DUPLICATE_BITS = 6
# Splitting the 64 bits into BANDS blocks: two signatures within BANDS-1 bits
# agree exactly on at least one block (pigeonhole), so only those are compared.
_BANDS = NEAR_DUPLICATE_BITS + 1
_WORD = re.compile(r"\w+", re.UNICODE)


def normalised_words(text: str) -> list[str]:
    """The words of a text, case-folded, punctuation and spacing gone."""
    return _WORD.findall(text.casefold())


def simhash(text: str) -> int:
    """The 64-bit SimHash of the text's word 3-shingles (all words when fewer)."""
    words = normalised_words(text)
    if len(words) < SHINGLE_WORDS:
        shingles = [" ".join(words)] if words else []
    else:
        # each word with the next SHINGLE_WORDS - 1, as zip lines them up (in C); the
        # shorter, later lists end it
        offsets = (words[i:] for i in range(SHINGLE_WORDS))
        shingles = list(map(" ".join, zip(*offsets, strict=False)))
    if not shingles:
        return 0
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(shingle.encode(), digest_size=8).digest() for shingle in shingles])
    # One row of 64 bits a shingle, most significant first; a bit of the
    # signature is set where more shingles have it set than not.
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    majority = bits.sum(axis=0) * 2 > len(shingles)
    return int.from_bytes(np.packbits(majority).tobytes(), "big")


def near_dup_key(text: str) -> str:
    """The SimHash as 16 hex digits: what `Article.near_dup_key` holds."""
    return f"{simhash(text):016x}"


def hamming_distance(key_a: str, key_b: str) -> int:
    """How many of the 64 bits two near-duplicate keys differ in."""
    return (int(key_a, 16) ^ int(key_b, 16)).bit_count()


def _bands(signature: int) -> list[tuple[int, int]]:
    width = -(-SIMHASH_BITS // _BANDS)
    mask = (1 << width) - 1
    return [(band, signature >> (band * width) & mask) for band in range(_BANDS)]


@dataclass
class NearDuplicateIndex:
    """Groups near-duplicate keys: `add` returns the id of the first copy seen, or None.

    One index per run (it is the run's state, never module state); memory grows
    with the number of distinct stories, five small entries each.
    """

    max_distance: int = NEAR_DUPLICATE_BITS
    _buckets: dict[tuple[int, int], list[tuple[int, str]]] = field(default_factory=dict)

    def add(self, key: str, story_id: str) -> str | None:
        """Record a story's key; return the id of an earlier near-identical story, if any."""
        signature = int(key, 16)
        bands = _bands(signature)
        for band in bands:
            for other, other_id in self._buckets.get(band, ()):
                if (signature ^ other).bit_count() <= self.max_distance:
                    return other_id
        for band in bands:
            self._buckets.setdefault(band, []).append((signature, story_id))
        return None
