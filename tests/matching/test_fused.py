from __future__ import annotations

import pytest

from threadline.matching.align import Alignment
from threadline.matching.crossscript import cross_align
from threadline.matching.fused import split_word, vocabulary, vocabulary_of
from threadline.names.glossary import glossary, short_beginnings
from threadline.names.normalize import name_key


def test_a_name_written_as_one_word_is_read_as_its_pinyin_run_and_legal_form() -> None:
    assert split_word("西藏天路", "xizangtianluco") == ("xizangtianlu",)


def test_an_abbreviated_translation_is_read_as_the_whole_word_in_the_order_of_the_characters() -> None:
    assert split_word("中国石油天然气", "petrochina") == ("china", "petroleum")
    assert split_word("长春奥普光电技术", "optotech") == ("optoelectronics", "tech")


@pytest.mark.parametrize(
    ("han", "word"),
    [
        ("中信国安信息产业", "international"),  # an English word the glossary knows, not inter + national
        ("广州惠威电声科技", "huizhou"),  # 州 comes before 惠: another place's pinyin, not this name's run
        ("江南模塑科技", "jiangsu"),  # 江 and 塑 are no run of characters
        ("深圳国华网安科技", "techand"),  # nothing but a generic term: another company's brand
        ("上海汉得信息技术", "techgroup"),  # one character's meaning (术 "technique") is not shortened
        ("西藏天路", "xizangtianlu"),  # already a reading of one span: the aligner reads it as it is
        ("西藏天路", "tianlu"),  # too short to be written together
    ],
)
def test_what_is_not_split(han: str, word: str) -> None:
    assert split_word(han, word) == ()


def aligned(han: str, latin: str) -> Alignment | None:
    return cross_align(name_key(han), name_key(latin), person=False)


def test_the_aligner_reads_a_fused_name_apart() -> None:
    fused = aligned("浙江美硕电气科技股份有限公司", "ZHEJIANGMEISHUOELECTRICTECHNOLOGYCO.,LTD.")
    assert fused is not None and fused.score == 1.0
    apart = aligned("中国石油天然气股份有限公司", "Petrochina Company Limited")
    assert apart is not None and apart.explained_han == 4 and not apart.unexplained_latin


def test_another_companys_fused_brand_explains_nothing_more() -> None:
    other = aligned("深圳国华网安科技股份有限公司", "Shenzhen Techand Ecology & Environment Co.,Ltd.")
    assert other is not None and "techand" in other.unexplained_latin


def test_a_mined_short_form_begins_a_word_written_together_and_is_read_as_its_characters_meaning() -> None:
    # "sino" for 中 comes from the glossary's short forms (scripts/build_shortforms.py): it gives the aligner 中's
    # translation, "china"; 钢 = steel from the glossary.
    assert split_word("中钢天源", "sinosteel") == ("china", "steel")
    found = cross_align(name_key("中钢天源股份有限公司"), name_key("Sinosteel New Materials Co., Ltd."), person=False)
    assert found is not None and [(p.han, p.latin) for p in found.pieces[:2]] == [("中", "china"), ("钢", "steel")]


def test_a_short_form_that_begins_words_explains_nothing_alone() -> None:
    # A UK-listed "SINO HOLDINGS GROUP" is not 中百控股集团 (Zhongbai Holdings): "sino" alone is any Chinese company.
    found = cross_align(name_key("中百控股集团股份有限公司"), name_key("SINO HOLDINGS GROUP CO., LTD."), person=False)
    assert found is not None and "sino" in found.unexplained_latin


@pytest.mark.parametrize(
    "han",
    [
        "中国石油天然气",
        "长春奥普光电技术",
        "西藏天路",
        "中信国安信息产业",
        "新疆生产建设兵团第八师石河子",
        "高温合金材料科技",
    ],
)
def test_the_packaged_vocabulary_looks_up_only_spans_that_begin_a_key_and_finds_all_the_same(han: str) -> None:
    """:func:`vocabulary` stops at a span that begins no longer key of the tables; reading every span up to
    :data:`MAX_GLOSSED_SPAN` gives the same blocks in the same order."""
    pruned = vocabulary(han)
    every = vocabulary_of(han, glossary(), short_beginnings())
    assert pruned == every and list(pruned[0]) == list(every[0])


@pytest.mark.parametrize(
    ("han", "word"),
    [
        ("中钢天源", "sinosteel"),
        ("中国石油天然气", "petrochina"),
        ("长春奥普光电技术", "optotech"),
        ("西藏天路", "xizangtianluco"),
        ("北京金山办公软件", "kingsoft"),
        ("浙江美硕电气科技", "zhejiangmeishuoelectrictechnologyco"),
        ("中航光电科技", "optronic"),
        ("江苏利通电子", "lettall"),
        ("武汉海特生物制药", "pharma"),
    ],
)
def test_a_words_vocabulary_holds_exactly_the_blocks_that_are_part_of_it(han: str, word: str) -> None:
    """Read for one word (``within``), the vocabulary keeps the blocks whose letters are part of the word and the long
    translations whose first letters are, in the same order as the whole vocabulary has them; nothing else."""
    whole, long = vocabulary(han)
    spellings, kept = vocabulary(han, word)
    assert spellings == {text: blocks for text, blocks in whole.items() if text in word}
    assert kept == tuple(block for block in long if block[2][0][:4] in word)
    assert len(spellings) < len(whole)


def test_a_word_is_split_the_same_from_its_own_vocabulary_as_from_the_whole() -> None:
    """:func:`split_word` reads only the word's part of a name's vocabulary: the splits the whole vocabulary gives."""
    from threadline.matching.fused import _cover, _with_abbreviations

    for han, word in [("中钢天源", "sinosteel"), ("西藏天路", "xizangtianluco"), ("中国石油天然气", "petrochina")]:
        whole, long = vocabulary(han)
        cover = _cover(word, _with_abbreviations(word, whole, long), han)
        assert split_word(han, word) == tuple(w for block in sorted(cover) for w in block[2]) != ()
