"""Find which column holds the name, address, country, product, HS code and registration number, by header, in English
or Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("name", "address", "country", "product", "hs_code", "registration_id", "record_id")

# Header spellings per field, compared after lower-casing and dropping spaces, '_', '-', '/', '.'.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "suppliername",
        "supplier",
        "name",
        "companyname",
        "company",
        "vendorname",
        "vendor",
        "facilityname",
        "factoryname",
        "factory",
        "entityname",
        "entity",
        "partyname",
        "legalname",
        "manufacturer",
        "manufacturername",
        "shipper",
        "exporter",
        "seller",
        "供应商名称",
        "供应商",
        "公司名称",
        "企业名称",
        "名称",
        "工厂名称",
        "厂商名称",
        "厂商",
        "客户名称",
        "单位名称",
        "出口商",
        "发货人",
    ),
    "address": (
        "address",
        "supplieraddress",
        "companyaddress",
        "facilityaddress",
        "factoryaddress",
        "streetaddress",
        "street",
        "registeredaddress",
        "fulladdress",
        "地址",
        "详细地址",
        "注册地址",
        "工厂地址",
        "公司地址",
        "企业地址",
        "生产地址",
        "经营地址",
    ),
    "country": (
        "country",
        "countryregion",
        "countrycode",
        "nation",
        "countryoforigin",
        "origin",
        "origincountry",
        "国家",
        "国家地区",
        "国别",
        "原产国",
    ),
    "product": (
        "product",
        "products",
        "producttype",
        "goods",
        "goodsdescription",
        "description",
        "merchandise",
        "commodity",
        "material",
        "item",
        "category",
        "产品",
        "产品名称",
        "品名",
        "货物",
        "货物名称",
        "商品名称",
        "商品",
        "主营产品",
        "原材料",
    ),
    "hs_code": (
        "hscode",
        "hs",
        "hts",
        "htscode",
        "htsus",
        "tariffcode",
        "commoditycode",
        "hscodes",
        "海关编码",
        "hs编码",
        "商品编码",
        "税则号",
        "税号",
        "海关商品编码",
    ),
    # The Unified Social Credit Code of a Chinese company (its characters 3-8 say where it is registered), or another
    # registration number or LEI: matching recognises a USCC or LEI by its check digits.
    "registration_id": (
        "uscc",
        "unifiedsocialcreditcode",
        "socialcreditcode",
        "creditcode",
        "registrationnumber",
        "registrationno",
        "businessregistrationnumber",
        "统一社会信用代码",
        "社会信用代码",
        "信用代码",
        "注册号",
        "营业执照号",
        "lei",
        "leicode",
        "legalentityidentifier",
    ),
    # The supplier's own identifier in the user's system: it keys review decisions to the record across runs.
    "record_id": (
        "supplierid",
        "suppliercode",
        "suppliernumber",
        "supplierno",
        "vendorid",
        "vendorcode",
        "vendornumber",
        "vendorno",
        "facilityid",
        "factoryid",
        "partyid",
        "recordid",
        "customerid",
        "id",
        "供应商编号",
        "供应商代码",
        "供应商id",
        "厂商编号",
        "客户编号",
        "编号",
    ),
}
# Extra address parts appended to the address when present (city, province...).
_ADDRESS_PARTS = ("city", "state", "province", "postalcode", "zip", "城市", "省份", "省", "市", "邮编")

_STRIP = re.compile(r"[\s_\-/.()（）:：]+")


def canonical(header: str) -> str:
    return _STRIP.sub("", header.strip().lstrip("\ufeff").lower())


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Header names (as written in the file) for each field; ``None`` when absent."""

    name: str
    address: str | None = None
    country: str | None = None
    product: str | None = None
    hs_code: str | None = None
    registration_id: str | None = None
    record_id: str | None = None
    address_parts: tuple[str, ...] = ()

    def describe(self) -> str:
        found = {f: getattr(self, f) for f in FIELDS if getattr(self, f)}
        return ", ".join(f"{k}={v!r}" for k, v in found.items())


def detect_columns(headers: list[str], overrides: dict[str, str] | None = None) -> ColumnMap | None:
    """Map headers to fields; explicit ``overrides`` (field -> header) win. ``None`` when no name column."""
    by_canonical = {canonical(h): h for h in reversed(headers) if h}
    chosen: dict[str, str | None] = {}
    for field, synonyms in _SYNONYMS.items():
        chosen[field] = next((by_canonical[s] for s in synonyms if s in by_canonical), None)
    for field, header in (overrides or {}).items():
        chosen[field] = header
    name = chosen.pop("name")
    if name is None:
        return None
    used = {v for v in chosen.values() if v} | {name}
    parts = tuple(h for h in headers if canonical(h) in _ADDRESS_PARTS and h not in used)
    return ColumnMap(name=name, address_parts=parts if chosen.get("address") or parts else (), **chosen)
