"""Attribution: the cue and the speaker phrase of a direct quote, read from the parse.

A direct quote is attributed by, in order: for a partial quote in a sentence
sourced "according to X", X; the cue verb its words hang from in the parse
("…," Maduro said; said he would "neither confirm nor exclude"); a name signed
after a dash ("…" ― Maria Lopez); a cue just after its closing mark in the same
sentence ("…," said the minister); a cue just before its opening mark (Maduro
said: "…", also closing the paragraph before); "according to X" in its
sentence; a cue ending the sentence before ("…, Schiff said. "…""); the named
subject of the sentence before. Failing all of those, extract.py lets a quote
that opens its sentence go on from the quote before it (a speech's second
paragraph). Reported speech (reported.py) uses the same cues and speakers.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.model import Span
from eventwire.quotes.cues import CueLexicon
from eventwire.quotes.marks import QUOTE_MARKS, QuotedSpan

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLIMB_DEPS = {"conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "prep"}
_TIME_ENTS = {"DATE", "TIME"}
_INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes"}
_SENTENCE_FINAL = {".", "!", "?"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
# How many heads up a quote's words may be from their cue verb.
_MAX_CUE_DISTANCE = 3
# Below this many words a quote with no speaker is a scare quote or a title, not speech.
_MIN_UNATTRIBUTED_WORDS = 6


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue (its token, or none for a continued quote) and the speaker phrase's head."""

    cue: Token | None
    speaker_head: Token
    speaker_span: Span


class QuoteLayout:
    """Which tokens lie inside which direct quote, and the paragraphs: built once per article."""

    def __init__(self, doc: Doc, quoted: Sequence[QuotedSpan]) -> None:
        self.doc = doc
        self.quoted = list(quoted)
        self.quote_of: list[int] = [-1] * len(doc)
        self.quote_tokens: list[tuple[int, int]] = []
        for number, span in enumerate(self.quoted):
            first, last = len(doc), -1
            for token in _tokens_between(doc, span.start, span.end):
                self.quote_of[token.i] = number
                first, last = min(first, token.i), max(last, token.i)
            self.quote_tokens.append((first, last + 1))
        text = doc.text
        self.paragraph_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def inside(self, token: Token) -> bool:
        return self.quote_of[token.i] >= 0

    def is_mark(self, token: Token) -> bool:
        return bool(token.text) and all(char in QUOTE_MARKS for char in token.text)

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


class Attributor:
    """Finds cues and speaker phrases in one article's parse."""

    def __init__(
        self, doc: Doc, layout: QuoteLayout, cues: CueLexicon, person_heads: frozenset[int]
    ) -> None:
        self.doc = doc
        self.layout = layout
        self.cues = cues
        self.person_heads = person_heads  # heads of mentions coded as named people

    # -- cues and their speakers -------------------------------------------------

    def is_cue(self, token: Token, stance: bool = False) -> bool:
        """A cue verb outside quotes; `stance` admits belief verbs (for reported speech)."""
        if self.layout.inside(token):
            return False
        if self.according_object(token) is not None:
            return True
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX"):
            # "Said Ellis: …" opens a sentence, and the tagger takes "Said" for a name
            return bool(token.is_sent_start) and token.lower_ in _INVERTED_CUES

        return lemma in self.cues.verbs or (stance and lemma in self.cues.stance_verbs)

    def according_object(self, token: Token) -> Token | None:
        """For "according" in "according to X", the head of X."""
        if token.lower_ != "according":
            return None
        for child in token.children:
            if child.lower_ == "to":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        following = token.nbor(1) if token.i + 1 < len(self.doc) else None
        if following is not None and following.lower_ == "to":
            for pobj in following.children:
                if pobj.dep_ == "pobj":
                    return pobj
        return None

    def _subject(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(4):
            for child in current.children:
                if child.dep_ in _SUBJECT_DEPS and not self.layout.inside(child):
                    if child.tag_ == "WP" or child.lower_ in ("who", "that", "which"):
                        break
                    if child.ent_type_ in _TIME_ENTS:
                        continue  # "5:45 p.m. Trump says …": a time heading, not a speaker
                    return child
            if current.dep_ == "relcl" and current.head.pos_ in _NOMINAL:
                return current.head
            if current.dep_ == "acl" and current.head.pos_ in _NOMINAL:
                # "a statement calling the test …": the statement speaks when it is the
                # subject; when it is an object ("the Council issued a statement
                # calling …"), whoever issued it does.
                noun = current.head
                if noun.dep_ in _SUBJECT_DEPS:
                    return noun
                current = noun
                while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
                    current = current.head
                if self.layout.inside(current):
                    break
                continue
            if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
                break
            if self.layout.inside(current.head):
                break  # a cue misparsed as hanging from the quote: its words are not the speaker's
            current = current.head
        # The parser sometimes hangs the cue from the quote ("…," Chief X said as a
        # conjunct of the quoted verb) or takes the speaker for an object ("said Rep. X"):
        # then the speaker is the noun phrase right beside the cue.
        if self._follows_quote(verb) or verb.is_sent_start:
            return self._adjacent_nominal(verb, -1) or self._adjacent_nominal(verb, +1)
        return self._adjacent_nominal(verb, -1)

    def _follows_quote(self, verb: Token) -> bool:
        """Whether the cue comes right after a closing mark ("…," said X), name or no name."""
        index = verb.i - 1
        while index >= 0 and (self.doc[index].pos_ == "PROPN" or self.doc[index].is_punct):
            token = self.doc[index]
            if self.layout.is_mark(token):
                return True
            index -= 1
        return False

    def _adjacent_nominal(self, verb: Token, step: int) -> Token | None:
        index = verb.i + step
        if not 0 <= index < len(self.doc):
            return None
        token = self.doc[index]
        if self.layout.inside(token) or token.ent_type_ in _TIME_ENTS:
            return None
        # Only a name on the left ("…," Chief Chuck Jordan said), and a name, a phrase
        # with a determiner or a subject pronoun on the right ("said Rep. X", "said he"):
        # a common noun beside a cue is more often its object or its clause's.
        if step < 0 and token.pos_ != "PROPN":
            return None
        if step > 0 and not (
            token.pos_ == "PROPN"
            or token.pos_ == "DET"
            or token.lower_ in self.cues.person_pronouns | self.cues.group_pronouns
        ):
            return None
        if token.tag_ == "PRP" and token.lower_ in ("him", "her", "them"):
            return None
        if step > 0:
            # the head of the phrase that starts here: "said Rep. Elijah Cummings of Maryland"
            while (
                token.head.i > token.i
                and token.dep_ in ("compound", "det", "amod", "poss", "nmod")
                and not self.layout.inside(token.head)
            ):
                token = token.head
        return token

    def speaker_head(self, cue: Token) -> Token | None:
        according = self.according_object(cue)
        if according is not None:
            return according
        return self._subject(cue)

    def speaker_span(self, head: Token) -> Span:
        """The speaker phrase: the head's subtree, cut at quotes, clauses and punctuation."""
        tokens = [head]
        for child in head.children:
            if child.dep_ in ("relcl", "acl") or self.layout.inside(child):
                continue
            if child.i < head.i or child.dep_ in ("prep", "appos", "compound", "amod", "nummod"):
                tokens.extend(t for t in child.subtree if not self.layout.inside(t))
        tokens.sort(key=lambda token: token.i)
        # keep the contiguous run around the head
        first = last = tokens.index(head)
        while first > 0 and tokens[first - 1].i == tokens[first].i - 1:
            first -= 1
        while last + 1 < len(tokens) and tokens[last + 1].i == tokens[last].i + 1:
            last += 1
        run = tokens[first : last + 1]
        while len(run) > 1 and (run[0].is_punct or run[0].dep_ == "cc"):
            run = run[1:]
        while len(run) > 1 and (run[-1].is_punct or run[-1].dep_ == "cc"):
            run = run[:-1]
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        return Span(self.doc.text[start:end], start, end)

    def attribution_for_cue(self, cue: Token) -> Attribution | None:
        head = self.speaker_head(cue)
        if head is None:
            return None
        return Attribution(cue, head, self.speaker_span(head))

    # -- direct quotes -----------------------------------------------------------

    def _from_parse(self, number: int) -> Attribution | None:
        """The cue the quote's words hang from: "…," he said / said he would "…"."""
        first, last = self.layout.quote_tokens[number]
        if first >= last:
            return None
        roots = [t for t in self.doc[first:last] if not (first <= t.head.i < last)]
        for root in roots:
            token = root.head
            for _ in range(_MAX_CUE_DISTANCE):
                if self.is_cue(token) and self._same_sentence(token, first, last):
                    found = self.attribution_for_cue(token)
                    if found is not None:
                        return found
                if token.head.i == token.i:
                    break
                token = token.head
        return None

    def _same_sentence(self, cue: Token, first: int, last: int) -> bool:
        """No sentence end outside quotes between the cue and the quote's words, and no
        full stop closing the quote before a cue after it ("…smart." Trump was … said)."""
        if cue.i >= last and last > first and self.doc[last - 1].text == ".":
            return False
        between = range(cue.i + 1, first) if cue.i < first else range(last, cue.i)
        return not any(
            _ends_sentence(self.doc[i]) and not self.layout.inside(self.doc[i]) for i in between
        )

    def _window(self, number: int, after: bool) -> list[Token]:
        """Tokens beside the quote, up to a sentence end, another quote or the paragraph's edge."""
        first, last = self.layout.quote_tokens[number]
        span = self.layout.quoted[number]
        window: list[Token] = []
        if after:
            paragraph = self.layout.paragraph_of(span.end)
            index = last
            while index < len(self.doc):
                token = self.doc[index]
                if self.layout.inside(token) or "\n" in token.text:
                    break
                if self.layout.paragraph_of(token.idx) != paragraph:
                    break
                if _ends_sentence(token):
                    break
                window.append(token)
                index += 1
            return window
        paragraph = self.layout.paragraph_of(span.start)
        crossed = False
        index = first - 1
        while index >= 0:
            token = self.doc[index]
            index -= 1
            if token.is_space:
                continue
            if self.layout.inside(token) or _ends_sentence(token):
                break
            if self.layout.paragraph_of(token.idx) != paragraph:
                # "Maduro said:" closing the paragraph before introduces a quote opening this one
                opens_paragraph = all(self.layout.is_mark(t) for t in window)
                if crossed or not opens_paragraph or token.text != ":":
                    break
                crossed, paragraph = True, self.layout.paragraph_of(token.idx)
            window.append(token)
        return window

    def _from_window(self, number: int, after: bool) -> Attribution | None:
        for token in self._window(number, after):
            if self.is_cue(token):
                found = self.attribution_for_cue(token)
                if found is not None:
                    return found
        return None

    def _from_according(self, number: int) -> Attribution | None:
        first, last = self.layout.quote_tokens[number]
        if first >= last:
            return None
        sentences = {self.doc[first].sent.start, self.doc[last - 1].sent.start}
        for sent in self.doc.sents:
            if sent.start not in sentences:
                continue
            for token in sent:
                if token.lower_ == "according" and not self.layout.inside(token):
                    found = self.attribution_for_cue(token)
                    if found is not None:
                        return found
        return None

    def _from_dash(self, number: int) -> Attribution | None:
        """A quote signed with a dash after it: "…" ― Sonya Herridge (also "…”― Name")."""
        text = self.doc.text
        index = self.layout.quoted[number].end
        while index < len(text) and (
            text[index] in QUOTE_MARKS or text[index] in ".," or text[index].isspace()
        ):
            index += 1
        if index >= len(text) or text[index] not in "―—–":
            return None
        index += 1
        while index < len(text) and text[index].isspace() and text[index] != "\n":
            index += 1
        span = self.doc.char_span(index, index + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        name = span[0]
        if not (name.pos_ in ("PROPN", "NOUN") or name.is_title) or self.layout.inside(name):
            return None
        while name.head.i > name.i and name.dep_ in ("compound", "amod", "det", "poss"):
            name = name.head
        return Attribution(None, name, self.speaker_span(name))

    def _from_previous_sentence(self, number: int) -> Attribution | None:
        """A quote opening the sentence after "…, Schiff said." goes on with that speaker."""
        first, _ = self.layout.quote_tokens[number]
        if first >= len(self.doc) or not self.opens_sentence(number):
            return None
        paragraph = self.layout.paragraph_of(self.doc[first].idx)
        index = first - 1
        while index >= 0 and (self.layout.is_mark(self.doc[index]) or self.doc[index].is_space):
            index -= 1
        if index < 0 or not _ends_sentence(self.doc[index]):
            return None
        index -= 1
        while index >= 0:
            token = self.doc[index]
            if _ends_sentence(token) or self.layout.inside(token) or self.layout.is_mark(token):
                return None
            if self.layout.paragraph_of(token.idx) != paragraph:
                return None
            if self.is_cue(token):
                return self.attribution_for_cue(token)
            index -= 1
        return None

    def _from_previous_subject(self, number: int) -> Attribution | None:
        """A quote after a sentence about a named person is, in news, that person's:
        'Sanders identified young voters' exhaustion … "The younger people are …"'."""
        first, _ = self.layout.quote_tokens[number]
        if first >= len(self.doc) or not self.opens_sentence(number):
            return None
        index = first - 1
        while index >= 0 and (self.layout.is_mark(self.doc[index]) or self.doc[index].is_space):
            index -= 1
        if index < 0 or not _ends_sentence(self.doc[index]):
            return None
        paragraph = self.layout.paragraph_of(self.doc[first].idx)
        before = index - 1
        while before >= 0:
            token = self.doc[before]
            if self.layout.paragraph_of(token.idx) != paragraph:
                break
            if _ends_sentence(token) and not self.layout.inside(token):
                break
            before -= 1
        for token in self.doc[before + 1 : index]:
            if (
                token.dep_ == "nsubj"
                and token.head.pos_ in ("VERB", "AUX")
                and (
                    token.ent_type_ == "PERSON"
                    or token.i in self.person_heads
                    or (token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "NORP"))
                )
                and not self.layout.inside(token)
            ):
                return Attribution(None, token, self.speaker_span(token))
        return None

    def _names_a_source(self, head: Token) -> bool:
        """A person, an organisation or a statement, not "federal statistics"."""
        return (
            head.lemma_.lower() in self.cues.statement_nouns
            or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or head.i in self.person_heads
            or head.pos_ == "PROPN"
        )

    def direct(self, number: int) -> Attribution | None:
        """The attribution of the number-th quoted span, or None when the text gives none."""
        if not self.opens_sentence(number):
            # a partial quote in a sentence sourced "according to X" is X's words, whatever
            # verb it hangs from ("they agreed on "…", according to the statement")
            according = self._from_according(number)
            if according is not None and self._names_a_source(according.speaker_head):
                return according
        return (
            self._from_parse(number)
            or self._from_dash(number)
            or self._from_window(number, after=True)
            or self._from_window(number, after=False)
            or self._from_according(number)
            or self._from_previous_sentence(number)
            or self._from_previous_subject(number)
        )

    def opens_sentence(self, number: int) -> bool:
        """Whether nothing but a mark stands between the quote and its sentence's start."""
        first, _ = self.layout.quote_tokens[number]
        index = first - 1
        while index >= 0:
            token = self.doc[index]
            if self.layout.is_mark(token) or token.is_space:
                index -= 1
                continue
            return _ends_sentence(token) or "\n" in token.text or self.layout.inside(token)
        return True

    def looks_like_speech(self, number: int) -> bool:
        """Long enough and with a verb: a quoted utterance, not a title or a scare quote."""
        first, last = self.layout.quote_tokens[number]
        words = [t for t in self.doc[first:last] if t.is_alpha]
        return len(words) >= _MIN_UNATTRIBUTED_WORDS and any(
            t.pos_ in ("VERB", "AUX") for t in words
        )

    def is_title(self, number: int) -> bool:
        """A quoted name ("Meet the Press"): every content word capitalised, few words."""
        first, last = self.layout.quote_tokens[number]
        content = [t for t in self.doc[first:last] if not (t.is_punct or t.is_stop or t.is_space)]
        if not content or len(content) > 6:
            return False
        return all(t.is_title or t.is_upper or not t.is_alpha for t in content)


def _ends_sentence(token: Token) -> bool:
    """A full stop, question or exclamation mark as punctuation, not the "." of "Vt."."""
    return token.text in _SENTENCE_FINAL and token.pos_ == "PUNCT"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces and clause punctuation at its edges."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end
