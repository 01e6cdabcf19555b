from __future__ import annotations

import csv

import pytest

from tests.from_source import from_source
from threadline.matching.align import FAMILY_CREDIT, align, with_given_name, word_family
from threadline.names.glossary import beginnings, dictionary, glossary
from threadline.names.listed import TABLE


@pytest.mark.parametrize(
    ("han", "latin", "any_order", "expected"),
    [
        ("新疆中泰化学", "xinjiang zhongtai chemical", False, 1.0),
        ("陈全国", "quanguo chen", True, 1.0),
        ("陈全国", "chen quan guo", True, 1.0),
        ("深圳市天地集团", "shenzhen universe group", False, None),  # 天地 is not pinyin of "universe"
    ],
)
def test_alignment_scores(han: str, latin: str, any_order: bool, expected: float | None) -> None:
    result = align(han, tuple(latin.split()), glossary(), any_order=any_order)
    if expected is None:
        assert result.score < 0.85
    else:
        assert result.score == pytest.approx(expected)


def test_a_one_letter_slip_in_a_given_name_still_matches_but_a_different_name_does_not() -> None:
    slip = align("陈全国", ("chen", "quangguo"), glossary(), any_order=True)
    other = align("陈全国", ("chen", "mingguo"), glossary(), any_order=True)
    assert slip.score >= 0.9
    assert other.score < 0.5


def test_parent_and_subsidiary_do_not_align_fully() -> None:
    assert align("新疆天业集团", ("xinjiang", "tianye"), glossary()).score < 0.85


def test_description_names_each_piece_and_what_was_left_over() -> None:
    text = align("新疆中泰化学", ("xinjiang", "zhongtai", "chemical", "trading"), glossary()).describe()
    assert "中泰=zhongtai" in text
    assert "化学=chemical (glossary)" in text
    assert "unmatched words 'trading'" in text


def test_legal_form_and_function_words_are_not_aligned_and_plurals_fold() -> None:
    from threadline.matching.align import alignable_words, stem

    assert alignable_words("guangzhou restaurant group company") == ("guangzhou", "restaurant", "group")
    assert alignable_words("company") == ("company",)
    assert [stem(w) for w in ("industries", "materials", "gases", "business", "xinjiang")] == [
        "industry",
        "material",
        "gase",
        "business",
        "xinjiang",
    ]
    text = align("北京三维天地科技", alignable_words("beijing sanwei tiandi science and technologies"), glossary())
    assert text.score == pytest.approx(1.0)


def test_a_generic_chinese_term_left_out_of_the_english_name_costs_half() -> None:
    with_term = align("厦门吉宏科技", ("xiamen", "jihong"), glossary())
    with_trade_name_left = align("厦门吉宏科技", ("xiamen", "technology"), glossary())
    assert with_term.score == pytest.approx(1 - 1 / 6)
    assert with_trade_name_left.score < 0.7


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("李家超", "lee ka chiu"),
        ("林郑月娥", "lam cheng yuet ngor"),
        ("邓炳强", "tang ping keung"),  # 炳 bing written "Ping"
        ("曾国卫", "kwok wai tsang"),  # any word order, as pinyin names
    ],
)
def test_a_persons_name_written_the_hong_kong_way_aligns(han: str, latin: str) -> None:
    result = align(han, tuple(latin.split()), glossary(), any_order=True)
    assert result.score == pytest.approx(1.0)
    assert all(p.how == "cantonese" for p in result.pieces), result.describe()
    assert "(cantonese)" in result.describe()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("蒋经国", "chiang ching kuo"),
        ("谢长廷", "hsieh chang ting"),
        ("蔡英文", "tsai ing wen"),
        ("许", "hsu"),
    ],
)
def test_a_persons_name_written_in_wade_giles_aligns(han: str, latin: str) -> None:
    result = align(han, tuple(latin.split()), glossary(), any_order=True)
    assert result.score == pytest.approx(1.0)
    assert "(wade-giles)" in result.describe()


def test_pinyin_is_kept_when_it_explains_the_name_and_readings_do_not_mix() -> None:
    assert all(p.how == "pinyin" for p in align("陈全国", ("chen", "quanguo"), glossary(), any_order=True).pieces)
    mixed = align("陈全国", ("chen", "chuen", "kwok"), glossary(), any_order=True)  # pinyin 陈, Hong Kong 全国
    assert mixed.score < 1.0
    other = align("林郑月娥", ("lam", "cheng", "yuet", "wah"), glossary(), any_order=True)  # another given name
    assert other.score <= 0.75


def test_company_names_are_not_read_the_hong_kong_way() -> None:
    assert align("长江", ("cheung", "kong"), glossary(), any_order=False).score < 0.5


def test_a_korean_name_in_characters_aligns_with_its_romanisation() -> None:
    result = align("金铁三", ("kim", "chol", "sam"), glossary(), any_order=True)
    assert result.score == pytest.approx(1.0)
    assert "(korean)" in result.describe()
    assert align("金铁三", ("kim", "chol", "min"), glossary(), any_order=True).score < 0.85  # another given name


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("新疆维吾尔自治区公安厅", "xinjiang public security bureau"),
        ("浙江大华技术", "dahua technology"),
        ("深圳市德赛电池科技", "desay battery technology"),
        ("海越能源集团", "hy energy group"),
        ("农业高科技", "high tech agriculture"),
    ],
)
def test_the_pieces_hold_every_character_in_order_and_every_word_once(han: str, latin: str) -> None:
    from threadline.names.glossary import dictionary

    words = tuple(latin.split())
    pieces = align(han, words, glossary(), dictionary=dictionary()).pieces
    assert "".join(p.han for p in pieces) == han
    assert sorted(w for p in pieces for w in p.latin.split()) == sorted(words)


def test_a_name_read_once_aligns_with_each_latin_name_as_if_read_afresh() -> None:
    from threadline.names.glossary import dictionary

    han = "深圳德赛电池科技"
    for latin in ("shenzhen desay battery technology", "shenzhen desai lighting technology", "desay battery"):
        remembered = align(han, tuple(latin.split()), glossary(), dictionary=dictionary())
        afresh = align(han, tuple(latin.split()), dict(glossary()), dictionary=dict(dictionary()))  # never cached
        assert remembered == afresh


def test_a_callers_own_glossary_is_read_again_on_every_call() -> None:
    own: dict[str, tuple[tuple[str, ...], ...]] = {}
    words = ("xinjiang", "zhongtai", "chemical")
    before = align("新疆中泰化学", words, own)
    own["化学"] = (("chemical",),)  # scripts/build_glossary.py grows its tables between alignments
    after = align("新疆中泰化学", words, own)
    assert before.score < 1.0
    assert after.score == pytest.approx(1.0)


def test_a_name_is_read_once_for_the_latin_names_it_meets() -> None:
    from threadline.matching import align as module

    before = module._packaged_steps.cache_info()
    for latin in ("xinjiang zhongtai chemical", "zhongtai", "xinjiang tianye"):
        align("新疆中泰化学", tuple(latin.split()), glossary())
    after = module._packaged_steps.cache_info()
    assert after.misses - before.misses <= 1
    assert after.hits - before.hits >= 2
    assert after.maxsize == module.HAN_STEPS_REMEMBERED


def test_a_name_may_be_read_with_other_spellings_than_its_pinyin() -> None:
    from threadline.matching.align import _align_once
    from threadline.names.han import readings

    words = ("chiang", "ching", "kuo")
    wade_giles = (("chiang",), ("ching",), ("kuo",))  # 蒋经国 in Taiwan's spelling
    assert _align_once("蒋经国", words, glossary(), True).score < 0.5
    assert _align_once("蒋经国", words, glossary(), True, None, wade_giles).score == pytest.approx(1.0)
    pinyin = _align_once("蒋经国", ("jiang", "jing", "guo"), glossary(), True)
    assert _align_once("蒋经国", ("jiang", "jing", "guo"), glossary(), True, None, readings("蒋经国")) == pinyin
    assert pinyin.score == pytest.approx(1.0)


@from_source
def test_skipping_a_reading_that_spells_no_word_changes_no_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    from threadline.matching import align as module

    names = ("金铁三", "李家超", "林郑月娥", "蒋经国", "陈全国", "朱海仑", "蔡英文", "许")
    latin = ("kim chol sam", "lee ka chiu", "chiang ching kuo", "chen quanguo", "quangguo chen", "john smith", "hsu")
    pairs = [(h, tuple(w.split())) for h in names for w in latin]
    skipped = [repr(align(h, w, glossary(), any_order=True)) for h, w in pairs]
    monkeypatch.setattr(module, "_spells_any", lambda *_args: True)
    assert [repr(align(h, w, glossary(), any_order=True)) for h, w in pairs] == skipped


def test_one_word_no_chinese_reading_spells_reads_as_an_english_given_name() -> None:
    plain = align("李家超", ("lee", "john", "ka", "chiu"), glossary(), any_order=True)
    given = with_given_name(plain)
    assert given is not None and given.score == pytest.approx(1 - 0.5 / 4)
    assert "'john' (English given name)" in given.describe()
    other = align("陈全国", ("chen", "ming", "quanguo"), glossary(), any_order=True)
    assert with_given_name(other) is None  # a leftover syllable is another name, not a given name beside it


def test_a_word_of_the_same_root_explains_a_one_word_phrase_in_part() -> None:
    """旅游 means "tourism" and 液化 "liquefy": "Tourist" and "Liquefaction" are of their roots, which Snowball leaves
    apart; each is explained, credited less than the phrase itself."""
    tourist = align("豫园旅游商城", ("yuyuan", "tourist", "mart"), glossary(), dictionary=dictionary())
    assert [(p.han, p.credit) for p in tourist.pieces if p.latin == "tourist"] == [("旅游", FAMILY_CREDIT)]
    liquid = align("深冷液化设备", ("shenleng", "liquefaction", "plant"), glossary(), dictionary=dictionary())
    assert "液化=liquefaction" in liquid.describe()
    assert word_family("tourism") == word_family("tourist") != word_family("touring")


def test_no_root_of_a_short_word_or_of_a_phrase_of_several_words() -> None:
    """Six letters are too little of a root ("energy", "energetic"), and 中药 = "chinese medicine" does not explain
    "Chinese" by the root of a phrase of two words."""
    assert word_family("energy") == ""
    herbal = align("中药", ("chinese",), glossary(), dictionary=dictionary())
    assert herbal.unexplained_latin == ("chinese",)


def _listed_chinese_cores(count: int) -> list[str]:
    """Every ``count``-th exchange-listed company's Chinese lookup key (its name without the legal form)."""
    with TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return sorted({row["key"] for row in rows if row["language"] == "zh" and row["key"]})[::count]


STEP_FIELDS = ("short", "suffix", "skips", "cheap", "spelled", "spans", "spelled_as", "renderable", "heads")


def test_a_name_read_with_the_tables_beginnings_has_the_tables_read_without_them() -> None:
    """Spans that begin no longer term are not looked up past (the glossary's and the dictionary's beginnings);
    read without them, every span is looked up: the same steps, terms in the same order, on real names."""
    from threadline.matching.align import _read_han

    table, general = glossary(), dictionary()
    names = [*_listed_chinese_cores(7), "新疆维吾尔自治区公安厅", "新疆生产建设兵团第八师一二一团", "中华人民共和国"]
    for name in names:
        quick = _read_han(name, table, general, None, beginnings(table), beginnings(general))
        every = _read_han(name, table, general)
        for field in (*STEP_FIELDS, "terms", "keys", "forms", "families", "singles"):
            assert getattr(quick, field) == getattr(every, field), (name, field)
        person = _read_han(name, table, None, None, beginnings(table))
        assert person.terms == _read_han(name, table, None).terms, name


def test_a_characters_glosses_are_kept_whole_and_made_terms_only_for_the_names_that_use_them() -> None:
    """The dictionary's glosses of one character are no terms of the name read alone: they are kept per character
    and made terms for a Latin name that may use one, with the order they had among the terms starting there. They
    still explain a word alone (金 = "golden"), by another form, and as half of a joined word (金风 = "Goldwind")."""
    from threadline.matching.align import _read_han, _single_hits, _word_runs

    table, general = glossary(), dictionary()
    steps = _read_han("金山软件", table, general, None, beginnings(table), beginnings(general))
    assert not [
        term for terms in steps.terms.values() for term in terms if len(term[2]) == 1 and term[4] == "dictionary"
    ]
    assert [i for i, _first, _own, _signature in steps.singles] == [0, 1, 2, 3]
    assert _single_hits(steps, _word_runs(("xyzzy",))[3]) == []  # a word no gloss can explain: nothing made
    hits = [term for term, _form, _family in _single_hits(steps, _word_runs(("golden", "mountain"))[3])]
    assert {term[2] for term in hits} == {"金", "山"} and hits == sorted(hits)
    glossed = [
        (p.han, p.latin, p.how)
        for p in align("金山软件", ("golden", "mountain", "software"), table, dictionary=general).pieces
    ]
    assert glossed[:2] == [("金", "golden", "dictionary"), ("山", "mountain", "dictionary")]
    joined = align("金风科技", ("goldwind", "technology"), table, dictionary=general).pieces
    assert (joined[0].han, joined[0].latin, joined[0].how) == ("金风", "goldwind", "dictionary")


def test_names_share_their_spans_and_a_spelling_of_one_span_holds_a_shared_tuple() -> None:
    """The spans a name's pinyin steps may read depend on its length alone: one list for all names that long. A
    spelling of one span holds a tuple every name shares; one of two spans (海 and 海 in 上海海运) a list of both."""
    from threadline.matching.align import _read_han

    table = glossary()
    first, second = _read_han("中泰化学", table, None), _read_han("华为技术", table, None)
    assert first.spans is second.spans and first.spans == [(i, k) for i in range(4) for k in range(1, 5 - i)]
    assert first.spelled_as["zhongtai"] == ((0, 2),) and first.spelled_as["zhongtai"] is second.spelled_as["huawei"]
    twice = _read_han("上海海运", table, None)
    assert list(twice.spelled_as["hai"]) == [(1, 1), (2, 1)]


def test_a_names_terms_by_form_are_its_terms_grouped_in_the_order_read() -> None:
    """A form's terms share their key's list when the form has one key; several keys of one form are merged in
    the order read (first character, then order among the terms starting there)."""
    from threadline.matching.align import _read_han, word_form

    table, general = glossary(), dictionary()
    merged = 0
    for name in _listed_chinese_cores(5):
        steps = _read_han(name, table, general, None, beginnings(table), beginnings(general))
        expected: dict[str, list[tuple[int, int, str, str, str, float]]] = {}
        for term in sorted(term for terms in steps.terms.values() for term in terms):
            expected.setdefault(word_form(term[3]), []).append(term)
        assert steps.forms == expected, name
        merged += sum(len({term[3] for term in terms}) > 1 for terms in steps.forms.values())
    assert merged > 0  # some form is that of two keys ("manufacture" and "manufacturing")


def test_a_spans_terms_are_those_of_the_table_asked_about() -> None:
    """The terms of a span are remembered with the phrases they were made of: another table's phrases for the
    same span give their own terms, equal phrases of another table the same terms."""
    from threadline.matching.align import _phrase_terms, joined_key

    phrases = glossary()["科技"]
    own = (("science", "and", "technology"),)
    ours = _phrase_terms("科技", phrases, "glossary", 1.0)
    assert [term[1] for term in ours] == [joined_key(p) for p in phrases]
    other = _phrase_terms("科技", own, "glossary", 1.0)
    assert [term[1] for term in other] == [joined_key(own[0])] != [term[1] for term in ours]
    assert _phrase_terms("科技", tuple(tuple(p) for p in phrases), "glossary", 1.0) == ours
    assert _phrase_terms("科技", phrases, "dictionary", 0.8)[0][2:4] == ("dictionary", 0.8)


def test_the_spans_of_the_packaged_tables_are_remembered_as_they_read_afresh() -> None:
    """What a span is in the packaged tables is worked out once and kept (``_PACKAGED_SPANS``): a name read with
    the remembered spans, the first time or again, has the tables it has when every span is worked out afresh."""
    from threadline.matching import align as module

    table, general = glossary(), dictionary()
    names = [*_listed_chinese_cores(11), "新疆维吾尔自治区公安厅", "新疆生产建设兵团第八师一二一团", "中华人民共和国"]
    for name in names:
        afresh = module._read_han(name, table, general, None, beginnings(table), beginnings(general))
        person_afresh = module._read_han(name, table, None, None, beginnings(table))
        for _ in range(2):
            remembered = module._packaged_steps.__wrapped__(name, True, None)
            person = module._packaged_steps.__wrapped__(name, False, None)
            for field in (*STEP_FIELDS, "terms", "keys", "forms", "families", "singles", "glossed"):
                assert getattr(remembered, field) == getattr(afresh, field), (name, field)
                assert getattr(person, field) == getattr(person_afresh, field), (name, field)
    known = module._PACKAGED_SPANS.table.get("科技")
    assert known is not None and known.generic and not known.own
    assert module._PACKAGED_GLOSSARY_SPANS.table.get("科技") is not None


def test_a_span_whose_spellings_cannot_be_near_a_word_is_not_asked_for_a_close_spelling() -> None:
    """``_may_spell`` rules a span out by length and first letter alone, never one in which ``_pinyin_step`` finds
    a close spelling or a rendering: checked on every span of real names against slips of their own spellings."""
    from threadline.matching.align import _may_spell, _pinyin_step, _read_han

    table, asked, ruled_out = glossary(), 0, 0
    for name in _listed_chinese_cores(40):
        steps = _read_han(name, table, None)
        spellings = {s for row in steps.spelled for by_k in row for s in by_k}
        words = {w for s in spellings for w in (s[:-1], s + "g", s[1:], "x" + s[1:], s[: len(s) // 2]) if len(w) >= 2}
        for i, k in steps.spans:
            spelled = steps.spelled[i][k - 1]
            for word in words - set(spelled):
                for person in (True, False):
                    asked += 1
                    if not _may_spell(spelled, word, person):
                        ruled_out += 1
                        assert _pinyin_step(name[i : i + k], spelled, word, person) is None, (name, i, k, word)
    assert ruled_out > asked // 2
    assert not _may_spell(("zhongtai",), "xinjiang", False)
    assert _may_spell(("desai",), "desay", False)
