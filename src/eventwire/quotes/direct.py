"""Direct quotes: which cue and speaker phrase a quoted span is attributed to.

A direct quote is attributed by, in order: for a partial quote in a sentence
sourced "according to X", X; a speaker label opening it ("PENCE: …"); the cue
verb its words hang from in the parse ("…," Maduro said; said he would "neither
confirm nor exclude"), or a nearer cue just before it the parser passed over,
or, for a cue inside what another speaker reports ('Holm said the ad "wrongly"
suggests'), that speaker; a name signed after a dash ("…" ― Maria Lopez); a cue
just after its closing mark in the same sentence ("…," said the minister); a
cue just before its opening mark (Maduro said: "…", also closing the paragraph
before); the subject of a sentence introducing it with a colon; "according to
X" in its sentence; a cue ending the sentence before ("…, Schiff said. "…"");
the named subject of the sentence before. Failing all of those, extract.py lets
a quote go on from the quote before it (a speech's next paragraph, or the next
partial quote of the same clause).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.quotes.attribution import (
    SUBJECT_DEPS,
    Attribution,
    Attributor,
    ends_sentence,
)
from eventwire.quotes.marks import QUOTE_MARKS

# How many heads up a quote's words may be from their cue verb.
_MAX_CUE_DISTANCE = 3
# Below this many words a quote with no speaker is a scare quote or a title, not speech.
_MIN_UNATTRIBUTED_WORDS = 6


class QuoteAttributor(Attributor):
    """Attributes the direct quotes of one article, with the cues of `Attributor`."""

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
                        return self._reporting(found) or found
                if token.head.i == token.i:
                    break
                token = token.head
        return None

    def _reporting(self, inner: Attribution) -> Attribution | None:
        """For a cue inside the clause another speaker reports, that speaker, unless the
        inner cue names its own person: in 'Holm said the ad "wrongly" suggests …' and
        'She said she recalls him being "confused"' the quoted words are the reporter's."""
        head = inner.speaker_head
        if head.ent_type_ in ("PERSON", "ORG") or head.i in self.person_heads:
            return None
        token = inner.cue
        for step in range(_MAX_CUE_DISTANCE):
            # the inner cue's own clause must be reported ("said she recalls"), not merely
            # a second statement beside the first ("said …, and replied, …")
            deps = ("ccomp",) if step == 0 else ("ccomp", "conj")
            if token is None or token.dep_ not in deps or token.head.i == token.i:
                return None
            token = token.head
            if token.sent.start != inner.speaker_head.sent.start or self.layout.inside(token):
                return None
            if self.is_cue(token) and token.lemma_.lower() in self.cues.clause_verbs:
                outer = self.attribution_for_cue(token)
                if outer is not None and outer.speaker_head.i != head.i:
                    return outer
        return None

    def _same_sentence(self, cue: Token, first: int, last: int) -> bool:
        """No sentence end outside quotes between the cue and the quote's words, and no
        full stop closing the quote before a cue after it ("…smart." Trump was … said)."""
        if cue.i >= last and last > first and self.doc[last - 1].text == ".":
            return False
        between = range(cue.i + 1, first) if cue.i < first else range(last, cue.i)
        return not any(
            ends_sentence(self.doc[i]) and not self.layout.inside(self.doc[i]) for i in between
        )

    def _window(self, number: int, after: bool) -> list[Token]:
        """Tokens beside the quote, up to a sentence end, another quote or the paragraph's edge."""
        first, last = self.layout.quote_tokens[number]
        span = self.layout.quoted[number]
        window: list[Token] = []
        if after:
            if last > first and self.doc[last - 1].text == ".":
                # a full stop closes the quote's sentence: a cue after it belongs to the
                # next one ("…smart." Trump was … said)
                return window
            paragraph = self.layout.paragraph_of(span.end)
            index = last
            while index < len(self.doc):
                token = self.doc[index]
                if self.layout.inside(token) and self.is_title(self.layout.quote_of[token.i]):
                    index += 1  # a quoted nickname in the speaker's name: Marcia "Cia" Price
                    continue
                if self.layout.inside(token) or "\n" in token.text:
                    break
                if self.layout.paragraph_of(token.idx) != paragraph:
                    break
                if ends_sentence(token):
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
            if self.layout.inside(token) or ends_sentence(token):
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

    def _from_nearer_cue(self, number: int, found: Attribution | None) -> Attribution | None:
        """A cue between the parse's cue and the quote, in the window before it, is the
        one that introduces the quote: the parser may hang the quote from a verb farther
        away ("The spot concludes with footage of Trump saying …, “…”")."""
        if found is None or found.cue is None or self.according_object(found.cue) is not None:
            return found
        first, _ = self.layout.quote_tokens[number]
        if found.cue.i > first:
            return found
        for token in self._window(number, after=False):
            if token.i <= found.cue.i:
                break
            if (
                self.is_cue(token)
                and self.according_object(token) is None
                and not self._reported_by(token, found.cue)
            ):
                nearer = self.attribution_for_cue(token)
                if nearer is not None:
                    return nearer
        return found

    def _reported_by(self, token: Token, cue: Token) -> bool:
        """Whether `token` lies in a clause that `cue` reports ("said she recalled …")."""
        reported = False
        while token.i != cue.i and token.head.i != token.i:
            reported = reported or token.dep_ == "ccomp"
            token = token.head
        return reported and token.i == cue.i

    def _from_colon(self, number: int) -> Attribution | None:
        """A quote a sentence introduces with a colon and no cue verb is its subject's:
        'Sanders made the following comment: "…"'."""
        first, _ = self.layout.quote_tokens[number]
        index = first - 1
        while index >= 0 and (self.layout.is_mark(self.doc[index]) or self.doc[index].is_space):
            index -= 1
        if index < 0 or self.doc[index].text != ":" or self.layout.inside(self.doc[index]):
            return None
        verb = self.doc[index].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if self.layout.inside(verb) or verb.i >= index:
            return None
        head = self._subject(verb)
        if head is None or head.i >= index:
            return None
        return Attribution(None, head, self.speaker_span(head))

    def _from_according(self, number: int) -> Attribution | None:
        first, last = self.layout.quote_tokens[number]
        if first >= last:
            return None
        # the one or two sentences the quote is in, in order (not every sentence's Span)
        sentences = sorted({self.doc[first].sent.start, self.doc[last - 1].sent.start})
        for start in sentences:
            for token in self.doc[start].sent:
                if token.lower_ == "according" and not self.layout.inside(token):
                    found = self.attribution_for_cue(token)
                    if found is not None:
                        return found
        return None

    def _from_dash(self, number: int) -> Attribution | None:
        """A quote signed with a dash after it: "…" ― Sonya Herridge (also "…”― Name")."""
        text = self.layout.text
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
        if index < 0 or not ends_sentence(self.doc[index]):
            return None
        index -= 1
        while index >= 0:
            token = self.doc[index]
            if ends_sentence(token) or self.layout.inside(token) or self.layout.is_mark(token):
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
        if index < 0 or not ends_sentence(self.doc[index]):
            return None
        paragraph = self.layout.paragraph_of(self.doc[first].idx)
        before = index - 1
        while before >= 0:
            token = self.doc[before]
            if self.layout.paragraph_of(token.idx) != paragraph:
                break
            if ends_sentence(token) and not self.layout.inside(token):
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
        first, last = self.layout.quote_tokens[number]
        label = self.speaker_label(first) if first < last else None
        if label is not None:
            return Attribution(self.doc[label.i + 1], label, self.speaker_span(label))
        return (
            self._from_nearer_cue(number, self._from_parse(number))
            or self._from_dash(number)
            or self._from_window(number, after=True)
            or self._from_window(number, after=False)
            or self._from_colon(number)
            or self._from_according(number)
            or self._from_previous_sentence(number)
            or self._from_previous_subject(number)
        )

    def no_subject_between(self, earlier: int, later: int) -> bool:
        """Whether no clause subject stands between two quotes outside them, so that the
        later goes on in the earlier's clause ('can "rock like Jimi" and "stir …"')."""
        start, end = self.layout.quote_tokens[earlier][1], self.layout.quote_tokens[later][0]
        return not any(
            token.dep_ in SUBJECT_DEPS and not self.layout.inside(token)
            for token in self.doc[start:end]
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
            return ends_sentence(token) or "\n" in token.text or self.layout.inside(token)
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
        if not all(t.is_title or t.is_upper or not t.is_alpha for t in content):
            return False
        # the first words of a quote split by its cue ("Hopefully," the president said,
        # "…") open a sentence and end in a comma; a title is named inside a sentence
        span = self.layout.quoted[number]
        return not (
            self.opens_sentence(number) and self.layout.text[span.end : span.end + 1] == ","
        )
