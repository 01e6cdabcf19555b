"""Build src/threadline/resources/glossary/shortforms.csv: English short forms and meanings of Chinese name parts
that the glossary's miner misses because the characters are common and the form is rare ("sino" for 中 in
"Sinosteel" and "Sino-Top", "marine" for 海, "thermal" for 热).

Mining, on the training part only (held-out companies are never read): each company's Chinese name is aligned with
its own English name (a match) and with the English names of NEGATIVES other companies of its province and
INDUSTRY_NEGATIVES of its province and industry (wrong pairs), as ``bench_pairs`` pairs the held-out ones, by the
aligner with the packaged glossary (without these short forms) and dictionary. Where a pair leaves characters and
words unexplained, each run of one or two of the characters is a candidate for each word (kind ``word``), and for
each beginning of a word of six or more letters whose rest this name spells (kind ``beginning``: "sino" of
"sinosteel", 钢 = steel). A candidate is proposed when
- MIN_COMPANIES matches leave it unexplained, and at most MAX_WRONG_SHARE as many wrong pairs do;
- its form is an English word the glossary or the dictionary knows, or a beginning, and no generic word ("group",
  "technology": leftovers of any pair);
- no longer span with the same form says the same for most of its companies (动 of 动力 = "engine");
- the general dictionary gives a word of the form's root to a term holding the characters (热 in 导热膏 "thermal
  grease"): a meaning, not a brand two companies of one group share ("top" for 通宝, "real" for 瑞).
The proposed forms are then added to the glossary and every pair aligned again: a word is kept when it raises
MIN_COMPANIES matches and at most MAX_WRONG_SHARE as many wrong pairs (the aligner's word forms count here: "engine"
also reads "engineering"). A beginning is read only inside a word written together, which the plain aligner used
here does not split (:mod:`threadline.matching.fused` does, in the matcher), so it is kept on the first three tests.

The glossary's miner asks that a candidate explain a share of the times its characters are left over, or recur with
its words (Dice); 中 and 海 are left over in hundreds of names for other reasons, so a short form used by five
companies never reaches those shares. Here a candidate is judged instead by what it would do to the wrong pairs.

Usage: python scripts/build_shortforms.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from pathlib import Path

from threadline.matching.align import Alignment, align, alignable_words, word_family, word_form
from threadline.matching.crossscript import han_core
from threadline.matching.fused import MIN_FUSED, vocabulary_of
from threadline.names.glossary import SHORT_FORMS, Glossary, dictionary, english_words, is_held_out, terms_glossary
from threadline.names.normalize import GENERIC_WORDS, name_key
from threadline.resourcegen import company_industries, run, table_text

OUT = SHORT_FORMS
SEED = 11
NEGATIVES = 6
INDUSTRY_NEGATIVES = 3
MIN_COMPANIES = 2
MAX_WRONG_SHARE = 1 / 3
"""At most one wrong pair fired on for three matches supported: with nine wrong pairs a company, a form that fires
on wrong pairs at a tenth of its rate on matches or less (海 = "marine" 4 and 1; 华 = "china" 5 and 67 is no
evidence)."""
MAX_SPAN = 2
MIN_BEGINNING = 3
FRAGMENT_SHARE = 0.8
MAX_TERM = 4
MIN_ROOT = 4

Candidate = tuple[str, str, str]
"""(characters, form, kind)."""


def candidates(han: str, alignment: Alignment, glossary: Glossary) -> set[Candidate]:
    """What the alignment leaves unexplained, as candidates (module doc)."""
    left: list[int] = []
    words: list[str] = []
    at = 0
    for piece in alignment.pieces:
        if piece.how == "unexplained":
            left.extend(range(at, at + len(piece.han)))
            words += [piece.latin] if piece.latin else []
        at += len(piece.han)
    chars = "".join(p.han for p in alignment.pieces)
    free = set(left)
    spans = {
        chars[i : i + k]
        for i in left
        for k in range(1, MAX_SPAN + 1)
        if i + k <= len(chars) and all(j in free for j in range(i, i + k))
    }
    found: set[Candidate] = {(h, w, "word") for w in words for h in spans}
    spelled = vocabulary_of(chars, glossary)[0] if chars else {}
    for word in words:
        if len(word) < MIN_FUSED:
            continue
        for n in range(MIN_BEGINNING, len(word) - 1):
            if word[n:] in spelled:
                found |= {(h, word[:n], "beginning") for h in spans}
    return found


def _aligned(han: str, english: str, glossary: Glossary) -> Alignment:
    return align(han, alignable_words(name_key(english).latin), glossary, dictionary=dictionary())


Pair = tuple[str, str, str, bool]
"""(pair id, Chinese core, English name, whether it is a match)."""


def training_pairs(data_dir: Path) -> list[Pair]:
    """Each training company against its own English name and against NEGATIVES + INDUSTRY_NEGATIVES others."""
    text = (data_dir / "cn_company_names" / "cn_company_name_pairs.csv").read_text("utf-8")
    rows = [
        r
        for r in csv.DictReader(text.splitlines())
        if r["name_zh_full"] and "unavailable" not in r["name_zh_full"] and not is_held_out(r["code"])
    ]
    industry = company_industries(data_dir)
    by_province: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_province[row["province"]].append(row)
    rng = random.Random(SEED)
    pairs: list[Pair] = []
    for row in rows:
        han = han_core(row["name_zh_full"])
        if not han:
            continue
        pairs.append((row["code"], han, row["name_en"], True))
        others = [r for r in by_province[row["province"]] if r["code"] != row["code"]]
        kind = industry.get(row["code"])
        peers = [r for r in others if kind and industry.get(r["code"]) == kind]
        chosen = rng.sample(others, min(NEGATIVES, len(others)))
        chosen += rng.sample(peers, min(INDUSTRY_NEGATIVES, len(peers)))
        pairs += [
            (f"{row['code']}/{o['code']}", han, o["name_en"], False) for o in chosen if o["name_en"] != row["name_en"]
        ]
    return [pair for pair in pairs if alignable_words(name_key(pair[2]).latin)]


def mine(data_dir: Path) -> list[tuple[Candidate, int, int, int, int]]:
    """``(candidate, matches, wrong pairs, matches lifted, wrong pairs lifted)`` of every candidate kept."""
    pairs = training_pairs(data_dir)
    glossary = terms_glossary()
    support: dict[Candidate, set[str]] = defaultdict(set)
    fires: dict[Candidate, set[str]] = defaultdict(set)
    before: dict[str, float] = {}
    for pid, han, english, label in pairs:
        alignment = _aligned(han, english, glossary)
        before[pid] = alignment.score
        for found in candidates(han, alignment, glossary):
            (support if label else fires)[found].add(pid)
    proposed = [
        found
        for found, codes in support.items()
        if len(codes) >= MIN_COMPANIES
        and len(fires.get(found, ())) <= MAX_WRONG_SHARE * len(codes)
        and found[1] not in GENERIC_WORDS
        and found[1].isalpha()
        and (found[2] == "beginning" or found[1] in english_words())
    ]
    proposed = [found for found in proposed if not _fragment(found, proposed, support) and _corroborated(*found[:2])]
    lifted, lifted_wrong = _lifts(pairs, before, proposed, glossary)
    kept = [
        (found, len(support[found]), len(fires.get(found, ())), lifted[found], lifted_wrong[found])
        for found in proposed
        if found[2] == "beginning"
        or (lifted[found] >= MIN_COMPANIES and lifted_wrong[found] <= MAX_WRONG_SHARE * lifted[found])
    ]
    return sorted(kept, key=lambda item: (-item[1], item[2], item[0]))


def _corroborated(han: str, form: str) -> bool:
    """Whether the general dictionary gives a word of the form's root to a term holding these characters (热 in
    导热膏 "thermal grease", 中 in 中外 "sino foreign", 农 in 农业 "agriculture"): a meaning, not a brand that two
    companies of one group share ("top" for 通宝, "real" for 瑞)."""
    return any(
        han in term
        and len(term) <= MAX_TERM
        and any(_same_root(form, word) for phrase in renderings for word in phrase)
        for term, renderings in dictionary().items()
    )


def _same_root(form: str, word: str) -> bool:
    """``form`` and ``word`` share a word form or family, or ``word`` begins with ``form`` (4+ letters: "agri")."""
    if word_form(form) == word_form(word):
        return True
    family = word_family(form)
    return (bool(family) and family == word_family(word)) or (len(form) >= MIN_ROOT and word.startswith(form))


def _fragment(found: Candidate, proposed: list[Candidate], support: dict[Candidate, set[str]]) -> bool:
    """Whether a longer span with the same form says the same for most of its companies (动 of 动力 = "engine")."""
    han, form, kind = found
    covered: set[str] = set()
    for other in proposed:
        if other[1:] == (form, kind) and len(other[0]) > len(han) and han in other[0]:
            covered |= support[other]
    return len(covered & support[found]) >= FRAGMENT_SHARE * len(support[found])


def _lifts(
    pairs: list[Pair], before: dict[str, float], proposed: list[Candidate], glossary: Glossary
) -> tuple[dict[Candidate, int], dict[Candidate, int]]:
    """How many matches and wrong pairs each proposed form raises when added to the glossary: the pairs aligned
    higher whose new alignment reads the form's characters by a term (the aligner's own word forms and families
    count: "engine" also reads "engineering")."""
    table = {han: list(renderings) for han, renderings in glossary.items()}
    for han, form, _kind in proposed:
        if (form,) not in table.setdefault(han, []):
            table[han].append((form,))
    widened: Glossary = {han: tuple(renderings) for han, renderings in table.items()}
    lifted: dict[Candidate, int] = defaultdict(int)
    lifted_wrong: dict[Candidate, int] = defaultdict(int)
    for pid, han, english, label in pairs:
        alignment = _aligned(han, english, widened)
        if alignment.score <= before[pid]:
            continue
        read = [p.han for p in alignment.pieces if p.how == "glossary"]
        for found in proposed:
            if any(found[0] in span for span in read):
                (lifted if label else lifted_wrong)[found] += 1
    return lifted, lifted_wrong


def build(data_dir: Path) -> str:
    comment = (
        "Generated by scripts/build_shortforms.py from the training part of shared/data/cn_company_names; do not\n"
        "edit. han, english: a short form or meaning of the characters; kind: a word, or the beginning of a word\n"
        "written together; matches: training companies whose own English name leaves both unexplained; wrong: wrong\n"
        "pairs that do; lifted, lifted_wrong: matches and wrong pairs aligned higher once the form is a term."
    )
    rows = [(h, f, k, *map(str, counts)) for (h, f, k), *counts in mine(data_dir)]
    return table_text(comment, ("han", "english", "kind", "matches", "wrong", "lifted", "lifted_wrong"), rows)


def main() -> None:
    run(OUT, build)


if __name__ == "__main__":
    main()
