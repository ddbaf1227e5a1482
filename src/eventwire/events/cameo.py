"""The CAMEO 1.1b3 event codebook, with each code's Goldstein value, quad class and PLOVER.

The knowledge lives in `eventwire/data/cameo.tsv`, one row a code (the 20 cue
categories and every 3- and 4-digit code), tab-separated, with the header

    code  label  goldstein  quad_class  plover_type  plover_mode  plover_context

How the table was filled, so the choices can be checked and replicated (the
PLOVER manual asks coders to document any departure from its CAMEO mapping):

- code: every code of the CAMEO 1.1b3 codebook, plus 1213 and 1214 (reject
  judicial / intelligence cooperation), which that codebook lacks but the PLOVER
  2021 table and ICEWS use, so a coder emitting them finds them here.
- label: the CAMEO 1.1b3 codebook's label; cue categories keep the codebook's
  capitals ("CONSULT").
- goldstein: GDELT's CAMEO Goldstein table. Codes that table lacks take the
  value of their nearest listed ancestor: 1213 and 1214 (from 121), 155 (from 15),
  176 (from 17), 1834 (from 183), 1951 and 1952 (from 195).
- quad_class: GDELT's rule on the CAMEO root: 01-05 verbal cooperation (1),
  06-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material
  conflict (4). It follows CAMEO, not PLOVER's own quad table, on purpose.
- plover_*: the CAMEO-to-PLOVER 2021 table (PLOVER manual draft 0.8), with
  contexts written as the manual names them ("democracy" is the manual's
  `pro_democracy`; "humanitarian" has no counterpart in the manual and is kept
  as the table writes it). Several contexts are joined with "|".
- No PLOVER event: the manual drops CAMEO 01 (public statements) and 02
  (appeals), and the table maps none of their codes. Such rows carry the
  plover_type `NONE` (NO_PLOVER_TYPE) with an empty mode and context, rather
  than an empty type, so that every code still has a well-formed `Plover` and a
  caller tests `code.plover.type == NO_PLOVER_TYPE` to skip them. CAMEO 08 is
  listed under both CONCEDE and RETREAT; the root itself takes CONCEDE, the
  table's first entry, which is also what its 080 takes.
- Where the table is silent or inconsistent with the manual, the row follows
  the manual:
  163 (embargo, boycott, sanctions) is SANCTION `discontinue`, economic (the
      manual codes international sanctions so; the table says COERCE);
  175 has the table's context `pro_autocracy` moved out of the mode slot;
  085 has no mode (the table itself notes "ease" is no longer a mode);
  1321 takes THREATEN `rights` (the table's "political" is no mode);
  1712 takes ASSAULT `destroy` (the table's "seize" is no ASSAULT mode);
  155, 176, 1834, 1951, 1952 are absent from the table and take MOBILIZE
      (cyber context), COERCE `cyber`, ASSAULT `explosives`, ASSAULT `aerial`
      and ASSAULT `drone`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.model import Plover

__all__ = [
    "NO_PLOVER_TYPE",
    "PLOVER_TYPES",
    "CameoCode",
    "CameoCodebook",
    "load_cameo_codebook",
]

#: The sixteen event types of PLOVER (2021 CAMEO table and manual).
PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)

#: plover_type of a CAMEO code that PLOVER has no event for (the 01 and 02 families).
NO_PLOVER_TYPE = "NONE"

HEADER = (
    "code",
    "label",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "plover_context",
)

_CODE = re.compile(r"[0-9]{2,4}")
_TOKEN = re.compile(r"[a-z][a-z0-9_-]*")


def quad_class_of_root(root: str) -> int:
    """GDELT's QuadClass for a two-digit CAMEO root ("01".."20")."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"CAMEO root {root!r} is not between 01 and 20")
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its label, Goldstein value, quad class and PLOVER."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover: Plover

    @property
    def root(self) -> str:
        """The two-digit cue category the code belongs to."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up (0312 -> 031 -> 03), None for a root."""
        return self.code[:-1] if len(self.code) > 2 else None


class CameoCodebook:
    """All CAMEO codes, looked up by code string; read-only once built."""

    __slots__ = ("_codes",)

    def __init__(self, codes: Iterable[CameoCode]) -> None:
        by_code: dict[str, CameoCode] = {}
        for code in codes:
            if code.code in by_code:
                raise ValueError(f"CAMEO code {code.code!r} is given twice")
            by_code[code.code] = code
        self._codes = by_code

    def __getitem__(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(
                f"unknown CAMEO code {code!r}: not in the CAMEO 1.1b3 codebook "
                "(codes are 2-4 digit strings such as '04' or '0312')"
            ) from None

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def root_of(self, code: str) -> CameoCode:
        """The cue category (two-digit root) of a known code."""
        return self[self[code].root]


def load_cameo_codebook(path: Path | None = None) -> CameoCodebook:
    """Read and validate a CAMEO codebook TSV; by default the packaged `data/cameo.tsv`.

    Raises ValueError naming the file, the line and the reason for any
    malformed row, a wrong header, a duplicate code or a code whose parent is
    missing.
    """
    if path is None:
        return _packaged_codebook()
    return _parse(path.read_text(encoding="utf-8"), str(path))


@functools.cache
def _packaged_codebook() -> CameoCodebook:
    # The codebook is immutable, so one shared instance per process is safe.
    source = resources.files("eventwire").joinpath("data", "cameo.tsv")
    return _parse(source.read_text(encoding="utf-8"), "eventwire/data/cameo.tsv")


def _parse(text: str, name: str) -> CameoCodebook:
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        found = lines[0] if lines else "an empty file"
        expected = "\t".join(HEADER)
        raise ValueError(f"{name}:1: header must be {expected!r}, found {found!r}")
    codes: list[CameoCode] = []
    line_of: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            code = _parse_row(line)
        except ValueError as error:
            raise ValueError(f"{name}:{number}: {error}") from None
        if code.code in line_of:
            raise ValueError(
                f"{name}:{number}: code {code.code!r} already given on line {line_of[code.code]}"
            )
        line_of[code.code] = number
        codes.append(code)
    for code in codes:
        if code.parent is not None and code.parent not in line_of:
            raise ValueError(
                f"{name}:{line_of[code.code]}: code {code.code!r} has no parent "
                f"{code.parent!r} in the file"
            )
    return CameoCodebook(codes)


def _parse_row(line: str) -> CameoCode:
    fields = line.split("\t")
    if len(fields) != len(HEADER):
        raise ValueError(f"expected {len(HEADER)} tab-separated fields, found {len(fields)}")
    code, label, goldstein_text, quad_text, plover_type, mode, context_text = (
        field.strip() for field in fields
    )
    if not _CODE.fullmatch(code):
        raise ValueError(f"code {code!r} is not 2 to 4 digits")
    if not 1 <= int(code[:2]) <= 20:
        raise ValueError(f"code {code!r} has root {code[:2]!r}, not one of 01..20")
    if not label:
        raise ValueError(f"code {code!r} has an empty label")
    try:
        goldstein = float(goldstein_text)
    except ValueError:
        raise ValueError(f"goldstein {goldstein_text!r} is not a number") from None
    if not -10.0 <= goldstein <= 10.0:
        raise ValueError(f"goldstein {goldstein} is outside [-10, 10]")
    expected_quad = quad_class_of_root(code[:2])
    if quad_text != str(expected_quad):
        raise ValueError(
            f"quad_class {quad_text!r} for code {code!r}; "
            f"its root {code[:2]} is quad {expected_quad}"
        )
    if plover_type != NO_PLOVER_TYPE and plover_type not in PLOVER_TYPES:
        raise ValueError(
            f"plover_type {plover_type!r} is not a PLOVER type (or {NO_PLOVER_TYPE!r})"
        )
    if mode and not _TOKEN.fullmatch(mode):
        raise ValueError(f"plover_mode {mode!r} is not a lowercase name")
    context = tuple(context_text.split("|")) if context_text else ()
    for item in context:
        if not _TOKEN.fullmatch(item):
            raise ValueError(f"plover_context item {item!r} is not a lowercase name")
    if plover_type == NO_PLOVER_TYPE and (mode or context):
        raise ValueError(f"plover_type {NO_PLOVER_TYPE} cannot have a mode or context")
    return CameoCode(
        code=code,
        label=label,
        goldstein=goldstein,
        quad_class=expected_quad,
        plover=Plover(type=plover_type, mode=mode or None, context=context),
    )
