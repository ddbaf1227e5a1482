from pathlib import Path

import pytest

from eventwire.events.cameo import load_cameo_codebook
from eventwire.events.lexicon import load_lexicon


def test_shipped_lexicon_codes_exist_and_cover_every_root() -> None:
    codebook = load_cameo_codebook()
    lexicon = load_lexicon(codebook)
    assert len(lexicon) > 300
    codes = lexicon.codes()
    assert codes <= {code.code for code in codebook}
    assert {code[:2] for code in codes} == {f"{n:02d}" for n in range(1, 21)}


def test_bare_verbs_map_to_one_code() -> None:
    lexicon = load_lexicon(load_cameo_codebook())
    for verb, entries in lexicon.by_verb.items():
        bare = [e.code for e in entries if not e.objects and not e.under]
        assert len(bare) <= 1, (verb, bare)


def test_user_entries_add_and_override(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text('- code: "111"\n  verbs: [lambast, attack]\n', "utf-8")
    lexicon = load_lexicon(load_cameo_codebook(), [user])
    assert [e.code for e in lexicon.candidates("lambast")] == ["111"]
    bare_attack = [e for e in lexicon.candidates("attack") if not e.objects and not e.under]
    assert [e.code for e in bare_attack] == ["111"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('- code: "999"\n  verbs: [x]\n', "not a CAMEO code"),
        ('- code: "111"\n', "at least one verb"),
        ('- code: "111"\n  verbs: [x]\n  colour: red\n', "unknown keys"),
        ("code: [unclosed\n", "not valid YAML"),
        ("just text\n", "list of entries"),
    ],
)
def test_bad_user_files_name_the_file(tmp_path: Path, content: str, reason: str) -> None:
    user = tmp_path / "bad.yaml"
    user.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=reason) as info:
        load_lexicon(load_cameo_codebook(), [user])
    assert str(user) in str(info.value)
