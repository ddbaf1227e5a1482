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

What can be said in our lexicon is kept: the block's verb with its default
code, and each pattern whose words all come after the verb, as a verb entry
with those words as one object phrase (matched against the lemmas or the words
the verb governs). Patterns that need words before the verb ("NOT * POSITION",
"SAID *") and codes that are not CAMEO 1.1b3 codes (these dictionaries carry
many WEIS and test codes) are skipped. `read_petrarch_verbs` reports nothing
about what it skipped; `petrarch_verb_summary` counts it.
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
    code = raw.strip().split(":")[0].strip()
    return code if code in codebook else None


def _expand(tokens: list[str], synsets: dict[str, list[str]]) -> list[str]:
    phrases = [""]
    for token in tokens:
        options = synsets.get(token.upper(), [token]) if token.startswith("&") else [token]
        phrases = [f"{p} {_words(o)}".strip() for p in phrases for o in options]
        phrases = phrases[:_MAX_SYNSET_EXPANSION]
    return [p for p in phrases if p]


def _parse(text: str, codebook: CameoCodebook, origin: str) -> tuple[list[LexiconEntry], int, int]:
    text = _XML_COMMENT.sub("", text)
    synsets: dict[str, list[str]] = {}
    entries: list[LexiconEntry] = []
    skipped_patterns = skipped_codes = 0
    current_synset: str | None = None
    block_code: str | None = None
    verbs: list[str] = []
    in_forms = False
    for raw in text.splitlines():
        line = _COMMENT.sub("", raw).strip()
        if not line:
            current_synset = None
            continue
        if line.startswith("&") and block_code is None and not verbs:
            current_synset = line.split()[0].upper()
            synsets[current_synset] = []
            continue
        if line.startswith("&"):
            current_synset = line.split()[0].upper()
            synsets[current_synset] = []
            continue
        if current_synset is not None and line.startswith("+"):
            synsets[current_synset].append(line[1:].strip())
            continue
        block = _BLOCK.match(line)
        if block:
            current_synset = None
            block_code = block.group(2).strip()
            verbs = []
            in_forms = True
            continue
        tabari = _TABARI_VERB.match(line)
        if tabari and not line.startswith("-"):
            current_synset = None
            block_code = tabari.group(2).strip()
            verbs = []
            in_forms = True
            line = tabari.group(1)
        pattern = _PATTERN.match(line)
        if pattern and "{" in pattern.group(1):
            skipped_patterns += 1  # TABARI's { A | B } alternatives are not read
            continue
        if pattern:
            in_forms = False
            code = _code(pattern.group(2), codebook)
            if code is None:
                skipped_codes += 1
                continue
            tokens = pattern.group(1).split()
            if "*" not in " ".join(tokens):
                skipped_patterns += 1
                continue
            star = next(i for i, t in enumerate(tokens) if "*" in t)
            before = [t for t in tokens[:star] if t not in ("$", "+", "%", "^")]
            if before:
                skipped_patterns += 1
                continue
            # "*_OFF": a particle glued to the verb.
            glued = tokens[star].split("*", 1)[1].strip("_")
            after = ([glued] if glued else []) + [
                t for t in tokens[star + 1 :] if t not in ("$", "+", "%", "^")
            ]
            phrases = _expand(after, synsets)
            if not phrases:
                entries.extend(LexiconEntry(code, verb, (), (), origin) for verb in verbs)
                continue
            entries.extend(LexiconEntry(code, verb, tuple(phrases), (), origin) for verb in verbs)
            continue
        if in_forms and block_code is not None:
            head = line.split("{")[0].strip().lstrip("+")
            if not head:
                continue
            verb = _words(head.split()[0])
            if verb and verb not in verbs:
                verbs.append(verb)
                code = _code(block_code, codebook)
                if code is not None:
                    entries.append(LexiconEntry(code, verb, (), (), origin))
                elif block_code.strip("-"):
                    skipped_codes += 1
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
