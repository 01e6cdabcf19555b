from __future__ import annotations

import pytest

from threadline.names.abjad import arabic_skeletons, is_abjad, latin_skeletons


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("محمد علي", "mohammed ali"),
        ("محمد علي", "muhammad aly"),
        ("قاسم سليماني", "qasem soleimani"),
        ("قاسم سليماني", "kassem suleimani"),
        ("أسامة بن لادن", "osama bin laden"),
        ("عبد الله الحسن", "abdullah al hassan"),  # article dropped, abd joined
        ("عبد الرحمن", "abdul rahman"),
        ("عبد الرحمن", "abdulrahman"),
        ("حسن نصر الله", "hassan nasrallah"),  # الله joined to the word before
        ("حسين", "husayn"),
        ("يوسف", "yousef"),  # initial y is a consonant
        ("فاطمة", "fatimah"),  # final h dropped on both sides
        ("خالد", "khaled"),
        ("عبدالحليم", "abdel halim"),  # written joined with the article inside
        ("عيسى", "isa"),  # the y after a silent ayn is a long vowel
    ],
)
def test_both_scripts_give_the_same_skeleton(arabic: str, latin: str) -> None:
    assert arabic_skeletons(arabic) == latin_skeletons(latin)


def test_different_names_keep_different_skeletons() -> None:
    assert arabic_skeletons("محمد علي") != latin_skeletons("mohammed omar")
    assert arabic_skeletons("حسين") != latin_skeletons("hassan ali")


def test_uyghur_is_not_an_abjad() -> None:
    assert is_abjad("محمد علي")
    assert is_abjad("محمد رضا کریمی")  # Persian
    assert not is_abjad("ئەركىن تۇنىياز")  # Uyghur writes its vowels
    assert not is_abjad("Mohammed Ali")
