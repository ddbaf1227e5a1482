"""Attribution: cue words and the speaker phrases they take, read from the parse.

The layout of an article's direct quotes (which tokens are quoted, the
paragraphs), the cues (a cue verb outside quotes, "according to X", a speaker
label "PENCE: …") and the speaker phrase of a cue (its subject, wherever the
parser hangs it). Direct quotes are attributed in direct.py, reported speech
in reported.py, both with these.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.model import Span
from eventwire.quotes.cues import CueLexicon
from eventwire.quotes.marks import DOUBLED_APOSTROPHE, QUOTE_MARKS, QuotedSpan

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLIMB_DEPS = {"conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "prep"}
_TIME_ENTS = {"DATE", "TIME"}
INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes"}
_SENTENCE_FINAL = {".", "!", "?"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
# The most words between a closing mark and its cue that may name the speaker.
_MAX_SPEAKER_WORDS = 12
# The most words a speaker label may have ("Rep. Nancy Pelosi:").
MAX_LABEL_WORDS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue (its token, or none for a continued quote) and the speaker phrase's head."""

    cue: Token | None
    speaker_head: Token
    speaker_span: Span


class QuoteLayout:
    """Which tokens lie inside which direct quote, and the paragraphs: built once per article."""

    def __init__(self, doc: Doc, quoted: Sequence[QuotedSpan], text: str | None = None) -> None:
        """`text` is the doc's text when the caller has it (`Doc.text` joins every token)."""
        self.doc = doc
        self.quoted = list(quoted)
        self.quote_of: list[int] = [-1] * len(doc)
        self.quote_tokens: list[tuple[int, int]] = []
        for number, span in enumerate(self.quoted):
            # token indices only: making a Token object per quoted word costs more
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is None or tokens.start >= tokens.end:
                self.quote_tokens.append((len(doc), 0))
                continue
            self.quote_of[tokens.start : tokens.end] = [number] * (tokens.end - tokens.start)
            self.quote_tokens.append((tokens.start, tokens.end))
        # Doc.text joins every token on each access: read it once per article
        self.text = text = doc.text if text is None else text
        self.paragraph_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def inside(self, token: Token) -> bool:
        return self.quote_of[token.i] >= 0

    def is_mark(self, token: Token) -> bool:
        text = token.text
        return text == DOUBLED_APOSTROPHE or (
            bool(text) and all(char in QUOTE_MARKS for char in text)
        )

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1


class Attributor:
    """Finds cues and speaker phrases in one article's parse."""

    def __init__(
        self, doc: Doc, layout: QuoteLayout, cues: CueLexicon, person_heads: frozenset[int]
    ) -> None:
        self.doc = doc
        self.layout = layout
        self.cues = cues
        self.person_heads = person_heads  # heads of mentions coded as named people
        # A cue's attribution depends on the article alone, and direct quotes and
        # reported speech ask for the same cues: each is read from the parse once.
        self._attributions: dict[int, Attribution | None] = {}

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
            return bool(token.is_sent_start) and token.lower_ in INVERTED_CUES

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
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if (
            verb.tag_ == "VBG"
            and before is not None
            and self._is_person(before)
            and not self.layout.inside(before)
            and not any(child.dep_ in SUBJECT_DEPS for child in verb.children)
        ):
            # "footage of Clinton asking, …": the person the participle follows speaks,
            # however the parser hangs it
            return before
        current = verb
        for _ in range(4):
            # the subject nearest the verb first: "The bridge, Vargas said, will …" may be
            # parsed with two subjects of "said"
            for child in sorted(current.children, key=lambda c: abs(c.i - current.i)):
                if (
                    child.dep_ in SUBJECT_DEPS
                    and not self.layout.inside(child)
                    and any(char.isalnum() for char in child.text)  # not a dash taken for a noun
                ):
                    if child.tag_ == "WP" or child.lower_ in ("who", "that", "which"):
                        break
                    if child.ent_type_ in _TIME_ENTS:
                        continue  # "5:45 p.m. Trump says …": a time heading, not a speaker
                    named = [c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                    if named and (
                        child.pos_ != "PROPN" or (child.ent_type_ == "GPE" and child.is_upper)
                    ):
                        # the name beside a description ("The minister, Luis Vargas, said"),
                        # a dateline ("WASHINGTON -- President Obama … said") or a content
                        # word the parser took for the subject ("Farmers, Vargas said, …")
                        return named[0]
                    return child
            if current.dep_ == "relcl" and current.head.pos_ in _NOMINAL:
                return current.head
            if current.dep_ == "acl" and current.head.pos_ in _NOMINAL:
                # "a statement calling the test …": the statement speaks when it is the
                # subject; when it is an object ("the Council issued a statement
                # calling …"), whoever issued it does.
                noun = current.head
                if noun.dep_ in SUBJECT_DEPS or self._is_person(noun):
                    # "footage of Trump saying …": a person speaks for themself
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
                # a cue misparsed as hanging from the quote: its words are not the speaker's,
                # but an adverbial cue's main clause may have its subject outside the quote
                # ('After saying …, she was “whisked off …”')
                if current.dep_ in ("advcl", "prep", "pcomp"):
                    for child in current.head.children:
                        if (
                            child.dep_ == "nsubj"
                            and not self.layout.inside(child)
                            and child.pos_ in ("PRON", "PROPN")
                        ):
                            return child
                break
            current = current.head
        # The parser sometimes hangs the cue from the quote ("…," Chief X said as a
        # conjunct of the quoted verb) or takes the speaker for an object ("said Rep. X"):
        # then the speaker is the noun phrase right beside the cue.
        if self._follows_quote(verb) or verb.is_sent_start:
            return self._adjacent_nominal(verb, -1) or self._adjacent_nominal(verb, +1)
        return self._adjacent_nominal(verb, -1) or self._name_after_quote(verb)

    def _name_after_quote(self, verb: Token) -> Token | None:
        """The name opening the words between a closing mark and its cue, when the parser
        hung it elsewhere: '…,” Flynn, a top Trump surrogate, said'."""
        index = verb.i - 1
        while index >= 0 and verb.i - index <= _MAX_SPEAKER_WORDS:
            token = self.doc[index]
            if self.layout.inside(token) or ends_sentence(token):
                return None
            if self.layout.is_mark(token):
                name = self.doc[index + 1] if index + 1 < verb.i else None
                if name is None or name.pos_ != "PROPN":
                    return None
                while name.dep_ == "compound" and name.head.i < verb.i and name.head.i > name.i:
                    name = name.head
                return name
            index -= 1
        return None

    def _is_person(self, token: Token) -> bool:
        return token.ent_type_ == "PERSON" or token.i in self.person_heads

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
        return Span(self.layout.text[start:end], start, end)

    def attribution_for_cue(self, cue: Token) -> Attribution | None:
        if cue.i in self._attributions:
            return self._attributions[cue.i]
        head = self.speaker_head(cue)
        found = Attribution(cue, head, self.speaker_span(head)) if head is not None else None
        self._attributions[cue.i] = found
        return found

    def speaker_label(self, index: int) -> Token | None:
        """The name labelling a transcript line or headline that starts at token `index`,
        "PENCE: Well, …", "Sanders: Clinton needs to …": its last word, or None."""
        words: list[Token] = []
        for token in self.doc[index : index + MAX_LABEL_WORDS + 1]:
            if token.text == ":":
                break
            if not (token.pos_ == "PROPN" or token.is_upper or token.is_title) or not (
                token.is_alpha or token.text.endswith(".")
            ):
                return None
            words.append(token)
        else:
            return None
        if not words or "\n" in self.doc[words[0].i : words[-1].i + 1].text:
            return None
        head = words[-1]
        if head.pos_ not in ("PROPN", "NOUN") and not (head.is_upper and len(head.text) > 1):
            return None
        if head.lower_ in self.cues.editorial_labels:
            return None
        return head


def ends_sentence(token: Token) -> bool:
    """A full stop, question or exclamation mark as punctuation, not the "." of "Vt."."""
    return token.text in _SENTENCE_FINAL and token.pos_ == "PUNCT"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces and clause punctuation at its edges."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end
