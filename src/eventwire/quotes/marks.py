"""Quotation marks to quoted spans, on the text alone.

Why not textacy's pairing: `textacy.extract.triples.direct_quotations` pairs the
quote tokens of a whole document in order (1st with 2nd, 3rd with 4th, ...) and
raises on an odd count, so one stray or missing mark anywhere loses every quote
of the story, and a quote that runs over several paragraphs (an opening mark on
each paragraph, one closing mark at the end, so an odd count per paragraph)
shifts every later pair. News text is full of both. Here each mark gets a
direction from its glyph and the characters around it, marks are paired per
paragraph, a paragraph that ends inside a quote carries it on only when the next
paragraph reopens it, and a missing mark is repaired at the nearest sentence or
paragraph boundary instead of throwing the story away.

Only double quotation marks open a quote: single marks are apostrophes far
more often than quotes in English news, and inside a double quote they are
simply part of the quoted words. Two apostrophes in a row ('') are a double
mark: the New York Times archive and other feeds typeset quotes that way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

OPENING_MARKS = "“„‟«"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
QUOTE_MARKS = OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK
# Any one mark: the regex engine finds them faster than a loop over every character.
_QUOTE_MARK = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
_OPENING_CONTEXT = "([{—–-/\u2026" + QUOTE_MARKS + "'‘"
_CLOSING_CONTEXT = ".,;:!?)]}—–-\u2026" + QUOTE_MARKS + "'’"
_SENTENCE_END = ".!?"
# Two apostrophes typeset as one double quotation mark, as some archives do.
DOUBLED_APOSTROPHE = "''"
Direction = Literal["open", "close"]


@dataclass(frozen=True, slots=True)
class QuoteMark:
    index: int  # character offset of the mark
    direction: Direction


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The words between a pair of marks (the marks excluded), as offsets into the text.

    `opened`/`closed` say whether the text had the mark; a missing one was
    repaired at a sentence or paragraph boundary. `paragraphs` counts the
    paragraphs the quote runs over.
    """

    start: int
    end: int
    opened: bool = True
    closed: bool = True
    paragraphs: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int  # exclusive, without the line break


def normalize_marks(text: str) -> str:
    """The text with each doubled apostrophe ('') written as one straight double mark.

    Offsets are kept: the mark takes the apostrophe on the quoted words' side
    and a space the other, so an opening ''Yes reads ' "Yes' and a closing
    Yes'' reads 'Yes" '. A third apostrophe (a quote inside the quote) stays
    an apostrophe, part of the quoted words.
    """
    if DOUBLED_APOSTROPHE not in text:
        return text
    chars = list(text)
    index = 0
    while index < len(chars):
        run = index
        while run < len(chars) and chars[run] == "'":
            run += 1
        if run - index < 2:
            index = run + 1 if run == index else run
            continue
        before = chars[index - 1] if index > 0 else " "
        if before.isdigit():
            index = run  # inches (a 6'' pipe), not a quotation mark
            continue
        if before.isspace() or before in _OPENING_CONTEXT:
            chars[index], chars[index + 1] = " ", STRAIGHT_MARK  # the first two open
        else:
            chars[run - 2], chars[run - 1] = STRAIGHT_MARK, " "  # the last two close
        index = run
    return "".join(chars)


def paragraphs_of(text: str) -> list[Paragraph]:
    """Every non-blank line of the text is a paragraph (cleaned articles put one per line)."""
    found: list[Paragraph] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            found.append(Paragraph(start, start + len(stripped)))
        position += len(line) + 1
    return found


def _direction(text: str, index: int, inside: bool) -> Direction:
    """Which way a mark faces, from the characters around it; the glyph breaks ties."""
    mark = text[index]
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    opening_context = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
    closing_context = not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT)
    if opening_context and not closing_context:
        # a curly closing mark with a space before and a word after is a typo for an opening one
        return "open"
    if closing_context and not opening_context:
        return "close"
    if mark in OPENING_MARKS:
        return "open"
    if mark in CLOSING_MARKS:
        return "close"
    return "close" if inside else "open"


def _marks(text: str, paragraph: Paragraph, inside: bool) -> list[QuoteMark]:
    marks: list[QuoteMark] = []
    for match in _QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
        index = match.start()
        direction = _direction(text, index, inside)
        marks.append(QuoteMark(index, direction))
        inside = direction == "open"
    return marks


def _last_sentence_end(text: str, start: int, end: int) -> int | None:
    """The offset just after the last sentence-final punctuation in text[start:end]."""
    for index in range(end - 1, start - 1, -1):
        if text[index] in _SENTENCE_END and (index + 1 >= end or text[index + 1].isspace()):
            return index + 1
    return None


def _sentence_start_before(
    text: str, sentence_starts: Sequence[int], index: int, floor: int
) -> int:
    def text_has_words(start: int, end: int) -> bool:
        return any(char.isalnum() for char in text[start:end])

    best = floor
    for start in sentence_starts:
        # strictly before the mark: the parser may start a sentence at the mark itself
        if floor <= start < index and text_has_words(start, index):
            best = start
    return best


def _opens_speech(text: str, mark: int, paragraph: Paragraph) -> bool:
    """Whether a mark opens a stretch of speech (at the paragraph's start, or after
    "said:"/"said,"), the only kind of quote the news carries over paragraphs; a
    partial quote inside a sentence ('called the plan "a disgrace.') is not."""
    before = text[paragraph.start : mark].rstrip()
    return not before or before[-1] in ":,"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_quoted_spans(text: str, sentence_starts: Sequence[int] = ()) -> list[QuotedSpan]:
    """The quoted spans of a text, in order, repaired where a mark is missing.

    `sentence_starts` (character offsets, from the parse) lets a quote whose
    opening mark is missing start at its sentence rather than its paragraph.
    Doubled apostrophes count as double marks (see `normalize_marks`).
    """
    text = normalize_marks(text)
    spans: list[QuotedSpan] = []
    paragraphs = paragraphs_of(text)
    open_at: int | None = None  # offset just after the opening mark of the quote in progress
    open_marked = True
    paragraphs_in_quote = 1

    def emit(start: int, end: int, opened: bool, closed: bool) -> None:
        start, end = _trimmed(text, start, end)
        if end > start:
            spans.append(QuotedSpan(start, end, opened, closed, paragraphs_in_quote))

    for number, paragraph in enumerate(paragraphs):
        marks = _marks(text, paragraph, inside=False)
        if open_at is not None:
            # Carried from the paragraph before, which the news convention leaves
            # unclosed when the quote goes on: this paragraph must reopen it.
            if marks and marks[0].direction == "open" and marks[0].index == paragraph.start:
                marks = marks[1:]
                paragraphs_in_quote += 1
            else:
                emit(open_at, paragraphs[number - 1].end, open_marked, False)
                open_at = None
        floor = paragraph.start  # nothing before this belongs to a quote we may repair
        nested = 0  # quotes opened inside the quote in progress ("what he calls “hell” than")
        for position, mark in enumerate(marks):
            if nested and mark.direction == "close":
                nested -= 1
                continue
            if mark.direction == "open":
                closes_left = sum(
                    1 for later in marks[position + 1 :] if later.direction == "close"
                )
                if open_at is not None and closes_left >= nested + 2:
                    # enough closing marks follow for this one and the outer quote: nested
                    nested += 1
                    continue
                if open_at is not None:
                    # Two openings in a row: the first quote lost its closing mark;
                    # end it at the last sentence end before the new one.
                    end = _last_sentence_end(text, open_at, mark.index) or mark.index
                    emit(open_at, end, open_marked, False)
                open_at, open_marked, paragraphs_in_quote = mark.index + 1, True, 1
            elif open_at is not None:
                emit(open_at, mark.index, open_marked, True)
                open_at, floor = None, mark.index + 1
            else:
                # A closing mark with no opening: the quote starts at its sentence.
                start = _sentence_start_before(text, sentence_starts, mark.index, floor)
                paragraphs_in_quote = 1
                emit(start, mark.index, False, True)
                floor = mark.index + 1
        if open_at is not None:
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            reopens = (
                following is not None
                and text[following.start] in QUOTE_MARKS
                and _direction(text, following.start, False) == "open"
                and _opens_speech(text, open_at - 1, paragraph)
                and text[paragraph.end - 1] in _SENTENCE_END + QUOTE_MARKS
            )
            if not reopens:
                emit(open_at, paragraph.end, open_marked, False)
                open_at, paragraphs_in_quote = None, 1
    return spans
