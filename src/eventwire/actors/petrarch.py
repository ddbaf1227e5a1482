"""Readers for PETRARCH/TABARI actor and agent dictionaries.

The dictionary formats are line based and were written by hand over decades,
so the readers tolerate what PETRARCH tolerates (stray comments, TABARI-era
trailing underscores, `;` comments, spaces inside brackets) and raise
`ValueError` naming the file and line only where the structure itself is
broken: an unclosed `[`, a date that is not a date, a synonym or code line
with no entry above it, a `<!--` comment that never ends. Lines PETRARCH
skips with a warning are skipped here with a `PetrarchDictionaryWarning`.

Actor file (`.actors`)::

    GONDOR [GON]                 # an entry: words joined by `_` or spaces
    +MINAS_TIRITH                # synonym: same code(s) as the entry above
    GOLLUM                       # an entry whose codes follow on their own lines
        [HOB <950601]            # before 1995-06-01
        [HOBGOV 19950601-19990815]
        [HOBREB >990816]         # after 1999-08-16 (YYMMDD: 00-30 is 20YY)

Agent file (`.agents`)::

    !PERSON! = MAN, MEN, WOMAN   # substitution marker
    CONGRESS!PERSON! [~LEG]      # one entry per alternative, no plurals
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   # explicit plural
    POLICE {} [~COP]             # no plural
    SOLDIER [~MIL]               # regular plural SOLDIERS is added
    HUMAN_RIGHTS_BODY [NGO~]     # code goes before the actor code

Discard list (`.discards`)::

    +TYPHOON                     # story level: the whole story is not coded
    BASEBALL                     # sentence level: the sentence is not coded
    YEARS LATER_                 # `_`: the phrase must end at a space or . ! ?
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "DictionaryActor",
    "DictionaryAgent",
    "DiscardPhrase",
    "PetrarchDictionaryWarning",
    "parse_petrarch_date",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "read_discard_list",
]

AgentPosition = Literal["suffix", "prefix"]


class PetrarchDictionaryWarning(UserWarning):
    """A dictionary line was skipped, as PETRARCH would skip it."""


@dataclass(frozen=True, slots=True)
class DictionaryActor:
    """One phrase of an actor entry with one of its codes.

    `valid_from` and `valid_until` are inclusive; None means unbounded.
    PETRARCH's `<D` (strictly before D) becomes `valid_until = D - 1 day` and
    `>D` (strictly after D) becomes `valid_from = D + 1 day`; `D1-D2` is
    inclusive at both ends. Entries keep file order: where restrictions of one
    phrase overlap, the first that matches wins, and an unrestricted code of a
    phrase that also has restricted codes is its default.
    """

    phrase: tuple[str, ...]
    code: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DictionaryAgent:
    """One phrase of an agent entry: `suffix` codes go after the actor code, `prefix` before."""

    phrase: tuple[str, ...]
    code: str
    position: AgentPosition


def parse_petrarch_date(text: str) -> dt.date:
    """Read a PETRARCH date: YYYYMMDD, or YYMMDD with 00-30 read as 20YY and 31-99 as 19YY.

    Raises ValueError when `text` is neither.
    """
    digits = text.strip()
    if not digits.isdigit():
        raise ValueError(f"not a date: {text!r}")
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    elif len(digits) == 6:
        short = int(digits[:2])
        year, rest = (2000 + short if short <= 30 else 1900 + short), digits[2:]
    else:
        raise ValueError(f"not a date: {text!r}")
    return dt.date(year, int(rest[:2]), int(rest[2:]))


# ---------------------------------------------------------------- lines


def _strip_line_comment(line: str) -> str:
    """Drop a `#` or `;` comment starting outside brackets (a code such as `[###]` stays)."""
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char in "#;" and depth == 0:
            return line[:i]
    return line


def _content_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) for each line that carries content, comments removed."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    index = 0
    while index < len(lines):
        lineno, line = index + 1, lines[index]
        index += 1
        # Inline comments first, so that `X <!-- note --> Y` keeps X and Y.
        line = re.sub(r"<!--.*?-->", " ", line)
        if "<!--" in line:
            # A comment that runs over several lines: everything up to the
            # line holding `-->` goes, as in PETRARCH's reader.
            head = line[: line.index("<!--")]
            while index < len(lines) and "-->" not in lines[index]:
                index += 1
            if index >= len(lines):
                raise ValueError(f"{path}:{lineno}: comment opened with '<!--' is never closed")
            tail = lines[index][lines[index].index("-->") + 3 :]
            index += 1
            line = head + " " + tail
        # `<! -- ...` and other `<!` lines are comments to PETRARCH too.
        if line.lstrip().startswith("<!"):
            continue
        line = _strip_line_comment(line).strip()
        if line:
            yield lineno, line


_BRACKET = re.compile(r"\[([^\[\]]*)\]")


def _split_name_and_brackets(path: Path, lineno: int, line: str) -> tuple[str, list[str]]:
    """Split `NAME [A] [B]` into the name and the bracket contents."""
    if line.count("[") != line.count("]") or len(_BRACKET.findall(line)) != line.count("["):
        raise ValueError(f"{path}:{lineno}: unbalanced '[' ']' in {line!r}")
    first = line.find("[")
    name = line if first < 0 else line[:first]
    return name.strip(), _BRACKET.findall(line)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.replace("_", " ").lower().split())


def _warn(path: Path, lineno: int, reason: str) -> None:
    warnings.warn(
        f"{path}:{lineno}: {reason}; line skipped", PetrarchDictionaryWarning, stacklevel=3
    )


# ---------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class _CodeSpec:
    code: str
    valid_from: dt.date | None
    valid_until: dt.date | None


@dataclass(slots=True)
class _ActorBlock:
    lineno: int
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    codes: list[_CodeSpec] = field(default_factory=list)


def _parse_code_spec(path: Path, lineno: int, inner: str) -> _CodeSpec | None:
    """Read the inside of `[CODE]`, `[CODE <D]`, `[CODE >D]` or `[CODE D1-D2]`, spaces allowed."""
    tokens = inner.split()
    if not tokens:
        _warn(path, lineno, "empty code '[]'")
        return None
    code, restriction = tokens[0].upper(), "".join(tokens[1:])
    try:
        if not restriction:
            return _CodeSpec(code, None, None)
        if restriction[0] == "<":
            return _CodeSpec(
                code, None, parse_petrarch_date(restriction[1:]) - dt.timedelta(days=1)
            )
        if restriction[0] == ">":
            return _CodeSpec(
                code, parse_petrarch_date(restriction[1:]) + dt.timedelta(days=1), None
            )
        if restriction.count("-") == 1:
            start, end = restriction.split("-")
            return _CodeSpec(code, parse_petrarch_date(start), parse_petrarch_date(end))
    except ValueError as error:
        raise ValueError(f"{path}:{lineno}: bad date restriction [{inner}]: {error}") from None
    raise ValueError(f"{path}:{lineno}: bad date restriction [{inner}]")


def _actors_of(path: Path, block: _ActorBlock) -> list[DictionaryActor]:
    if not block.codes:
        _warn(path, block.lineno, "actor entry has no code")
        return []
    return [
        DictionaryActor(phrase, spec.code, spec.valid_from, spec.valid_until)
        for phrase in block.phrases
        for spec in block.codes
    ]


def read_actor_dictionary(path: Path) -> list[DictionaryActor]:
    """Read a PETRARCH `.actors` file: one entry per (phrase, code), in file order, no duplicates.

    Synonyms (`+NAME`) share every code of their entry, including codes given
    on later indented `[...]` lines. Codes are upper-cased; special codes such
    as `---`, `+++`, `###` and compound `A/B` codes are kept as written.
    """
    path = Path(path)
    actors: list[DictionaryActor] = []
    block: _ActorBlock | None = None
    for lineno, line in _content_lines(path):
        name, brackets = _split_name_and_brackets(path, lineno, line)
        if line[0] in "[+":
            if block is None:
                raise ValueError(f"{path}:{lineno}: {line!r} comes before any actor entry")
            if line[0] == "+":
                phrase = _phrase(name[1:])
                if not phrase:
                    _warn(path, lineno, "empty synonym")
                    continue
                block.phrases.append(phrase)
        else:
            if block is not None:
                actors.extend(_actors_of(path, block))
            block = _ActorBlock(lineno, [_phrase(name)])
        for inner in brackets:
            spec = _parse_code_spec(path, lineno, inner)
            if spec is not None:
                block.codes.append(spec)
    if block is not None:
        actors.extend(_actors_of(path, block))
    return list(dict.fromkeys(actors))


# ---------------------------------------------------------------- agents


_MARKER = re.compile(r"!([^!\s]+)!")


def _regular_plural(name: str) -> str:
    """PETRARCH's rule on the phrase's last letter: Y -> IES, S -> SES, otherwise add S."""
    if name[-1:].upper() == "Y":
        return name[:-1] + "ies"
    if name[-1:].upper() == "S":
        return name + "es"
    return name + "s"


def _expand_markers(name: str, markers: dict[str, list[str]]) -> list[str] | None:
    """Every substitution of every `!MARKER!` in `name`; None when one is undefined."""
    match = _MARKER.search(name)
    if match is None:
        return [name]
    alternatives = markers.get(match.group(1).upper())
    if alternatives is None:
        return None
    expanded: list[str] = []
    for alternative in alternatives:
        rest = _expand_markers(name[: match.start()] + alternative + name[match.end() :], markers)
        if rest is None:
            return None
        expanded.extend(rest)
    return expanded


def read_agent_dictionary(path: Path) -> list[DictionaryAgent]:
    """Read a PETRARCH `.agents` file: one entry per phrase form, in file order, duplicates dropped.

    Each entry yields its singular and its plural: the one in `{...}` (none
    for `{}`), else the regular plural by PETRARCH's rule. Entries with a
    `!MARKER!` yield one phrase per alternative of the marker and no plurals.
    A marker must be defined (`!NAME! = A, B`) before it is used.
    """
    path = Path(path)
    markers: dict[str, list[str]] = {}
    agents: list[DictionaryAgent] = []
    for lineno, line in _content_lines(path):
        if "!" in line and "=" in line and "[" not in line:
            definition = re.fullmatch(r"!([^!\s]+)!\s*=\s*(.*)", line)
            if definition is None:
                _warn(path, lineno, "substitution marker incorrectly defined")
                continue
            alternatives = [item.strip() for item in definition.group(2).split(",") if item.strip()]
            markers[definition.group(1).upper()] = alternatives
            continue
        name, brackets = _split_name_and_brackets(path, lineno, line)
        if not brackets:
            _warn(path, lineno, "agent has no code")
            continue
        raw_code = brackets[0].replace(" ", "").upper()
        position: AgentPosition
        if raw_code.startswith("~") and raw_code.count("~") == 1:
            position, code = "suffix", raw_code[1:]
        elif raw_code.endswith("~") and raw_code.count("~") == 1:
            position, code = "prefix", raw_code[:-1]
        elif "~" not in raw_code and raw_code:
            position, code = "suffix", raw_code  # PETRARCH appends a code without '~'
        else:
            _warn(path, lineno, f"agent code [{brackets[0]}] is not ~CODE or CODE~")
            continue
        plural: str | None
        if "{" in name:
            if "}" not in name:
                _warn(path, lineno, "missing '}'")
                continue
            plural = name[name.index("{") + 1 : name.index("}")].strip()
            name = name[: name.index("{")].strip()
        else:
            plural = None
        if not _phrase(name):
            _warn(path, lineno, "agent has no phrase")
            continue
        if "!" in name:
            expanded = _expand_markers(name, markers)
            if expanded is None:
                _warn(path, lineno, "undefined or malformed substitution marker")
                continue
            forms = expanded
        else:
            forms = [name]
            if plural is None:
                forms.append(_regular_plural(name))
            elif plural:
                forms.append(plural)
        agents.extend(
            DictionaryAgent(_phrase(form), code, position) for form in forms if _phrase(form)
        )
    return list(dict.fromkeys(agents))


# ---------------------------------------------------------------- discards


@dataclass(frozen=True, slots=True)
class DiscardPhrase:
    """A discard-list phrase: text holding it is not coded (`story`: the whole story).

    `text` is upper case, as PETRARCH compares it; `whole_word` (a trailing `_` in
    the file) requires the phrase to end at a space, `.`, `!` or `?`.
    """

    text: str
    story: bool = False
    whole_word: bool = False

    def found_in(self, sentence: str) -> bool:
        """PETRARCH's test: a case-insensitive substring match at the first occurrence
        (so "BASEBALL" also finds "baseballs" unless written `BASEBALL_`)."""
        upper = sentence.upper()
        at = upper.find(self.text)
        if at < 0:
            return False
        if not self.whole_word:
            return True
        end = at + len(self.text)
        return end >= len(upper) or upper[end] in " .!?"


def read_discard_list(path: Path) -> list[DiscardPhrase]:
    """Read a PETRARCH discard list: one phrase a line, `+` for story level, `#` comments.

    Story-level phrases come first, as PETRARCH checks them first.
    """
    path = Path(path)
    phrases: list[DiscardPhrase] = []
    for _lineno, line in _content_lines(path):
        story = line.startswith("+")
        body = line[1:].strip() if story else line
        whole_word = body.endswith("_")
        text = " ".join(body.rstrip("_").replace("_", " ").upper().split())
        if text:
            phrases.append(DiscardPhrase(text, story, whole_word))
    return sorted(dict.fromkeys(phrases), key=lambda phrase: not phrase.story)
