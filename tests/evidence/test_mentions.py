from __future__ import annotations

import pytest

from threadline.evidence.mentions import MentionIndex
from threadline.model import Entity, Name

ENTITIES = [
    Entity("ofac-sdn", "29220", "Person", (Name("CHEN, Quanguo"),), countries=("cn",)),
    Entity("eu", "128186", "Person", (Name("Min Aung Hlaing"),)),
    Entity("eu", "128226", "Person", (Name("朱海仑"), Name("ZHU Hailun", "alias"))),
    Entity("us-bis", "mec", "Organization", (Name("Myanmar Economic Corporation"), Name("MEC", "alias"))),
]


@pytest.fixture(scope="module")
def index() -> MentionIndex:
    return MentionIndex(ENTITIES)


def _found(index: MentionIndex, text: str) -> set[tuple[str, str, str]]:
    return {(c.text, c.entity.entry_id, c.variant) for c in index.find(text)}


def test_exact_forms_on_word_boundaries_only(index: MentionIndex) -> None:
    assert _found(index, "Chen Quanguo met the MEC.") == {
        ("Chen Quanguo", "29220", "as listed"),
        ("MEC", "mec", "acronym"),
    }
    assert _found(index, "Chen Quanguoville and the MECHANISM") == set()


def test_family_name_last_and_missing_diacritics(index: MentionIndex) -> None:
    assert ("Quanguo Chen", "29220", "reordered") in _found(index, "Quanguo Chen spoke.")
    assert ("Mín Aung Hláing", "128186", "as listed") in _found(index, "Mín Aung Hláing spoke.")


@pytest.mark.parametrize("slip", ["Min Aung Hliang", "Min Aung Hlaingg", "Min Aung Hlang"])
def test_one_letter_slips_are_found(index: MentionIndex, slip: str) -> None:
    found = [c for c in index.find(f"Senior General {slip} said.") if c.entity.entry_id == "128186"]
    assert [c.text for c in found] == [slip]
    assert found[0].similarity < 1.0 and "slip" in found[0].detail


def test_a_slip_in_the_only_word_is_not_enough(index: MentionIndex) -> None:
    assert _found(index, "The Quangou report") == set()


def test_chinese_text_by_characters_and_by_pinyin(index: MentionIndex) -> None:
    found = _found(index, "前党委书记陈全国会见了朱海仑。")
    assert ("陈全国", "29220", "pinyin") in found
    assert ("朱海仑", "128226", "characters") in found
    assert ("朱海仑", "128226", "pinyin") in found


def test_pinyin_is_matched_by_sound_and_whole_characters(index: MentionIndex) -> None:
    # The same sound in other characters is a candidate (the linker then checks the family name) ...
    assert ("晨全国", "29220", "pinyin") in _found(index, "晨全国")
    # ... but a name never starts or ends inside a syllable: "zhu hai lun" is not inside "zhuhailunzi" letters.
    assert not any(c.entity.entry_id == "128226" for c in index.find("竹海伦子") if c.text != "竹海伦")


def test_lists_without_chinese_names_still_read_chinese_text() -> None:
    latin_only = MentionIndex([Entity("t", "1", "Company", (Name("Hoshine Silicon Industry"),))], None)
    assert latin_only.find("合盛硅业 and Hoshine Silicon Industry") != []
    assert latin_only.find("新疆生产建设兵团") == []
