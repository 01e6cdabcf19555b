"""Read relation files into :class:`~threadline.graph.model.Relation` records.

Four kinds of input, told apart by their headers (English or Chinese):

- supplier relations: a buyer and a supplier column, optionally product or material, HS code, tier, quantity, date
  and each party's address and country;
- shipments (bill-of-lading style): a shipper and a consignee column, optionally goods description, HS code,
  origin country and date;
- ownership: an owner and an owned column, optionally share (``55``, ``55%``, ``30-80``, ``unknown`` ...),
  ``controls`` and date;
- FollowTheMoney entities (JSON lines with ``schema`` and ``properties``): Ownership, Directorship and UnknownLink
  relations, and the parties they point at.

CSV, XLSX and JSON lines are read as ``screen`` reads them (:mod:`threadline.screening.tables`). A row that cannot
be used is skipped with its file, row and reason; the rest of the file is still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threadline.exc import InputFileError
from threadline.graph.model import PartyRef, Relation, Source, parse_share
from threadline.model.countries import to_iso2
from threadline.screening.columns import canonical
from threadline.screening.tables import open_table

_ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "buyer": (
        "buyer",
        "buyername",
        "customer",
        "customername",
        "purchaser",
        "brand",
        "采购方",
        "买方",
        "客户",
        "采购商",
    ),
    "supplier": ("supplier", "suppliername", "vendor", "vendorname", "seller", "factory", "供应商", "卖方", "供货商"),
    "shipper": ("shipper", "shippername", "exporter", "发货人", "出口商"),
    "consignee": ("consignee", "consigneename", "importer", "收货人", "进口商"),
    "owner": ("owner", "ownername", "shareholder", "parent", "parentcompany", "股东", "出资人", "母公司"),
    "owned": ("owned", "ownedname", "company", "subsidiary", "entity", "asset", "被投资企业", "子公司", "公司"),
}
_FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "product": ("product", "material", "goods", "goodsdescription", "description", "commodity", "item", "产品",
                "材料", "原材料", "货物", "品名", "货物描述"),
    "hs_code": ("hscode", "hs", "hts", "htscode", "海关编码", "hs编码", "商品编码"),
    "tier": ("tier", "supplytier", "层级", "级别"),
    "quantity": ("quantity", "qty", "volume", "weight", "数量", "重量"),
    "date": ("date", "shipmentdate", "arrivaldate", "startdate", "日期"),
    "share": ("share", "shares", "percentage", "percent", "ownership", "stake", "holding", "持股比例", "股权比例",
              "比例"),
    "controls": ("controls", "control", "controlling", "控制"),
    "origin": ("origin", "countryoforigin", "origincountry", "原产地", "原产国"),
}  # fmt: skip
# Party attributes: "<role> address", "<role>_country", "<role> id" (supplier address, 供应商地址 ...).
_ATTRIBUTES = {"address": ("address", "地址"), "country": ("country", "国家"), "id": ("id", "key", "编号")}
_ROLE_ZH = {"buyer": "采购方", "supplier": "供应商", "shipper": "发货人", "consignee": "收货人", "owner": "股东",
            "owned": "公司"}  # fmt: skip
_KINDS = (("supplies", "supplier", "buyer"), ("ships", "shipper", "consignee"), ("owns", "owner", "owned"))
_TRUE = {"true", "yes", "y", "1", "x", "是", "控制"}


@dataclass(slots=True)
class ReadResult:
    relations: list[Relation] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """``file:row: reason`` for every row that could not be used."""
    kinds: dict[str, str] = field(default_factory=dict)
    """File → what it was read as (supplier relations, shipments, ownership, FtM)."""
    listed_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """FtM id → datasets, for parties an FtM file marks as sanctions targets."""


def read_relations(paths: list[Path]) -> ReadResult:
    result = ReadResult()
    for path in paths:
        if path.suffix.lower() in {".json", ".jsonl", ".ndjson"} and _looks_like_ftm(path):
            from threadline.graph.ftm import read_ftm_relations  # followthemoney is imported only when needed

            result.kinds[str(path)] = "FollowTheMoney"
            result.listed_by.update(read_ftm_relations(path, result.relations, result.skipped))
            continue
        _read_table(path, result)
    return result


def _looks_like_ftm(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096)
    return '"schema"' in head and '"properties"' in head


def _read_table(path: Path, result: ReadResult) -> None:
    table = open_table(path)
    by_canonical = {canonical(h): h for h in reversed(table.headers) if h}
    kind, up_role, down_role = _kind(path, table.headers, by_canonical, table.close)
    result.kinds[str(path)] = {"supplies": "supplier relations", "ships": "shipments", "owns": "ownership"}[kind]
    columns = {role: _find(by_canonical, _ROLE_SYNONYMS[role]) for role in (up_role, down_role)}
    fields = {name: _find(by_canonical, synonyms) for name, synonyms in _FIELD_SYNONYMS.items()}
    attributes = {
        (role, attr): _attribute_column(by_canonical, role, attr)
        for role in (up_role, down_role)
        for attr in _ATTRIBUTES
    }
    for number, record, line in table.records:
        where = f"{path}:{number}"
        if record is None:
            result.skipped.append(f"{where}: not a JSON object: {line.strip()[:60]!r}")
            continue
        try:
            result.relations.append(
                _relation(kind, record, up_role, down_role, columns, fields, attributes, path, number)
            )
        except ValueError as error:
            result.skipped.append(f"{where}: {error}")


def _kind(path: Path, headers: list[str], by_canonical: dict[str, str], close: Any) -> tuple[str, str, str]:
    for kind, up_role, down_role in _KINDS:
        if _find(by_canonical, _ROLE_SYNONYMS[up_role]) and _find(by_canonical, _ROLE_SYNONYMS[down_role]):
            return kind, up_role, down_role
    close()
    raise InputFileError(
        f"{path}: cannot tell what relations the file holds from its header {', '.join(map(repr, headers))}; "
        "name the columns buyer and supplier (supplier relations), shipper and consignee (shipments), or owner, "
        "owned and share (ownership)"
    )


def _find(by_canonical: dict[str, str], synonyms: tuple[str, ...]) -> str | None:
    return next((by_canonical[s] for s in synonyms if s in by_canonical), None)


def _attribute_column(by_canonical: dict[str, str], role: str, attr: str) -> str | None:
    for role_word in (*_ROLE_SYNONYMS[role][:2], _ROLE_ZH[role]):
        for attr_word in _ATTRIBUTES[attr]:
            found = by_canonical.get(canonical(role_word + attr_word))
            if found:
                return found
    return None


def _text(record: dict[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = record.get(column)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _party(
    record: dict[str, Any], role: str, column: str | None, attributes: dict[tuple[str, str], str | None]
) -> PartyRef:
    name = _text(record, column)
    if name is None:
        raise ValueError(f"empty {role} name in column {column!r}")
    country_raw = _text(record, attributes[(role, "country")])
    return PartyRef(
        name=name,
        address=_text(record, attributes[(role, "address")]),
        country=to_iso2(country_raw) if country_raw else None,
        key=_text(record, attributes[(role, "id")]),
    )


def _relation(
    kind: str,
    record: dict[str, Any],
    up_role: str,
    down_role: str,
    columns: dict[str, str | None],
    fields: dict[str, str | None],
    attributes: dict[tuple[str, str], str | None],
    path: Path,
    number: int,
) -> Relation:
    upstream = _party(record, up_role, columns[up_role], attributes)
    downstream = _party(record, down_role, columns[down_role], attributes)
    origin = _text(record, fields["origin"])
    if origin and upstream.country is None and kind == "ships":
        upstream = PartyRef(upstream.name, upstream.address, to_iso2(origin), upstream.key)
    tier_text = _text(record, fields["tier"])
    tier = None
    if tier_text:
        digits = re.search(r"\d+", tier_text)
        if digits is None:
            raise ValueError(f"tier {tier_text!r} is not a number; write 1, 2, 3 or 'tier 2'")
        tier = int(digits.group())
    share = None
    if kind == "owns":
        share = parse_share(record.get(fields["share"]) if fields["share"] else None)
    controls = (_text(record, fields["controls"]) or "").lower() in _TRUE
    return Relation(
        kind=kind,
        upstream=upstream,
        downstream=downstream,
        source=Source(path.name, number),
        product=_text(record, fields["product"]),
        hs_code=_text(record, fields["hs_code"]),
        tier=tier,
        quantity=_text(record, fields["quantity"]),
        date=_text(record, fields["date"]),
        share=share,
        controls=controls,
    )
