"""Chinese names: traditional -> simplified folding, pinyin readings, legal forms.

Pure functions over strings; the OpenCC converter and pinyin tables are loaded once, lazily.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import opencc
from opencc import OpenCC

from threadline.names.memo import Memo
from threadline.settings import RESOURCES_DIR

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BRACKETS = re.compile(r"[()（）\[\]【】〔〕]")

# Legal forms at the end of a Chinese company name, longest first (they carry no identity). 集团 (group) is not
# one: 新疆天业（集团）有限公司 and 新疆天业股份有限公司 are a parent and its subsidiary.
LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "总公司",
    "公司",
)


PROVINCES = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
)
"""China's provincial-level divisions, as company names begin with them (浙江大华 = "Dahua")."""


AUTONOMOUS_REGIONS = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区")
"""What follows the name of an autonomous region in full (新疆维吾尔自治区, 广西壮族自治区, 西藏自治区): English
names mostly say "Xinjiang" alone ("Xinjiang Public Security Bureau" for 新疆维吾尔自治区公安厅)."""


_PROVINCE_PARTS: Final[Memo[str, tuple[str, str]]] = Memo(20_000)


def province_parts(han: str) -> tuple[str, str]:
    """``(province, rest of an autonomous region's name)`` a name starts with: the province with its 省 or 市 if
    written (浙江省..., "") or an autonomous region in full (新疆维吾尔自治区... -> 新疆, 维吾尔自治区); ``("", "")``
    for none."""
    found = _PROVINCE_PARTS.table.get(han)
    return _PROVINCE_PARTS.keep(han, _province_parts(han)) if found is None else found


def _province_parts(han: str) -> tuple[str, str]:
    for name in PROVINCES:
        if han.startswith(name):
            rest = han[len(name) :]
            region = next((suffix for suffix in AUTONOMOUS_REGIONS if rest.startswith(suffix)), "")
            if region:
                return name, region
            return (name + rest[0] if rest[:1] in ("省", "市") else name), ""
    return "", ""


def leading_province(han: str) -> str:
    """The province a name starts with, with its 省 or 市 if written (浙江省...), or the autonomous region in full
    (新疆维吾尔自治区), else ``""``."""
    return "".join(province_parts(han))


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def simplify(text: str) -> str:
    """Traditional characters to simplified (陳全國 -> 陈全国); other text unchanged. Text without a character of
    :func:`opencc_gate` is returned as it is without asking OpenCC, which would leave it so: most names are written
    in simplified characters already."""
    if not HAN.search(text):
        return text
    gate = opencc_gate()
    if gate is not None and gate.isdisjoint(text):
        return text
    return str(_converter().convert(text))


OPENCC_GATE: Final = RESOURCES_DIR / "opencc" / "t2s_gate.txt"
"""The characters without which OpenCC's ``t2s`` leaves text as it is (``scripts/build_opencc_gate.py``: those
that change alone, and one character of each key that changes although its characters alone do not), after
comment lines and a line naming the ``opencc`` version they were read from."""


@lru_cache(maxsize=1)
def opencc_gate() -> frozenset[str] | None:
    """The characters of :data:`OPENCC_GATE`, or ``None`` when the file is missing or was built from another version
    of ``opencc`` than the one installed (then every text with a Han character goes through OpenCC)."""
    try:
        text = OPENCC_GATE.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return read_gate(text, str(opencc.__version__))  # (the distribution's metadata took 85 ms to find)


def read_gate(text: str, version: str) -> frozenset[str] | None:
    """The characters of a gate file's text (:data:`OPENCC_GATE`), or ``None`` unless it was read from ``opencc``
    ``version``."""
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    if not lines or lines[0] != f"opencc {version}":
        return None
    return frozenset("".join(lines[1:]))


_HAN_ONLY: Final[Memo[str, str]] = Memo(50_000)


def han_only(text: str) -> str:
    """The Han characters of a name, simplified, without brackets, spaces or punctuation. Remembered: a new Chinese
    name is asked for its core, whether it may be a person's and its brand-table key, each of which begins here,
    and OpenCC's conversion was the larger part of it."""
    found = _HAN_ONLY.table.get(text)
    return _HAN_ONLY.keep(text, _han_only(text)) if found is None else found


def _han_only(text: str) -> str:
    return "".join(HAN.findall(simplify(_BRACKETS.sub("", text))))


def strip_legal_form(han: str) -> tuple[str, str | None]:
    """``(core, legal form)``: 新疆中泰化学股份有限公司 -> (新疆中泰化学, 股份有限公司)."""
    for form in LEGAL_FORMS:
        if han.endswith(form) and len(han) > len(form) + 1:
            return han[: -len(form)], form
    return han, None


NAME_READINGS: dict[str, tuple[str, ...]] = {
    "长": ("chang", "zhang"),
    "都": ("du", "dou"),
    "晟": ("sheng", "cheng"),
    "盛": ("sheng", "cheng"),
    "藏": ("zang", "cang"),
    "重": ("zhong", "chong"),
    "行": ("xing", "hang"),
    "乐": ("le", "yue"),
    "厦": ("xia", "sha"),
    "朝": ("chao", "zhao"),
    "传": ("chuan", "zhuan"),
    "会": ("hui", "kuai"),
    "参": ("shen", "can"),
    "柏": ("bai", "bo"),
    "和": ("he",),
    "佛": ("fo", "fu"),
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan"),
    "解": ("xie", "jie"),
    "查": ("zha", "cha"),
    "仇": ("qiu", "chou"),
    "区": ("ou", "qu"),
    "朴": ("piao", "pu"),
    "覃": ("qin", "tan"),
}
"""Characters read both ways in names, each reading as common as the other there (长 chang in 长江 and 长源
"Changyuan", zhang in 董事长; 都 du in 成都, dou in 都是; 曾 zeng as a surname, ceng in 曾经), with the readings
names use. pypinyin reads a name by its words in context and often picks the everyday one (国电长源 -> guo dian zhang
yuan): both are kept, the one read in context first. Among the 7,030 exchange-listed companies, 25 English names
spell 长 chang where the context read zhang, 7 spell 都 du for dou, 5 晟 sheng for cheng."""


_READINGS: Final[Memo[str, tuple[tuple[str, ...], ...]]] = Memo(100_000)


def readings(han: str) -> tuple[tuple[str, ...], ...]:
    """Toneless pinyin per character, as read in context (重庆 -> chong qing, 长安 -> chang an), first; then, for
    the characters of :data:`NAME_READINGS`, the other readings names give them.

    Other readings are not added for every character: rare alternatives (鑫 xin/xun) made unrelated names align.
    """
    found = _READINGS.table.get(han)
    return _READINGS.keep(han, _readings(han)) if found is None else found


def _readings(han: str) -> tuple[tuple[str, ...], ...]:
    from threadline.names.pinyin_reader import plain_readings

    in_context = plain_readings(han)
    if len(in_context) != len(han):  # a character pypinyin does not know stays as it is
        return tuple((c,) for c in han)
    return tuple(
        (reading, *(other for other in NAME_READINGS.get(c, ()) if other != reading))
        for c, reading in zip(han, in_context, strict=True)
    )


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (zhong, tai, lu ...: about 420), from its character table."""
    from pypinyin.pinyin_dict import pinyin_dict

    toned = {reading for readings_text in pinyin_dict.values() for reading in readings_text.split(",")}
    found: set[str] = set()
    for reading in toned:  # about 1,500 toned syllables for 40,000 characters: the tones are taken off once each
        bare = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
        if bare.isascii() and bare.isalpha():
            found.add(bare)
    return frozenset(found)


_SPELLS_PINYIN: Final[Memo[str, bool]] = Memo(50_000)


def spells_pinyin(word: str) -> bool:
    """Whether a Latin word reads as two or more pinyin syllables of two or more letters written together ("yibai",
    "xinbang"): the romanised trade name of some Chinese company. Single letters and one syllable say too little."""
    found = _SPELLS_PINYIN.table.get(word)
    return _SPELLS_PINYIN.keep(word, _spells_pinyin(word)) if found is None else found


def _spells_pinyin(word: str) -> bool:
    if len(word) < 4 or not word.isascii() or not word.isalpha():
        return False
    return most_syllables(word, 2) >= 2


def most_syllables(word: str, shortest: int = 1) -> int:
    """The most pinyin syllables of ``shortest`` letters or more that ``word`` splits into, written together
    ("awati" = a wa ti: 3), or -1 when it is no pinyin."""
    syllables = pinyin_syllables()
    best = [0] + [-1] * len(word)  # most syllables a segmentation of word[:i] can have; -1: none
    for i in range(len(word)):
        if best[i] < 0:
            continue
        for k in range(shortest, 7):
            if i + k <= len(word) and word[i : i + k] in syllables:
                best[i + k] = max(best[i + k], best[i] + 1)
    return best[len(word)]
