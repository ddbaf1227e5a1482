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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
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
    _starts: dict[TokenKey, tuple[bool, ...]] = field(default_factory=dict)

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

    def _multi_starts(self, key: TokenKey) -> tuple[bool, ...]:
        found = self._starts.get(key)
        if found is None:
            found = tuple(pattern.elements[0](key) for pattern in self.multi)
            self._starts[key] = found
        return found

    def _multi_matches(self, keys: Sequence[TokenKey]) -> dict[int, list[int]]:
        """Token position -> the multi-token rules that change it."""
        hits: dict[int, list[int]] = {}
        for start, key in enumerate(keys):
            for number, begins in enumerate(self._multi_starts(key)):
                if not begins:
                    continue
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

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = [
            (int(tag), int(lower), int(dep), int(space))
            for tag, lower, dep, space in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        ]
        values = doc.to_array(list(_ARRAY_OUTPUTS))
        multi = self._multi_matches(keys) if self.multi else {}
        by_token: list[tuple[int, int]] = []  # (position, attribute) set token by token
        for position, key in enumerate(keys):
            extra = multi.get(position)
            settings = self._single_rules(key) if extra is None else self._all_rules(key, extra)
            for attribute, value in settings.items():
                if attribute in _ARRAY_OUTPUTS:
                    values[position, _ARRAY_OUTPUTS.index(attribute)] = value
                else:
                    by_token.append((position, attribute))
        doc.from_array(list(_ARRAY_OUTPUTS), cast("Ints2d", values))
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
