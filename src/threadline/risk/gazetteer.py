"""Find place names in text: Xinjiang places (``resources/gazetteer/xinjiang.csv``) and places elsewhere in China
(``resources/gazetteer/china.csv``), in Chinese characters, Latin letters and other scripts.

Pure lookups; the decision "is this address in Xinjiang?" is made in :mod:`threadline.risk.region`. Both tables are
generated (``scripts/build_china_divisions.py``, ``scripts/build_gazetteer.py``).

Traps handled here, because they are about the text around a name:
- a place name followed by a street word is a street named after it (新疆路, "Kashgar Road"), unless the form is
  the full official name of a county or city (喀什市 is never a street);
- Latin and other-script forms match whole words only ("Changjiang" does not contain "Changji");
- 第一师 followed by 范 is a normal school (第一师范学院), not the XPCC's First Division;
- a name inside a longer name found at the same place gives way to it (和田 inside 和田县).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from threadline.commented_csv import read_rows
from threadline.names.han import simplify
from threadline.settings import RESOURCES_DIR

XINJIANG_TABLE = RESOURCES_DIR / "gazetteer" / "xinjiang.csv"
CHINA_TABLE = RESOURCES_DIR / "gazetteer" / "china.csv"

ZH_STREET = re.compile(r"[东南西北中]?(?:路|街|大道|大街|巷|胡同|里|道(?!班))")
STREET_WORDS = frozenset(
    (
        "road",
        "rd",
        "street",
        "str",
        "st",
        "avenue",
        "ave",
        "lane",
        "ln",
        "lu",
        "jie",
        "dadao",
        "nanlu",
        "beilu",
        "donglu",
        "xilu",
        "zhonglu",
    )
)
DIRECTION_WORDS = frozenset(
    ("north", "south", "east", "west", "middle", "central", "nan", "bei", "dong", "xi", "zhong")
)
_WORD = re.compile(r"[\w'’-]+")
MAX_FORM_WORDS = 8
_HAN = re.compile(r"[\u4e00-\u9fff]")

LEVELS = ("xpcc_regiment", "xpcc_unit", "township", "county", "xpcc_city", "xpcc_division", "prefecture", "xpcc",
          "province")  # fmt: skip
"""Place levels, most specific first."""


@dataclass(frozen=True, slots=True)
class Place:
    adcode: str
    level: str
    name_zh: str
    pinyin: str
    province_zh: str = "新疆维吾尔自治区"

    @property
    def label(self) -> str:
        return f"{self.name_zh} {self.pinyin}".strip()

    @property
    def specificity(self) -> int:
        return LEVELS.index(self.level) if self.level in LEVELS else len(LEVELS)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text."""

    place: Place
    strong: bool
    script: str
    """``zh``, ``latin`` or ``other`` (Uyghur Arabic script, Cyrillic)."""
    text: str
    start: int


@dataclass(frozen=True, slots=True)
class _Table:
    zh: dict[str, list[tuple[Place, bool]]]
    zh_max: int
    latin_places: dict[str, list[tuple[Place, bool]]]
    """Folded Latin forms (words joined by one space) → places."""
    other_places: dict[str, list[tuple[Place, bool]]]


def fold_marks(text: str) -> str:
    """Drop diacritics from Latin letters character by character (Ürümqi -> Urumqi), keeping every position in
    place; other scripts are left alone (ئ is a letter of its own in Uyghur, й in Russian)."""
    return text if text.isascii() else "".join(_fold_char(char) for char in text)


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() and base else char


def _words(form: str) -> str:
    return " ".join(_WORD.findall(fold_marks(form).casefold()))


_Entry = tuple[Place, bool, list[str], list[str], list[str]]
"""A place, whether it is strong evidence, and its Chinese, Latin and other-script forms."""


def _build(entries: list[_Entry]) -> _Table:
    zh: dict[str, list[tuple[Place, bool]]] = {}
    latin: dict[str, list[tuple[Place, bool]]] = {}
    other: dict[str, list[tuple[Place, bool]]] = {}
    for place, strong, zh_forms, latin_forms, other_forms in entries:
        for form in zh_forms:
            zh.setdefault(form, []).append((place, strong))
        for form in latin_forms:
            latin.setdefault(_words(form), []).append((place, strong))
        for form in other_forms:
            other.setdefault(_words(form), []).append((place, strong))
    return _Table(
        zh=zh,
        zh_max=max((len(f) for f in zh), default=0),
        latin_places=latin,
        other_places=other,
    )


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


@lru_cache(maxsize=1)
def xinjiang_table() -> _Table:
    entries: list[_Entry] = []
    for row in read_rows(XINJIANG_TABLE):
        place = Place(row["adcode"], row["level"], row["name_zh"], row["name_latin"])
        forms = (_split(row["match_zh"]), _split(row["match_latin"]), _split(row["match_script"]))
        entries.append((place, row["strength"] == "strong", *forms))
    return _build(entries)


@lru_cache(maxsize=1)
def china_table() -> _Table:
    """Provinces, prefectures and counties outside Xinjiang (all count as strong)."""
    entries: list[_Entry] = []
    for row in read_rows(CHINA_TABLE):
        if row["adcode"].startswith("65"):
            continue
        place = Place(row["adcode"], row["level"], row["name_zh"], row["pinyin"], row["province_zh"])
        zh = [row["name_zh"]]
        if row["level"] in {"province", "prefecture"} and len(row["short_zh"]) >= 2:
            zh.append(row["short_zh"])
        entries.append((place, True, zh, _split(row["match_latin"]), []))
    return _build(entries)


@lru_cache(maxsize=1)
def places_by_adcode() -> dict[str, Place]:
    """Xinjiang's administrative places by adcode (a division shares its seat city's code: the city is kept)."""
    found: dict[str, Place] = {}
    for row in read_rows(XINJIANG_TABLE):
        if row["level"] not in {"xpcc", "xpcc_division"}:
            found.setdefault(row["adcode"], Place(row["adcode"], row["level"], row["name_zh"], row["name_latin"]))
    return found


def _zh_mentions(text: str, table: _Table) -> list[Mention]:
    found: list[Mention] = []
    covered_until = -1
    for start in range(len(text)):
        if not _HAN.match(text[start]):
            continue
        for length in range(min(table.zh_max, len(text) - start), 1, -1):
            form = text[start : start + length]
            places = table.zh.get(form)
            if not places:
                continue
            end = start + length
            if end <= covered_until:
                break  # inside a longer name found just before (和田 inside 和田县)
            after = text[end : end + 3]
            for place, strong in places:
                if ZH_STREET.match(after) and (form != place.name_zh or place.level == "province"):
                    continue  # 新疆路, 喀什东路: a street named after the place
                if form.endswith("师") and after.startswith("范"):
                    continue  # 第一师范学院: a normal school
                found.append(Mention(place, strong, "zh", form, start))
            covered_until = max(covered_until, end)
            break
    return found


def _word_mentions(
    text: str, words: list[re.Match[str]], places: dict[str, list[tuple[Place, bool]]], script: str, streets: bool
) -> list[Mention]:
    """Forms found as whole words: every run of up to ``MAX_FORM_WORDS`` words is looked up, longest first, and a
    form followed by a street word ("Kashgar Road", "Urumqi Middle Road") is a street, not a place."""
    if not places:
        return []
    tokens = [w.group() for w in words]
    found: list[Mention] = []
    start = 0
    while start < len(tokens):
        keys = [tokens[start]]
        for token in tokens[start + 1 : start + MAX_FORM_WORDS]:
            keys.append(f"{keys[-1]} {token}")
        for count in range(len(keys), 0, -1):
            key = keys[count - 1]
            if key not in places:
                continue
            end = start + count
            if not (streets and _street_follows(tokens, end)):
                first, last = words[start], words[end - 1]
                for place, strong in places[key]:
                    found.append(Mention(place, strong, script, text[first.start() : last.end()], first.start()))
            start = end - 1
            break
        start += 1
    return found


def _street_follows(tokens: list[str], end: int) -> bool:
    following = tokens[end : end + 2]
    if following and following[0] in DIRECTION_WORDS:
        following = following[1:]
    return bool(following) and following[0] in STREET_WORDS


def find(text: str, table: _Table) -> list[Mention]:
    """Every place of ``table`` named in ``text``, in reading order (traditional characters read as simplified)."""
    simplified = simplify(text) if _HAN.search(text) else text
    if len(simplified) != len(text):
        simplified = text
    mentions = [
        Mention(m.place, m.strong, m.script, text[m.start : m.start + len(m.text)], m.start)
        for m in _zh_mentions(simplified, table)
    ]
    words = list(_WORD.finditer(fold_marks(text).casefold()))
    mentions += _word_mentions(text, words, table.latin_places, "latin", streets=True)
    if not text.isascii():
        mentions += _word_mentions(text, words, table.other_places, "other", streets=False)
    return sorted(mentions, key=lambda m: m.start)
