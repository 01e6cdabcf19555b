from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from threadline.matching.acronyms import (
    _DOTTED,
    _QUALIFIER,
    _QUALIFIER_CASELESS,
    _as_written,
    _words,
    acronym_tokens,
    derive,
    expand,
    index_keys,
    is_acronym,
    may_spell,
    query_keys,
    significant,
)
from threadline.names.normalize import fold
from threadline.service import default_store


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Xinjiang Production and Construction Corps", "xpcc"),
        ("China Electronics Technology Group Corporation", "cetc"),
        ("China Electronics Technology Group Corporation", "cet"),
        ("Yangtze Memory Technologies Co., Ltd.", "ymt"),
        ("Yangtze Memory Technologies Co., Ltd.", "ymtc"),
        ("University of Science and Technology of China", "ustc"),
        ("Hoshine Silicon Industry Co. Ltd and subsidiaries", "hsi"),
    ],
)
def test_derive_skips_function_words_and_makes_legal_letters_optional(name: str, acronym: str) -> None:
    assert acronym in derive(name)


def test_derive_gives_nothing_for_one_word_or_chinese_names() -> None:
    assert derive("Hikvision Co., Ltd.") == frozenset()
    assert derive("新疆生产建设兵团") == frozenset()
    assert "xapcc" not in derive("Xinjiang Production and Construction Corps")


def test_acronym_tokens_need_capitals() -> None:
    assert acronym_tokens("XPCC Public Security Bureau") == ("xpcc",)
    assert acronym_tokens("X.P.C.C.") == ("xpcc",)
    assert acronym_tokens("Xpcc Public Security Bureau") == ()
    assert is_acronym("CETC") and not is_acronym("CETC 38") and not is_acronym("Hikvision")


def test_expand_reads_whole_name_acronym_as_same() -> None:
    expansion = expand("XPCC", "Xinjiang Production and Construction Corps (XPCC)")
    assert expansion is not None
    assert (expansion.acronym, expansion.outcome) == ("XPCC", "same")
    assert expansion.expansion == "Xinjiang Production and Construction Corps"


def test_expand_with_shared_remaining_words_is_same() -> None:
    expansion = expand(
        "XPCC Public Security Bureau", "Xinjiang Production and Construction Corps Public Security Bureau"
    )
    assert expansion is not None and expansion.outcome == "same"


def test_expand_agency_against_its_bureau_is_related() -> None:
    expansion = expand("XPCC", "Xinjiang Production and Construction Corps Public Security Bureau")
    assert expansion is not None and expansion.outcome == "related"
    assert expansion.extra == ("public", "security", "bureau")


def test_expand_other_words_on_both_sides_is_different() -> None:
    expansion = expand("XPCC Hospital", "Xinjiang Production and Construction Corps Public Security Bureau")
    assert expansion is not None and expansion.outcome == "different"


def test_expand_none_when_letters_spell_no_run() -> None:
    assert expand("XPCC", "Xinjiang Zhongtai Chemical Co., Ltd.") is None
    assert expand("XPCC", "XPCC Public Security Bureau") is None  # both write it: compare as names


def test_index_keys_cover_leading_runs() -> None:
    assert "ini:xpcc" in index_keys("Xinjiang Production and Construction Corps Public Security Bureau")
    assert "acr:xpcc" in index_keys("XPCC")
    assert not any(len(k) < len("acr:") + 3 for k in index_keys("Bank of Kunlun"))


def test_a_query_looks_up_acronyms_against_initials_and_not_initials_against_initials() -> None:
    full = "Xinjiang Production and Construction Corps"
    assert query_keys("XPCC") & index_keys(full)
    assert query_keys(full) & index_keys("XPCC")
    assert query_keys("XPCC Public Security Bureau") & index_keys(f"{full} Public Security Bureau")
    # two full names with the same initials share no key: no acronym links them
    assert "ini:sspc" in index_keys("Shanghai Steel Pipe Company")
    assert "acr:sspc" in query_keys("Samsung Sun Power Company")
    assert not query_keys("Samsung Sun Power Company") & index_keys("Shanghai Steel Pipe Company")


def test_significant_drops_function_words_and_legal_forms() -> None:
    assert significant("The Bank of Kunlun Co., Ltd.") == ["bank", "kunlun"]


def test_dotted_abbreviations_are_one_word() -> None:
    expansion = expand("U.S. Department of State", "United States Department of State")
    assert expansion is not None and expansion.outcome == "same"
    assert expand("BP p.l.c.", "BD p.l.c.") is None  # one content word and a legal form spell nothing
    assert expand("ABC", "A.B.C. Company") is None


_WORDS = ["Xinjiang", "Production", "and", "Construction", "Corps", "Limited", "Liability", "Company", "China"]
_WORDS += ["Electronics", "Technology", "Group", "Co", "Ltd", "of", "Public", "Security", "Joint", "Stock"]
_ACRONYMS = ["XPCC", "CETC", "CET", "LLC", "JSC", "PS", "CO", "LTD", "XPC"]
_FULL = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7).map(" ".join)
_SHORT = st.tuples(st.lists(st.sampled_from(_ACRONYMS), min_size=1, max_size=3), st.lists(st.sampled_from(_WORDS))).map(
    lambda parts: " ".join(parts[0] + parts[1])
)


@settings(max_examples=500, deadline=None)
@given(short=_SHORT, full=_FULL)
@example(short="JSC XPCC", full="Xinjiang Production and Construction Corps")
def test_an_acronym_expands_only_where_may_spell_says_it_may(short: str, full: str) -> None:
    """``may_spell`` rules a pair out before anything else is worked out: it must never rule out one that
    ``expand`` reads (acronyms, one spelling a run and another not, against names of legal and content words)."""
    if expand(short, full) is not None:
        assert may_spell(short, full), (short, full)


def test_a_run_found_for_one_name_is_read_alike_for_another() -> None:
    """The run an acronym spells in a full name is remembered across short names: "XPCC" and "XPCC Public Security
    Bureau" against the corps' full name, asked in either order, each reads as it should."""
    full = "Xinjiang Production and Construction Corps"
    bureau = expand("XPCC Public Security Bureau", full)
    alone = expand("XPCC", full)
    assert alone is not None and alone.outcome == "same" and alone.expansion == full
    assert bureau is not None and bureau.outcome == "related" and bureau.expansion == full
    assert bureau.extra == ("public", "security", "bureau")
    assert expand("LLC", "Limited Liability Company Metalmaster") is None  # two legal words: not a run of content
    assert not may_spell("Hon Hai LLC", "Xinjiang Production and Construction Corps")


def test_a_legal_form_written_in_capitals_is_not_the_names_acronym() -> None:
    assert not any(key.endswith(":llc") for key in index_keys("Skyworks Solutions LLC"))
    assert not query_keys("Skyworks Solutions LLC") & index_keys("Limited Liability Company Lotus Logistics Center")
    assert "acr:xpcc" in index_keys("XPCC Public Security Bureau")
    assert "acr:asc" in index_keys("ASC")  # a whole name is an acronym whatever else it spells


def _words_by_expression(name: str) -> tuple[str, ...]:
    """What ``_words`` gave before it skipped the expressions a name cannot match (its dots, its qualifier)."""
    folded = fold(_DOTTED.sub(lambda m: m.group(0).replace(".", ""), name))
    return tuple(_QUALIFIER.sub("", folded).split())


def _as_written_by_expression(name: str) -> tuple[str, ...]:
    """What ``_as_written`` gave before its ASCII path (NFKC and a word-splitting expression on every name)."""
    undotted = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)
    spaced = unicodedata.normalize("NFKC", _QUALIFIER_CASELESS.sub("", undotted))
    return tuple(re.sub(r"[^\w]+|_", " ", spaced).split())


_PIECES = ["Hoshine", "Silicon", "and", "its", "Subsidiaries", "SUBORDINATE", "affiliated", "Also", "known", "as"]
_PIECES += ["a", "k", "f", "A.K.A.", "f.k.a.", "p.l.c.", "U.S.", "Co.,", "Ltd.", "_x_", "O'Brien", "(XPCC)", "&"]
_PIECES += ["A.B.C", "x.y", "A..B", "\u212a", "\u017fubsidiaries", "Ｃｏ", "Bäckerei", "新疆", "-", " ", "\t"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=9).map(" ".join))
@example("Hoshine Silicon Industry Co. Ltd and Subsidiaries")
@example("Acme Group A.K.A. Acme Holdings")
@example("Acme Group, formerly known as Acme Holdings")
@example("Acme \u212anown as x")
@example("Acme Trading a k a Acme Holdings")
@example("acme f k a acme holdings")
@example("Acme Group and its Subordinate units")
@example("Acme Group and affiliates")
def test_a_names_words_are_those_the_expressions_give(name: str) -> None:
    """A name's words and their written forms, worked out without the expressions where they cannot match, are the
    same as the expressions give: names with and without qualifiers, dots, underscores, characters beyond ASCII
    (the Kelvin sign and the long s match "k" and "s" only when case is ignored)."""
    assert _words.__wrapped__(name) == _words_by_expression(name)
    assert _as_written.__wrapped__(name) == _as_written_by_expression(name)


def test_the_embedded_lists_names_have_the_words_the_expressions_give() -> None:
    names = {n.value for e in default_store().entities for n in e.names}
    assert len(names) > 10_000
    for name in names:
        assert _words.__wrapped__(name) == _words_by_expression(name), name
        assert _as_written.__wrapped__(name) == _as_written_by_expression(name), name
