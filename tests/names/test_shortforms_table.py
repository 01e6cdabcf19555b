"""The glossary's mined short forms (resources/glossary/shortforms.csv, scripts/build_shortforms.py)."""

from __future__ import annotations

from types import ModuleType

from tests.generators import load_script
from threadline.matching.align import Alignment, Piece
from threadline.names.glossary import glossary, read_short_forms, short_beginnings, terms_glossary


def _generator() -> ModuleType:
    return load_script("build_shortforms")


def test_the_packaged_glossary_reads_the_short_words_and_the_terms_glossary_does_not() -> None:
    assert ("中", "sino") in read_short_forms("beginning") and ("热", "thermal") in read_short_forms("word")
    assert ("thermal",) in glossary()["热"] and "热" not in terms_glossary()
    # a beginning is read only inside a word written together: alone, "Sino" is any Chinese company's
    assert ("sino",) not in glossary().get("中", ()) and ("sino",) in short_beginnings()["中"]


def test_candidates_pair_unexplained_characters_with_words_and_word_beginnings_the_name_spells_the_rest_of() -> None:
    alignment = Alignment(
        0.5,
        (
            Piece("中", "", "unexplained", 0.0),
            Piece("钢", "", "unexplained", 0.0),
            Piece("", "sinosteel", "unexplained", 0.0),
        ),
    )
    found = _generator().candidates("中钢", alignment, terms_glossary())
    assert ("中", "sinosteel", "word") in found and ("中钢", "sinosteel", "word") in found
    assert ("中", "sino", "beginning") in found  # the rest, "steel", is 钢's meaning
    assert not any(kind == "beginning" and form == "sinos" for _h, form, kind in found)  # "teel" spells nothing


def test_a_form_is_kept_only_when_the_dictionary_gives_its_root_to_a_term_holding_the_characters() -> None:
    corroborated = _generator()._corroborated
    assert corroborated("热", "thermal")  # 导热膏 "thermal grease"
    assert corroborated("中", "sino")  # 中外 "sino foreign"
    assert corroborated("农", "agri")  # 农业 "agriculture": a beginning of four letters or more
    assert not corroborated("瑞", "real")  # a brand two companies share, no meaning
    assert not corroborated("通宝", "top")


def test_a_shorter_span_is_a_fragment_when_a_longer_one_with_the_same_form_covers_its_companies() -> None:
    fragment = _generator()._fragment
    support = {("动", "engine", "word"): {"a", "b"}, ("动力", "engine", "word"): {"a", "b"}}
    proposed = list(support)
    assert fragment(("动", "engine", "word"), proposed, support)
    assert not fragment(("动力", "engine", "word"), proposed, support)
