"""Which language a story is in (py3langid), said only when the text says it clearly.

Short texts mislead every identifier ("Peru praised Chile." comes out Estonian),
and a one-sentence article is how a gold sentence is coded; so a language is
reported only with enough letters and a confident, normalised probability.
Unknown (None) is coded as if English; a known non-English story is not.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

# Letters needed before any answer, and the probability needed at that length
# and from LONG_TEXT letters on (longer texts are more reliable).
MIN_LETTERS = 40
LONG_TEXT = 400
SHORT_TEXT_CONFIDENCE = 0.95
LONG_TEXT_CONFIDENCE = 0.7
# Enough text to decide; identification is linear in what it reads.
SAMPLE_CHARS = 3000


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it is not clear."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    needed = LONG_TEXT_CONFIDENCE if letters >= LONG_TEXT else SHORT_TEXT_CONFIDENCE
    return str(language) if float(probability) >= needed else None
