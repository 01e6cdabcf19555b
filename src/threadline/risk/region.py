"""Is an address in the Xinjiang Uyghur Autonomous Region? Say which signal fired and on what text.

Signals, strongest first: a Xinjiang place in Chinese characters (新疆, prefectures, counties, XPCC cities);
a Latin spelling of the region, a prefecture or an XPCC city (pinyin, English, Uyghur-Latin); a XUAR postal code
(83xxxx, 84xxxx) in a Chinese address; and, with no address to go on, a company name that starts with the region
("新疆...", "Xinjiang ..."). ``in_xinjiang`` is ``False`` when the address names another Chinese province or another
country, and ``None`` when there is nothing to tell by.

Traps that do not fire: streets named after the region (新疆路, "Xinjiang Road" in Qingdao or Shanghai), names
inside longer words ("Changjiang" contains "Changji": Latin forms match whole words only).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from threadline.settings import RESOURCES_DIR

GAZETTEER = RESOURCES_DIR / "gazetteer" / "xinjiang.csv"

# A place name followed by one of these is a street named after it, not the place.
_ZH_STREET = "路|街|大道|大街|南路|北路|东路|西路|中路|巷|里|道"
_LATIN_STREET = r"(?:road|rd|street|st|avenue|ave|lu|jie|dadao|nanlu|beilu|donglu|xilu|zhonglu)\b"

# Other provincial-level divisions of China (characters, pinyin): naming one means "not Xinjiang" when no
# Xinjiang place is found.
_OTHER_PROVINCES = (
    ("北京", "beijing"),
    ("天津", "tianjin"),
    ("河北", "hebei"),
    ("山西", "shanxi"),
    ("内蒙古", "inner mongolia"),
    ("辽宁", "liaoning"),
    ("吉林", "jilin"),
    ("黑龙江", "heilongjiang"),
    ("上海", "shanghai"),
    ("江苏", "jiangsu"),
    ("浙江", "zhejiang"),
    ("安徽", "anhui"),
    ("福建", "fujian"),
    ("江西", "jiangxi"),
    ("山东", "shandong"),
    ("河南", "henan"),
    ("湖北", "hubei"),
    ("湖南", "hunan"),
    ("广东", "guangdong"),
    ("广西", "guangxi"),
    ("海南", "hainan"),
    ("重庆", "chongqing"),
    ("四川", "sichuan"),
    ("贵州", "guizhou"),
    ("云南", "yunnan"),
    ("西藏", "tibet"),
    ("陕西", "shaanxi"),
    ("甘肃", "gansu"),
    ("青海", "qinghai"),
    ("宁夏", "ningxia"),
    ("台湾", "taiwan"),
    ("香港", "hong kong"),
    ("澳门", "macau"),
    ("深圳", "shenzhen"),
    ("苏州", "suzhou"),
    ("东莞", "dongguan"),
    ("青岛", "qingdao"),
    ("广州", "guangzhou"),
)


@dataclass(frozen=True, slots=True)
class RegionResult:
    in_xinjiang: bool | None
    place: str | None = None
    adcode: str | None = None
    signal: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "in_xinjiang": self.in_xinjiang,
            "place": self.place,
            "adcode": self.adcode,
            "signal": self.signal,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class _Place:
    adcode: str
    level: str
    name_zh: str
    name_latin: str

    @property
    def label(self) -> str:
        return f"{self.name_zh} {self.name_latin}"


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    zh: tuple[tuple[str, _Place], ...]
    """(Chinese form, place), longest form first."""
    latin: re.Pattern[str]
    latin_places: dict[str, _Place]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    zh: list[tuple[str, _Place]] = []
    latin_places: dict[str, _Place] = {}
    with GAZETTEER.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            place = _Place(row["adcode"], row["level"], row["name_zh"], row["name_latin"])
            zh.extend((form, place) for form in row["match_zh"].split("|") if form)
            for form in row["match_latin"].split("|"):
                if form:
                    latin_places.setdefault(_fold_chars(form).casefold(), place)
    zh.sort(key=lambda item: -len(item[0]))
    alternatives = "|".join(re.escape(f) for f in sorted(latin_places, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’-])({alternatives})(?![\w'’-])(?!\s*{_LATIN_STREET})", re.IGNORECASE)
    return _Gazetteer(tuple(zh), pattern, latin_places)


_SPECIFICITY = {"county": 0, "xpcc_city": 1, "prefecture": 2, "province": 3}


def _find_zh(text: str) -> tuple[_Place, str] | None:
    """The most specific Xinjiang place named in Chinese (a county beats its prefecture beats 新疆)."""
    found_places: list[tuple[_Place, str]] = []
    for form, place in _gazetteer().zh:
        for found in re.finditer(re.escape(form), text):
            after = text[found.end() : found.end() + 2]
            if re.match(_ZH_STREET, after) and (place.level == "province" or form != place.name_zh):
                continue  # 新疆路, 喀什路: a street named after the place
            found_places.append((place, form))
            break
    if not found_places:
        return None
    return min(found_places, key=lambda item: _SPECIFICITY.get(item[0].level, 9))


def _fold_chars(text: str) -> str:
    """Drop diacritics character by character (Ürümqi -> Urumqi), keeping every position in place."""
    return "".join(unicodedata.normalize("NFKD", char)[:1] or char for char in text)


def _find_latin(text: str) -> tuple[_Place, str] | None:
    gazetteer = _gazetteer()
    found = gazetteer.latin.search(_fold_chars(text))
    if found is None:
        return None
    return gazetteer.latin_places[found.group(1).casefold()], text[found.start(1) : found.end(1)]


def _looks_chinese(text: str, country: str | None) -> bool:
    return country == "cn" or re.search(r"[\u4e00-\u9fff]", text) is not None or "china" in text.lower()


def _other_province(text: str) -> str | None:
    lowered = text.lower()
    for zh, latin in _OTHER_PROVINCES:
        if zh in text or re.search(rf"\b{latin}\b(?!\s*{_LATIN_STREET})", lowered):
            return zh if zh in text else latin
    return None


def locate(address: str | None, *, name: str | None = None, country: str | None = None) -> RegionResult:
    """Locate one address (and, failing that, the company name) with respect to Xinjiang."""
    text = (address or "").strip()
    if text:
        hit = _find_zh(text)
        if hit:
            return RegionResult(True, hit[0].label, hit[0].adcode, "address-zh", hit[1])
        hit = _find_latin(text)
        if hit:
            return RegionResult(True, hit[0].label, hit[0].adcode, "address-latin", hit[1])
        postal = re.search(r"(?<!\d)(8[34]\d{4})(?!\d)", text)
        if postal and _looks_chinese(text, country):
            return RegionResult(True, "新疆维吾尔自治区 Xinjiang", "650000", "postal-code", postal.group(1))
    if country and country != "cn":
        return RegionResult(False, None, None, "country", country)
    other = _other_province(text) if text else None
    named = _name_signal(name)
    if named is not None and other is None:
        return named
    if other is not None:
        return RegionResult(False, None, None, "other-province", other)
    return RegionResult(None)


def _name_signal(name: str | None) -> RegionResult | None:
    if not name:
        return None
    stripped = name.strip()
    if stripped.startswith("新疆") or re.match(r"(?i)xinjiang\b", stripped):
        evidence = stripped[:2] if stripped.startswith("新疆") else stripped[:8]
        return RegionResult(True, "新疆维吾尔自治区 Xinjiang", "650000", "company-name", evidence)
    return None
