"""Chinese place names (provinces, prefectures, counties) as company names begin with them, from the gazetteer.

Used to tell a company's place prefix (深圳, 沈阳) from its trade name (中泰, 惠天) once both are aligned.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import Final

from threadline.commented_csv import read_rows
from threadline.names.han import leading_province, most_syllables
from threadline.names.memo import Memo, Once
from threadline.names.normalize import fold
from threadline.settings import RESOURCES_DIR

CHINA = RESOURCES_DIR / "gazetteer" / "china.csv"
XINJIANG = RESOURCES_DIR / "gazetteer" / "xinjiang.csv"


@lru_cache(maxsize=1)
def _divisions() -> tuple[dict[str, str], ...]:
    """The rows of the gazetteer's table of China's divisions."""
    return tuple(read_rows(CHINA))


PEOPLES = (
    *("柯尔克孜", "乌孜别克", "哈萨克", "塔吉克", "维吾尔", "达斡尔"),
    *("蒙古族", "蒙古", "回族", "锡伯", "藏族", "壮族", "满族"),
)
"""Peoples an autonomous division is named for, written between its place and its suffix (伊犁哈萨克自治州,
昌吉回族自治州): the gazetteer's short names keep them (伊犁哈萨克), company names often do not (伊犁州, 伊犁)."""
DIVISION_SUFFIXES = ("自治州", "自治县", "自治区", "地区", "州", "市", "县", "区", "盟", "旗")
"""What may follow a place's bare name in a longer name (伊犁 + 州, 和田 + 地区), longest first."""
MAX_PLACE = 10
"""Characters in the longest division name looked for (克孜勒苏柯尔克孜自治州 is 11; its short forms are shorter)."""


def bare_name(name: str) -> str:
    """A division's name without its suffix and the people it is named for: 克孜勒苏柯尔克孜自治州 -> 克孜勒苏,
    焉耆回族自治县 -> 焉耆, 和田地区 -> 和田 (when some name is left)."""
    suffix = next((suffix for suffix in DIVISION_SUFFIXES if name.endswith(suffix)), "")
    return _bare(name[: -len(suffix)] if suffix and len(name) - len(suffix) >= 2 else name)


def _bare(short: str) -> str:
    """A division's short name without the people it is named for (伊犁哈萨克 -> 伊犁), when some name is left."""
    for people in PEOPLES:
        if short.endswith(people) and len(short) - len(people) >= 2:
            return short[: -len(people)]
    return short


@lru_cache(maxsize=1)
def _bare_names() -> dict[str, tuple[str, frozenset[str]]]:
    """Every name of a division of two or more characters -> its bare name and the adcodes of the divisions so named
    (和田地区 -> 和田, {653200}; 和田 -> 和田, {653200, 653201, 653221}; 伊犁哈萨克自治州 -> 伊犁)."""
    bares: dict[str, str] = {}
    codes: dict[str, set[str]] = {}
    for row in _divisions():
        bare = _bare(row["short_zh"])
        for name in (row["name_zh"], row["short_zh"], bare):
            if len(name) >= 2:
                bares.setdefault(name, bare)
                codes.setdefault(name, set()).add(row["adcode"])
    return {name: (bare, frozenset(codes[name])) for name, bare in bares.items()}


def _within(codes: frozenset[str]) -> tuple[str, ...]:
    """The adcode beginnings of the divisions inside those of ``codes``: a province's two digits, a prefecture's
    four; none inside a county."""
    return tuple({code[:2] if code.endswith("0000") else code[:4] for code in codes if code.endswith("00")})


_PLACE_NAMES: Final[Once[frozenset[str]]] = Once()


def place_names() -> frozenset[str]:
    """Full and short names of every division of China with two or more characters (新疆, 深圳市, 东城), and the
    short names of autonomous divisions without their people (伊犁 of 伊犁哈萨克自治州)."""
    found = _PLACE_NAMES.value
    return _PLACE_NAMES.keep(_place_names()) if found is None else found


def _place_names() -> frozenset[str]:
    return frozenset(_bare_names())


_LEADING: Final[Memo[str, tuple[tuple[str, int, int], ...]]] = Memo(20_000)


def _leading(han: str) -> tuple[tuple[str, int, int], ...]:
    """``(bare name, where the bare name ends, where the place ends)`` of each place a Chinese name begins with:
    the longest name at each point, then any division suffix (伊犁 + 州). After the first, each must lie inside the
    one before it (新疆 和田 皮山): 新疆公安厅's 公安 is no county of Xinjiang."""
    found = _LEADING.table.get(han)
    return _LEADING.keep(han, _leading_of(han)) if found is None else found


def _leading_of(han: str) -> tuple[tuple[str, int, int], ...]:
    names = _bare_names()
    found: list[tuple[str, int, int]] = []
    at = 0
    inside: tuple[str, ...] | None = None
    while at < len(han) - 1:
        k = 0
        for size in range(min(MAX_PLACE, len(han) - at), 1, -1):
            named = names.get(han[at : at + size])
            if named and (inside is None or any(code.startswith(inside) for code in named[1])):
                k = size
                break
        if not k:
            break
        bare, codes = names[han[at : at + k]]
        bare_end = at + len(bare) if han.startswith(bare, at) else at + k
        at += k
        at += len(next((suffix for suffix in DIVISION_SUFFIXES if han.startswith(suffix, at)), ""))
        found.append((bare, bare_end, at))
        inside = _within(codes)
        if not inside:
            break
    return tuple(found)


def leading_places(han: str) -> tuple[str, ...]:
    """The bare names of the places a Chinese name begins with, in its order: 新疆和田地区皮山县农民专业合作社 ->
    (新疆, 和田, 皮山)."""
    return tuple(bare for bare, _end, _place_end in _leading(han))


def places_end(han: str) -> int:
    """Where the places a Chinese name begins with end, their division suffixes included (7 for 和田地区皮山县...)."""
    found = _leading(han)
    return found[-1][2] if found else 0


LEVELS = (
    *(("自治州", "prefecture"), ("地区", "prefecture"), ("州", "prefecture"), ("盟", "prefecture")),
    *(("自治县", "county"), ("县", "county"), ("旗", "county")),
    *(("自治区", "region"), ("市", "city"), ("区", "district")),
)
"""The level of division a suffix names, longest suffix first (自治区 before 区)."""
LEVEL_WORDS = {
    "prefecture": "prefecture",
    "county": "county",
    "city": "city",
    "municipal": "city",
    "district": "district",
}
"""The level of division an English word names."""


def division_levels(han: str) -> frozenset[str]:
    """The levels of division the suffixes of a name's leading places name (和田地区 -> prefecture; 和田县 -> county);
    none for a place written without one (和田)."""
    found = set()
    for _bare, end, place_end in _leading(han):
        suffix = han[end:place_end]
        level = next((level for tail, level in LEVELS if suffix.endswith(tail)), "") if suffix else ""
        if level:
            found.add(level)
    return frozenset(found)


def division_parts(han: str) -> frozenset[int]:
    """Where the characters are that English names of the place often leave out: what follows a leading place's bare
    name as part of its division's name (地区 of 和田地区, 州 of 伊犁州, 哈萨克自治州 of 伊犁哈萨克自治州: "Yili Kadeer
    Textile" for 伊犁州卡德尔纺织品), and a place with a lower one after it (阿克苏地区 of 阿克苏地区阿瓦提县: "Awati
    County Cotton Processing Plant"); a province has its own rule (:func:`~threadline.names.han.province_parts`)."""
    found = _leading(han)
    parts = {i for _bare, end, place_end in found for i in range(end, place_end)}
    start = 0
    for at, (_bare, _end, place_end) in enumerate(found):
        if at < len(found) - 1 and not (at == 0 and leading_province(han)):
            parts.update(range(start, place_end))
        start = place_end
    return frozenset(parts)


def is_place(han: str) -> bool:
    """Whether ``han`` is the name of a division of China (with or without its 省/市/县 suffix)."""
    return han in place_names()


@lru_cache(maxsize=1)
def latin_place_words() -> frozenset[str]:
    """Provinces and prefectures of China as English names spell them, folded and written as one word ("henan",
    "ningbo", "innermongolia"), and Xinjiang's places where English does not write their pinyin
    (:func:`xinjiang_place_words`). An English company name that keeps one of these unexplained names a place its
    Chinese counterpart does not have: "Henan Zhongfu Industrial" is not 珠海中富实业, "Xinjiang Tianshan Wool Textile
    (Aksu)" not 新疆天山毛纺织."""
    forms = {form for row in _divisions() if row["level"] != "county" for form in row["match_latin"].split("|")}
    keys = {key for key in (fold(form).replace(" ", "") for form in forms) if len(key) >= 4}
    return frozenset(keys) | xinjiang_place_words()


@lru_cache(maxsize=1)
def xinjiang_place_words() -> frozenset[str]:
    """Xinjiang's prefectures, counties and XPCC cities as English writes them where that is not pinyin, folded, one
    word ("aksu", "korla", "kashgar", "karakax"), from the packaged gazetteer: its strong rows, and the weak rows that
    give the place's own short form (莎车 = Yarkand; the others list old spellings and neighbours' names, as
    ``scripts/build_glossary.py`` reads them too). Unlike a county's pinyin ("changle"), none of them is also a
    company's trade name."""
    forms = {
        form
        for row in read_rows(XINJIANG)
        if row["level"] in ("prefecture", "county", "xpcc_city")
        and (row["strength"] == "strong" or any(row["name_zh"].startswith(f) for f in row["match_zh"].split("|") if f))
        for form in (row["name_latin"], *row["match_latin"].split("|"))
    }
    keys = (fold(form).replace(" ", "") for form in forms)
    return frozenset(k for k in keys if len(k) >= 4 and k.isascii() and k.isalpha() and most_syllables(k) < 1)


def names_latin_place(words: tuple[str, ...]) -> bool:
    """Whether some word, or two neighbouring words written together ("inner mongolia"), is a province or
    prefecture of China (:func:`latin_place_words`)."""
    places = latin_place_words()
    pairs = (a + b for a, b in pairwise(words))
    return any(w in places for w in words) or any(p in places for p in pairs)


@lru_cache(maxsize=1)
def latin_province_words() -> frozenset[str]:
    """China's provinces, municipalities and autonomous regions as English names spell them, folded, one word
    ("xinjiang", "innermongolia", "beijing")."""
    forms = {
        form
        for row in _divisions()
        if row["level"] == "province"
        for form in (row["pinyin"], *row["match_latin"].split("|"))
        if form
    }
    return frozenset(fold(form).replace(" ", "") for form in forms)


@lru_cache(maxsize=1)
def latin_division_words() -> frozenset[str]:
    """Every division of China, counties too, as its pinyin or an English form spells it, folded and written as one
    word ("awati", "kuqa", "shenzhen")."""
    forms = {form for row in _divisions() for form in (row["pinyin"], *row["match_latin"].split("|"))}
    return frozenset(key for key in (fold(form).replace(" ", "") for form in forms if form) if len(key) >= 4)


def names_other_division(han: str, words: tuple[str, ...]) -> bool:
    """Whether what one name keeps of its own names a place on both sides: Chinese characters left over hold a
    place and a word left over spells a division of China, counties too (库车 against "Awati": two counties). Counties
    are asked for only here: alone, their names are too often some company's trade name."""
    divisions = latin_division_words()
    if not any(w in divisions for w in words):
        return False
    return any(is_place(han[i : i + k]) for k in (2, 3, 4) for i in range(len(han) - k + 1))


def names_other_level(han: str, words: tuple[str, ...]) -> bool:
    """Whether a word left over names a level of division that the Chinese name's places are not: "Hotan County"
    against 和田地区 (a prefecture), "Kashgar City" against 喀什地区. Two agencies of one place at two levels
    (和田地区公安局, 和田县公安局) are two agencies."""
    said = {LEVEL_WORDS[w] for w in words if w in LEVEL_WORDS}
    if not said:
        return False
    levels = division_levels(han)
    return bool(levels) and not said <= levels
