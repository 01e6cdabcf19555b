from __future__ import annotations

import pytest

from threadline.evidence.link import Linker
from threadline.evidence.model import Document


def _links(linker: Linker, text: str) -> set[tuple[str, str, str]]:
    doc = Document("t.txt", text, "0" * 64, "text")
    return {(link.mention, link.source, link.entry_id) for link in linker.link(doc)}


def _mentions(linker: Linker, text: str) -> set[str]:
    return {mention for mention, _source, _entry in _links(linker, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Chen Hong, a survivor of the camps, said Chen was her family name.",
        "Mr Zhu said the factory was closed; Zhu declined to comment further.",
        '"The lists are incomplete," said Zhang Wei, a researcher at a London university.',
        "Human rights activist Zhang Wei spoke to reporters.",
        "Soe Win Aung, a farmer from Sagaing, said the army burned his village.",
        "MEC stands for mobile edge computing at this trade fair.",
        "Wang Wei, a lawyer in Beijing, represents the families.",
        "A spokesman for the Chinese embassy in London, Wang Wei, rejected the sanctions as lies.",
        "Mark Farmaner, director of Burma Campaign UK, welcomed the sanctions on the military.",
        "研究员张伟认为，这些名单并不完整。",
        "幸存者陈红说，她曾被送往工厂劳动。",
        "晨全国的工厂在上海。",
    ],
)
def test_traps_are_not_linked(linker: Linker, text: str) -> None:
    assert _links(linker, text) == set()


def test_a_listed_official_is_linked_to_every_list_entry(linker: Linker) -> None:
    found = _links(linker, "Senior General Min Aung Hlaing, the commander-in-chief, met envoys.")
    assert found == {
        ("Min Aung Hlaing", "eu", "128186"),
        ("Min Aung Hlaing", "ofac-sdn", "27225"),
        ("Min Aung Hlaing", "uk", "GHR0046"),
        ("Min Aung Hlaing", "uk", "MYA0018"),
    }


def test_a_misspelt_name_is_linked_with_a_lower_score_and_the_reason(linker: Linker) -> None:
    doc = Document("t.txt", "Former party secretary Zhu Hailunn was designated.", "0" * 64, "text")
    links = [link for link in linker.link(doc) if link.entry_id == "29219"]
    assert [link.mention for link in links] == ["Zhu Hailunn"]
    assert 0.8 <= links[0].score < 0.95
    assert "slip" in links[0].reason


def test_a_short_name_needs_a_title_or_country(linker: Linker) -> None:
    assert "Soe Win" not in _mentions(linker, "Soe Win said the weather was fine.")
    assert "Soe Win" in _mentions(linker, "Vice-Senior General Soe Win said the weather was fine.")


def test_an_acronym_is_linked_when_the_document_spells_the_name_out(linker: Linker) -> None:
    text = "The Myanmar Economic Corporation is run by officers.\n\nIts filings show MEC paid dividends."
    found = _links(linker, text)
    assert ("MEC", "ofac-sdn", "31516") in found
    assert ("MEC", "uk", "GHR0081") in found  # the same party: the UK lists it under its full name only


def test_a_two_character_chinese_name_needs_context(linker: Linker, monkeypatch: pytest.MonkeyPatch) -> None:
    from threadline.evidence import link as link_module
    from threadline.evidence.mentions import Candidate
    from threadline.model import Entity, Name

    entity = Entity("test", "1", "Person", (Name("王军"),))
    bare = Candidate(0, 2, "王军", entity, entity.names[0], "characters")
    assert linker.decide(bare, "王军说").needs == "two-character Chinese name"
    titled = Candidate(2, 4, "王军", entity, entity.names[0], "characters")
    assert linker.decide(titled, "局长王军说").needs is None
    assert set("陈朱王张") <= link_module.CHINESE_SURNAMES


def test_a_name_inside_a_longer_linked_name_is_dropped(linker: Linker) -> None:
    found = _links(linker, "Senior General Min Aung Hlaing spoke.")
    assert not any(entry == "40516" for _mention, _source, entry in found)  # "MIN, Aung" on the SDN list


def test_lower_case_words_are_not_names(linker: Linker) -> None:
    assert _links(linker, "the myanmar economic corporation of words") == set()
