"""Build src/threadline/resources/gazetteer/xinjiang.csv from ../shared/data/xinjiang_gazetteer.

One row per place: the region, its prefectures, counties and XPCC cities, the XPCC itself, its divisions (第一师),
its regiments (一四一团) and the townships. Each row says which forms to look for in Chinese characters, in Latin
letters (pinyin, English, Uyghur-Latin) and in other scripts (Uyghur Arabic script, Cyrillic, from GeoNames), and
how strong the place is as evidence:

- ``strong``: the form names this place only (乌鲁木齐, Kashgar, 一四一团); it decides on its own.
- ``weak``: a county's short name, a township, a county's Latin spelling: good evidence when the address names no
  other place in China, overruled when it does.

Forms that also name a place elsewhere in China (checked against ``resources/gazetteer/china.csv``, built by
``build_china_divisions.py``, which must run first) or abroad are left out.

Usage: python scripts/build_gazetteer.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

from anyascii import anyascii

from threadline import settings
from threadline.commented_csv import read_rows
from threadline.resourcegen import run

OUT = settings.RESOURCES_DIR / "gazetteer" / "xinjiang.csv"
CHINA = settings.RESOURCES_DIR / "gazetteer" / "china.csv"

# Latin spellings that name other places or things too (Aral Sea, Altai Krai, Manas airport in Bishkek, Xinxing in
# Guangdong ...): never used alone.
AMBIGUOUS_LATIN = {
    "ili",
    "yili",
    "aral",
    "alar",
    "altay",
    "altai",
    "xinxing",
    "baiyang",
    "shuanghe",
    "kunyu",
    "sanji",
    "manas",
    "tianshan",
    "midong",
    "yizhou",
    "gaochang",
    "qinghe",
    "tekes",
    "emin",
    "xinyuan",
    "hejing",
    "heshuo",
    "xinhe",
    "shawan",
    "wensu",
    "luntai",
}
# Chinese names also used elsewhere that the national table (2020) no longer lists, or that are common words.
AMBIGUOUS_ZH = {"新市区", "新市", "高昌", "天山"}
# Uyghur and Russian names of the region itself (GeoNames has populated places only).
REGION_SCRIPT_FORMS = ("شىنجاڭ", "شىنجاڭ ئۇيغۇر ئاپتونوم رايونى", "Синьцзян", "Синьцзян-Уйгурский")
XPCC_ZH_STRONG = ("新疆生产建设兵团", "生产建设兵团")
XPCC_ZH_WEAK = ("兵团",)
XPCC_LATIN = ("XPCC", "Bingtuan", "Xinjiang Production and Construction Corps", "Production and Construction Corps")
_DIGITS = dict(zip("零〇一二三四五六七八九", (0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_RUSSIAN = re.compile(r"(?:sk|skoe|skoye|skaja|skaya|skiy|skij)$", re.IGNORECASE)
_TOWNSHIP_SUFFIX = re.compile(r"(镇|乡|农场|牧场|团)$")
HEADER = ["adcode", "level", "parent", "strength", "name_zh", "name_latin", "match_zh", "match_latin", "match_script"]


def chinese_number(text: str) -> int | None:
    """一四一 -> 141, 八十六 -> 86, 一零四 -> 104; ``None`` when it is not a number."""
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)
    value = 0
    for char in text:
        value = value * 10 + _DIGITS[char]
    return value


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


class _Elsewhere:
    """Names of divisions outside Xinjiang, in characters and pinyin."""

    def __init__(self) -> None:
        rows = [row for row in read_rows(CHINA) if not row["adcode"].startswith("65")]
        self.zh = {row["name_zh"] for row in rows} | {row["short_zh"] for row in rows}
        self.latin = {row["pinyin"].casefold() for row in rows}
        for row in rows:
            self.latin.update(form.casefold() for form in _split(row["match_latin"]))

    def zh_ok(self, form: str) -> bool:
        return form not in self.zh and form not in AMBIGUOUS_ZH

    def latin_ok(self, form: str) -> bool:
        folded = form.casefold()
        if folded in AMBIGUOUS_LATIN or folded.replace("'", "") in self.latin:
            return False
        return len(form) >= 8 if " " in form else len(form) >= 4


def _geonames(data_dir: Path) -> dict[str, dict[str, str]]:
    rows = read_rows(data_dir / "xinjiang_gazetteer" / "geonames_xinjiang_places.csv")
    return {row["geonameid"]: row for row in rows}


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(name).casefold())


def _script_forms(row: dict[str, str], geonames: dict[str, dict[str, str]], latin: list[str]) -> list[str]:
    place = geonames.get(row["geonames_id"])
    if place is None or _key(place["name"]) not in {_key(f) for f in latin}:
        return []  # no place, or the county's seat town under another name (天山区 -> "Xingfulu")
    forms = _split(place["names_arabic_script"]) + _split(place["names_cyrillic"])
    return [f for f in forms if len(f) >= 4 and not f.isascii()]


def _divisions(data_dir: Path, elsewhere: _Elsewhere) -> list[list[str]]:
    geonames = _geonames(data_dir)
    out: list[list[str]] = []
    for row in read_rows(data_dir / "xinjiang_gazetteer" / "xinjiang_admin_divisions.csv"):
        level = row["level"]
        if level not in {"province", "prefecture", "county", "xpcc_city"}:
            continue
        county = level == "county"
        zh_strong = [row["name_zh"]] if elsewhere.zh_ok(row["name_zh"]) else []
        short = [row["name_zh_short"], *_split(row["aliases_zh"].replace("/", "|"))]
        short = [s for s in short if len(s) >= 2 and s != row["name_zh"] and elsewhere.zh_ok(s)]
        latin = [row["name_pinyin"], *_split(row["names_en_alt"]), *_split(row["names_uyghur_latin_curated"])]
        all_latin = latin
        # The region's own names stay even when a county elsewhere shares one (新绛县 in Shanxi is also "Xinjiang").
        latin = [form for form in latin if level == "province" or elsewhere.latin_ok(form)]
        script = list(REGION_SCRIPT_FORMS) if level == "province" else _script_forms(row, geonames, all_latin)
        adcode = row["adcode"] or f"65xxxx:{row['name_zh']}"
        parent = row["parent"]
        if county:
            out.append(
                [adcode, level, parent, "strong", row["name_zh"], row["name_pinyin"], *_forms(zh_strong, [], [])]
            )
            out.append(
                [adcode, level, parent, "weak", row["name_zh"], row["name_pinyin"], *_forms(short, latin, script)]
            )
        else:
            out.append([adcode, level, parent, "strong", row["name_zh"], row["name_pinyin"],
                        *_forms(zh_strong + short, latin, script)])  # fmt: skip
    return out


def _forms(zh: list[str], latin: list[str], script: list[str]) -> list[str]:
    return ["|".join(dict.fromkeys(zh)), "|".join(dict.fromkeys(latin)), "|".join(dict.fromkeys(script))]


def _xpcc(data_dir: Path) -> list[list[str]]:
    xpcc = ["650000", "xpcc", "650000"]
    out = [
        [*xpcc, "strong", "新疆生产建设兵团", "XPCC", *_forms(list(XPCC_ZH_STRONG), list(XPCC_LATIN), [])],
        [*xpcc, "weak", "新疆生产建设兵团", "XPCC", *_forms(list(XPCC_ZH_WEAK), [], [])],
    ]
    for row in read_rows(data_dir / "xinjiang_gazetteer" / "xpcc_divisions.csv"):
        if not row["division_no"].isdigit() or not row["name_zh"].startswith("第"):
            continue  # the historic codes, not divisions
        zh = [row["name_zh"], *_split(row["alt_names_zh"])]
        label = f"{row['name_zh']} ({row['seat_city_zh']})"
        out.append(
            [row["seat_city_adcode"], "xpcc_division", "650000", "strong", label, row["name_en"], *_forms(zh, [], [])]
        )
    return out


def _townships(data_dir: Path, elsewhere: _Elsewhere) -> list[list[str]]:
    rows = read_rows(data_dir / "xinjiang_gazetteer" / "xinjiang_townships.csv")
    counts = Counter(row["name_zh"] for row in rows)
    out: list[list[str]] = []
    for row in rows:
        name = re.sub(r"^(新疆)?(兵团)?(第?农?[一二三四五六七八九十]+师)?", "", row["name_zh"])
        name = re.sub(r"(分部)?(生活区)?(乡)?$", "", name) if "团" in name else name
        regiment = re.fullmatch(r"([零〇一二三四五六七八九十]{2,4})团", name)
        number = chinese_number(regiment.group(1)) if regiment else None
        if number is not None and number >= 10:
            zh = [name, f"{number}团"]
            latin = [f"{ordinal(number)} Regiment", f"Regiment {number}", f"{number} Regiment", f"{number} Tuan"]
            place = [row["code"], "xpcc_regiment", row["county_adcode"]]
            out.append([*place, "strong", name, f"{ordinal(number)} Regiment", *_forms(zh, latin, [])])
            continue
        if not _TOWNSHIP_SUFFIX.search(name) or counts[row["name_zh"]] > 1 or len(name) < 3:
            continue  # subdistricts named after streets, management committees, names used twice in the region
        if not elsewhere.zh_ok(name) or not elsewhere.zh_ok(_TOWNSHIP_SUFFIX.sub("", name)):
            continue
        level = "xpcc_unit" if row["xpcc"] == "1" else "township"
        bare = _bare(name)
        zh = [name] + ([bare] if len(bare) >= 3 and elsewhere.zh_ok(bare) else [])
        out.append([row["code"], level, row["county_adcode"], "weak", name, "", *_forms(zh, [], [])])
    return out


def _bare(name: str) -> str:
    """A township's name without its suffix: 愉群翁回族乡 -> 愉群翁."""
    bare = _TOWNSHIP_SUFFIX.sub("", name)
    return re.sub(r"(回族|哈萨克族|蒙古族|柯尔克孜族|锡伯族|塔吉克族)$", "", bare)


def _localities(data_dir: Path, known: set[str], elsewhere: _Elsewhere) -> list[list[str]]:
    """GeoNames populated places' other names (Wade-Giles, older spellings, Uyghur-Latin) not already in the
    gazetteer, all weak. A place that is a division's seat under the division's own name adds to that division;
    any other place is evidence for the region as a whole (GeoNames gives no county). Street-named places (延安北路)
    and short names are left out."""
    seats: dict[str, list[str]] = {}
    for row in read_rows(data_dir / "xinjiang_gazetteer" / "xinjiang_admin_divisions.csv"):
        names = [row["name_pinyin"], *_split(row["names_en_alt"]), *_split(row["names_uyghur_latin_curated"])]
        if row["geonames_id"] and row["adcode"] and _key(row["geonames_place_name"]) in {_key(n) for n in names}:
            seats.setdefault(row["geonames_id"], [row["adcode"], row["level"], row["parent"], row["name_zh"],
                                                  row["name_pinyin"]])  # fmt: skip
    out: list[list[str]] = []
    for geonameid, row in _geonames(data_dir).items():
        zh = [n for n in _split(row["names_zh"]) if re.fullmatch(r"[\u4e00-\u9fff]{3,}", n)]
        zh = [n for n in zh if n not in known and elsewhere.zh_ok(n) and not re.search(r"(路|街|街道|道)$", n)]
        latin = [n for n in [row["name"], *_split(row["names_latin"])] if re.fullmatch(r"[A-Za-z'’-]{6,}", n)]
        latin = [n for n in latin if n.casefold() not in known and elsewhere.latin_ok(n) and not _RUSSIAN.search(n)]
        if not zh and not latin:
            continue
        place = seats.get(geonameid, ["650000", "locality", "650000", zh[0] if zh else "", row["name"]])
        out.append([*place[:3], "weak", *place[3:], *_forms(zh, latin, [])])
    return out


def _drop_clashes(rows: list[list[str]]) -> list[list[str]]:
    """Give each form to one place. A form shared by several places goes to the smallest place that contains them
    all (和田 is the prefecture and a county inside it: the prefecture; Yining is a city and a county: their
    prefecture, Ili)."""
    parents = {row[0]: row[2] for row in rows}
    by_code = {row[0]: row for row in rows}

    def chain(code: str) -> list[str]:
        """The code and its ancestors, smallest first."""
        seen: list[str] = []
        while code in parents and code not in seen:
            seen.append(code)
            code = parents[code]
        return seen

    owners: dict[str, set[str]] = {}
    for row in rows:
        for column in (6, 7, 8):
            for form in _split(row[column]):
                owners.setdefault(form.casefold(), set()).add(row[0])
    keep_with: dict[str, str] = {}
    for form, codes in owners.items():
        common = [c for c in chain(next(iter(codes))) if all(c in chain(other) for other in codes)]
        keep_with[form] = common[0] if common else ""
    own = {(row[0], f.casefold()) for row in rows for column in (6, 7, 8) for f in _split(row[column])}
    moved: dict[tuple[str, str, int], list[str]] = {}
    for row in rows:
        for column in (6, 7, 8):
            forms = _split(row[column])
            row[column] = "|".join(f for f in forms if keep_with[f.casefold()] == row[0])
            for form in forms:
                target = keep_with[form.casefold()]
                if target and target != row[0] and (target, form.casefold()) not in own:
                    moved.setdefault((target, row[3], column), []).append(form)
    for (target, strength, column), forms in sorted(moved.items()):
        place = by_code[target]
        extra = [place[0], place[1], place[2], strength, place[4], place[5], "", "", ""]
        extra[column] = "|".join(dict.fromkeys(forms))
        rows.append(extra)
    return [row for row in rows if row[6] or row[7] or row[8]]


def build(data_dir: Path) -> str:
    elsewhere = _Elsewhere()
    rows = _divisions(data_dir, elsewhere) + _xpcc(data_dir) + _townships(data_dir, elsewhere)
    known = {f.casefold() for row in rows for column in (6, 7, 8) for f in _split(row[column])}
    rows += _localities(data_dir, known, elsewhere)
    # The region, its XPCC and a division share their seat's code on purpose; clashes are between places.
    region_forms = [r for r in rows if r[1] in {"xpcc", "xpcc_division"}]
    places = _drop_clashes([r for r in rows if r[1] not in {"xpcc", "xpcc_division"}])
    out = io.StringIO()
    out.write("# Generated by scripts/build_gazetteer.py from shared/data/xinjiang_gazetteer; do not edit.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(region_forms + places)
    return out.getvalue()


def main() -> None:
    run(OUT, build)


if __name__ == "__main__":
    main()
