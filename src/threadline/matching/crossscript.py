"""Chinese names against Latin-script names: candidate keys and scores, built on :mod:`threadline.matching.align`.

A name is treated as Chinese when it has Han characters. Its legal form is dropped (有限公司 ...), its characters
are folded to simplified, and it is aligned with the other name's Latin words by pinyin and the term glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import Levenshtein

from threadline.matching.align import Alignment, align, alignable_words, span_spellings
from threadline.matching.calibration import (
    CONFLICT,
    CONFLICT_PINYIN,
    CONFLICT_SOUND,
    CONFLICT_TERMS,
    OTHER,
    OTHER_PLACE,
    RENDERING,
    RENDERING_PINYIN,
    TRADE_NAME,
)
from threadline.matching.fused import split_word
from threadline.names.brandsound import MAX_SOUNDED, MIN_SOUNDED, sounds_alike, spelled
from threadline.names.glossary import Glossary, dictionary, english_words, glossary, terms_glossary
from threadline.names.han import (
    AUTONOMOUS_REGIONS,
    han_only,
    leading_province,
    readings,
    spells_pinyin,
    strip_legal_form,
)
from threadline.names.memo import Memo
from threadline.names.normalize import GENERIC_WORDS, NameKey, fold, has_han, name_key
from threadline.names.places import (
    is_place,
    latin_division_words,
    latin_province_words,
    names_latin_place,
    names_other_division,
    names_other_level,
    places_end,
)
from threadline.names.romanisations import MAX_NAME, other_readings

PARTY_COMMITTEE = re.compile(r"^(?:中共|中国共产党)(.+)委员会$")
"""A Party committee's full name (中共新疆维吾尔自治区委员会), written short as 新疆维吾尔自治区党委: English names it
"Xinjiang Uyghur Autonomous Region Party Committee", in the order of the short form."""


_HAN_CORES: Final[Memo[str, str]] = Memo(200_000)


def han_core(name: str) -> str:
    """The simplified Han characters of a name without its legal form, a Party committee's name in its short form
    (:data:`PARTY_COMMITTEE`); ``""`` for names with no Han."""
    found = _HAN_CORES.table.get(name)
    return _HAN_CORES.keep(name, _han_core(name)) if found is None else found


def _han_core(name: str) -> str:
    if not has_han(name):
        return ""
    core, _form = strip_legal_form(han_only(name))
    return PARTY_COMMITTEE.sub(r"\1党委", core)


def han_block_keys(han: str) -> set[str]:
    """Latin words a matching Latin name may contain: the pinyin of 2-4 character spans written together
    (中泰 -> zhongtai), and the one-word translations of glossary terms of two or more characters (海康威视 ->
    hikvision). Single syllables are left out: they would open far too many candidates."""
    spelled = [r[0] for r in readings(han)]
    keys = {"".join(spelled[i : i + k]) for k in (2, 3, 4) for i in range(len(spelled) - k + 1)}
    terms = terms_glossary()
    for i in range(len(han)):
        for k in range(2, min(6, len(han) - i) + 1):
            keys.update(p[0] for p in terms.get(han[i : i + k], ()) if len(p) == 1)
    return {k for k in keys if len(k) >= 4}


def spoken_block_keys(han: str) -> set[str]:
    """For a query: the other spellings (Hong Kong's, Wade-Giles, Korean) of a short name's 2-4 character spans
    written together (李家超 -> "kachiu", "leeka"), as a Latin list name's adjacent words are indexed ("Lee Ka Chiu"
    -> "leeka", "kachiu"). Looked up by queries only, so the index does not grow: a list name in characters is still
    found by its pinyin alone. The spellings of a span are those the aligner tries (:func:`~threadline.matching.
    align.span_spellings`); none for a name longer than a person's."""
    keys: set[str] = set()
    for _system, spellings in other_readings(han):
        for k in (2, 3, 4):
            for i in range(len(han) - k + 1):
                keys.update(span_spellings(spellings, i, k))
    return {k for k in keys if len(k) >= 4}


def han_similarity(a: str, b: str) -> float:
    """Similarity of two Chinese names by characters (not by syllables: 陈全国 and 陈明国 share two of three).

    Edit similarity of the cores, capped at 0.6 when what differs between them (after the shared beginning and
    end, e.g. the place and 科技) has little in common: 深圳市英维克科技 is not 深圳市银之杰科技."""
    a, b = a.replace("市", ""), b.replace("市", "")
    full = Levenshtein.normalized_similarity(a, b)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    mid_a, mid_b = a[start : len(a) - end], b[start : len(b) - end]
    if mid_a and mid_b and Levenshtein.normalized_similarity(mid_a, mid_b) < 0.5:
        return min(full, 0.6)
    return full


def cross_align(
    query: NameKey, other: NameKey, person: bool, apart: bool = True, short_forms: bool = True
) -> Alignment | None:
    """Align whichever of the two names is Chinese with the other's Latin words; ``None`` if not a cross pair.
    ``apart``: a company's Latin words written together are also read apart (:func:`_read_apart`); ``short_forms``:
    the glossary's mined short forms are read (:data:`~threadline.names.glossary.SHORT_FORMS`). The calibration is
    fitted with neither (``scripts/build_calibration.py``)."""
    q_han, o_han = han_core(query.original), han_core(other.original)
    if bool(q_han) == bool(o_han):
        return None
    han, latin_key = (q_han, other) if q_han else (o_han, query)
    mixed_key = query if q_han else other
    words = alignable_words(latin_key.latin)
    if not words or not latin_key.latin.isascii():
        return None
    # A mixed name (TCL科技集团): its Latin letters must appear in the other name too.
    own_latin = _LETTERS.findall(_folded(mixed_key))
    if any(w not in words for w in own_latin):
        return None
    others = person and personal_name(mixed_key.original)
    terms = glossary() if short_forms else terms_glossary()
    found = align(han, words, terms, any_order=person, dictionary=None if person else dictionary(), others=others)
    if apart and not person and found.score < 1.0:
        found = _read_apart(han, words, found, terms)
    turned = () if person or found.score >= 1.0 else parts_reversed(latin_key.original, words)
    if turned:
        read_turned = align(han, turned, terms, dictionary=dictionary())
        if read_turned.score > found.score:
            return read_turned
    return found


def _read_apart(han: str, words: tuple[str, ...], found: Alignment, terms: Glossary) -> Alignment:
    """``found``, or the alignment of ``words`` with the unexplained ones written together read apart
    (:mod:`threadline.matching.fused`: "Petrochina" = petroleum china for 中国石油), whichever scores higher."""
    left = set(found.unexplained_latin)
    own_terms = None if terms is glossary() else terms  # (the packaged glossary's vocabularies are remembered)
    apart: list[str] = []
    for word in words:
        pieces = split_word(han, word, own_terms) if word in left else ()
        apart.extend(pieces or (word,))
    if apart == list(words):
        return found
    read = align(han, tuple(apart), terms, dictionary=dictionary())
    return read if read.score > found.score else found


_LETTERS = re.compile(r"[a-z]+")


def _folded(key: NameKey) -> str:
    """``fold(key.original)``: the key's own ``folded`` unless the name has an ampersand (which the key joins
    between letters first); folding the Chinese name again for every pair was a percent of scoring them."""
    return fold(key.original) if "&" in key.original else key.folded


PARTS = re.compile(r"\s*,\s*|\s+of\s+", re.IGNORECASE)
"""What separates the parts of an English name that Chinese writes the other way round."""


@lru_cache(maxsize=20_000)
def parts_reversed(name: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """``words``, the alignable words of ``name``, with the parts the name separates by commas or "of" in reverse
    order: English names the smaller unit first ("14th Division, XPCC", "First Division of the XPCC"), Chinese
    names the larger (新疆生产建设兵团第十四师).
    ``()`` when that changes nothing: a name of one part (a legal form is no part: "Xinjiang Tianye Co., Ltd."), or
    parts that do not give the same words."""
    pieces = PARTS.split(name)
    if len(pieces) < 2:
        return ()
    kept = set(words)
    parts = [tuple(w for w in name_key(part).latin.split() if w in kept) for part in pieces]
    turned = tuple(word for part in reversed(parts) for word in part)
    if turned == words or sorted(turned) != sorted(words):
        return ()
    return turned


_PERSONAL: Final[Memo[str, bool]] = Memo(50_000)


def personal_name(name: str) -> bool:
    """Whether a Chinese name may be a person's, and so be read the other ways persons' names are written (Hong
    Kong, Taiwan, Korea: :mod:`threadline.names.romanisations`): no legal form, at most
    :data:`~threadline.names.romanisations.MAX_NAME` characters, not beginning with a place. 福建雪人股份有限公司 is a
    company, whatever list entry it meets: read in Korean, its 雪人 would spell a Russian surname."""
    found = _PERSONAL.table.get(name)
    return _PERSONAL.keep(name, _personal_name(name)) if found is None else found


def _personal_name(name: str) -> bool:
    core, form = strip_legal_form(han_only(name))
    if form is not None or not core or len(core) > MAX_NAME:
        return False
    return not (leading_province(core) or any(is_place(core[:k]) for k in (2, 3) if len(core) > k))


def trade_name(alignment: Alignment) -> str:
    """The trade name both names share: the longest piece of two or more characters matched by pinyin that is not
    a place (中泰 = zhongtai in 新疆中泰化学 / Xinjiang Zhongtai Chemical), else ``""``. The name's identity rests on
    it; places and industry terms are shared by many companies."""
    pieces = [p.han for p in alignment.pieces if p.how == "pinyin" and len(p.han) >= 2 and not is_place(p.han)]
    return max(pieces, key=len, default="")


def leftovers(alignment: Alignment) -> tuple[str, tuple[str, ...]]:
    """What each side keeps unexplained. A province the English name "left out" while it has words of its own
    counts as left over: it is a different place, not an omission. The rest of an autonomous region's full name
    (维吾尔自治区 after 新疆 = "Xinjiang") does not."""
    han = alignment.unexplained_han + "".join(
        p.han for p in alignment.pieces if p.how == "optional" and len(p.han) >= 2 and p.han not in AUTONOMOUS_REGIONS
    )
    return han, alignment.unexplained_latin


def evidence_group(alignment: Alignment) -> str:
    """The calibration group of an alignment: two different known terms left over (德赛电池 / "Desay Lighting": two
    members of a group, even with the trade name in common), a shared trade name, a freely rendered one, unexplained
    parts on both sides (two trade names: 青岛国林环保 / "Qingdao Huicheng Environmental"; apart, when the English
    one sounds like the Chinese one: 京蓝 / "Kingland"), or none of these. First of all, an English name that keeps
    a place of its own unexplained ("Henan" against 珠海中富实业) names another place: in the training pairs 4 of
    2,049 matches sharing a trade name did so, and half of the wrong candidates that share one."""
    han, words = leftovers(alignment)
    whole = "".join(p.han for p in alignment.pieces)
    if names_latin_place(words) or names_other_division(han, words) or names_other_level(whole, words):
        return OTHER_PLACE
    if han and words and known_terms_differ(alignment):
        return CONFLICT_TERMS
    if trade_name(alignment):
        return TRADE_NAME
    if any(p.how == "rendering" for p in alignment.pieces):
        return RENDERING_PINYIN if pinyin_rendering(alignment) else RENDERING
    if han and words:
        if romanised_other(words):
            return CONFLICT_PINYIN
        return CONFLICT_SOUND if sounding_brand(alignment)[0] else CONFLICT
    return OTHER


def branch_place(alignment: Alignment) -> str:
    """The place a Chinese name adds after its trade name, left unexplained, when the Latin name keeps nothing of
    its own: 新疆中泰化学阜康能源 / "Xinjiang Zhongtai Chemical" keeps 阜康 (and 能源), its Fukang energy company;
    合盛硅业鄯善 the same. A company named for another and a place is a member of its group, not the company itself.
    ``""`` when not so; the places a name begins with (昌吉溢达 / "Esquel") do not count."""
    if alignment.unexplained_latin:
        return ""
    chars = "".join(p.han for p in alignment.pieces)
    at, start = 0, places_end(chars)
    for piece in alignment.pieces:
        if piece.how == "unexplained" and piece.han and at >= start:
            place = next((chars[at : at + k] for k in (4, 3, 2) if branch_place_name(chars[at : at + k])), "")
            if place:
                return place
        at += len(piece.han)
    return ""


def latin_branch_place(alignment: Alignment) -> str:
    """The place an English name adds after the name both share, left unexplained, when the Chinese name keeps
    nothing of its own: "Xinjiang Zhongtai Chemical Fukang Energy" / 新疆中泰化学 keeps "fukang", the group's company
    in Fukang (:func:`branch_place` the other way round). The word must spell a division of China that is no
    province ("Xinjiang", "Guangdong" are left out of English names as often as kept) and come after a part of the
    name that is no place. ``""`` when not so."""
    if alignment.unexplained_han:
        return ""
    named = False
    for piece in alignment.pieces:
        if piece.han and piece.how not in ("unexplained", "optional") and not is_place(piece.han):
            named = True
        elif named and piece.how == "unexplained" and latin_branch_place_word(piece.latin):
            return piece.latin
    return ""


def latin_branch_place_word(word: str) -> bool:
    """A city's or county's name in Latin letters that is no province's (:func:`latin_branch_place`)."""
    return word in latin_division_words() and word not in latin_province_words()


def branch_place_name(han: str) -> bool:
    """A city's or county's name that is nothing else: not a province (English names leave those out: 国科恒泰（北京）
    = "GKHT Medical Technology"), nor a word the glossary knows or the dictionary knows as more than a place (资源
    "resources", 东方 "east"; the dictionary gives 阜康 only as "xinjiang", where it is)."""
    if not is_place(han) or leading_province(han) or han in terms_glossary():
        return False
    return all(names_latin_place(phrase_words) for phrase_words in dictionary().get(han, ()))


def pinyin_rendering(alignment: Alignment) -> str:
    """The first word that renders a span of the Chinese name freely while being pinyin itself ("dongxing" for 东北,
    dongbei; "jinshan" for 机床, jichuang), else ``""``: the trade name of another Chinese company far more often than
    a brand chosen for this one ("Desay" for 德赛 is no pinyin)."""
    for piece in alignment.pieces:
        if piece.how == "rendering" and spells_pinyin(piece.latin.replace(" ", "")):
            return piece.latin
    return ""


def sounding_brand(alignment: Alignment) -> tuple[str, str]:
    """``(word, characters)``: a distinctive word the English name leaves unexplained that sounds like the pinyin of
    a run of characters the Chinese name leaves unexplained (京蓝 jinglan / "Kingland", see
    :mod:`threadline.names.brandsound`), else ``("", "")``. A run is unexplained characters next to each other,
    ``MIN_SOUNDED`` to ``MAX_SOUNDED`` of them; a word that is generic, a place, pinyin or an English word the
    dictionary knows is no brand (:func:`~threadline.names.brandsound.brand_word`)."""
    words = alignment.unexplained_latin
    if not words:
        return "", ""
    runs = [""]
    for piece in alignment.pieces:  # a piece of words alone reads no character, so it does not end a run
        if piece.how == "unexplained" and piece.han:
            runs[-1] += piece.han
        elif piece.han and runs[-1]:
            runs.append("")
    for run in runs:
        word = sounds_alike(spelled(run), words) if MIN_SOUNDED <= len(run) <= MAX_SOUNDED else ""
        if word:
            return word, run
    return "", ""


def romanised_other(words: tuple[str, ...]) -> bool:
    """Whether the distinctive words an English name keeps unexplained that are no English words are all pinyin
    spellings ("yibai", "liangxin"; "huifa" beside "foodstuff"): the trade name of a different Chinese company, not a
    brand chosen for this one. English words beside it do not make it a brand: "Shandong Huifa Foodstuff" against
    山东龙大美食 keeps an industry word the glossary lacks. Asking this of every non-English word rather than of all
    distinctive ones moved 307 wrong candidates and 9 matches of the training companies (paired as the benchmark
    pairs the held-out ones) from the ``conflict`` group to ``conflict_pinyin``."""
    english = english_words()
    brands = [w for w in words if w not in GENERIC_WORDS and w not in english]
    return bool(brands) and all(spells_pinyin(w) for w in brands)


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset[str]:
    return frozenset(w for renderings in terms_glossary().values() for phrase in renderings for w in phrase)


def known_terms_differ(alignment: Alignment) -> bool:
    """Whether what each side leaves unexplained belongs to a term the glossary knows, so the names really differ
    (电池 vs "lighting": two members of one group; 乳 of 乳业 vs "technology"), rather than to a term the glossary
    lacks (热 vs "thermal"). The glossary's terms only: its mined short forms ("sino", "air") are no industry's."""
    known_words = _glossary_words()
    if not any(w in known_words for w in alignment.unexplained_latin):
        return False  # (the Latin side first: a few look-ups, and most pairs' leftover words are in no term)
    terms = terms_glossary()
    han = "".join(p.han for p in alignment.pieces)
    left: set[int] = set()
    at = 0
    for piece in alignment.pieces:
        if piece.how == "unexplained":
            left.update(range(at, at + len(piece.han)))
        at += len(piece.han)
    spans = [(i, k) for k in (2, 3, 4) for i in range(len(han) - k + 1) if han[i : i + k] in terms]
    return any(left & set(range(i, i + k)) for i, k in spans)
