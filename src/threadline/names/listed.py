"""The names Chinese listed companies have filed with the Shanghai and Shenzhen exchanges, in both languages.

Many listed companies' English names do not render their Chinese names at all (航天信息 = "Aisino", 中国北方工业 =
"NORINCO", 江苏长电科技 = "JCET"): no alignment by sound or meaning can link them, yet the exchanges publish both.
The table (``resources/listed/cn_listed_names.csv``, built by ``scripts/build_listed_names.py``) links every name a
stock code has had, Chinese and English, old and new. A name found in it brings the company's other names as extra
forms to compare (:func:`counterparts`), and a hit found through one says so.

Names are looked up as the brand table looks them up (:func:`threadline.names.brands.lookup_key`): a Chinese
name by its simplified characters without the legal form (深圳齐心集团股份有限公司 -> 深圳齐心集团), a Latin one by
its folded words without trailing legal forms, written together ("SHENZHEN COMIX GROUP CO., LTD." ->
"shenzhencomixgroup").

A Chinese name is also found with or without the province it begins with, when that leaves it one company's
name: 新疆特变电工股份有限公司 finds 特变电工 (TBEA), 中泰化学 finds 新疆中泰化学. The hit says the province was
set aside.

With ``THREADLINE_LISTED_HOLD_OUT=1`` the companies of the benchmarks' test part are left out, so that a benchmark
on them measures the matcher, not this table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from threadline.commented_csv import read_rows
from threadline.names.brands import lookup_key
from threadline.names.han import leading_province
from threadline.names.normalize import fold, has_han
from threadline.parsed_cache import parsed
from threadline.settings import RESOURCES_DIR, listed_hold_out

TABLE = RESOURCES_DIR / "listed" / "cn_listed_names.csv"
HOLD_OUT = "THREADLINE_LISTED_HOLD_OUT"


class Listing(NamedTuple):
    """Another name of the same listed company (a named tuple: 12,000 of them are read back from the parse cache
    on the first query, three times faster than dataclasses)."""

    name: str
    language: str
    """``zh`` or ``en``."""
    code: str
    exchange: str
    as_of: str
    key: str
    """The name's :func:`lookup_key`, computed when the table was built."""
    province_set_aside: str = ""
    """The province one of the two names begins with and the other lacks, when that is how this listing was found."""

    def describe(self) -> str:
        aside = f"; found setting aside the province {self.province_set_aside}" if self.province_set_aside else ""
        return f"{self.exchange} {self.code}, as of {self.as_of}{aside}"


@dataclass(frozen=True, slots=True)
class ListingTable:
    exact: dict[str, tuple[Listing, ...]]
    """Lookup key -> every name of the company (companies) with a name of that key."""
    bare: dict[str, tuple[Listing, ...]]
    """A Chinese key without the province it begins with (中泰化学 of 新疆中泰化学) -> the same, when no other
    company has that key, with or without a province."""


@lru_cache(maxsize=2)
def _table(hold_out: bool) -> ListingTable:
    """The table, looked up by key; its parse is kept (:mod:`threadline.parsed_cache`) since the first query needs
    it."""
    return parsed(TABLE, _read_without_held_out if hold_out else _read_all)


def _read_all() -> ListingTable:
    return _read(hold_out=False)


def _read_without_held_out() -> ListingTable:
    return _read(hold_out=True)


def _read(hold_out: bool) -> ListingTable:
    """Parse :data:`TABLE` (the keys are in the file: working them out for 12,000 names would add a second to the
    first query)."""
    rows = read_rows(TABLE)
    by_code: dict[str, list[Listing]] = defaultdict(list)
    for row in rows:
        if hold_out and row["held_out"] == "1":
            continue
        listing = Listing(row["name"], row["language"], row["code"], row["exchange"], row["as_of"], row["key"])
        by_code[row["code"]].append(listing)
    out: dict[str, list[Listing]] = defaultdict(list)
    bare_codes: dict[str, set[str]] = defaultdict(set)
    for code, listings in by_code.items():
        for listing in listings:
            if listing.key:
                out[listing.key].extend(other for other in listings if other not in out[listing.key])
            bare = _without_province(listing.key) if listing.language == "zh" else ""
            if bare:
                bare_codes[bare].add(code)
    exact = {key: tuple(value) for key, value in out.items()}
    bare_keys = {
        bare: tuple(by_code[next(iter(codes))])
        for bare, codes in bare_codes.items()
        if len(codes) == 1 and bare not in exact
    }
    return ListingTable(exact, bare_keys)


def _without_province(key: str) -> str:
    """A Chinese key without the province it begins with, if two characters or more are left, else ``""``."""
    province = leading_province(key)
    return key[len(province) :] if province and len(key) - len(province) >= 2 else ""


def _listings(name: str, hold_out: bool | None = None) -> tuple[Listing, ...]:
    """Every name of the company that filed ``name``, or of the one company that filed it with or without the
    province it begins with (each then says which province was set aside). ``hold_out``: the table's setting, when
    the caller has read it (:func:`~threadline.settings.listed_hold_out` otherwise)."""
    key = lookup_key(name)
    if not key:
        return ()
    table = _table(listed_hold_out() if hold_out is None else hold_out)
    if key in table.exact:
        return table.exact[key]
    if not has_han(key):
        return ()
    bare = _without_province(key)
    found = table.exact.get(bare, ()) if bare else table.bare.get(key, ())
    if not found:
        return ()
    aside = key[: len(key) - len(bare)] if bare else next(
        (listing.key[: len(listing.key) - len(key)] for listing in found if listing.key.endswith(key)), ""
    )
    return tuple(listing._replace(province_set_aside=aside) for listing in found)


def counterparts(name: str, hold_out: bool | None = None) -> tuple[Listing, ...]:
    """The listed names, in the other script, of the company (or companies) that filed ``name``: ``()`` for a name
    no listed company has filed. ``hold_out``: the table's setting, when the caller has read it (a matcher reads it
    once per pair: the environment is read in Python, and read two or three times for every pair it was 3 % of what
    scoring a labelled pair cost)."""
    return _counterparts(name, listed_hold_out() if hold_out is None else hold_out)


@lru_cache(maxsize=4_096)
def _counterparts(name: str, hold_out: bool) -> tuple[Listing, ...]:
    """:func:`counterparts` with the table's setting read, remembered: a name is asked for each name it is compared
    with (a labelled pair file's pairs of one name, a screened name's candidates)."""
    chinese = has_han(name)
    listings = _listings(name, hold_out)
    found: dict[str, Listing] = {}  # one per spelling, the most recent: "AISINO CO.LTD" = "Aisino Co.Ltd."
    for listing in sorted(listings, key=lambda item: item.as_of, reverse=True):
        if (listing.language == "zh") != chinese:
            found.setdefault(fold(listing.name), listing)  # "ENERGY POWER" and "ENERGYPOWER" both stay
    return tuple(found.values())


def filer(name: str, hold_out: bool | None = None) -> Listing | None:
    """A name of the listed company that filed ``name``; ``None`` for a name no listed company has filed, or one
    filed by two (no key of today's table is, but a name two companies share says nothing about either).
    ``hold_out``: as for :func:`counterparts`."""
    listings = _listings(name, hold_out)
    return listings[0] if len({listing.code for listing in listings}) == 1 else None
