from __future__ import annotations

import pytest

from tests.comparing import compare
from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name
from threadline.names.transcribed import CEILING, consonants, is_transcribed, key_similarity, sound_key, sounds_alike


def test_transcription_and_latin_spelling_share_a_sound_key() -> None:
    assert sound_key("aierken", pinyin=True) == sound_key("erkin", pinyin=False) == "VrkVn"
    assert sound_key("tuniyazi", pinyin=True) == sound_key("tuniyaz", pinyin=False)
    assert sound_key("zhakeer", pinyin=True) == sound_key("zakir", pinyin=False)


def test_only_names_written_as_transcriptions_are_compared_by_sound() -> None:
    assert is_transcribed("艾尔肯·吐尼亚孜") and is_transcribed("贝拉克・奥巴马")
    assert not is_transcribed("陈全国") and not is_transcribed("Erkin Tuniyaz")
    assert not is_transcribed("新疆中泰化学") and is_transcribed("艾尔肯吐尼亚孜", person=True)  # no dot: persons only
    assert sounds_alike("陈全国", ("chen", "quanguo")) is None


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("艾尔肯·吐尼亚孜", "Erkin Tuniyaz"),
        ("雪克来提·扎克尔", "Shohrat Zakir"),
        ("贝拉克·奥巴马", "Barack Obama"),
        ("伊力哈木·土赫提", "Ilham Tohti"),  # a vowel between consonants the Latin writes together
        ("古丽娜尔·阿不都热合曼", "Gulnar Abdurahman"),
    ],
)
def test_a_transcribed_name_matches_its_latin_spelling(han: str, latin: str) -> None:
    hit = compare(han, latin, "Person", "Person")
    assert hit is not None and 0.85 <= hit.score <= CEILING
    assert "compared by sound" in hit.explanation


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("艾尔肯·吐尼亚孜", "Erkin Tursun"),  # the same first name, another family
        ("雪克来提·扎克尔", "Zakir Rehman"),
        ("艾尔肯·吐尼亚孜", "Shohrat Zakir"),
        ("艾尔肯·吐尼亚孜", "Erkin"),  # one part is not the person
        ("伊力哈木·土赫提", "Ilham Tursun"),
        ("伊力哈木·土赫提", "Ilham Dawut"),
    ],
)
def test_another_person_does_not_sound_alike(han: str, latin: str) -> None:
    found = sounds_alike(han, tuple(latin.lower().split()))
    assert found is not None and found[0] < 0.85


def test_match_finds_the_latin_name_a_transcription_sounds_like() -> None:
    entities = [
        Entity("t", "1", "Person", (Name("Erkin TUNIYAZ"),)),
        Entity("t", "2", "Person", (Name("Erkin TURSUN"),)),
        Entity("t", "3", "Company", (Name("Erkin Tuniyaz Trading"),)),  # not a person's name: not searched by sound
    ]
    hits = SimpleMatcher(entities).match(Query("艾尔肯·吐尼亚孜"), threshold=0.85)
    assert [h.entity.entry_id for h in hits] == ["1"] and "compared by sound" in hits[0].explanation
    assert not SimpleMatcher(entities).match(Query("艾尔肯·吐尼亚孜", "Company"), threshold=0.85)


def test_the_consonants_of_a_transcription_weigh_when_chinese_adds_vowels() -> None:
    ilham = sound_key("yilihamu", pinyin=True), sound_key("ilham", pinyin=False)
    assert consonants(ilham[0]) == consonants(ilham[1]) == "Vrkm"
    assert key_similarity(*ilham) == 0.9
    assert key_similarity("sVm", "VsmVr") < 0.5  # 司马义 / Ismail: two consonants are too few to weigh
