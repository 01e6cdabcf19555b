"""The xinjiang-places slice of bench_pairs.py: Xinjiang's counties named with their prefecture, across scripts.

Agencies, cooperatives and plants in Xinjiang are named for the county and prefecture they are in, in opposite
orders: 阿克苏地区阿瓦提县 is "Awati County, Aksu Prefecture". The pairs are built from the packaged gazetteer
(``resources/gazetteer/xinjiang.csv``: each county's strong row and its prefecture's), so the names are real places
but the pairs are made here, and the English forms of places that are not pinyin come from the same gazetteer the
glossary's place terms do: the slice measures how places are read (their order, division words, a county of its
own), not how place names are learnt.

Per county of a prefecture (not a prefecture-level city's districts), with a body's name after it (人民政府 "People's
Government", 公安局 "Public Security Bureau", 棉花加工厂 "Cotton Processing Plant"):
- positives: the Chinese name against "{County} County {body}, {Prefecture} Prefecture" (English order), "{Prefecture}
  Prefecture {County} County {body}" (Chinese order) and "{County} County {body}" (the prefecture left out);
- negatives: the same against another county of the same prefecture, in English order (a neighbour's body).
"""

from __future__ import annotations

import random
from collections import defaultdict

from pair_records import labelled_pair

from threadline.commented_csv import read_rows
from threadline.names.han import spells_pinyin
from threadline.names.normalize import fold
from threadline.risk.gazetteer import XINJIANG_TABLE

SEED = 20261202
BODIES = (
    ("人民政府", "People's Government"),
    ("公安局", "Public Security Bureau"),
    ("棉花加工厂", "Cotton Processing Plant"),
)


def _english_names(table: list[dict[str, str]]) -> dict[str, str]:
    """Per adcode, the place's English name: the first of its Latin forms that is not pinyin (Aksu, Korla, Manas),
    from its strong row and the weak rows that give its own short form, else its pinyin."""
    forms: dict[str, list[str]] = defaultdict(list)
    for row in table:
        own = row["strength"] == "strong" or any(row["name_zh"].startswith(f) for f in row["match_zh"].split("|") if f)
        if own:
            forms[row["adcode"]] += [f for f in row["match_latin"].split("|") if f and " " not in f]
    names: dict[str, str] = {}
    for row in table:
        english = [f for f in forms[row["adcode"]] if f.isascii() and f.isalpha() and not spells_pinyin(fold(f))]
        names.setdefault(row["adcode"], english[0] if english else row["name_latin"])
    return names


def xinjiang_places() -> list[dict[str, object]]:
    table = read_rows(XINJIANG_TABLE)
    english_names = _english_names(table)
    rows = [r for r in table if r["strength"] == "strong"]
    prefectures = {r["adcode"]: r for r in rows if r["level"] == "prefecture" and r["name_zh"].endswith(("地区", "州"))}
    counties: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["level"] == "county" and row["parent"] in prefectures and row["name_zh"].endswith("县"):
            counties[row["parent"]].append(row)
    rnd = random.Random(SEED)
    pairs: list[dict[str, object]] = []
    for code in sorted(counties):
        prefecture, members = prefectures[code], sorted(counties[code], key=lambda r: r["adcode"])
        pref_en = english_names[code]
        for county in members:
            han_body, en_body = rnd.choice(BODIES)
            han = prefecture["name_zh"] + county["name_zh"] + han_body
            name = english_names[county["adcode"]]
            at = f"xj-{county['adcode']}"
            latins: tuple[tuple[str, str, bool], ...] = (
                (f"{at}-en", f"{name} County {en_body}, {pref_en} Prefecture", True),
                (f"{at}-zh", f"{pref_en} Prefecture {name} County {en_body}", True),
                (f"{at}-short", f"{name} County {en_body}", True),
            )
            others = [r for r in members if r["adcode"] != county["adcode"]]
            if others:
                other = english_names[rnd.choice(others)["adcode"]]
                latins += ((f"{at}-other", f"{other} County {en_body}, {pref_en} Prefecture", False),)
            pairs += [labelled_pair(pid, han, latin, label, "Organization") for pid, latin, label in latins]
    return pairs
