"""Is an address in the Xinjiang Uyghur Autonomous Region? Say which signal fired, on what text, and what it beat.

Signals, in the order they are weighed:

1. the address names a Xinjiang place (:mod:`threadline.risk.gazetteer`): the region, a prefecture, county,
   XPCC city, division (第一师) or regiment (一四一团, "141st Regiment"), a township; in characters, Latin letters
   (pinyin, English, Uyghur-Latin) or other scripts (Uyghur Arabic script, Cyrillic). A strong name decides; a weak
   one (a county's short name, a township) gives way when the address also names a place elsewhere in China. A
   Chinese address runs from the province down, so a Xinjiang name that comes after another province's name is a
   street or building named after it (上海市新疆大厦) and gives way too. Latin names of places that also exist
   abroad (Aksu) give way when the address or the row names another country;
2. a XUAR postal code (83xxxx, 84xxxx) in a Chinese address that names no other place;
3. the registering authority's area code inside a Unified Social Credit Code (characters 3-8, 65xxxx): where the
   company is registered, reported as ``uscc-registration``, not as where its factory is;
4. another country, or another place in China: ``in_xinjiang`` is ``False``;
5. the company name itself, when the address says nothing: it starts with a Xinjiang place (新疆..., 喀什...) or
   names an XPCC unit.

``in_xinjiang`` is ``None`` (unknown) when nothing tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from stdnum.cn import uscc as uscc_number

from threadline.model.countries import to_iso2
from threadline.risk.gazetteer import Mention, Place, china_table, find, places_by_adcode, xinjiang_table

REGION = Place("650000", "province", "新疆维吾尔自治区", "Xinjiang")
_POSTAL = re.compile(r"(?<!\d)(8[34]\d{4})(?!\d)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Words that place a Latin address in China: the country, and pinyin or Uyghur words for divisions.
_CHINA = re.compile(
    r"\b(?:china|prc|p\.r\.c\.?|кнр|китай|diqu|zizhiqu|zizhizhou|zizhixian|wilayiti|nahiyisi|shehiri|xian|zhen)\b",
    re.IGNORECASE,
)
_XPCC_LEVELS = {"xpcc", "xpcc_division", "xpcc_regiment", "xpcc_unit"}


@dataclass(frozen=True, slots=True)
class Signal:
    kind: str
    """``address-zh``, ``address-latin``, ``address-script``, ``postal-code``, ``uscc-registration``,
    ``company-name``, ``country`` or ``other-province``."""
    evidence: str
    place: Place | None
    verdict: str
    """``xinjiang``, ``not-xinjiang`` or ``overruled`` (found, but outweighed: the reason is in ``note``)."""
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "signal": self.kind,
            "evidence": self.evidence,
            "place": self.place.label if self.place else None,
            "adcode": self.place.adcode if self.place else None,
            "verdict": self.verdict,
        }
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class RegionResult:
    in_xinjiang: bool | None
    place: Place | None = None
    signal: str | None = None
    evidence: str | None = None
    signals: tuple[Signal, ...] = ()

    @property
    def adcode(self) -> str | None:
        return self.place.adcode if self.place else None

    def to_dict(self) -> dict[str, object]:
        return {
            "in_xinjiang": self.in_xinjiang,
            "place": self.place.label if self.place else None,
            "place_zh": self.place.name_zh if self.place else None,
            "pinyin": self.place.pinyin if self.place else None,
            "level": self.place.level if self.place else None,
            "adcode": self.adcode,
            "signal": self.signal,
            "evidence": self.evidence,
            "signals": [s.to_dict() for s in self.signals],
        }


_SCRIPT_SIGNAL = {"zh": "address-zh", "latin": "address-latin", "other": "address-script"}


def locate(
    address: str | None, *, name: str | None = None, country: str | None = None, uscc: str | None = None
) -> RegionResult:
    """Locate one supplier with respect to Xinjiang from its address (then its USCC, then its name)."""
    reading = _read_address((address or "").strip(), country, uscc)
    if reading.decided is not None:
        return reading.decided
    named = _name_signal(name)
    if named is not None:
        return _decided(named, list(reading.signals))
    if reading.registration is not None:
        return _decided(reading.registration, list(reading.signals))
    return RegionResult(None, signals=reading.signals)


ADDRESSES_REMEMBERED = 20_000
"""Addresses (with country and USCC) whose reading is remembered: a supplier file gives the same address to many
names (the 100,000-row bench file has 67,777 distinct rows of name, address and country but 6,784 addresses), and
the name only counts when the address decides nothing."""


@dataclass(frozen=True, slots=True)
class _AddressReading:
    decided: RegionResult | None
    """The result when the address (or the USCC) decides, whatever the name."""
    signals: tuple[Signal, ...] = ()
    """Otherwise: what the address gave, and the USCC's signal, for the name to be weighed with."""
    registration: Signal | None = None


@lru_cache(maxsize=ADDRESSES_REMEMBERED)
def _read_address(text: str, country: str | None, uscc: str | None) -> _AddressReading:
    """What :func:`locate` finds before it reads the name (the result is immutable: rows may share it)."""
    signals: list[Signal] = []
    kept = _weigh_address(text, country, signals) if text else []
    registration = _registration(uscc)
    if kept:
        best = min(kept, key=lambda m: (m.place.specificity, not m.strong, m.start))
        if registration is not None:
            signals.append(registration)
        return _AddressReading(
            RegionResult(True, best.place, _SCRIPT_SIGNAL[best.script], best.text, _ordered(signals, best))
        )
    postal = _postal(text, country, signals) if text else None
    if postal is not None:
        return _AddressReading(_decided(postal, signals + ([registration] if registration else [])))
    if registration is not None and registration.verdict == "xinjiang":
        return _AddressReading(_decided(registration, signals))
    refusal = next((s for s in signals if s.verdict == "not-xinjiang"), None)
    if refusal is not None:
        return _AddressReading(_decided(refusal, signals + ([registration] if registration else [])))
    return _AddressReading(None, tuple(signals), registration)


def _decided(signal: Signal, signals: list[Signal]) -> RegionResult:
    verdict = {"xinjiang": True, "not-xinjiang": False}.get(signal.verdict)
    return RegionResult(verdict, signal.place, signal.kind, signal.evidence, _ordered(signals, signal))


def _ordered(signals: list[Signal], first: Signal | Mention) -> tuple[Signal, ...]:
    """The deciding signal first, then the rest as found."""
    if isinstance(first, Mention):
        first = _as_signal(first, "xinjiang")
    return (first, *(s for s in signals if s != first))


def _as_signal(mention: Mention, verdict: str, note: str = "") -> Signal:
    return Signal(_SCRIPT_SIGNAL[mention.script], mention.text, mention.place, verdict, note)


def _weigh_address(text: str, country: str | None, signals: list[Signal]) -> list[Mention]:
    """The Xinjiang mentions that stand; every mention, standing or overruled, is recorded in ``signals``."""
    mentions = find(text, xinjiang_table())
    elsewhere = find(text, china_table())
    foreign = _foreign_country(text, country)
    first_other_zh = min((m.start for m in elsewhere if m.script == "zh"), default=None)
    last_other_latin = max((m.start for m in elsewhere if m.script == "latin"), default=None)
    last_xinjiang_latin = max((m.start for m in mentions if m.script == "latin"), default=-1)
    if last_other_latin is not None and last_other_latin < last_xinjiang_latin:
        last_other_latin = None  # "Korla, Bazhou, Xinjiang": the address ends in Xinjiang
    chinese = _chinese_context(text, country) or len(mentions) > 1 or bool(elsewhere)
    kept: list[Mention] = []
    strong_areas: list[str] = []
    # Strong names first: a weak name inside a strong one that stands (Korla in "Korla, Bayingol, Xinjiang") stands.
    for mention in sorted(mentions, key=lambda m: not m.strong):
        reason = ""
        region_wide = mention.place.level in {"province", "xpcc"}
        inside_strong = any(_area(mention.place).startswith(area) for area in strong_areas)
        if foreign and mention.script != "zh" and not region_wide:
            reason = f"the address is in another country ({foreign}); the name is also a place there"
        elif first_other_zh is not None and mention.script == "zh" and first_other_zh < mention.start:
            reason = f"comes after {elsewhere[0].place.name_zh}: a street or building named after the place"
        elif last_other_latin is not None and mention.script == "latin" and last_other_latin > mention.start:
            reason = "a Latin address ends with its largest place, and that is elsewhere in China"
        elif mention.script != "zh" and len(mention.text) <= 4 and not chinese and not region_wide:
            reason = "a short name that is also a place elsewhere, and nothing else in the address says China"
        elif elsewhere and not mention.strong and not inside_strong:
            reason = f"a short or local name, and the address also names {elsewhere[0].place.name_zh}"
        if reason:
            signals.append(_as_signal(mention, "overruled", reason))
            continue
        kept.append(mention)
        signals.append(_as_signal(mention, "xinjiang"))
        if mention.strong:
            strong_areas.append(_area(mention.place))
    if foreign:
        signals.append(Signal("country", foreign, None, "not-xinjiang"))
    for mention in elsewhere:
        place = mention.place
        signals.append(Signal("other-province", mention.text, place, "not-xinjiang", f"in {place.province_zh}"))
    return kept


def _area(place: Place) -> str:
    """The adcode prefix every place inside this one shares (650000 -> 65, 652800 -> 6528)."""
    code = place.adcode
    return code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code


def _foreign_country(text: str, country: str | None) -> str | None:
    """The other country the row or the address names, if any."""
    if country and country != "cn":
        return country
    for part in reversed(re.split(r"[,;\n，；]", text)[-2:]):
        part = part.strip()
        if len(part) > 3:
            code = to_iso2(part)
            if code is not None and code not in {"cn", "hk", "mo", "tw"}:
                return code
    return None


def _chinese_context(text: str, country: str | None) -> bool:
    return country == "cn" or _HAN.search(text) is not None or _CHINA.search(text) is not None


def _postal(text: str, country: str | None, signals: list[Signal]) -> Signal | None:
    if any(s.verdict == "not-xinjiang" for s in signals):
        return None
    found = _POSTAL.search(text)
    if found is None or not _chinese_context(text, country):
        return None
    code = found.group(1)
    return Signal("postal-code", code, REGION, "xinjiang", "XUAR postal codes are 83xxxx and 84xxxx")


def _registration(code: str | None) -> Signal | None:
    """The registering authority's area from a valid Unified Social Credit Code."""
    if not code or not uscc_number.is_valid(code):
        return None
    compact = uscc_number.compact(code)
    area = compact[2:8]
    if not area.startswith("65"):
        return Signal("uscc-registration", compact, None, "not-xinjiang", f"registered in area {area}")
    places = places_by_adcode()
    place = places.get(area) or places.get(area[:4] + "00") or REGION
    note = "where the company is registered, not necessarily where it makes things"
    return Signal("uscc-registration", compact, place, "xinjiang", note)


def _name_signal(name: str | None) -> Signal | None:
    """A company name that starts with a Xinjiang place, or names an XPCC unit anywhere."""
    if not name:
        return None
    stripped = re.sub(r"^(中国|China\s+)", "", name.strip(), flags=re.IGNORECASE)
    for mention in find(stripped, xinjiang_table()):
        at_start = mention.start == 0 and mention.strong and mention.place.level in {"province", "prefecture",
                                                                                    "xpcc_city"}  # fmt: skip
        if at_start or mention.place.level in _XPCC_LEVELS:
            return Signal("company-name", mention.text, mention.place, "xinjiang")
    return None
