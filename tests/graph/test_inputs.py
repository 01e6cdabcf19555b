from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadline.exc import InputFileError
from threadline.graph.inputs import read_relations
from threadline.graph.model import Share, parse_share


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_supplier_relations_with_addresses_tiers_and_a_bad_row(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "supply.csv",
        "buyer,supplier,supplier_address,supplier_country,material,hs_code,tier\n"
        "Brand,Mill,Jiangsu,China,fabric,5208,1\n"
        ",Spinner,Aksu,CN,yarn,5205,2\n"
        "Mill,Spinner,新疆阿克苏,CN,yarn,5205,tier two\n"
        "Mill,Spinner,新疆阿克苏,CN,yarn,5205,Tier 2\n",
    )
    result = read_relations([path])
    assert result.kinds[str(path)] == "supplier relations"
    assert [(r.downstream.name, r.upstream.name, r.tier) for r in result.relations] == [
        ("Brand", "Mill", 1),
        ("Mill", "Spinner", 2),
    ]
    first = result.relations[0]
    assert (first.upstream.address, first.upstream.country, first.product, first.source.row) == (
        "Jiangsu",
        "cn",
        "fabric",
        1,
    )
    assert len(result.skipped) == 2
    assert "supply.csv:2: empty buyer name" in result.skipped[0]
    assert "supply.csv:3: tier 'tier two'" in result.skipped[1]


def test_chinese_headers_and_gbk(tmp_path: Path) -> None:
    path = _write(tmp_path / "gx.csv", "采购方,供应商,供应商地址,产品\n甲公司,乙公司,新疆石河子市,棉纱\n", "gbk")
    (relation,) = read_relations([path]).relations
    assert (relation.downstream.name, relation.upstream.name, relation.upstream.address) == (
        "甲公司",
        "乙公司",
        "新疆石河子市",
    )


def test_shipments_and_ownership_are_told_apart_by_header(tmp_path: Path) -> None:
    shipments = _write(
        tmp_path / "bol.csv",
        "shipper,consignee,goods description,hs code,origin,date\nA,B,cotton yarn,5205,China,2024-03-01\n",
    )
    owners = _write(tmp_path / "own.csv", "shareholder,company,percentage,controls\nX,A,55%,yes\nY,A,,\nZ,A,lots,\n")
    result = read_relations([shipments, owners])
    kinds = [(r.kind, r.upstream.name, r.downstream.name) for r in result.relations]
    assert kinds == [("ships", "A", "B"), ("owns", "X", "A"), ("owns", "Y", "A")]
    assert result.relations[0].upstream.country == "cn"
    assert result.relations[1].share == Share(55, 55) and result.relations[1].controls
    assert result.relations[2].share == Share(0, 100)
    assert "share 'lots'" in result.skipped[0]


def test_json_lines_and_an_unknown_header(tmp_path: Path) -> None:
    path = tmp_path / "rel.jsonl"
    path.write_text(json.dumps({"buyer": "A", "supplier": "B"}) + "\nnot json\n", encoding="utf-8")
    result = read_relations([path])
    assert len(result.relations) == 1 and "rel.jsonl:2: not a JSON object" in result.skipped[0]
    bad = _write(tmp_path / "x.csv", "name,address\nA,B\n")
    with pytest.raises(InputFileError, match="buyer and supplier"):
        read_relations([bad])


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("55", 55, 55), ("55%", 55, 55), (0.25, 25, 25), ("30-80", 30, 80), ("unknown", 0, 100), ("", 0, 100)],
)
def test_shares(text: object, low: float, high: float) -> None:
    share = parse_share(text)
    assert (share.low, share.high) == (low, high)


@pytest.mark.parametrize("text", ["150", "80-30", "about half"])
def test_bad_shares_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ValueError, match="write"):
        parse_share(text)


@pytest.mark.shared
def test_ftm_ownership_and_directorship(shared_data: Path) -> None:
    path = shared_data / "ftm-samples" / "yente_zala_entities.ftm.json"
    result = read_relations([path])
    assert result.kinds[str(path)] == "FollowTheMoney"
    kinds = {r.kind for r in result.relations}
    assert kinds == {"owns", "directs"}
    assert any("ended on" in line for line in result.skipped)
    assert result.listed_by  # sanctioned parties in the cluster are marked
    assert all(r.upstream.key and r.downstream.key for r in result.relations)
