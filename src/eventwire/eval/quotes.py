"""Scores quote extraction on PolNeAR, with textacy's extractor as the baseline in the same run.

Both extractors read the same spaCy docs. Figures (see eval/polnear.py for the
gold units):
- content F1 (exact): one-to-one matches of spans equal once whitespace,
  punctuation and quotation marks are trimmed from both edges;
- content F1 (overlap): a predicted quote is right when it shares a character
  with a gold unit of its kind, a gold unit is found when a prediction of that
  kind shares a character with it;
- speaker accuracy: among predicted quotes matched (overlap) to a gold unit
  that has a source, the share whose speaker phrase shares a character with
  that source (PolNeAR marks the source where the text names it: "he", not
  the antecedent, which is what `Quote.speaker_span` holds), or whose actor
  is the person the source names (same surname: the annotator may have marked
  another mention of the speaker than the one by the cue).

textacy's `direct_quotations` raises on a document with an odd number of
quotation marks; the baseline then runs it per paragraph and skips the
paragraphs that still have an odd count, which is what the issue calls its
behaviour ("gives up on a paragraph with an odd count").
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from eventwire.actors.resolve import resolve_mentions
from eventwire.eval.polnear import Fragment, GoldUnit, load_polnear, quote_units, trim
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.quotes import extract_quotes
from eventwire.quotes.marks import normalize_marks

if TYPE_CHECKING:  # the coder is built by the caller; importing it here would load the pipeline
    from eventwire.pipeline import Coder


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    speaker: Fragment | None
    speaker_name: str | None = None  # the person's name the speaker resolved to, if any


@dataclass(slots=True)
class Tally:
    """Counts for one kind of quote over a corpus."""

    predicted: int = 0
    gold: int = 0
    exact: int = 0
    correct: int = 0  # predictions overlapping a gold unit
    found: int = 0  # gold units overlapped by a prediction
    speaker_scored: int = 0
    speaker_right: int = 0

    def add(self, text: str, predicted: Sequence[Predicted], gold: Sequence[GoldUnit]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        exact_gold = {trim(text, unit.start, unit.end) for unit in gold}
        exact_predicted = {trim(text, p.start, p.end) for p in predicted}
        self.exact += len(exact_gold & exact_predicted)
        self.found += sum(1 for unit in gold if any(_overlap(p, unit) for p in predicted))
        for prediction in predicted:
            matched = [unit for unit in gold if _overlap(prediction, unit)]
            if not matched:
                continue
            self.correct += 1
            sources = [source for unit in matched for source in unit.source]
            if not sources:
                continue
            self.speaker_scored += 1
            if _same_speaker(text, prediction, sources):
                self.speaker_right += 1

    def exact_f1(self) -> float:
        return _f1(self.exact, self.predicted, self.exact, self.gold)

    def overlap_f1(self) -> float:
        return _f1(self.correct, self.predicted, self.found, self.gold)

    def speaker_accuracy(self) -> float:
        return round(self.speaker_right / self.speaker_scored, 3) if self.speaker_scored else 0.0


_PRONOUNS = {"he", "she", "it", "they", "i", "we", "you", "him", "her", "them"}


def _names_person(source: str, name: str) -> bool:
    """Whether a gold source phrase names the person by surname ("Sen. Claire McCaskill")."""
    last = name.split()[-1].strip(".,’'()") if name.split() else ""
    if not last[:1].isupper() or last.lower() in _PRONOUNS:
        return False
    surname = last.lower()
    words = {word.strip(".,’'()").lower() for word in source.split()}
    return surname in words


def _same_speaker(text: str, prediction: Predicted, sources: Sequence[Fragment]) -> bool:
    speaker, name = prediction.speaker, prediction.speaker_name
    if speaker is not None and any(_spans_overlap(speaker, source) for source in sources):
        return True
    return bool(name) and any(_names_person(text[a:b], name or "") for a, b in sources)


def _spans_overlap(a: Fragment, b: Fragment) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlap(prediction: Predicted, unit: GoldUnit) -> bool:
    return _spans_overlap((prediction.start, prediction.end), (unit.start, unit.end))


def _f1(right_p: int, predicted: int, right_r: int, gold: int) -> float:
    precision = right_p / predicted if predicted else 0.0
    recall = right_r / gold if gold else 0.0
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), 3)


def textacy_direct_quotes(doc: Doc) -> list[Predicted]:
    """textacy's direct quotations on a parsed doc, as spans; per paragraph when it bails."""
    from textacy.extract.triples import direct_quotations

    def run(part: Doc, offset: int) -> list[Predicted]:
        found: list[Predicted] = []
        for triple in direct_quotations(part):
            content = triple.content
            speaker = triple.speaker
            found.append(
                Predicted(
                    offset + content.start_char,
                    offset + content.end_char,
                    (
                        offset + speaker[0].idx,
                        offset + speaker[-1].idx + len(speaker[-1].text),
                    )
                    if speaker
                    else None,
                    " ".join(token.text for token in speaker) if speaker else None,
                )
            )
        return found

    with contextlib.suppress(ValueError):
        return run(doc, 0)
    predicted: list[Predicted] = []
    start = 0
    for token in [*list(doc), None]:
        if token is None or "\n" in token.text:
            end = token.i if token is not None else len(doc)
            if end > start:
                paragraph = doc[start:end]
                # textacy gives up on a paragraph with an odd count of marks
                with contextlib.suppress(ValueError):
                    predicted.extend(run(paragraph.as_doc(), paragraph.start_char))
            start = end + 1
    return predicted


def evaluate_quotes(directory: Path, coder: Coder, limit: int | None = None) -> dict[str, Any]:
    """Run our extractor and textacy's on a PolNeAR compartment; the issue's JSON summary."""
    documents = list(load_polnear(directory, limit))
    tallies = {"direct": Tally(), "indirect": Tally(), "textacy": Tally()}
    articles = [Article(id=document.name, text=document.text) for document in documents]
    by_name = {document.name: document for document in documents}
    for parsed in parse_articles(coder.nlp, articles, coder.options.batch_size):
        document = by_name[parsed.article.id]
        direct_gold, indirect_gold = quote_units(document)
        mentions = resolve_mentions(parsed, coder.knowledge)
        quotes = extract_quotes(parsed, mentions)
        ours: dict[str, list[Predicted]] = {"direct": [], "indirect": []}
        for quote in quotes:
            speaker = quote.speaker_span
            ours[quote.kind].append(
                Predicted(
                    quote.start,
                    quote.end,
                    (speaker.start, speaker.end) if speaker else None,
                    (quote.speaker.name if quote.speaker else None)
                    or (speaker.text if speaker else None),
                )
            )
        # scored on the text with doubled apostrophes as marks, as the gold units are
        text = normalize_marks(document.text)
        tallies["direct"].add(text, ours["direct"], direct_gold)
        tallies["indirect"].add(text, ours["indirect"], indirect_gold)
        tallies["textacy"].add(text, textacy_direct_quotes(parsed.doc), direct_gold)
    return {
        "documents": len(documents),
        "direct": {
            "content_f1_exact": tallies["direct"].exact_f1(),
            "content_f1_overlap": tallies["direct"].overlap_f1(),
            "speaker_accuracy": tallies["direct"].speaker_accuracy(),
        },
        "indirect": {
            "content_f1_overlap": tallies["indirect"].overlap_f1(),
            "speaker_accuracy": tallies["indirect"].speaker_accuracy(),
        },
        "baseline_textacy": {
            "direct_content_f1_overlap": tallies["textacy"].overlap_f1(),
            "speaker_accuracy": tallies["textacy"].speaker_accuracy(),
        },
    }
