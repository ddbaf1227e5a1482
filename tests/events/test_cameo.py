"""The packaged CAMEO codebook: complete, consistent, mapped to PLOVER; bad files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.cameo import (
    NO_PLOVER_TYPE,
    PLOVER_TYPES,
    CameoCode,
    CameoCodebook,
    load_cameo_codebook,
)
from eventwire.model import Plover

HEADER = "code\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"

# The contexts of the PLOVER manual (Table 2.1), plus "humanitarian", which the
# 2021 CAMEO table uses and the manual has no counterpart for.
PLOVER_CONTEXTS = frozenset(
    {
        "military",
        "intelligence",
        "executive",
        "legislative",
        "election",
        "political_institutions",
        "pro_democracy",
        "pro_autocracy",
        "economic",
        "legal",
        "reparations",
        "human_rights",
        "rights_freedoms",
        "repression",
        "human_security",
        "gender",
        "lgbt",
        "religion_ethnicity",
        "inequality",
        "diplomatic",
        "territory",
        "peacekeeping",
        "health",
        "asylum",
        "migration",
        "disasters",
        "natural_resource",
        "environment",
        "technology",
        "terrorism",
        "cbrn",
        "cyber",
        "misinformation",
        "crime",
        "corruption",
        "illegal_drugs",
        "trafficking",
        "humanitarian",
    }
)


@pytest.fixture(scope="module")
def codebook() -> CameoCodebook:
    return load_cameo_codebook()


def quad_of(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


# --- the table ------------------------------------------------------------------


def test_all_twenty_roots_present(codebook: CameoCodebook) -> None:
    for root in (f"{n:02d}" for n in range(1, 21)):
        assert root in codebook, root


def test_size(codebook: CameoCodebook) -> None:
    assert len(codebook) >= 280
    assert len(list(codebook)) == len(codebook)


def test_codes_are_two_to_four_digits(codebook: CameoCodebook) -> None:
    for entry in codebook:
        assert entry.code.isdigit() and 2 <= len(entry.code) <= 4, entry.code


def test_every_code_has_its_parent(codebook: CameoCodebook) -> None:
    for entry in codebook:
        if len(entry.code) == 4:
            assert entry.code[:3] in codebook, entry.code
        elif len(entry.code) == 3:
            assert entry.code[:2] in codebook, entry.code


def test_goldstein_in_range(codebook: CameoCodebook) -> None:
    for entry in codebook:
        assert -10.0 <= entry.goldstein <= 10.0, entry


def test_quad_class_follows_the_root(codebook: CameoCodebook) -> None:
    for entry in codebook:
        assert entry.quad_class == quad_of(entry.code), entry


def test_labels_present(codebook: CameoCodebook) -> None:
    for entry in codebook:
        assert entry.label.strip() == entry.label and entry.label, entry.code


def test_plover_types_are_plover_2021(codebook: CameoCodebook) -> None:
    assert len(PLOVER_TYPES) == 16
    seen = set()
    for entry in codebook:
        assert entry.plover.type in PLOVER_TYPES | {NO_PLOVER_TYPE}, entry
        seen.add(entry.plover.type)
    assert seen >= PLOVER_TYPES  # every PLOVER type is reachable from some code


def test_plover_contexts_are_the_manuals(codebook: CameoCodebook) -> None:
    for entry in codebook:
        assert set(entry.plover.context) <= PLOVER_CONTEXTS, entry
        assert entry.plover.mode != ""


def test_statements_and_appeals_have_no_plover_event(codebook: CameoCodebook) -> None:
    for entry in codebook:
        dropped = entry.root in ("01", "02")
        assert (entry.plover.type == NO_PLOVER_TYPE) == dropped, entry
        if dropped:
            assert entry.plover == Plover(NO_PLOVER_TYPE)


def test_goldstein_spot_values(codebook: CameoCodebook) -> None:
    assert codebook["010"].goldstein == 0.0
    assert codebook["020"].goldstein == 3.0
    assert codebook["030"].goldstein == 4.0
    assert codebook["0312"].goldstein == 5.2
    assert codebook["042"].goldstein == 1.9
    assert codebook["163"].goldstein == -8.0
    assert codebook["190"].goldstein == -10.0


# --- spot checks ----------------------------------------------------------------


def test_0312_intent_to_cooperate_militarily(codebook: CameoCodebook) -> None:
    entry = codebook["0312"]
    assert "militarily" in entry.label
    assert entry.quad_class == 1
    assert entry.plover.type == "AGREE"
    assert "military" in entry.plover.context
    assert entry.root == "03"
    assert codebook.root_of("0312").code == "03"


def test_042_make_a_visit(codebook: CameoCodebook) -> None:
    entry = codebook["042"]
    assert entry.label == "Make a visit"
    assert entry.plover == Plover("CONSULT", "visit")


def test_051_praise_or_endorse(codebook: CameoCodebook) -> None:
    entry = codebook["051"]
    assert "praise" in entry.label.lower() and "endorse" in entry.label.lower()
    assert entry.plover.type == "SUPPORT"
    assert entry.quad_class == 1


def test_190_conventional_military_force(codebook: CameoCodebook) -> None:
    entry = codebook["190"]
    assert entry.label == "Use conventional military force, not specified below"
    assert entry.quad_class == 4
    assert entry.plover.type == "ASSAULT"


def test_163_sanctions(codebook: CameoCodebook) -> None:
    entry = codebook["163"]
    label = entry.label.lower()
    assert "embargo" in label and "boycott" in label and "sanction" in label
    assert entry.plover.type == "SANCTION"


def test_yield_splits_into_concede_and_retreat(codebook: CameoCodebook) -> None:
    assert codebook["083"].plover.type == "CONCEDE"
    assert codebook["0841"].plover.type == "RETREAT"
    assert codebook["0871"].plover == Plover("RETREAT", "ceasefire", ("military",))


# --- the API --------------------------------------------------------------------


def test_unknown_code_is_a_clear_key_error(codebook: CameoCodebook) -> None:
    with pytest.raises(KeyError, match="unknown CAMEO code '999'"):
        codebook["999"]
    with pytest.raises(KeyError, match="unknown CAMEO code"):
        codebook.root_of("0399")
    assert "999" not in codebook
    assert 312 not in codebook


def test_default_codebook_is_shared_and_immutable_records(codebook: CameoCodebook) -> None:
    assert load_cameo_codebook() is codebook
    entry = codebook["04"]
    assert isinstance(entry, CameoCode)
    with pytest.raises(AttributeError):
        entry.label = "changed"  # type: ignore[misc]


def test_explicit_path_loads(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text(
        HEADER
        + "04\tCONSULT\t1.0\t1\tCONSULT\t\t\n"
        + "042\tMake a visit\t1.9\t1\tCONSULT\tvisit\t\n"
        + "16\tREDUCE RELATIONS\t-4.0\t4\tSANCTION\t\t\n"
        + "163\tImpose embargo\t-8.0\t4\tSANCTION\tdiscontinue\teconomic|diplomatic\n",
        encoding="utf-8",
    )
    book = load_cameo_codebook(path)
    assert len(book) == 4
    assert book["163"].plover == Plover("SANCTION", "discontinue", ("economic", "diplomatic"))
    assert book.root_of("042").label == "CONSULT"


# --- load errors ----------------------------------------------------------------


GOOD = "04\tCONSULT\t1.0\t1\tCONSULT\t\t\n"


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("042\tMake a visit\t1.9\t1\tCONSULT\tvisit\n", "7 tab-separated fields"),
        ("04a\tMake a visit\t1.9\t1\tCONSULT\tvisit\t\n", "not 2 to 4 digits"),
        ("21\tNOT CAMEO\t1.0\t4\tASSAULT\t\t\n", "not one of 01..20"),
        ("042\tMake a visit\tlots\t1\tCONSULT\tvisit\t\n", "not a number"),
        ("042\tMake a visit\t11.0\t1\tCONSULT\tvisit\t\n", "outside"),
        ("042\tMake a visit\t1.9\t3\tCONSULT\tvisit\t\n", "quad_class"),
        ("042\tMake a visit\t1.9\t1\tMEET\tvisit\t\n", "not a PLOVER type"),
        ("042\tMake a visit\t1.9\t1\tCONSULT\tVisit\t\n", "plover_mode"),
        ("042\tMake a visit\t1.9\t1\tCONSULT\tvisit\tmilitary||legal\n", "plover_context"),
        ("042\t\t1.9\t1\tCONSULT\tvisit\t\n", "empty label"),
        ("04\tCONSULT again\t1.0\t1\tCONSULT\t\t\n", "already given on line 2"),
        ("0421\tMake a short visit\t1.9\t1\tCONSULT\tvisit\t\n", "no parent '042'"),
    ],
)
def test_bad_row_names_file_and_line(tmp_path: Path, bad_row: str, reason: str) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text(HEADER + GOOD + bad_row, encoding="utf-8")
    with pytest.raises(ValueError, match=reason) as caught:
        load_cameo_codebook(path)
    message = str(caught.value)
    assert str(path) in message
    assert ":3:" in message


def test_bad_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noheader.tsv"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match=r"noheader\.tsv:1: header must be"):
        load_cameo_codebook(path)
