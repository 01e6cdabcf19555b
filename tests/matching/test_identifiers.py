from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadline.matching.identifiers import IdentifierIndex, adjust, code, codes, compare, kind_of
from threadline.matching.model import Hit, Query
from threadline.matching.pairs import score_pair
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Identifier, Name
from threadline.service import score_pairs_file

USCC = "91110117663725176G"
OTHER_USCC = "91222401MA0Y31E659"
BAD_USCC = "91110117663725176H"  # last character is not the check digit
LEI = "253400V1H6ART1UQ0N98"


def _company(entry_id: str, name: str, *ids: Identifier) -> Entity:
    return Entity("test", entry_id, "Company", (Name(name),), countries=("cn",), identifiers=ids)


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Unified Social Credit Code (USCC)", "uscc"),
        ("Legal Entity Number", "lei"),
        ("Vessel Registration Identification", "imo"),
        ("SWIFT/BIC", "bic"),
        ("Tax ID No.", "tax"),
        ("registrationNumber", "registration"),
        ("Website", None),
        ("Effective Date (CMIC)", None),
    ],
)
def test_labels_map_to_kinds(label: str, kind: str | None) -> None:
    assert kind_of(label) == kind


def test_values_fold_and_validate() -> None:
    imo, plain = code("Vessel Registration Identification", "IMO 9187629"), code("imoNumber", "9187629")
    assert imo is not None and plain is not None and (imo.kind, imo.value) == (plain.kind, plain.value)
    c = code("Unified Social Credit Code (USCC)", " 9111-0117 6637 25176g ")
    assert c is not None and (c.value, c.valid) == (USCC.lower(), True)
    bad = code("uscc", BAD_USCC)
    assert bad is not None and bad.valid is False
    assert code("Website", "www.example.com") is None


def test_a_registration_number_that_is_a_uscc_or_lei_counts_as_one() -> None:
    as_uscc = code("Registration Number", USCC)
    as_lei = code("taxNumber", LEI)
    assert as_uscc is not None and as_uscc.kind == "uscc"
    assert as_lei is not None and as_lei.kind == "lei"


def test_compare_only_within_compatible_kinds() -> None:
    query = codes([Identifier("passport", "E12345678")])
    entity = codes([Identifier("Tax ID No.", "E12345678")])
    assert not compare(query, entity).matched
    company = codes([Identifier("Registration Number", "1027700132195")])
    assert compare(codes([Identifier("taxNumber", "1027700132195")]), company).matched


def test_unchecked_numbers_never_conflict_and_short_ones_never_match() -> None:
    assert not compare(
        codes([Identifier("registrationNumber", "1234567")]), codes([Identifier("regnumber", "99887766")])
    ).conflicts
    assert not compare(
        codes([Identifier("registrationNumber", "044")]), codes([Identifier("regnumber", "044")])
    ).matched


def test_bic_branch_suffix_is_optional_and_same_bank_is_no_conflict() -> None:
    assert compare(codes([Identifier("swiftBic", "CKLBCNBJXXX")]), codes([Identifier("SWIFT/BIC", "CKLBCNBJ")])).matched
    same_bank = compare(codes([Identifier("swiftBic", "VTBRRUMM")]), codes([Identifier("SWIFT/BIC", "VTBRDEFF")]))
    assert not same_bank.matched and not same_bank.conflicts


def _hit(entity: Entity, score: float) -> Hit:
    return Hit(entity, score, entity.names[0], "name similarity", (("name_similarity", score),))


def test_match_raises_a_hit_into_the_match_region_and_says_why() -> None:
    entity = _company(
        "1", "Xinjiang Zhongtai Chemical Co., Ltd.", Identifier("Unified Social Credit Code (USCC)", USCC)
    )
    query = Query("Zhongtai Chem", identifiers=(Identifier("registrationNumber", USCC),))
    hit = adjust(_hit(entity, 0.6), query, entity)
    assert hit is not None and hit.score >= 0.9
    assert "USCC" in hit.explanation and "matches" in hit.explanation


def test_conflict_lowers_a_hit_and_says_so() -> None:
    entity = _company(
        "1", "Xinjiang Zhongtai Chemical Co., Ltd.", Identifier("Unified Social Credit Code (USCC)", USCC)
    )
    query = Query("Xinjiang Zhongtai Chemical", identifiers=(Identifier("uscc", OTHER_USCC),))
    hit = adjust(_hit(entity, 1.0), query, entity)
    assert hit is not None and hit.score < 0.85
    assert "differs" in hit.explanation


def test_invalid_check_digit_is_reported_not_held_against_the_match() -> None:
    entity = _company(
        "1", "Xinjiang Zhongtai Chemical Co., Ltd.", Identifier("Unified Social Credit Code (USCC)", USCC)
    )
    query = Query("Xinjiang Zhongtai Chemical", identifiers=(Identifier("uscc", BAD_USCC),))
    hit = adjust(_hit(entity, 0.95), query, entity)
    assert hit is not None and hit.score == pytest.approx(0.95)
    assert "fails its check digit" in hit.explanation


def test_no_identifiers_leaves_the_hit_alone() -> None:
    entity = _company("1", "Foo Co., Ltd.")
    hit = _hit(entity, 0.7)
    assert adjust(hit, Query("Foo", identifiers=(Identifier("uscc", USCC),)), entity) is hit
    assert adjust(None, Query("Foo"), entity) is None


ENTITIES = [
    _company("1", "Xinjiang Zhongtai Chemical Co., Ltd.", Identifier("Unified Social Credit Code (USCC)", USCC)),
    _company(
        "2", "Xinjiang Zhongtai Chemical Trading Co., Ltd.", Identifier("Unified Social Credit Code (USCC)", OTHER_USCC)
    ),
    _company("3", "Zhejiang Dahua Technology Co., Ltd.", Identifier("Legal Entity Number", LEI)),
]


def test_match_adjusts_name_hits_and_an_exact_code_finds_a_renamed_entry() -> None:
    matcher = SimpleMatcher(ENTITIES)
    hits = matcher.match(
        Query("Xinjiang Zhongtai Chemical", identifiers=(Identifier("registrationNumber", OTHER_USCC),))
    )
    by_id = {h.entity.entry_id: h for h in hits}
    assert by_id["2"].score > by_id["1"].score
    assert "differs" in by_id["1"].explanation
    renamed = matcher.match(Query("Xinjiang Zhongtai Chemical", identifiers=(Identifier("leiCode", LEI),)))
    assert "3" in {h.entity.entry_id for h in renamed}
    assert IdentifierIndex(ENTITIES).lookup([Identifier("leiCode", LEI)]) == [2]


def test_pairs_read_identifiers_from_both_sides(tmp_path: Path) -> None:
    def side(name: str, uscc: str) -> dict[str, object]:
        return {"schema": "Company", "properties": {"name": [name], "registrationNumber": [uscc]}}

    same = {"id": "a", "left": side("中泰化学", USCC), "right": side("Xinjiang Zhongtai Chemical Co., Ltd.", USCC)}
    differ = {
        "id": "b",
        "left": side("Xinjiang Zhongtai Chemical", USCC),
        "right": side("Xinjiang Zhongtai Chemical Co., Ltd.", OTHER_USCC),
    }
    matcher = SimpleMatcher([])
    assert score_pair(matcher, same, 1, 0.85).match
    assert not score_pair(matcher, differ, 2, 0.85).match
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps({**r, "label": r["id"] == "a"}, ensure_ascii=False) for r in (same, differ)))
    assert score_pairs_file(path, __import__("io").StringIO()).quality.f1 == 1.0
