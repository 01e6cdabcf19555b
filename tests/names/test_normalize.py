from __future__ import annotations

import csv
import re
import unicodedata
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.names.listed import TABLE
from threadline.names.normalize import _romanize_han, collapse_runs, distinctive_words, fold, latin, name_key, tokens


@pytest.mark.parametrize(
    ("name", "core", "removed"),
    [
        ("Xinjiang Zhongtai Chemical Co., Ltd.", "xinjiang zhongtai chemical", {"co", "ltd"}),
        ("XINJIANG ZHONGTAI CHEMICAL", "xinjiang zhongtai chemical", set()),
        ("新疆中泰化学股份有限公司", "新疆中泰化学", {"股份有限公司"}),
        (
            "Hoshine Silicon Industry (Shanshan) Co., Ltd and subsidiaries",
            "hoshine silicon industry shanshan",
            {"and subsidiaries", "co", "ltd"},
        ),
        ("XPCC and its subordinate and affiliated entities", "xpcc", {"and its subordinate and affiliated entities"}),
        ("CHEN, Quanguo", "chen quanguo", set()),
        ("Microsoft Corporation", "microsoft", {"corporation"}),
        ("Toyota Motor Corp", "toyota motor", {"corp"}),
        ("The World Bank", "world bank", {"the"}),
        ("A.B.C. Company", "abc", {"company"}),
        ("J. C. Juncker", "j c juncker", set()),
    ],
)
def test_name_key_strips_legal_forms_and_qualifiers(name: str, core: str, removed: set[str]) -> None:
    key = name_key(name)
    assert key.core == core
    assert set(key.removed) == removed


def test_name_that_is_only_a_legal_form_keeps_its_words() -> None:
    assert name_key("Company Limited").core
    assert name_key("The Company").core == "company"


def test_spelled_out_legal_forms_compare_as_one_name() -> None:
    assert name_key("Microsoft Corp.").core == name_key("Microsoft Corporation").core
    assert name_key("HOMS REFINERY CORPORATION").core == name_key("The Homs Refinery Company").core


@pytest.mark.parametrize(
    ("text", "expected"),
    [("陈全国", "chen quan guo"), ("Мин Аунг Хлайн", "min aung khlayn"), ("Ürümqi", "urumqi")],
)
def test_latin_transliterates_every_script(text: str, expected: str) -> None:
    assert latin(text) == expected


def test_tokens_split_han_into_bigrams() -> None:
    assert tokens("新疆中泰") == ["新疆", "疆中", "中泰"]
    assert tokens("hoshine silicon") == ["hoshine", "silicon"]


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(min_size=1))
def test_name_key_never_raises_and_core_is_folded(text: str) -> None:
    key = name_key(text)
    assert fold(key.core) == key.core


def test_letters_joined_by_an_ampersand_are_one_word_however_written() -> None:
    assert name_key("AT&T Inc.").latin == name_key("AT and T Inc.").latin == "att"
    assert name_key("H&M Hennes & Mauritz AB").latin == name_key("H and M Hennes and Mauritz AB").latin


def test_and_is_no_part_of_a_latin_key() -> None:
    assert name_key("Procter & Gamble").latin == name_key("Procter and Gamble Co").latin == "procter gamble"
    assert name_key("and").latin == "and"  # a name that is only the word stays itself


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Brigade Forty-Four", "Brigade 44"),
        ("Brigade Forty 4", "Brigade 44"),
        ("First International Bank", "1st International Bank"),
        ("Three Percenters", "3 Percenters"),
    ],
)
def test_numbers_in_words_or_digits_give_one_key(left: str, right: str) -> None:
    assert name_key(left).latin == name_key(right).latin


def test_two_dotted_letters_are_joined_only_when_they_spell_a_legal_form() -> None:
    dotted, plain = name_key("P.T. Astra International"), name_key("PT Astra International")
    assert dotted.latin == plain.latin == "astra international"
    assert name_key("Grupo Bimbo, S. A.").latin == "grupo bimbo"
    assert name_key("J. C. Juncker").latin == "j c juncker"  # a person's initials stay apart


@pytest.mark.parametrize(
    ("left", "right"),
    [("Al Qa'ida", "Al Qaida"), ("Xi'an Aircraft Industry", "Xian Aircraft Industry"), ("O’Brien", "OBrien")],
)
def test_an_apostrophe_inside_a_word_does_not_split_it(left: str, right: str) -> None:
    assert name_key(left).latin == name_key(right).latin


def test_a_possessive_s_is_dropped() -> None:
    assert name_key("People's Bank of China").latin == name_key("People Bank of China").latin


HAN_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
        st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),  # compatibility ideographs: NFKC changes them
    ),
    max_size=12,
)


@given(HAN_TEXT)
def test_han_text_is_keyed_by_its_characters_syllables_as_the_whole_text_folded(text: str) -> None:
    """Chinese text alone is read character by character, each folded syllable kept: what romanising the whole
    text and folding it gives."""
    assert latin(text) == fold(_romanize_han(unicodedata.normalize("NFKC", text)))


def test_listed_chinese_names_are_keyed_as_the_whole_text_folded() -> None:
    with TABLE.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    names = {row["name"] for row in rows if row["language"] == "zh"}
    assert len(names) > 3_000
    for name in sorted(names):  # brackets, Latin letters, digits: the whole text romanised, then folded
        assert latin(name) == fold(_romanize_han(unicodedata.normalize("NFKC", name))), name
    assert latin("新疆中泰化学") == "xin jiang zhong tai hua xue"


def test_runs_of_a_character_collapse_as_the_expression_collapses_them() -> None:
    """:func:`collapse_runs` against ``re.sub(r"(.)\\1+", r"\\1", text)``, which abjad and transcribed keys used:
    every string of up to six characters from letters, a space and line breaks (a line break is no ``.``)."""
    texts = ["", "mmhhammad", "allah", "\n\n", *("".join(p) for n in range(1, 7) for p in product("ab \n", repeat=n))]
    assert [t for t in texts if collapse_runs(t) != re.sub(r"(.)\1+", r"\1", t)] == []
    assert collapse_runs("abdullah") == "abdulah"


def test_distinctive_words_leave_out_generic_words_but_never_the_whole_key() -> None:
    """A name's distinctive words are its Latin key without the generic ones, in order; a key of generic words
    alone stays whole, so two such names are still compared by something."""
    assert distinctive_words("hoshine silicon technology") == "hoshine silicon"
    assert distinctive_words("international technology") == "international technology"
    key = name_key("Hoshine Technology Co., Ltd.")
    assert key.distinctive == distinctive_words(key.latin) == "hoshine"
