"""Our own dictionary format: actors and agents in YAML, read into the same records as
PETRARCH's files (so either kind can be given to `--actors`/`--agents`).

    actors:
      - name: Tareck El Aissami
        synonyms: [El Aissami]            # optional
        code: VENGOV                      # one code for all dates, or:
      - name: Sam Gamgee
        codes:                            # first matching restriction wins;
          - {code: HOBCIV, until: 2008-01-19}            # a bare code is the default
          - {code: HOBMIL, from: 2008-01-20, until: 2012-11-09}
          - HOB
    agents:
      - term: petroleum minister
        code: GOV                         # added after the country: VEN + GOV
        plural: petroleum ministers       # optional; default: the regular plural, "" for none
      - term: human rights body
        code: NGO
        position: prefix                  # added before it: NGO + VEN

Dates are inclusive, YYYY-MM-DD. Either section may be missing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from eventwire.actors.petrarch import DictionaryActor, DictionaryAgent

# libyaml's parser where PyYAML was built with it: the same documents, several
# times faster to load (the lexicons are parsed once per process, at start).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["read_yaml_dictionary"]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.replace("_", " ").lower().split())


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _code(value: Any, where: str) -> str:
    code = str(value or "").strip().upper()
    if not code or not code.replace("-", "").replace("/", "").isalnum():
        raise ValueError(f"{where}: {value!r} is not an actor code")
    return code


def _actor_entries(item: Any, where: str) -> list[DictionaryActor]:
    if not isinstance(item, dict) or not item.get("name"):
        raise ValueError(f"{where}: an actor needs a 'name'")
    phrases = [_phrase(str(item["name"]))]
    synonyms = item.get("synonyms") or []
    if not isinstance(synonyms, list):
        raise ValueError(f"{where}: 'synonyms' must be a list")
    phrases += [_phrase(str(synonym)) for synonym in synonyms]
    specs = item.get("codes")
    if specs is None:
        if "code" not in item:
            raise ValueError(f"{where}: an actor needs 'code' or 'codes'")
        specs = [item["code"]]
    if not isinstance(specs, list) or not specs:
        raise ValueError(f"{where}: 'codes' must be a non-empty list")
    entries: list[DictionaryActor] = []
    for spec in specs:
        if isinstance(spec, dict):
            code = _code(spec.get("code"), where)
            start, end = _date(spec.get("from"), where), _date(spec.get("until"), where)
            if start and end and end < start:
                raise ValueError(f"{where}: {code} ends ({end}) before it starts ({start})")
        else:
            code, start, end = _code(spec, where), None, None
        entries += [DictionaryActor(phrase, code, start, end) for phrase in phrases if phrase]
    return entries


def _regular_plural(term: str) -> str:
    if term.endswith("y") and not term.endswith(("ay", "ey", "oy")):
        return term[:-1] + "ies"
    if term.endswith(("s", "x", "ch", "sh")):
        return term + "es"
    return term + "s"


def _agent_entries(item: Any, where: str) -> list[DictionaryAgent]:
    if not isinstance(item, dict) or not item.get("term"):
        raise ValueError(f"{where}: an agent needs a 'term'")
    term = " ".join(str(item["term"]).split())
    code = _code(item.get("code"), where)
    position = item.get("position", "suffix")
    if position not in ("suffix", "prefix"):
        raise ValueError(f"{where}: position must be 'suffix' or 'prefix', not {position!r}")
    plural = item.get("plural")
    forms = [term, _regular_plural(term) if plural is None else str(plural)]
    return [DictionaryAgent(_phrase(form), code, position) for form in forms if _phrase(form)]


def read_yaml_dictionary(path: Path) -> tuple[list[DictionaryActor], list[DictionaryAgent]]:
    """Read an eventwire YAML dictionary: (actors, agents), in file order, duplicates dropped.

    Raises ValueError naming the file and the entry when the YAML is broken or an
    entry lacks a name/term or a code, or carries a date that is not a date.
    """
    path = Path(path)
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    if document is None:
        return [], []
    if not isinstance(document, dict) or not set(document) <= {"actors", "agents"}:
        raise ValueError(f"{path}: expected a mapping with 'actors' and/or 'agents' lists")
    actors: list[DictionaryActor] = []
    agents: list[DictionaryAgent] = []
    for section in ("actors", "agents"):
        items = document.get(section) or []
        if not isinstance(items, list):
            raise ValueError(f"{path}: '{section}' must be a list")
        for number, item in enumerate(items, start=1):
            where = f"{path}: {section} entry {number}"
            if section == "actors":
                actors += _actor_entries(item, where)
            else:
                agents += _agent_entries(item, where)
    return list(dict.fromkeys(actors)), list(dict.fromkeys(agents))
