"""Read a PETRARCH/TABARI verb dictionary as a user's verb file (`--verbs FILE`).

The format (PETRARCH's; TABARI's older `VERB  [code]` lines with `;` comments
are read the same way), as far as this reader uses it:

    &TIETYPES                 a synset: its members follow, one `+WORD` a line
    +MILITARY
    --- ABANDON  [345]  ---   a verb block and its default code ("---": none)
    ABANDON {ABANDONS ABANDONED}   the verb (and its forms); `+BREAK_DOWN` a phrasal form
    - * DIPLOMATIC TIES [901]      a pattern: `*` is the verb, the words after it
                                   must follow it; `$` marks the source, `+` the
                                   target, `^` skips a word, `&NAME` a synset

What can be said in our lexicon is kept: each verb of a block with the block's
code, or with its own where its line gives one ("DOWNPLAY [014]" inside a
block); `+CORDON_OFF` as the phrasal verb "cordon off"; and each pattern whose
words all come after the verb, as a verb entry with those words as one object
phrase (matched against the lemmas or the words the verb governs), synsets
(also synsets inside synsets) and TABARI's `{ A | B }` alternatives expanded.
In TABARI's layout each `VERB [code]` line opens its own block and words after
the verb on it ("APPRECIATE POSITION [042]") must follow the verb. A paired
code "032:033" keeps its first half (our entries code one direction).
Skipped: patterns that need words before the verb ("NOT * POSITION", "IN_*",
"SAID *"), verbs that do ("WIRE_+TAP": `+` marks the verb after a required
word), and codes that are not CAMEO 1.1b3 codes (these dictionaries carry many
WEIS and test codes). `read_petrarch_verbs` reports nothing about what it
skipped; `petrarch_verb_summary` counts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.events.cameo import CameoCodebook
from eventwire.events.lexicon import LexiconEntry

__all__ = [
    "PetrarchVerbSummary",
    "looks_like_petrarch_verbs",
    "petrarch_verb_summary",
    "read_petrarch_verbs",
]

_BLOCK = re.compile(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s*---")
# TABARI's older layout: the verb and its code on one line, "ABANDON  [345]".
_TABARI_VERB = re.compile(r"^([A-Z][A-Z0-9_~'+-]*)\s+\[([^\]]*)\]")
# A verb line with its own code: TABARI's "APPRECIATE POSITION  [042]" or, inside a
# PETRARCH block, a member whose default differs from the block's ("DOWNPLAY [014]").
_OWN_CODE = re.compile(r"^\+?([A-Z][A-Z0-9_~'+=-]*(?:\s+[A-Z][A-Z0-9_'+-]*)*)\s*\[([^\]]*)\]")
_ALTERNATIVES = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_ROLE_MARKS = frozenset({"$", "+", "%", "^"})
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
_COMMENT = re.compile(r"[#;].*$")
_XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MAX_SYNSET_EXPANSION = 40


@dataclass(frozen=True, slots=True)
class PetrarchVerbSummary:
    entries: int
    skipped_patterns: int
    skipped_codes: int


def looks_like_petrarch_verbs(text: str) -> bool:
    """True when the text has PETRARCH verb blocks (`--- VERB [code] ---`) or TABARI
    verb lines (`VERB [code]` followed by `- pattern [code]` lines)."""
    lines = [line.strip() for line in text.splitlines()[:2000]]
    if any(_BLOCK.match(line) for line in lines):
        return True
    tabari = sum(1 for line in lines if _TABARI_VERB.match(line))
    patterns = sum(1 for line in lines if _PATTERN.match(line))
    return tabari >= 3 and patterns >= 3


def _words(token: str) -> str:
    return " ".join(token.replace("_", " ").lower().split())


def _code(raw: str, codebook: CameoCodebook) -> str | None:
    # "032:033" is a paired code (the reverse event gets the second); only the
    # first can be said in our lexicon.
    code = raw.strip().split(":")[0].strip()
    return code if code in codebook else None


def _pattern_words(text: str, synsets: dict[str, list[str]]) -> list[str]:
    """Split pattern words on spaces and `_`; TABARI's `{ A | B }` becomes a synset."""

    def alternatives(match: re.Match[str]) -> str:
        name = f"&{{{len(synsets)}}}"
        synsets[name] = [part.strip() for part in match.group(1).split("|") if part.strip()]
        return f" {name} "

    text = _ALTERNATIVES.sub(alternatives, text)
    return [word for word in re.split(r"[\s_]+", text) if word]


def _expand(tokens: list[str], synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    """Every phrase the tokens stand for, synsets (also synsets inside synsets) expanded."""
    phrases = [""]
    for token in tokens:
        if token.startswith("&") and token.upper() in synsets and depth < 3:
            options = [
                phrase
                for member in synsets[token.upper()]
                for phrase in _expand(_pattern_words(member, synsets), synsets, depth + 1)
            ]
        else:
            options = [token]
        phrases = [f"{p} {_words(o)}".strip() for p in phrases for o in options]
        phrases = phrases[:_MAX_SYNSET_EXPANSION]
    return [p for p in phrases if p]


def _verb_of(head: str) -> str | None:
    """The lemma a verb line names, or None when our lexicon cannot say it.

    `+CORDON_OFF`: the verb and its particle ("cordon off"). `WIRE_+TAP`: `+`
    marks the verb after words that must come before it, which our entries
    cannot require. TABARI's trailing `_` (no suffixes) and `=` are dropped.
    """
    head = head.strip().rstrip("_=").lstrip("+")
    if not head or "+" in head or "&" in head:
        return None
    return _words(head) or None


def _parse(text: str, codebook: CameoCodebook, origin: str) -> tuple[list[LexiconEntry], int, int]:
    text = _XML_COMMENT.sub("", text)
    synsets: dict[str, list[str]] = {}
    entries: list[LexiconEntry] = []
    skipped_patterns = skipped_codes = 0
    current_synset: str | None = None
    block_code: str | None = None
    petrarch_block = False  # inside a `--- VERB [code] ---` block
    verbs: list[str] = []
    in_forms = False

    def add_verb(raw_head: str, code_text: str | None, objects: tuple[str, ...] = ()) -> None:
        nonlocal skipped_patterns, skipped_codes
        verb = _verb_of(raw_head)
        if verb is None:
            skipped_patterns += 1
            return
        if verb not in verbs:
            verbs.append(verb)
        if code_text is None:
            return
        code = _code(code_text, codebook)
        if code is not None:
            entries.append(LexiconEntry(code, verb, objects, (), origin))
        elif code_text.strip().strip("-"):
            skipped_codes += 1

    for raw in text.splitlines():
        line = _COMMENT.sub("", raw).strip()
        if not line:
            current_synset = None
            continue
        if line.startswith("&"):
            # "&PREPOSIT1_": the trailing `_` is a connector, not part of the name.
            current_synset = line.split()[0].upper().rstrip("_")
            synsets[current_synset] = []
            continue
        if current_synset is not None and line.startswith("+"):
            synsets[current_synset].append(line[1:].strip())
            continue
        block = _BLOCK.match(line)
        if block:
            current_synset = None
            block_code = block.group(2).strip()
            petrarch_block, verbs, in_forms = True, [], True
            continue
        pattern = _PATTERN.match(line)
        if pattern:
            in_forms = False
            code = _code(pattern.group(2), codebook)
            if code is None:
                skipped_codes += 1
                continue
            tokens = _pattern_words(pattern.group(1), synsets)
            star = next((i for i, t in enumerate(tokens) if "*" in t), None)
            if star is None:
                skipped_patterns += 1
                continue
            before = [t for t in tokens[:star] if t not in _ROLE_MARKS]
            glued_before = tokens[star].split("*", 1)[0]
            if before or glued_before:
                skipped_patterns += 1  # words before the verb: not sayable in our entries
                continue
            # "*_OFF" was split above; "*OFF" keeps its particle glued to the star.
            glued = tokens[star].split("*", 1)[1]
            after = ([glued] if glued else []) + [
                t for t in tokens[star + 1 :] if t not in _ROLE_MARKS
            ]
            phrases = tuple(_expand(after, synsets))
            entries.extend(LexiconEntry(code, verb, phrases, (), origin) for verb in verbs)
            continue
        own = _OWN_CODE.match(line)
        if own and not petrarch_block:
            # TABARI's layout: each `VERB [code]` line opens its own block; words
            # after the verb on that line must follow it.
            current_synset = None
            block_code = own.group(2).strip()
            verbs, in_forms = [], True
            words = own.group(1).split()
            objects = tuple(_expand(_pattern_words(" ".join(words[1:]), synsets), synsets))
            add_verb(words[0], block_code, objects)
            continue
        if in_forms and block_code is not None:
            head = line.split("{")[0].strip()
            if own:
                # A verb of the block with a code of its own ("DOWNPLAY [014]").
                words = own.group(1).split()
                objects = tuple(_expand(_pattern_words(" ".join(words[1:]), synsets), synsets))
                add_verb(words[0], own.group(2), objects)
            elif head:
                add_verb(head.split()[0], block_code)
    return entries, skipped_patterns, skipped_codes


def read_petrarch_verbs(text: str, codebook: CameoCodebook, origin: str) -> list[LexiconEntry]:
    """The lexicon entries a PETRARCH verb dictionary can be read into (see module doc).

    Raises ValueError naming the file when it holds no usable entry.
    """
    entries, _, _ = _parse(text, codebook, origin)
    if not entries:
        raise ValueError(f"{origin}: no verb block with a CAMEO code in this PETRARCH dictionary")
    return entries


def petrarch_verb_summary(text: str, codebook: CameoCodebook) -> PetrarchVerbSummary:
    """How much of a PETRARCH verb dictionary was read and what was skipped."""
    entries, patterns, codes = _parse(text, codebook, "summary")
    return PetrarchVerbSummary(len(entries), patterns, codes)
