"""Build src/threadline/resources/glossary/terms.csv: curated terms + terms mined from real name pairs.

Mining: for each training pair of ../shared/data/cn_company_names/cn_company_name_pairs.csv (held-out companies
are never read), align the Chinese name with the English name using pinyin and the glossary so far; where characters
and words are left unexplained between the same two aligned pieces, they are a candidate term (e.g. 化学 <->
chemical). A candidate is kept when at least MIN_COMPANIES distinct companies support it and it
explains at least MIN_SHARE of the times its characters were left over. Two rounds: the second uses the first's
terms, so neighbouring terms separate.

The English side of a candidate is counted by the key the aligner compares it by (:func:`~threadline.matching.
align.joined_key`: plurals folded, written together), so "optoelectronic", "Optoelectronics" and "Opto-Electronic"
support one term (光电), written in its most common form. Counted apart, no form of the 29 companies' 光电 reached
the thresholds and the term was missing.

Places: the packaged gazetteers (``resources/gazetteer/xinjiang.csv`` for Xinjiang's prefectures, counties and
XPCC cities, ``china.csv`` for China's provinces and prefectures) give the names English uses for places whose
pinyin it does not (乌鲁木齐 = Urumqi, 吐鲁番 = Turpan, 和田 = Khotan, 内蒙古 = Inner Mongolia). They are added as
terms of origin ``gazetteer`` before mining, so an English name that says "Urumqi" aligns with 乌鲁木齐.

Usage: python scripts/build_glossary.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from pathlib import Path

from threadline.commented_csv import read_rows
from threadline.matching.align import MAX_SPAN, Alignment, align, alignable_words, joined_key
from threadline.names.glossary import CURATED, TERMS, Glossary, is_held_out, read_terms
from threadline.names.han import han_only, readings, strip_legal_form
from threadline.names.normalize import name_key
from threadline.names.places import CHINA, bare_name
from threadline.resourcegen import run
from threadline.risk.gazetteer import XINJIANG_TABLE

OUT = TERMS
MIN_COMPANIES = 2
MIN_SHARE = 0.3
ROUNDS = 3
MAX_TERM = 4
MIN_SPAN_COMPANIES = 3
MIN_CHAR_COMPANIES = 5
MIN_DICE = 0.5
FRAGMENT_SHARE = 0.8


def training_pairs(data_dir: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(code, han core, english words)`` for companies not held out."""
    text = (data_dir / "cn_company_names" / "cn_company_name_pairs.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        if not row["name_zh_full"] or "unavailable" in row["name_zh_full"] or is_held_out(row["code"]):
            continue
        han, _form = strip_legal_form(han_only(row["name_zh_full"]))
        words = alignable_words(name_key(row["name_en"]).latin)
        if han and words:
            out.append((row["code"], han, words))
    return out


def _gaps(alignment: Alignment) -> list[tuple[str, tuple[str, ...]]]:
    """Between two aligned pieces, the characters and the words left unexplained there."""
    gaps: list[tuple[str, tuple[str, ...]]] = []
    han, words = "", []
    for piece in [*alignment.pieces, None]:
        if piece is not None and piece.how in ("unexplained", "optional"):
            if piece.how == "unexplained":
                han += piece.han
                words += [piece.latin] if piece.latin else []
            continue
        if han or words:
            gaps.append((han, tuple(words)))
        han, words = "", []
    return gaps


def _spans(han: str, words: tuple[str, ...]) -> set[tuple[str, str]]:
    """Sub-terms a gap may hold: every 1-4 character span with every run of 1-2 words (a gap such as 鸿泉物联网 /
    "hopechart iot" holds a trade name and a term)."""
    hans = {han[i : i + k] for k in range(1, MAX_TERM + 1) for i in range(len(han) - k + 1)}
    runs = {" ".join(words[j : j + k]) for k in (1, 2) for j in range(len(words) - k + 1)}
    return {(h, e) for h in hans for e in runs}


def _key(english: str) -> str:
    """The English side of a candidate as the aligner compares it (see the module's docstring)."""
    return joined_key(tuple(english.split()))


def mine(pairs: list[tuple[str, str, tuple[str, ...]]], glossary: Glossary) -> Counter[tuple[str, str]]:
    """Whole gaps supported by MIN_COMPANIES companies, and sub-terms of gaps that recur together (Dice). English
    runs are counted by :func:`_key` and reported in their most common form."""
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    leftovers: Counter[str] = Counter()
    inside: dict[tuple[str, str], set[str]] = defaultdict(set)
    han_in: dict[str, set[str]] = defaultdict(set)
    words_in: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for code, han, words in pairs:
        for han_run, word_run in _gaps(align(han, words, glossary)):
            leftovers[han_run] += 1
            if han_run and word_run and len(han_run) <= 6 and len(word_run) <= 4:
                english = " ".join(word_run)
                forms[_key(english)][english] += 1
                support[(han_run, _key(english))].add(code)
            for h, e in _spans(han_run, word_run):
                forms[_key(e)][e] += 1
                inside[(h, _key(e))].add(code)
                han_in[h].add(code)
                words_in[_key(e)].add(code)
    kept: Counter[tuple[str, str]] = Counter()
    for (han_run, english), codes in support.items():
        if len(codes) >= MIN_COMPANIES and len(codes) / leftovers[han_run] >= MIN_SHARE:
            kept[(han_run, english)] = len(codes)
    spans: dict[tuple[str, str], set[str]] = {}
    for (h, e), codes in inside.items():
        together = len(codes)
        if together < (MIN_CHAR_COMPANIES if len(h) == 1 else MIN_SPAN_COMPANIES):
            continue
        if 2 * together / (len(han_in[h]) + len(words_in[e])) >= MIN_DICE:
            spans[(h, e)] = codes
    for (h, e), codes in spans.items():
        if not _fragment(h, e, codes, spans):
            kept[(h, e)] = max(kept[(h, e)], len(codes))
    return Counter({(h, _commonest(forms[e])): count for (h, e), count in kept.items()})


def _commonest(forms: Counter[str]) -> str:
    """The most common form of one key, the alphabetically first of equally common ones (the same every run)."""
    return min(forms.items(), key=lambda item: (-item[1], item[0]))[0]


def _fragment(han: str, english: str, codes: set[str], spans: dict[tuple[str, str], set[str]]) -> bool:
    """Whether longer spans say the same for nearly all of its companies: 件 in 软件 = software, 备 in 装备 and
    设备 = equipment, 尔滨 in 哈尔滨; or a longer English run does ("heavy" of 重工 = "heavy industry"). English
    sides are keys (:func:`_key`), runs of at most two words, so a word of a longer run begins or ends its key."""
    covered: set[str] = set()
    for (h, e), others in spans.items():
        longer_han = e == english and len(h) > len(han) and han in h
        longer_words = h == han and len(e) > len(english) and (e.startswith(english) or e.endswith(english))
        if longer_han or longer_words:
            covered |= others & codes
    return len(covered) >= FRAGMENT_SHARE * len(codes)


XINJIANG_LEVELS = frozenset({"province", "prefecture", "county", "xpcc_city", "xpcc_division", "xpcc_regiment"})
"""The Xinjiang gazetteer's levels whose English forms become terms; the region itself too, for the forms that are
not its pinyin (新疆 = "XUAR", "Sinkiang"), which the table of China's divisions does not give."""
CHINA_LEVELS = frozenset({"province", "prefecture"})
ADMIN_WORDS = frozenset(
    {"shi", "diqu", "xian", "qu", "zizhizhou", "zizhixian", "zizhiqu", "county", "city", "prefecture", "region"}
)
"""An administrative suffix ending a form, in pinyin or English ("Urumqi Shi", "Hekang County"): the bare form is
kept."""
PEOPLES = frozenset({"kazak", "kazakh", "mongol", "huizu", "hui", "kirghiz", "kyrgyz", "uygur", "uyghur", "tajik"})
"""Peoples named before the suffix of an autonomous prefecture or county ("Ili Kazak Zizhizhou")."""


def _place_forms(han_forms: list[str], latin_forms: list[str]) -> set[tuple[str, str]]:
    """``(han, english)`` for every Chinese form of one place (with and without its 市/县/区/地区) against each of
    its English forms that is not simply its pinyin, as the aligner reads English words. A form with digits (104团)
    is left out: the aligner reads a Chinese name's characters only; 一零四团 stays."""
    hans = set()
    for form in filter(None, han_forms):
        hans |= {form, bare_name(form)}  # 和田地区 -> 和田, 克孜勒苏柯尔克孜自治州 -> 克孜勒苏
    spelled = {_pinyin(han) for han in hans}
    out = set()
    for latin in filter(None, latin_forms):
        if any(mark in latin for mark in "'’-"):
            continue  # Wade-Giles and other syllable-split spellings (K'u-erh-lo): no company writes them
        words = list(alignable_words(name_key(latin).latin))
        if words and words[-1] in ADMIN_WORDS:
            words.pop()
            if words and words[-1] == "autonomous":  # "Kizilsu Kirghiz Autonomous Prefecture" -> "kizilsu"
                words.pop()
            while words and words[-1] in PEOPLES:  # "Ili Kazak Zizhizhou" -> "ili"
                words.pop()
        if not words or len(words) > 2 or not all(w.isascii() and w.isalnum() and len(w) > 1 for w in words):
            continue
        if "".join(words) in spelled:
            continue
        out |= {(han, " ".join(words)) for han in hans if 2 <= len(han) <= MAX_SPAN and han == han_only(han)}
    return out


def place_terms() -> list[tuple[str, str]]:
    """English names of Chinese places that are not their pinyin, from the packaged gazetteers. Of Xinjiang's weak
    rows only those that give the place's own short form: the others list historical spellings (Ti-hua) no company
    uses, traditional characters (the aligner reads simplified ones) or names of neighbouring places."""
    terms: set[tuple[str, str]] = set()
    for row in read_rows(XINJIANG_TABLE):
        if row["level"] not in XINJIANG_LEVELS:
            continue
        if row["strength"] == "strong":
            hans = [row["name_zh"], *row["match_zh"].split("|")]
        else:  # the short form of the place itself (库尔勒 = Korla, 莎车 = Yarkand), not old or neighbouring names
            hans = [form for form in row["match_zh"].split("|") if form and row["name_zh"].startswith(form)]
            if not hans:
                continue
        terms |= _place_forms(hans, [row["name_latin"], *row["match_latin"].split("|")])
    for row in read_rows(CHINA):
        if row["level"] in CHINA_LEVELS:
            terms |= _place_forms([row["name_zh"], row["short_zh"]], row["match_latin"].split("|"))
    return sorted(terms)


def _pinyin(han: str) -> str:
    """The toneless pinyin of ``han`` written together, each character read as in the name (乌鲁木齐 -> wulumuqi)."""
    return "".join(reading[0] for reading in readings(han))


def build(data_dir: Path) -> str:
    curated = [(h, e) for h, e, _ in read_terms(str(CURATED))]
    places = [term for term in place_terms() if term not in set(curated)]
    table: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for han, english in [*curated, *places]:
        table[han].append(tuple(english.split()))
    pairs = training_pairs(data_dir)
    mined: Counter[tuple[str, str]] = Counter()
    for _round in range(ROUNDS):
        glossary = {h: tuple(v) for h, v in table.items()}
        found = mine(pairs, glossary)
        mined.update(found)
        for (han, english), _count in found.most_common():
            words = tuple(english.split())
            if words not in table[han]:
                table[han].append(words)
    out = io.StringIO()
    out.write("# Generated by scripts/build_glossary.py from resources/glossary/curated.csv, the packaged gazetteers\n")
    out.write("# and the training part of shared/data/cn_company_names; do not edit (edit curated.csv instead).\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["han", "english", "origin"])
    known = set(curated) | set(places)
    for han, english in curated:
        writer.writerow([han, english, "curated"])
    for han, english in places:
        writer.writerow([han, english, "gazetteer"])
    for (han, english), count in sorted(mined.items(), key=lambda item: (-item[1], item[0])):
        if (han, english) not in known:
            writer.writerow([han, english, f"mined:{count}"])
    return out.getvalue()


def main() -> None:
    run(OUT, build)


if __name__ == "__main__":
    main()
