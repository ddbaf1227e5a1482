"""The model's attribute rules (tag -> POS and morphology, lemma exceptions),
applied by table lookup instead of spaCy's Matcher.

Why: spaCy's AttributeRuler runs every one of the model's ~180 rules through the
Matcher at every token. On news text that is about a tenth of the whole pipeline's
parse time, as much as the dependency parser itself, for what is almost entirely
a function of the token's tag, lower-cased form, dependency label and whether it
is whitespace. Here each distinct combination of those four is resolved once (for
the life of the process) by evaluating the same rules, and a story's tokens are
then one dictionary lookup each; the few multi-token rules ("gon na", "let 's")
are matched directly. The rules are read from the loaded model's own ruler, so
the output is the ruler's, token for token (tests/test_nlp_attributes.py
compares the two); a rule this module cannot read keeps spaCy's ruler in place.

The rule lemmatizer after it gets the same treatment (`LemmaTable`): its answer is
a function of the word, POS and morphology (spaCy caches it under that key), but
it is asked token by token through Python `Token` objects; here a story's tokens
are read as one array and each looked up, spaCy's lemmatizer answering the keys
not seen yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d

# The token features a rule may test, in the order of a token's key.
_FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# What a rule may set: lookup results are written back through Doc.from_array for
# these; TAG and DEP (set only on whitespace tokens) token by token.
_ARRAY_OUTPUTS = (POS, MORPH, LEMMA)
_TOKEN_OUTPUTS = (TAG, DEP)

TokenKey = tuple[int, int, int, int]  # TAG, LOWER, DEP hashes and IS_SPACE
# per token key: the (column, value) pairs the array outputs get; whether TAG/DEP are set
_Plan = tuple[tuple[tuple[int, int], ...], bool]
Test = Callable[[TokenKey], bool]


class UnreadableRule(ValueError):
    """A pattern uses something the table lookup does not implement."""


def _value_test(
    feature: int, condition: object, strings: StringStore
) -> Callable[[TokenKey], bool]:
    if feature == 3:  # IS_SPACE: a boolean
        if not isinstance(condition, bool):
            raise UnreadableRule(f"IS_SPACE condition {condition!r}")
        wanted = int(condition)
        return lambda key: key[3] == wanted
    if isinstance(condition, str):
        target = strings.add(condition) if condition else 0
        return lambda key: key[feature] == target
    if not isinstance(condition, dict) or len(condition) != 1:
        raise UnreadableRule(f"condition {condition!r}")
    ((operator, operand),) = condition.items()
    if operator in ("IN", "NOT_IN"):
        members = frozenset(strings.add(value) if value else 0 for value in operand)
        if operator == "IN":
            return lambda key: key[feature] in members
        return lambda key: key[feature] not in members
    if operator == "REGEX":
        pattern = re.compile(operand)
        return lambda key: bool(pattern.search(strings[key[feature]] if key[feature] else ""))
    raise UnreadableRule(f"operator {operator!r}")


def _element_test(element: dict[str, Any], strings: StringStore) -> Test:
    tests = []
    for name, condition in element.items():
        if name not in _FEATURES:
            raise UnreadableRule(f"feature {name!r}")
        tests.append(_value_test(_FEATURES.index(name), condition, strings))
    return lambda key: all(test(key) for test in tests)


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the rule's position: later rules win, as in AttributeRuler
    elements: tuple[Test, ...]
    index: int  # which of the matched tokens the rule changes


@dataclass(slots=True)
class AttributeTable:
    """The ruler's rules with, per token key, the rules that hold there."""

    strings: StringStore
    patterns: list[dict[str, Any]]  # the ruler's, as AttributeRuler.patterns gives them
    attrs: Sequence[dict[int, int]]  # per rule, normalised as the ruler keeps them
    single: tuple[_Pattern, ...]
    multi: tuple[_Pattern, ...]
    _resolved: dict[TokenKey, dict[int, int]] = field(default_factory=dict)
    _starts: dict[TokenKey, tuple[int, ...]] = field(default_factory=dict)
    _plans: dict[TokenKey, _Plan] = field(default_factory=dict)

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> AttributeTable:
        strings = ruler.vocab.strings
        single: list[_Pattern] = []
        multi: list[_Pattern] = []
        for rule, entry in enumerate(ruler.patterns):  # in rule order
            alternatives = cast("list[list[dict[str, Any]]]", entry["patterns"])
            for alternative in alternatives:
                if any(not isinstance(element, dict) or "OP" in element for element in alternative):
                    raise UnreadableRule(f"rule {rule}: {alternative!r}")
                tests = tuple(_element_test(element, strings) for element in alternative)
                index = int(cast("int", entry.get("index", 0)))
                if index < 0:
                    index += len(tests)
                pattern = _Pattern(rule, tests, index)
                (single if len(tests) == 1 else multi).append(pattern)
        attrs = cast("Sequence[dict[int, int]]", ruler.attrs)
        if len(attrs) != len(ruler.patterns):
            raise UnreadableRule("rules and attributes differ in number")
        for rule_attrs in attrs:
            if not set(rule_attrs) <= set(_ARRAY_OUTPUTS + _TOKEN_OUTPUTS):
                raise UnreadableRule(f"sets {sorted(rule_attrs)}")
        return cls(strings, list(ruler.patterns), attrs, tuple(single), tuple(multi))

    def _single_rules(self, key: TokenKey) -> dict[int, int]:
        """What the single-token rules holding at a token with this key set."""
        found = self._resolved.get(key)
        if found is None:
            found = {}
            for pattern in self.single:  # in rule order: later rules overwrite
                if pattern.elements[0](key):
                    found.update(self.attrs[pattern.rule])
            self._resolved[key] = found
        return found

    def _multi_starts(self, key: TokenKey) -> tuple[int, ...]:
        """The multi-token rules (numbers in `multi`) whose first element holds here:
        none for almost every key, which the loop below then passes at once."""
        found = self._starts.get(key)
        if found is None:
            found = tuple(
                number for number, pattern in enumerate(self.multi) if pattern.elements[0](key)
            )
            self._starts[key] = found
        return found

    def _multi_matches(self, keys: Sequence[TokenKey]) -> dict[int, list[int]]:
        """Token position -> the multi-token rules that change it."""
        hits: dict[int, list[int]] = {}
        starts = self._starts
        for start, key in enumerate(keys):
            begins = starts.get(key)
            if begins is None:
                begins = self._multi_starts(key)
            for number in begins:
                pattern = self.multi[number]
                end = start + len(pattern.elements)
                if end <= len(keys) and all(
                    test(keys[start + offset])
                    for offset, test in enumerate(pattern.elements[1:], start=1)
                ):
                    hits.setdefault(start + pattern.index, []).append(pattern.rule)
        return hits

    def _all_rules(self, key: TokenKey, extra: list[int]) -> dict[int, int]:
        """Single- and multi-token rules together, applied in rule order."""
        rules = sorted(
            {pattern.rule for pattern in self.single if pattern.elements[0](key)} | set(extra)
        )
        merged: dict[int, int] = {}
        for rule in rules:
            merged.update(self.attrs[rule])
        return merged

    def _plan(self, key: TokenKey) -> _Plan:
        """What the single-token rules do at a token with this key: the (column of
        `_ARRAY_OUTPUTS`, value) pairs to write, and whether a rule sets TAG or DEP."""
        plan = self._plans.get(key)
        if plan is None:
            settings = self._single_rules(key)
            plan = (
                tuple(
                    (_ARRAY_OUTPUTS.index(attribute), value)
                    for attribute, value in settings.items()
                    if attribute in _ARRAY_OUTPUTS
                ),
                any(attribute not in _ARRAY_OUTPUTS for attribute in settings),
            )
            self._plans[key] = plan
        return plan

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Python ints from tolist(): keys hash and compare as the rules' tests expect
        keys: list[TokenKey] = list(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()))
        values: list[list[int]] = doc.to_array(list(_ARRAY_OUTPUTS)).tolist()
        multi = self._multi_matches(keys) if self.multi else {}
        plans = self._plans
        by_token: list[tuple[int, int]] = []  # (position, attribute) set token by token
        for position, key in enumerate(keys):
            extra = multi.get(position)
            if extra is None:
                plan = plans.get(key) or self._plan(key)
                row = values[position]
                for column, value in plan[0]:
                    row[column] = value
                if plan[1]:
                    by_token.extend(
                        (position, attribute)
                        for attribute in self._single_rules(key)
                        if attribute not in _ARRAY_OUTPUTS
                    )
                continue
            for attribute, value in self._all_rules(key, extra).items():
                if attribute in _ARRAY_OUTPUTS:
                    values[position][_ARRAY_OUTPUTS.index(attribute)] = value
                else:
                    by_token.append((position, attribute))
        doc.from_array(list(_ARRAY_OUTPUTS), cast("Ints2d", numpy.array(values, dtype="uint64")))
        for position, attribute in by_token:
            key = keys[position]
            extra = multi.get(position)
            value = (self._single_rules(key) if extra is None else self._all_rules(key, extra))[
                attribute
            ]
            token = doc[position]
            if attribute == TAG:
                token.tag = value
            else:
                token.dep = value
        return doc


@Language.factory("eventwire_attribute_table", default_config={"patterns": []})
def make_attribute_table(
    nlp: Language, name: str, patterns: list[dict[str, Any]]
) -> AttributeTable:
    """The table for these AttributeRuler patterns (the model's own, handed over by
    `use_attribute_table`)."""
    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    return AttributeTable.from_ruler(ruler)


def use_attribute_table(nlp: Language) -> None:
    """Replace the pipeline's attribute_ruler by its table-lookup equivalent, under
    the same name and in the same place; leave it as it is if the model has none or
    has a rule this module cannot read."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    try:
        AttributeTable.from_ruler(ruler)
    except UnreadableRule:
        return
    nlp.replace_pipe(
        "attribute_ruler", "eventwire_attribute_table", config={"patterns": ruler.patterns}
    )


class LemmaTable:
    """spaCy's rule lemmatizer, its answers kept by (word, POS, morphology): the key
    spaCy's own cache uses, which holds everything the rules read. A token that
    already has a lemma (from the attribute rules) keeps it, as with spaCy's."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    @property
    def lookups(self) -> Any:
        """The lemmatizer's tables (the pre-filter reads them)."""
        return self.lemmatizer.lookups

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        known = self.lemmas
        for position, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = strings.add(self.lemmatizer.lemmatize(doc[position])[0])
                known[key] = value
            lemmas[position] = value
        doc.from_array([LEMMA], cast("Ints2d", lemmas.reshape(-1, 1)))
        return doc


@Language.factory("eventwire_lemma_table", default_config={"lemmatizer": "lemmatizer"})
def make_lemma_table(nlp: Language, name: str, lemmatizer: str) -> LemmaTable:
    """The table over the pipeline's rule lemmatizer named `lemmatizer`."""
    return LemmaTable(cast(Lemmatizer, nlp.get_pipe(lemmatizer)))


def use_lemma_table(nlp: Language) -> None:
    """Put the table in the place of the pipeline's lemmatizer, under its name; leave
    a lemmatizer that is not spaCy's rule lemmatizer as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return
    nlp.add_pipe("eventwire_lemma_table", name="lemma_table", before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    nlp.rename_pipe("lemma_table", "lemmatizer")
