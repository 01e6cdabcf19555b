"""Align a Chinese name with a Latin-script name, piece by piece, and say which pieces matched how.

The Han characters are read left to right against the Latin words; each step is one of
- *pinyin*: one to four characters whose pinyin, written together, is the next word (中泰 = "zhongtai",
  陈 = "chen"); in persons' names a close spelling (edit similarity >= 0.85, words of 5+ letters) counts in part;
- *glossary*: a span of characters whose translation is the next word(s) (化学 = "chemical", 集团 = "group");
- *dictionary*: the same with an everyday meaning from the general dictionary (阳光 = "sunshine", 金 = "golden"),
  for company names that translate their trade name;
- either of these with a single word of another form of the phrase, by its Snowball stem (:func:`word_form`):
  东方 = "orient" explains "Oriental", 广告 = "advertise" explains "Advertising"; in part with one word of the same
  root as a one-word phrase (:func:`word_family`: 旅游 = "tourism" explains "Tourist", 液化 = "liquefy"
  "Liquefaction"); or with one word that joins the phrases of two adjacent spans (:func:`joined_parts`: 金风 =
  "Goldwind", 北方玻璃 = "Northglass");
- *unexplained*: a character or a word that nothing accounts for.
Dynamic programming finds the cheapest alignment. The cheapest alignment is found with
costs ``0.5 / characters`` per unexplained character and ``0.5 / words`` per unexplained word; its score is the
lower of the two sides' explained shares (a close spelling counts by its similarity, a generic word such as
"technology" half, and so does a Chinese term whose translations are all generic, 科技 or 国际). So 1.0 means
every character and every word is accounted for, and a short Latin name fully explained by one generic term
("IS Bank" against 平安银行) does not score high.
Persons' names may come in any order (Quanguo Chen, CHEN Quanguo): word orders are tried, up to three words.
Before aligning, :func:`alignable_words` drops the Latin words that say nothing the Chinese core can explain (legal
forms such as "company" or "corp" the folding left, and "and", "of", "the"), and glossary phrases are compared
with plurals folded ("industries" = "industry", "materials" = "material").
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, permutations, product
from typing import Final, final

import Stemmer
from rapidfuzz.distance import Levenshtein

from threadline.names.glossary import Glossary, beginnings
from threadline.names.glossary import dictionary as packaged_dictionary
from threadline.names.glossary import glossary as packaged_glossary
from threadline.names.han import pinyin_syllables, province_parts, readings, spells_pinyin
from threadline.names.memo import Memo
from threadline.names.normalize import GENERIC_WORDS
from threadline.names.places import division_parts, is_place, leading_places, place_names
from threadline.names.romanisations import may_be_given_name, other_readings

MAX_SPAN = 4
CLOSE_SPELLING = 0.85
"""Least edit similarity for a close spelling of a person's name; one letter added, dropped or changed always
counts, as a slip ("Hailin" for hailun), credited by its similarity."""
CLOSE_RENDERING = 0.5
"""Least edit similarity for a company's trade name rendered freely ("Desay" for desai): credited by it."""
INITIALS_CREDIT = 0.8
"""Credit of a word that is the pinyin initials of as many characters (海越 = "HY"): letters, not a reading."""
DICTIONARY_CREDIT = 1.0
"""Credit of a word explained by the general dictionary (阳光 = "sunshine")."""
SINGLE_CHARACTER_CREDIT = 0.6
"""Credit of a word explained by the dictionary meaning of one character (金 = "golden", 新 = "new"): a character
of a trade name read for its meaning may as well belong to another name (立新 is not "Daqo New")."""
GENERIC_WEIGHT = 0.5
"""Cost factor for an unmatched generic word ("technology", "international"): it identifies little."""
_CHEAP_WORDS = GENERIC_WORDS - {"group", "holding", "holdings"}
"""Not "group": 新疆天业（集团） and Xinjiang Tianye are a parent and its subsidiary."""
OPTIONAL_CHARS = frozenset("市省县区")
"""Administrative suffixes English names drop (深圳市 = Shenzhen): leaving one unmatched costs nothing; so does the
rest of a leading place's division name (:func:`~threadline.names.places.division_parts`: 州 of 伊犁州)."""
DROPPED_WORDS = frozenset(
    {"co", "ltd", "lt", "company", "limited", "corporation", "corp", "inc", "incorporated", "plc", "llc"}
    | {"and", "of", "the", "s"}
)
"""Latin words left out before aligning: legal forms (the Chinese core has its legal form removed already),
function words ("Science & Technology" = "Science and Technology" = 科技) and the "s" folding leaves of a
possessive ("People's Government" = 人民政府)."""


def alignable_words(latin: str) -> tuple[str, ...]:
    """The folded Latin words of a name that alignment should account for (see :data:`DROPPED_WORDS`)."""
    words = latin.split()
    kept = tuple(w for w in words if w not in DROPPED_WORDS)
    return kept or tuple(words)


_STEMS: Final[Memo[str, str]] = Memo(20_000)


def stem(word: str) -> str:
    """A plural folded to its singular for glossary comparisons: industries -> industry, materials -> material."""
    found = _STEMS.table.get(word)
    return _STEMS.keep(word, _stem(word)) if found is None else found


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_ENGLISH = Stemmer.Stemmer("english")


_WORD_FORMS: Final[Memo[str, str]] = Memo(50_000)


def word_form(text: str) -> str:
    """A word, or a phrase key written as one string, reduced to its Snowball (Porter 2) stem: "oriental" =
    "orient", "manufacturing" = "manufacture", "holding" = "hold", "security" = "secure". A single Latin word whose
    form is a phrase's explains it as the phrase itself would (东方 = "orient", so "Oriental")."""
    found = _WORD_FORMS.table.get(text)
    return _WORD_FORMS.keep(text, _word_form(text)) if found is None else found


def _word_form(text: str) -> str:
    return str(_ENGLISH.stemWord(text))


def other_form(word: str) -> str:
    """The :func:`word_form` by which a Latin word may explain a phrase of another form, or ``""`` for a word of
    three letters or fewer, which never does (the aligner and the candidate bound both ask this)."""
    return word_form(word) if len(word) > 3 else ""


FAMILY_LETTERS = 6
"""Letters of a word's stem its family is known by (:func:`word_family`)."""
FAMILY_CREDIT = 0.8
"""Credit of a word explained by a one-word phrase of its family, not of its form ("tourist" for 旅游 = "tourism"):
a word of the same root, which may say something else."""
FAMILY_SPREAD = 3
"""Most letters the two stems of one family may differ in length: "electronic" is not of "electromechanical"'s
family, a compound of another root as well."""


_WORD_FAMILIES: Final[Memo[str, str]] = Memo(50_000)


def word_family(word: str) -> str:
    """The first :data:`FAMILY_LETTERS` letters of the :func:`word_form` of a word longer than that, else ``""``.
    Words of one root that Snowball leaves apart share it: "tourism" and "tourist", "liquefy" and "liquefaction",
    "electronic" and "electrical", "machine" and "machinery". Shorter words have too
    little of a root to tell ("energy" is not "energetic"'s). The aligner asks it of one-word phrases only, whose
    stem is within :data:`FAMILY_SPREAD` letters of the word's; the candidate bound of every phrase, which lets it
    through more, never less."""
    found = _WORD_FAMILIES.table.get(word)
    return _WORD_FAMILIES.keep(word, _word_family(word)) if found is None else found


def _word_family(word: str) -> str:
    return word_form(word)[:FAMILY_LETTERS] if len(word) > FAMILY_LETTERS else ""


FAMILY_MARK = "\1"
"""Sets a :func:`word_family` apart from a :func:`word_form` among :func:`form_keys`."""


def form_keys(word: str) -> tuple[str, ...]:
    """The keys by which one Latin word may explain a phrase of another form or of its root, as the candidate bound
    finds them among :func:`phrase_form_keys`: its :func:`other_form` and its :func:`word_family`."""
    family = word_family(word)
    form = other_form(word)
    if not family:
        return (form,) if form else ()
    return (form, FAMILY_MARK + family) if form else (FAMILY_MARK + family,)


@lru_cache(maxsize=1 << 16)
def phrase_form_keys(phrase: str) -> tuple[str, ...]:
    """The :func:`form_keys` a phrase key written as one string answers to: its :func:`word_form`, and its
    :func:`word_family` whether it is one word or several (the bound's reckoning, looser than the aligner's).
    Remembered: the bound asks it of every phrase of a Chinese name for each word of a Latin one (1.4 million calls
    for 1,200 rows screened against a million names), and the same glossary phrases come back name after name."""
    family = word_family(phrase)
    return (word_form(phrase), FAMILY_MARK + family) if family else (word_form(phrase),)


MIN_PART = 3
"""Fewest letters of each of the two phrases a brand written as one word joins ("gold" + "wind")."""


def joined_parts(word: str, keys: Container[str]) -> list[tuple[str, str]]:
    """Every way ``word`` is two phrase keys of ``keys`` written together, ``(first, second)``, the second plural
    folded: 金风 = "gold" + "wind" gives "Goldwind", 中国石油 = "china" + "oil" gives "Chinaoil". Brands join their
    trade name's meanings so (and English compounds: 生物科技 = "biotech"); the aligner credits it only where the
    two phrases are of adjacent spans."""
    return [(first, second) for first, second in _cuts(word) if first in keys and second in keys]


_CUTS: Final[Memo[str, tuple[tuple[str, str], ...]]] = Memo(20_000)


def _cuts(word: str) -> tuple[tuple[str, str], ...]:
    """Every ``(first, second)`` ``word`` may be cut into, each of ``MIN_PART`` letters or more, the second plural
    folded: worked out once per word, not for every name it meets."""
    found = _CUTS.table.get(word)
    return _CUTS.keep(word, _cuts_of(word)) if found is None else found


def _cuts_of(word: str) -> tuple[tuple[str, str], ...]:
    return tuple((word[:cut], stem(word[cut:])) for cut in range(MIN_PART, len(word) - MIN_PART + 1))


_PHRASE_KEYS: Final[Memo[tuple[str, ...], tuple[str, ...]]] = Memo(50_000)


def phrase_key(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """A glossary phrase as compared with a name's words: function words out, plurals folded."""
    found = _PHRASE_KEYS.table.get(phrase)
    return _PHRASE_KEYS.keep(phrase, _phrase_key(phrase)) if found is None else found


def _phrase_key(phrase: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(stem(w) for w in phrase if w not in DROPPED_WORDS)
    return kept or tuple(stem(w) for w in phrase)


_JOINED_KEYS: Final[Memo[tuple[str, ...], str]] = Memo(200_000)


def joined_key(phrase: tuple[str, ...]) -> str:
    """A phrase's key written as one string: it matches a run of words however the name spaces them ("petro
    chemical" = 石化 "petrochemical", "energypower" = 能源动力 "energy power")."""
    found = _JOINED_KEYS.table.get(phrase)
    return _JOINED_KEYS.keep(phrase, _joined_key(phrase)) if found is None else found


def _joined_key(phrase: tuple[str, ...]) -> str:
    return "".join(phrase_key(phrase))


MAX_RUN = 4
"""Most Latin words one glossary phrase can account for."""


WordRuns = tuple[tuple[dict[str, int], ...], frozenset[str], tuple[float, ...], frozenset[str]]
"""What :func:`_word_runs` gives."""
_WORD_RUNS: Final[Memo[tuple[str, ...], WordRuns]] = Memo(4_096)


def _word_runs(words: tuple[str, ...]) -> WordRuns:
    """What aligning needs of the Latin words alone: for each word position, the joined stems of the next
    1..MAX_RUN words -> how many words that is; every such joined text; the cost of leaving each word
    unexplained (``0.5 / words``, half for a generic word); and every string a phrase is looked up by (those
    texts, each word's :func:`other_form` and :func:`word_family`, the parts :func:`joined_parts` may cut it
    into), which picks the characters whose glosses may serve (:func:`_single_hits`). Kept for the last few
    thousand names: a screened Latin name meets many Chinese names, and in a pairs file an English name comes back
    in several pairs."""
    found = _WORD_RUNS.table.get(words)
    return _WORD_RUNS.keep(words, _word_runs_of(words)) if found is None else found


def _word_runs_of(words: tuple[str, ...]) -> WordRuns:
    stems = tuple(stem(w) for w in words)
    runs = tuple(
        {"".join(stems[j : j + t]): t for t in range(min(MAX_RUN, len(stems) - j), 0, -1)} for j in range(len(stems))
    )
    word_cost = 0.5 / max(len(words), 1)
    skips = tuple(word_cost * (GENERIC_WEIGHT if w in _CHEAP_WORDS else 1.0) for w in words)
    run_keys = frozenset(key for at in runs for key in at)
    looked_up = {*run_keys}
    for word in words:
        looked_up.add(other_form(word))
        looked_up.add(word_family(word))
        for first, second in _cuts(word):
            looked_up.add(first)
            looked_up.add(second)
    return runs, run_keys, skips, frozenset(looked_up)


@dataclass(frozen=True, slots=True, init=False)
class Piece:
    """One step of an alignment. The aligner makes one per step of every alignment's path (32,000 in a pass over
    the pair bench), so its fields are set in compiled code: a named tuple's ``__new__``, or a frozen dataclass's
    generated ``__init__``, runs as Python (0.4 and 0.5 µs, timeit)."""

    han: str
    latin: str
    how: str
    """``pinyin``, ``close pinyin``, ``rendering``, ``initials``, ``glossary``, ``dictionary``, ``optional`` (an
    administrative suffix, a leading province the other name leaves out), or ``unexplained``."""
    credit: float
    """How well the piece matched: 1.0 exact; a close spelling's similarity; 0 when unexplained."""

    def __init__(self, han: str, latin: str, how: str, credit: float = 1.0) -> None:
        object.__setattr__(self, "han", han)
        object.__setattr__(self, "latin", latin)
        object.__setattr__(self, "how", how)
        object.__setattr__(self, "credit", credit)


@dataclass(frozen=True, slots=True, init=False)
class Alignment:
    score: float
    pieces: tuple[Piece, ...]

    def __init__(self, score: float, pieces: tuple[Piece, ...]) -> None:
        # (one an alignment: set directly, as :class:`~threadline.names.normalize.NameKey` says why)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "pieces", pieces)

    @property
    def explained_han(self) -> int:
        """How many characters a pinyin or glossary piece accounts for."""
        return sum(len(p.han) for p in self.pieces if p.how not in ("unexplained", "optional"))

    @property
    def unexplained_han(self) -> str:
        return "".join(p.han for p in self.pieces if p.how == "unexplained")

    @property
    def unexplained_latin(self) -> tuple[str, ...]:
        return tuple(p.latin for p in self.pieces if p.how == "unexplained" and p.latin)

    def describe(self) -> str:
        shown = [
            (f"{p.han}={p.latin}" if p.han else repr(p.latin)) + ("" if p.how == "pinyin" else f" ({p.how})")
            for p in self.pieces
            if p.how not in ("unexplained", "optional")
        ]
        text = ", ".join(shown) or "nothing aligned"
        han, latin = self.unexplained_han, self.unexplained_latin
        if han:
            text += f"; unmatched characters {han!r}"
        if latin:
            text += f"; unmatched words {' '.join(latin)!r}"
        return text


_SPELLINGS: Final[Memo[str, tuple[str, ...]]] = Memo(100_000)


def _spellings(han: str) -> tuple[str, ...]:
    found = _SPELLINGS.table.get(han)
    return _SPELLINGS.keep(han, _spellings_of(han)) if found is None else found


def _spellings_of(han: str) -> tuple[str, ...]:
    options = readings(han)
    return tuple("".join(combo) for combo in islice(product(*options), 16))


def span_spellings(name_readings: tuple[tuple[str, ...], ...], i: int, k: int) -> tuple[str, ...]:
    """The spellings of characters ``i`` .. ``i + k`` of a name, read as in the whole name (长 of 长安 is chang)."""
    return tuple("".join(combo) for combo in islice(product(*name_readings[i : i + k]), 16))


@lru_cache(maxsize=100_000)
def _pinyin_step(han: str, spellings: tuple[str, ...], word: str, person: bool) -> tuple[float, str] | None:
    """Exact pinyin always; a close spelling in persons' names (a slip in "Quangguo"). In company names a letter
    can make another company (祥鑫 xiangxin is not "Xiangxun"), so there a close spelling is only a *rendering*
    (德赛 = "Desay", 奥拓 = "Aoto"): a span of two to four characters that is not a place, a word with the same first
    letter, credited by its similarity, and calibrated apart (see :mod:`threadline.matching.calibration`)."""
    best, how, slip = 0.0, "", False
    for spelled in spellings:
        if spelled == word:
            return 1.0, "pinyin"
        if person and len(word) >= 5 and abs(len(spelled) - len(word)) <= 2:
            best, how = max(best, Levenshtein.normalized_similarity(spelled, word)), "close pinyin"
            slip = slip or Levenshtein.distance(spelled, word, score_cutoff=1) <= 1
        elif person and short_slip(spelled, word):
            best, how, slip = max(best, Levenshtein.normalized_similarity(spelled, word)), "close pinyin", True
        elif not person and _renders(han, spelled, word):
            best, how = max(best, Levenshtein.normalized_similarity(spelled, word)), "rendering"
    threshold = CLOSE_SPELLING if how == "close pinyin" else CLOSE_RENDERING
    return (best, how) if how and (best >= threshold or slip) else None


def short_slip(spelled: str, word: str) -> bool:
    """Whether a person's word of four letters is a slip of the pinyin ``spelled``: one letter added, dropped or
    changed after the first, and the word no pinyin itself ("Yonf" for 勇 yong; "Yang" is another given name, and so
    is "Hailin" for 海仑: a longer word's slip is taken as one whatever it spells)."""
    return (
        len(word) == 4
        and word[0] == spelled[0]
        and abs(len(spelled) - 4) <= 1
        and word not in pinyin_syllables()
        and not spells_pinyin(word)
        and Levenshtein.distance(spelled, word, score_cutoff=1) <= 1
    )


def _renders(han: str, spelled: str, word: str) -> bool:
    """Whether ``word`` may be a free rendering of the pinyin ``spelled`` of a trade name ``han``. Not when the word
    is the exact pinyin of part of the span (惠天热 "huitianre" for "huitian" is 惠天 plus a character of 热电)."""
    if not (2 <= len(han) <= 4 and len(word) >= 3 and word[0] == spelled[0]) or is_place(han):
        return False
    return not (spelled.startswith(word) or spelled.endswith(word) or is_place(han[:2]))


Term = tuple[int, int, str, str, str, float]
"""A glossary or dictionary phrase of a span: ``(first character, order among the terms starting there, span,
phrase key, how, credit)``."""
PhraseTerms = tuple[tuple[str, str, str, float, str, str], ...]
"""The terms of one span's phrases of one table (:func:`_phrase_terms`)."""
Single = tuple[int, int, PhraseTerms, frozenset[str]]
"""A character's dictionary glosses in a name: ``(character, order of the first gloss among the terms starting
there, the glosses as :func:`_phrase_terms` gives them, their signature)``; the signature holds every phrase key,
:func:`word_form` and :func:`word_family` of the glosses, so a Latin name with none of them among the strings it
looks terms up by (:func:`_word_runs`) passes the character at once."""


@dataclass(frozen=True, slots=True, init=False)
class _HanSteps:
    """What aligning a Chinese name needs of the name alone: its province, spellings, generic terms and glossary
    and dictionary phrases. A name meets several Latin names (a screened name its candidates, a person's name each
    word order; in the Han<->Latin bench each Chinese name is in two or three pairs), so it is read once."""

    short: str
    suffix: str
    """:func:`~threadline.names.han.province_parts` of the name."""
    skips: list[tuple[float, str, float]]
    """Per character, ``(cost, how, credit)`` of leaving it unexplained: nothing for an administrative suffix after
    the first character (市), else ``0.5 / characters``."""
    cheap: list[Sequence[tuple[int, float]]]
    """Per character, ``(length, cost)`` of each generic term starting there (科技 = "technology"), left out at
    half the cost of its characters."""
    spelled: list[list[tuple[str, ...]]]
    """Per character ``i``, per length ``k`` (from 1), the spellings of characters ``i`` .. ``i + k``."""
    spans: list[tuple[int, int]]
    """Every ``(i, k)`` a pinyin step may read, in order: the same list for every name of the length."""
    spelled_as: dict[str, Sequence[tuple[int, int]]]
    """A spelling -> the spans ``(i, k)`` spelled so, in order: a word's exact pinyin steps, found at once. Most
    spellings have one span: a tuple shared by every name (:func:`_span_alone`), a list only for two or more."""
    renderable: dict[str, list[tuple[int, int]]]
    """A first letter -> the spans, in order, a company's word starting with it may render (see :func:`_renders`:
    two to four characters, not a place, with a spelling starting with that letter)."""
    heads: str
    """The first letter of each character's reading (海越 -> "hy"): initials a word may be."""
    terms: dict[str, list[Term]]
    """A phrase key -> every glossary and dictionary term of the name rendered so, as ``(i, order, span, key, how,
    credit)``: its first character ``i`` and its place among the terms starting there (shortest span first, glossary
    phrases before dictionary ones: the order the aligner tries them in). A Latin name's runs of words look up the
    few terms they spell instead of trying every term of the name."""
    keys: frozenset[str]
    """Every phrase key of ``terms``: a Latin name none of whose runs of words is one needs no term step."""
    forms: dict[str, list[Term]]
    """The terms again, by the :func:`word_form` of their key: a single word of another form of the phrase
    ("oriental" for "orient") looks them up here."""
    families: dict[str, list[Term]]
    """The one-word terms again, by the :func:`word_family` of their key: a single word of the same root ("tourist"
    for "tourism") looks them up here."""
    singles: list[Single]
    """The dictionary's glosses of single characters, one entry a character, which ``terms``, ``keys``, ``forms``
    and ``families`` leave out: three quarters of a company name's terms (32 of 42 on the bench's names, 华 alone
    has five), and a pair needs almost none of them. Each is made a term only for the Latin names that may use it
    (:func:`_single_hits`), so a new name's tables are half the size they were."""
    glossed: frozenset[str]
    """Every string of the ``singles``' signatures: a Latin name that looks terms up by none of them (two pairs in
    three) needs no character's glosses, found with one test instead of one a character."""

    def __init__(
        self,
        short: str,
        suffix: str,
        skips: list[tuple[float, str, float]],
        cheap: list[Sequence[tuple[int, float]]],
        spelled: list[list[tuple[str, ...]]],
        spans: list[tuple[int, int]],
        spelled_as: dict[str, Sequence[tuple[int, int]]],
        renderable: dict[str, list[tuple[int, int]]],
        heads: str,
        terms: dict[str, list[Term]],
        keys: frozenset[str],
        forms: dict[str, list[Term]],
        families: dict[str, list[Term]],
        singles: list[Single],
        glossed: frozenset[str],
    ) -> None:
        # (set in compiled code, as :class:`Alignment` is: one a new Chinese name)
        object.__setattr__(self, "short", short)
        object.__setattr__(self, "suffix", suffix)
        object.__setattr__(self, "skips", skips)
        object.__setattr__(self, "cheap", cheap)
        object.__setattr__(self, "spelled", spelled)
        object.__setattr__(self, "spans", spans)
        object.__setattr__(self, "spelled_as", spelled_as)
        object.__setattr__(self, "renderable", renderable)
        object.__setattr__(self, "heads", heads)
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "forms", forms)
        object.__setattr__(self, "families", families)
        object.__setattr__(self, "singles", singles)
        object.__setattr__(self, "glossed", glossed)


def _read_han(
    han: str,
    glossary: Glossary,
    dictionary: Glossary | None,
    name_readings: tuple[tuple[str, ...], ...] | None = None,
    beginnings: Container[str] | None = None,
    dictionary_beginnings: Container[str] | None = None,
    remembered: Memo[str, _SpanReading] | None = None,
) -> _HanSteps:
    """``name_readings``: the spellings each character may have, when not its pinyin (:func:`readings`).
    ``beginnings``: every run of characters that begins a longer glossary term (:func:`~threadline.names.glossary.
    beginnings`), when known: a span that is none is looked up in the glossary, and no longer one from the same
    character. ``dictionary_beginnings``: the same of the dictionary (whose terms are never longer than
    :data:`MAX_SPAN`), when known. A term of ``k + 1`` characters begins with one of ``k`` that is a beginning, so
    the spans left out would find nothing: most runs of two or three characters begin no longer term, and looking
    them up in both tables was a tenth of reading a name. Without them every span is looked up, as a caller's own
    glossary may hold terms of any length.

    ``remembered``: what each span was found to be in these tables, kept across names (only for tables that never
    change: see :func:`_packaged_steps`).

    One pass per character builds every table: a new name's lists are its own, never copied into tuples (the
    reading of a new Chinese name was a quarter of what scoring a labelled pair cost)."""
    n = len(han)
    table, general = _as_dict(glossary), None if dictionary is None else _as_dict(dictionary)
    short, suffix = province_parts(han)
    if name_readings is None:
        name_readings = readings(han)
    single = all(len(options) == 1 for options in name_readings)  # one reading a character, one spelling a span
    spelled: list[list[tuple[str, ...]]] = []
    spelled_as: dict[str, Sequence[tuple[int, int]]] = {}
    renderable: dict[str, list[tuple[int, int]]] = {}
    cheap: list[Sequence[tuple[int, float]]] = []
    terms: dict[str, list[Term]] = {}
    keyed: list[tuple[str, list[Term]]] = []  # each phrase key's form and its terms, as keys are first met
    families: dict[str, list[Term]] = {}
    singles: list[Single] = []
    char_cost = 0.5 / max(n, 1)
    places = place_names()
    for i in range(n):
        top = min(MAX_SPAN, n - i)
        row: list[tuple[str, ...]] = []
        if single:
            text = ""
            for k in range(top):
                text += name_readings[i + k][0]
                row.append((text,))
        else:
            row = [span_spellings(name_readings, i, k) for k in range(1, top + 1)]
        spelled.append(row)
        place_pair = han[i : i + 2] in places
        span_row, alone_row = _span_row(i), _SPANS_ALONE[i]
        for k in range(1, top + 1):
            by_k = row[k - 1]
            span = span_row[k - 1]
            for spelling in by_k if len(by_k) == 1 else dict.fromkeys(by_k):
                there = spelled_as.get(spelling)
                spelled_as[spelling] = alone_row[k - 1] if there is None else [*there, span]
            if k >= 2 and not place_pair and (k == 2 or han[i : i + k] not in places):
                for letter in (by_k[0][:1],) if len(by_k) == 1 else dict.fromkeys(s[:1] for s in by_k):
                    at = renderable.get(letter)
                    if at is None:
                        renderable[letter] = [span]
                    else:
                        at.append(span)
        generic: list[tuple[int, float]] = []
        order = 0
        for k in range(1, n - i + 1):
            span_text = han[i : i + k]
            reading = _span_reading(
                span_text, table, general, dictionary, beginnings, dictionary_beginnings, remembered
            )
            found = reading.terms
            if reading.generic:  # 科技 = "technology": left out at half the cost
                generic.append((k, char_cost * k * GENERIC_WEIGHT))
            own = reading.own
            if own:  # a character's own glosses: kept whole, read when a pair asks (see Single)
                singles.append((i, order + len(found), own, reading.signature))
            for _span, key, how, credit, form, family in found:
                term = (i, order, span_text, key, how, credit)
                order += 1
                listed = terms.get(key)
                if listed is None:
                    terms[key] = listed = [term]
                    keyed.append((form, listed))
                else:
                    listed.append(term)
                if family:
                    _add(families, family, term)
            order += len(own)  # the character's glosses are numbered after its glossary terms, as when they were terms
            if reading.last:
                break  # no longer glossary term starts here, nor a dictionary term
        cheap.append(generic or ())  # most characters begin no generic term: no list of their own kept
    forms = _by_form(keyed)
    divisions = division_parts(han)
    return _HanSteps(
        short,
        suffix,
        [
            (0.0, "optional", 1.0)
            if (c in OPTIONAL_CHARS and i > 0) or i in divisions
            else (char_cost, "unexplained", 0.0)
            for i, c in enumerate(han)
        ],
        cheap,
        spelled,
        _spans_of(n),
        spelled_as,
        renderable,
        "".join(r[0][:1] for r in name_readings),
        terms,
        frozenset(terms),
        forms,
        families,
        singles,
        _NO_SIGNATURE.union(*[signature for _i, _first, _own, signature in singles]),  # (sets merged in C)
    )


@final
class _SpanReading:
    """What the tables say of one span of a name (:func:`_span_reading`): its glossary terms and its dictionary terms
    of two or more characters (``terms``), whether all its glossary renderings are generic words (``generic``), a
    single character's dictionary glosses and their signature (``own``, ``signature``: see :data:`Single`), and
    whether no longer term begins with it (``last``). The same spans recur name after name (科技, 股份, 新疆), and
    working this out took four or five look-ups, two of them by a tuple made for the purpose."""

    def __init__(
        self, terms: PhraseTerms, generic: bool, own: PhraseTerms, signature: frozenset[str], last: bool
    ) -> None:
        self.terms = terms
        self.generic = generic
        self.own = own
        self.signature = signature
        self.last = last


_NO_SIGNATURE: Final[frozenset[str]] = frozenset()

_PACKAGED_SPANS: Final[Memo[str, _SpanReading]] = Memo(50_000)
""":func:`_span_reading` of the spans read with the packaged glossary and dictionary."""
_PACKAGED_GLOSSARY_SPANS: Final[Memo[str, _SpanReading]] = Memo(50_000)
"""The same with the packaged glossary alone (persons' names)."""


def _span_reading(
    span_text: str,
    table: dict[str, tuple[tuple[str, ...], ...]],
    general: dict[str, tuple[tuple[str, ...], ...]] | None,
    dictionary: Glossary | None,
    beginnings: Container[str] | None,
    dictionary_beginnings: Container[str] | None,
    remembered: Memo[str, _SpanReading] | None,
) -> _SpanReading:
    """What ``table`` (the glossary) and ``general`` (the dictionary, as a dictionary) say of one span of a name, and
    whether a longer span from the same character may be a term (see :func:`_read_han`); from ``remembered`` when
    it knows the span, else worked out (and kept there)."""
    if remembered is not None:
        known = remembered.table.get(span_text)
        if known is not None:
            return known
    k = len(span_text)
    phrases = table.get(span_text)
    terms: PhraseTerms = ()
    generic = False
    if phrases:
        terms = _phrase_terms(span_text, phrases, "glossary", 1.0)
        generic = 2 <= k <= MAX_SPAN and _all_cheap(phrases)
    own: PhraseTerms = ()
    signature = _NO_SIGNATURE
    if general is not None and k <= MAX_SPAN:
        phrases = general.get(span_text)
        if phrases and k == 1:
            own, signature = _single_terms(span_text, phrases)
        elif phrases:
            terms = (*terms, *_phrase_terms(span_text, phrases, "dictionary", DICTIONARY_CREDIT))
    last = (
        beginnings is not None
        and span_text not in beginnings
        and _no_longer_term(span_text, k, dictionary, dictionary_beginnings)
    )
    reading = _SpanReading(terms, generic, own, signature, last)
    return reading if remembered is None else remembered.keep(span_text, reading)


def _as_dict(table: Glossary) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The table as a dictionary (itself when it is one, as the packaged tables are): the compiled code looks a
    dictionary's keys up directly, a mapping's through a method call on each of the dozens of spans a name has."""
    return table if isinstance(table, dict) else dict(table)


def _no_longer_term(
    span_text: str, k: int, dictionary: Glossary | None, dictionary_beginnings: Container[str] | None
) -> bool:
    """Whether the dictionary holds no term that begins with ``span_text`` (``k`` characters) and is longer: it has
    none past :data:`MAX_SPAN` characters, none at all when there is no dictionary, and none unless the span is one
    of its beginnings, when those are known."""
    if dictionary is None or k >= MAX_SPAN:
        return True
    return dictionary_beginnings is not None and span_text not in dictionary_beginnings


_SPAN_ROWS: Final[list[list[tuple[int, int]]]] = []
"""Row ``i``: the spans ``(i, 1)`` .. ``(i, MAX_SPAN)``, made once for all names (:func:`_span_row`)."""
_SPANS_ALONE: Final[list[list[Sequence[tuple[int, int]]]]] = []
"""Row ``i``: each of those spans alone in a tuple, what :attr:`_HanSteps.spelled_as` holds for most spellings.
Typed as a sequence, not a tuple, so that the compiled code hands on the very object: a value of a tuple type is
unpacked when read and made anew when stored (so the spans of ``_SPAN_ROWS`` are still made anew in each list that
holds them)."""
_SPANS_OF: Final[dict[int, list[tuple[int, int]]]] = {}
"""A name's length -> :attr:`_HanSteps.spans` of every name that long (:func:`_spans_of`)."""


def _span_row(i: int) -> list[tuple[int, int]]:
    """The spans starting at character ``i``, one tuple each for every name: a new name's tables refer to them
    instead of making four tuples per character that the collector would walk."""
    while len(_SPAN_ROWS) <= i:
        start = len(_SPAN_ROWS)
        _SPAN_ROWS.append([(start, k) for k in range(1, MAX_SPAN + 1)])
        _SPANS_ALONE.append([(span,) for span in _SPAN_ROWS[start]])
    return _SPAN_ROWS[i]


def _spans_of(n: int) -> list[tuple[int, int]]:
    """Every span ``(i, k)`` of a name of ``n`` characters, in order (``k`` up to :data:`MAX_SPAN`), one list a
    length for all names (only read)."""
    found = _SPANS_OF.get(n)
    if found is None:
        found = _SPANS_OF[n] = [span for i in range(n) for span in _span_row(i)[: min(MAX_SPAN, n - i)]]
    return found


def _by_form(keyed: list[tuple[str, list[Term]]]) -> dict[str, list[Term]]:
    """The terms by the :func:`word_form` of their key, each form's in the order they were read, from each key's
    form and terms (``keyed``, keys in the order first met). A form most often has one key: its list is that key's
    own list of terms, shared, not copied (both tables are only read once built; a Chinese name's tables were
    most of the objects the collector walked while pairs were scored). Terms compare in the order they were read
    (first character, then their order among the terms starting there), so the terms of several keys of one form
    are merged by sorting."""
    forms: dict[str, list[Term]] = {}
    for form, listed in keyed:
        there = forms.get(form)
        forms[form] = listed if there is None else sorted([*there, *listed])
    return forms


def _add(table: dict[str, list[Term]], key: str, term: Term) -> None:
    found = table.get(key)
    if found is None:
        table[key] = [term]
    else:
        found.append(term)


def _all_cheap(phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether every rendering of a glossary term is generic words (科技 = technology, 国际 = international)."""
    return all(w in _CHEAP_WORDS for phrase in phrases for w in phrase_key(phrase))


HAN_STEPS_REMEMBERED = 1_000
"""Chinese names whose :class:`_HanSteps` are kept (about 11 kB each, tracemalloc on the bench's 1,205 Chinese names),
the least recently used dropped beyond this, so memory stays flat. A name is met by the names it is compared with
one after the other (a screened name's candidates, a labelled pair file's pairs of one name), so a few suffice."""


@lru_cache(maxsize=HAN_STEPS_REMEMBERED)
def _packaged_steps(han: str, with_dictionary: bool, name_readings: tuple[tuple[str, ...], ...] | None) -> _HanSteps:
    if not with_dictionary:
        glossary_only = _PACKAGED_GLOSSARY_SPANS
        return _read_han(han, packaged_glossary(), None, name_readings, packaged_beginnings(), None, glossary_only)
    dictionary = packaged_dictionary()
    return _read_han(
        han,
        packaged_glossary(),
        dictionary,
        name_readings,
        packaged_beginnings(),
        beginnings(dictionary),
        _PACKAGED_SPANS,
    )


@lru_cache(maxsize=1)
def packaged_beginnings() -> frozenset[str]:
    """:func:`~threadline.names.glossary.beginnings` of the packaged glossary (600 or so runs of characters)."""
    return beginnings(packaged_glossary())


def _steps(
    han: str, glossary: Glossary, dictionary: Glossary | None, name_readings: tuple[tuple[str, ...], ...] | None = None
) -> _HanSteps:
    """The name's steps, remembered when read with the packaged glossary and dictionary (or none): those never
    change, while a caller's own tables (scripts/build_glossary.py mines one) may change between calls."""
    if glossary is packaged_glossary() and (dictionary is None or dictionary is packaged_dictionary()):
        return _packaged_steps(han, dictionary is not None, name_readings)
    return _read_han(han, glossary, dictionary, name_readings)


def _align_once(
    han: str,
    words: tuple[str, ...],
    glossary: Glossary,
    person: bool,
    dictionary: Glossary | None = None,
    name_readings: tuple[tuple[str, ...], ...] | None = None,
) -> Alignment:
    """The cheapest alignment by dynamic programming over ``(characters read, words read)``, held in flat lists
    (state ``i * (m + 1) + j``). Each state keeps the :class:`_Step` that reached it most cheaply (the very object,
    no new one made: see :class:`_Step`), which becomes a :class:`Piece` only on the cheapest path: a piece's
    characters are ``han[i:ni]`` and its words ``words[j:nj]``. States are visited and steps tried in one fixed
    order, the first of equally cheap steps wins, so the result is the same on every run. ``name_readings``
    replaces the name's pinyin (:func:`~threadline.names.han.readings`) as the spellings its characters may have (a
    name read in another romanisation)."""
    n, m = len(han), len(words)
    steps = _steps(han, glossary, dictionary, name_readings)
    width = m + 1
    word_cost = 0.5 / max(m, 1)
    inf = float("inf")
    cost = [inf] * ((n + 1) * width)
    back: list[_Step] = [_START] * ((n + 1) * width)
    cost[0] = 0.0
    # 新疆维吾尔自治区公安厅 = "Xinjiang Public Security Bureau": 维吾尔自治区 goes; English names often leave out the
    # province (浙江大华 = Dahua)
    short, suffix = steps.short, steps.suffix
    province = short + suffix
    landed = len(province) * width  # the first state after the province
    if province and len(province) < n:
        cost[landed] = 0.0
        back[landed] = _Step(len(province), 0, 0.0, "optional", 1.0)
    after_short = len(short) if suffix else -1
    suffix_step = _Step(len(suffix), 0, 0.0, "optional", 1.0)
    runs, run_keys, word_steps, looked_up = _word_runs(words)
    spelled_terms = steps.keys & run_keys  # most Latin names have no run of words a phrase of this name renders
    terms = sorted(term for key in spelled_terms for term in steps.terms[key]) if spelled_terms else []
    hits = _single_hits(steps, looked_up) if steps.singles else []
    spelled_singles = [term for term, _form, _family in hits if term[3] in run_keys]
    if spelled_singles:
        terms = sorted([*terms, *spelled_singles])
    moves = _word_moves(han, words, steps, person, word_cost, runs, terms, hits)
    # Every state is reached before it is read (each has the state above or to its left, a character or a word
    # skipped), so none is infinite by then. The last row reads no character: only words are left to skip.
    for i in range(n):
        row = i * width
        skip, skip_how, skip_credit = steps.skips[i]
        skip_step = _skip_step(skip_how, skip_credit)
        cheap = steps.cheap[i]
        for j in range(m + 1):
            here = cost[row + j]
            if i == after_short:
                at = landed + j
                if here + 0.0 < cost[at] - 1e-12:
                    cost[at], back[at] = here + 0.0, suffix_step
            at = row + width + j
            if here + skip < cost[at] - 1e-12:
                cost[at], back[at] = here + skip, skip_step
            if cheap:  # 科技 left out of "Xiamen Jihong" costs what "technology" left over would
                for k, step in cheap:
                    at = row + k * width + j
                    if here + step < cost[at] - 1e-12:
                        cost[at], back[at] = here + step, _CHEAP_STEPS[k]
            if j < m:
                at = row + j + 1
                if here + word_steps[j] < cost[at] - 1e-12:
                    cost[at], back[at] = here + word_steps[j], _WORD_SKIP
                for move in moves[row + j]:
                    at = row + j + move.chars * width + move.words
                    if here + move.cost < cost[at] - 1e-12:
                        cost[at], back[at] = here + move.cost, move
    row = n * width
    for j in range(m):
        here, at = cost[row + j], row + j + 1
        if here + word_steps[j] < cost[at] - 1e-12:
            cost[at], back[at] = here + word_steps[j], _WORD_SKIP
    pieces: list[Piece] = []
    at = n * width + m
    while at:
        came = back[at]
        assert came is not _START
        start = at - came.chars * width - came.words
        i, j = divmod(start, width)
        ni, nj = divmod(at, width)
        pieces.append(Piece(han[i:ni], " ".join(words[j:nj]), came.how, came.credit))
        at = start
    pieces.reverse()
    swappable = frozenset() if person else frozenset(key for _i, _o, span, key, _h, _c in terms if len(span) > 1)
    if swappable:  # with no term of two characters or more that a run of the words spells, none can swap
        pieces = _reordered(pieces, glossary, dictionary or {}, swappable)
    return Alignment(_coverage(pieces, n, m), tuple(pieces))


@final
class _Step:
    """A step of the dynamic program: ``chars`` characters and ``words`` words read at ``cost``, as ``how`` with
    ``credit`` (a :class:`Piece` once on the cheapest path). Each state keeps the step that reached it most cheaply
    by reference: the steps that skip a character or a word are made once for all alignments, a word's steps once
    an alignment (:func:`_word_moves`), so keeping one makes nothing (a tuple of where from, how and credit was
    made for each of the 187,000 improvements a pass over the pair bench makes). A native class compiled."""

    def __init__(self, chars: int, words: int, cost: float, how: str, credit: float) -> None:
        self.chars = chars
        self.words = words
        self.cost = cost
        """Unused by the steps that skip something: their costs depend on the names."""
        self.how = how
        self.credit = credit


_START: Final = _Step(0, 0, 0.0, "", 0.0)
"""What a state not reached yet holds."""
_WORD_SKIP: Final = _Step(0, 1, 0.0, "unexplained", 0.0)
_CHAR_SKIP: Final = _Step(1, 0, 0.0, "unexplained", 0.0)
_CHAR_OPTIONAL: Final = _Step(1, 0, 0.0, "optional", 1.0)
_CHEAP_STEPS: Final = [_Step(k, 0, 0.0, "unexplained", 1 - GENERIC_WEIGHT) for k in range(MAX_SPAN + 1)]
"""Leaving a generic term of ``k`` characters out (科技: see :attr:`_HanSteps.cheap`), by ``k``."""
_NO_MOVES: Final[list[_Step]] = []
"""The word steps of a state that has none (never added to: :func:`_add_move` gives the state a list of its own)."""


def _skip_step(how: str, credit: float) -> _Step:
    """The step that leaves a character as :attr:`_HanSteps.skips` says: one of two made once."""
    if how == "unexplained" and credit == 0.0:
        return _CHAR_SKIP
    if how == "optional" and credit == 1.0:
        return _CHAR_OPTIONAL
    return _Step(1, 0, 0.0, how, credit)


def _word_moves(
    han: str,
    words: tuple[str, ...],
    steps: _HanSteps,
    person: bool,
    word_cost: float,
    runs: tuple[dict[str, int], ...],
    terms: list[Term],
    hits: list[SingleHit],
) -> list[list[_Step]]:
    """Per state ``i * (len(words) + 1) + j``, the steps that explain word ``j`` from character ``i``, in the order
    the aligner tries them: pinyin by span length, then glossary and dictionary phrases, then initials. Looked up
    from the word's side, they are found without trying every character: a word's exact pinyin is looked up by its
    spelling, and :func:`_pinyin_step` is asked only of the spans a close spelling (persons, words of five letters
    or more) or a rendering (companies, see :func:`_renders`) may come from and whose spellings are near enough
    the word in length to be one (:func:`_may_spell`); it finds nothing in the others. A list by state (most have
    no step: they share :data:`_NO_MOVES`), read by the aligner with no look-up."""
    width = len(words) + 1
    moves = [_NO_MOVES] * ((len(han) + 1) * width)
    spans: Sequence[tuple[int, int]]
    for j, word in enumerate(words):
        if person:
            spans = steps.spans if len(word) >= 4 else steps.spelled_as.get(word, ())
        elif len(word) >= 3:
            exact = steps.spelled_as.get(word)
            spans = steps.renderable.get(word[:1], ())
            if exact:  # (a single character, or a place, spelled so is not among the renderable spans)
                spans = sorted({*exact, *spans})
        else:
            spans = steps.spelled_as.get(word, ())
        for i, k in spans:
            spellings = steps.spelled[i][k - 1]
            if word in spellings:
                _add_move(moves, i * width + j, _Step(k, 1, 0.0, "pinyin", 1.0))
                continue
            if not _may_spell(spellings, word, person):
                continue
            found = _pinyin_step(han[i : i + k], spellings, word, person)
            if found:
                step = (1 - found[0]) * 2 * word_cost
                _add_move(moves, i * width + j, _Step(k, 1, step, found[1], found[0]))
    for i, _order, span, key, how, credit in terms:  # by first character, then as _read_han orders them
        for j, run in enumerate(runs):
            t = run.get(key)
            if t:
                step = (1 - credit) * 2 * word_cost
                _add_move(moves, i * width + j, _Step(len(span), t, step, how, credit))
    terms_by_key = steps.terms
    extra: dict[str, Sequence[Term]] = {}  # a character's gloss may be half of a joined word: the name's keys then
    if hits and not person:
        gathered: dict[str, list[Term]] = {}
        for term, _form, _family in hits:
            gathered.setdefault(term[3], []).append(term)
        extra = {key: _with_hits(terms_by_key.get(key, ()), more) for key, more in gathered.items()}
    for j, word in enumerate(words):  # another form of a phrase's word: "oriental" for 东方 = "orient"
        form = other_form(word)
        own_forms = [term for term, its_form, _family in hits if its_form == form] if hits else []
        for i, _order, span, key, how, credit in _with_hits(steps.forms.get(form, ()), own_forms):
            if runs[j].get(key) != 1:  # not the phrase itself, which the terms gave
                step = (1 - credit) * 2 * word_cost
                _add_move(moves, i * width + j, _Step(len(span), 1, step, how, credit))
        family = "" if person else word_family(word)  # ("" has no terms: only one-word phrases have a family)
        own_families = [term for term, _form, its in hits if its == family] if hits and family else []
        of_family = _with_hits(steps.families.get(family, ()), own_families) if family else ()
        for i, _order, span, key, how, credit in of_family:
            key_form = word_form(key)  # "tourist" for "tourism", not "tourisms"
            if runs[j].get(key) != 1 and key_form != form and abs(len(key_form) - len(form)) <= FAMILY_SPREAD:
                given = min(credit, FAMILY_CREDIT)
                step = (1 - given) * 2 * word_cost
                _add_move(moves, i * width + j, _Step(len(span), 1, step, how, given))
        if person:
            continue
        for first, second in _cuts(word):  # "goldwind" for 金风 (joined_parts, the name's keys with the hits')
            firsts = _terms_keyed(first, terms_by_key, extra)
            seconds = _terms_keyed(second, terms_by_key, extra) if firsts is not None else None
            if firsts is None or seconds is None:
                continue
            for i, _o, span, _k, how, _c in firsts:
                for at, _o2, after, _k2, how2, _c2 in seconds:
                    if at == i + len(span):
                        joined = "glossary" if how == how2 == "glossary" else "dictionary"
                        _add_move(moves, i * width + j, _Step(at + len(after) - i, 1, 0.0, joined, DICTIONARY_CREDIT))
    initials = (1 - INITIALS_CREDIT) * 2 * word_cost
    heads = steps.heads
    for j, word in enumerate(words):
        k = len(word)
        if person or not 2 <= k <= MAX_SPAN:
            continue
        i = heads.find(word)
        while 0 <= i <= len(han) - k:  # (each place the initials spell the word, in order)
            if not is_place(han[i : i + k]):
                _add_move(moves, i * width + j, _Step(k, 1, initials, "initials", INITIALS_CREDIT))
            i = heads.find(word, i + 1)
    return moves


def _terms_keyed(key: str, terms: dict[str, list[Term]], extra: dict[str, Sequence[Term]]) -> Sequence[Term] | None:
    """The terms of a phrase key: the name's, or with the characters' glosses made terms for this pair (``extra``,
    most often empty)."""
    if extra:
        found = extra.get(key)
        if found is not None:
            return found
    return terms.get(key)


def _add_move(moves: list[list[_Step]], state: int, step: _Step) -> None:
    found = moves[state]
    if found is _NO_MOVES:
        moves[state] = [step]
    else:
        found.append(step)


def _may_spell(spellings: tuple[str, ...], word: str, person: bool) -> bool:
    """Whether :func:`_pinyin_step` may find a close spelling or a rendering of ``word`` (not one of
    ``spellings``) among them, by length and first letter alone: nineteen of twenty spans asked could not, and
    asking the remembered function hashes its arguments. A person's word of five letters or more is compared with
    spellings within two letters of its length, one of four letters (:func:`short_slip`) with those within one
    that begin with its letter; a company's rendering (:func:`_renders`) begins with the word's letter and reaches
    :data:`CLOSE_RENDERING` only if the shorter of the two is at least half the longer (an edit similarity is at
    most the shorter's share of the longer)."""
    size = len(word)
    for spelled in spellings:
        gap = abs(len(spelled) - size)
        if person:
            if (size >= 5 and gap <= 2) or (size == 4 and gap <= 1 and spelled[:1] == word[:1]):
                return True
        elif spelled[:1] == word[:1] and 2 * min(len(spelled), size) >= max(len(spelled), size):
            return True
    return False


_PHRASE_TERMS: Final[Memo[tuple[str, str, float], tuple[tuple[tuple[str, ...], ...], PhraseTerms]]] = Memo(20_000)
"""``(span, how, credit)`` -> the phrases last asked about for it and their terms."""


def _phrase_terms(span: str, phrases: tuple[tuple[str, ...], ...], how: str, credit: float) -> PhraseTerms:
    """The terms of one span's phrases of one table, ``(span, phrase key, how, credit, form, family)``: ``form`` is
    the key's :func:`word_form`, ``family`` its :func:`word_family` for a one-word phrase, else ``""``. Remembered:
    the same spans (科技, 股份, 新) recur from name to name. A table's phrases for a span are one tuple that lives
    as long as the table, so the memo checks that it holds the very phrases asked about (another table's for the
    same span are worked out again) instead of hashing them: an ``lru_cache`` keyed by them hashed every phrase's
    words on each of the 60-odd look-ups that reading a company name makes."""
    found = _PHRASE_TERMS.table.get((span, how, credit))
    if found is not None and found[0] is phrases:
        return found[1]
    return _PHRASE_TERMS.keep((span, how, credit), (phrases, _terms_of(span, phrases, how, credit)))[1]


def _terms_of(span: str, phrases: tuple[tuple[str, ...], ...], how: str, credit: float) -> PhraseTerms:
    keys = [(joined_key(p), len(phrase_key(p)) == 1) for p in phrases]
    return tuple(
        (span, key, how, credit, word_form(key), word_family(key) if one_word else "") for key, one_word in keys
    )


_SIGNATURES: Final[Memo[str, tuple[PhraseTerms, frozenset[str]]]] = Memo(20_000)
"""A character -> its dictionary glosses as :func:`_phrase_terms` last gave them, and their signature."""


def _single_terms(char: str, phrases: tuple[tuple[str, ...], ...]) -> tuple[PhraseTerms, frozenset[str]]:
    """A character's dictionary glosses as terms and their signature (see :data:`Single`), both remembered (the
    glosses checked by identity, as :func:`_phrase_terms` checks the phrases)."""
    own = _phrase_terms(char, phrases, "dictionary", SINGLE_CHARACTER_CREDIT)
    found = _SIGNATURES.table.get(char)
    if found is not None and found[0] is own:
        return found
    return _SIGNATURES.keep(char, (own, frozenset(text for t in own for text in (t[1], t[4], t[5]) if text)))


SingleHit = tuple[Term, str, str]
"""A character's gloss made a term for one Latin name, with its key's form and family (``""`` for none)."""


def _single_hits(steps: _HanSteps, wanted: frozenset[str]) -> list[SingleHit]:
    """Every gloss of a character whose signature shares a string with ``wanted`` (what the Latin name looks terms
    up by: its runs' keys, its words' forms and families, the parts its words may be joined of), as a term. A
    character with none of them gives nothing the aligner could use: its glosses are left as they are."""
    hits: list[SingleHit] = []
    common = steps.glossed & wanted  # (most often empty; else it has few strings to test each character by)
    if not common:
        return hits
    for i, first, own, signature in steps.singles:
        if signature.isdisjoint(common):
            continue
        for o, (span, key, how, credit, form, family) in enumerate(own):
            hits.append(((i, first + o, span, key, how, credit), form, family))
    return hits


def _with_hits(terms: Sequence[Term], more: list[Term]) -> Sequence[Term]:
    """``terms`` and ``more``, both in the order read, merged in that order (first character, then order there)."""
    return sorted([*terms, *more]) if more else terms


def _left_runs(pieces: list[Piece], han_side: bool) -> list[list[int]]:
    """Indexes of consecutive unexplained pieces on one side (characters, or words), run by run."""
    runs: list[list[int]] = []
    for index, piece in enumerate(pieces):
        if piece.how == "unexplained" and (piece.han if han_side else piece.latin):
            if runs and runs[-1][-1] == _previous(pieces, index, han_side):
                runs[-1].append(index)
                continue
            runs.append([index])
    return runs


def _previous(pieces: list[Piece], index: int, han_side: bool) -> int:
    """The index of the nearest piece before ``index`` that holds something on the same side, else -1."""
    for before in range(index - 1, -1, -1):
        if pieces[before].han if han_side else pieces[before].latin:
            return before
    return -1


def _reordered(
    pieces: list[Piece], glossary: Glossary, dictionary: Glossary, swappable: frozenset[str] | None = None
) -> list[Piece]:
    """Terms the two names put in a different order (农业高科技 / "High-Tech Agriculture"): the reading left to right
    explains one and leaves the other on both sides; a term of two or more characters left over on the Chinese side
    whose translation is a run of the words left over on the Latin side is matched after all. Only terms may swap:
    a match that would cross a piece read by its sound (业 = "ye" in "YE-International") is refused. Nothing to
    look for unless both sides leave something unexplained. ``swappable``, when given: the phrase keys of the
    Chinese name's terms of two or more characters that some run of the Latin words spells (the aligner knows
    them); leftover words that join to none of them cannot be matched, so there is nothing to look for either. It
    holds for the pieces in reading order, so only until the first swap."""
    if not any(p.how == "unexplained" and p.latin for p in pieces) or not any(
        p.how == "unexplained" and p.han for p in pieces
    ):
        return pieces
    han_at: dict[int, int] = {}
    latin_at: dict[int, int] = {}
    changed = True
    while changed:
        changed = False
        joined: dict[str, list[int]] = {}
        for run in _left_runs(pieces, han_side=False):
            for a in range(len(run)):
                for b in range(a + 1, min(a + MAX_RUN, len(run)) + 1):
                    joined.setdefault("".join(stem(pieces[x].latin) for x in run[a:b]), run[a:b])
        if swappable is not None and swappable.isdisjoint(joined):
            break  # (a pass after a swap may join words the swap made neighbours: swappable is then None)
        if not han_at:  # where each piece reads, in reading order: taken before the first swap
            h = w = 0
            for piece in pieces:
                han_at[id(piece)], latin_at[id(piece)] = h, w
                h += len(piece.han)
                w += 1 if piece.latin else 0
        for run in _left_runs(pieces, han_side=True):
            text = "".join(pieces[x].han for x in run)
            for k in range(min(MAX_SPAN, len(text)), 1, -1):
                for start in range(len(text) - k + 1):
                    found = _reorder_match(text[start : start + k], joined, glossary, dictionary)
                    chars = _covering(pieces, run, start, k) if found else None
                    if found is None or chars is None:
                        continue
                    words, how = found
                    hp, lp = han_at[id(pieces[chars[0]])], latin_at[id(pieces[words[0]])]
                    if any(p.how in _SOUND_STEPS and (han_at[id(p)] - hp) * (latin_at[id(p)] - lp) < 0 for p in pieces):
                        continue
                    merged = Piece(
                        text[start : start + k],
                        " ".join(pieces[x].latin for x in words),
                        how,
                        DICTIONARY_CREDIT if how == "dictionary" else 1.0,
                    )
                    han_at[id(merged)], latin_at[id(merged)] = hp, lp
                    drop = set(chars) | set(words)
                    swappable = None
                    pieces = [
                        merged if x == chars[0] else p for x, p in enumerate(pieces) if x not in drop or x == chars[0]
                    ]
                    changed = True
                    break
                if changed:
                    break
            if changed:
                break
    return pieces


_SOUND_STEPS = frozenset({"pinyin", "close pinyin", "rendering", "initials"})
"""Company pieces matched by sound (persons' names, the only ones read in other systems, are not reordered)."""


def _reorder_match(
    span: str, joined: dict[str, list[int]], glossary: Glossary, dictionary: Glossary
) -> tuple[list[int], str] | None:
    for table, how in ((glossary, "glossary"), (dictionary, "dictionary")):
        for phrase in table.get(span, ()):
            words = joined.get(joined_key(phrase))
            if words:
                return words, how
    return None


def _covering(pieces: list[Piece], run: list[int], start: int, k: int) -> list[int] | None:
    """The pieces of ``run`` holding exactly characters ``start`` .. ``start + k`` of the run's text, if the span
    does not cut a piece in two."""
    at, chosen = 0, []
    for x in run:
        size = len(pieces[x].han)
        if at >= start and at + size <= start + k:
            chosen.append(x)
        elif at < start + k and at + size > start:
            return None
        at += size
    return chosen or None


def _coverage(pieces: list[Piece], n: int, m: int) -> float:
    """The lower of the two sides' explained shares: both names must be accounted for, not just one.
    Optional characters (a left-out province, 市) count on neither side of the share."""
    n -= sum(len(p.han) for p in pieces if p.how == "optional")
    han_missing = sum((len(p.han) * (1 - p.credit) for p in pieces if p.han and p.how != "optional"), 0.0)
    latin_missing = 0.0
    for p in pieces:
        if p.latin and p.how == "unexplained":
            latin_missing += GENERIC_WEIGHT if p.latin in _CHEAP_WORDS else 1.0
        elif p.latin:
            latin_missing += 1 - p.credit
    return max(0.0, min(1 - han_missing / max(n, 1), 1 - latin_missing / max(m, 1)))


GIVEN_NAME = "English given name"
"""How a piece says its word was read as a given name beside a Chinese name (see :func:`with_given_name`)."""


def with_given_name(alignment: Alignment) -> Alignment | None:
    """A person's alignment in which every character is explained and one word is left that no Chinese reading
    spells, read as an English given name beside the Chinese name (李家超 / "LEE, John Ka-chiu", 林郑月娥 / "Carrie
    Lam Cheng Yuet-ngor"), as Hong Kong, Taiwan and overseas Chinese names often have one: that word costs half, as a
    generic word does. ``None`` when that is not the case (a leftover syllable, Chen Mingguo's "ming", is another
    name, not a given name beside it)."""
    left = alignment.unexplained_latin
    if alignment.unexplained_han or len(left) != 1 or not may_be_given_name(left[0]):
        return None
    pieces = [
        Piece(p.han, p.latin, GIVEN_NAME, 1 - GENERIC_WEIGHT) if p.how == "unexplained" and p.latin else p
        for p in alignment.pieces
    ]
    words = sum(len(p.latin.split()) for p in pieces if p.latin)
    return Alignment(_coverage(pieces, sum(len(p.han) for p in pieces), words), tuple(pieces))


DIVISION_WORDS = frozenset(
    {"county", "prefecture", "city", "district", "region", "province", "autonomous", "town", "township", "village"}
    | {"kazakh", "kazak", "kirghiz", "kyrgyz", "hui", "mongol", "mongolian", "tajik", "xibe", "sibe", "uzbek"}
    | {"uyghur", "uygur", "uighur"}
)
"""Words an English name writes after a place's name (Hotan *Prefecture*, Ili *Kazakh Autonomous Prefecture*),
moved with it."""


def places_first(
    han: str, words: tuple[str, ...], glossary: Glossary, dictionary: Glossary | None = None
) -> tuple[str, ...]:
    """The words with the places the Chinese name begins with moved to the front, in the Chinese name's order, when
    the English name puts them later or the other way round (广东中旗 / "Sinostone (Guangdong)"; 阿克苏地区阿瓦提县
    棉花加工厂 / "Awati County Cotton Processing Plant, Aksu Prefecture"): the alignment reads both names left to
    right. A place's word takes the division words after it along ("Aksu Prefecture"). A place is known by its
    pinyin and by one-word renderings of it in the glossary or the dictionary (克孜勒苏 = "Qizilsu")."""
    places = leading_places(han)
    if not places:
        return words
    moved: list[str] = []
    rest = list(words)
    for bare in places:
        renderings = (*glossary.get(bare, ()), *(dictionary.get(bare, ()) if dictionary is not None else ()))
        names = {*_spellings(bare), *(p[0] for p in renderings if len(p) == 1)}
        at = next((j for j, word in enumerate(rest) if word in names), None)
        if at is None:
            continue  # a place the English name leaves out
        end = at + 1
        while end < len(rest) and rest[end] in DIVISION_WORDS:
            end += 1
        moved += rest[at:end]
        del rest[at:end]
    ordered = (*moved, *rest)
    return words if ordered == words else ordered


def align(
    han: str,
    words: tuple[str, ...],
    glossary: Glossary,
    any_order: bool = False,
    dictionary: Glossary | None = None,
    others: bool = True,
) -> Alignment:
    """Best alignment of Han characters ``han`` with folded Latin ``words``; ``any_order`` tries word orders.
    ``dictionary`` adds everyday meanings (阳光 = "sunshine") for names that translate their trade name.

    A person's name (``any_order``) that pinyin does not explain in full is also read the other ways Chinese names
    are written (:mod:`threadline.names.romanisations`: Hong Kong's Cantonese, 李家超 = "Lee Ka Chiu"; Taiwan's
    Wade-Giles, 蔡 = "Tsai"; Korean, 金铁三 = "Kim Chol Sam"), and the best reading is kept; its spelled pieces name
    the system. One name is read one way: a Hong Kong spelling of one character does not mix with the pinyin of the
    next. ``others=False``: pinyin only (a company's name met by a person's entry)."""
    if not han or not words:
        return Alignment(0.0, ())
    best = _best_order(han, words, glossary, any_order, dictionary, None)
    for system, spellings in other_readings(han) if any_order and others else ():
        if best.score >= 1.0:
            break
        if not _spells_any(han, spellings, words):
            continue  # no word is (close to) a spelling in this system: it explains nothing pinyin did not
        other = _best_order(han, words, glossary, any_order, dictionary, spellings)
        if other.score > best.score:
            best = Alignment(other.score, tuple(_read_as(system, p) for p in other.pieces))
    return best


def _best_order(
    han: str,
    words: tuple[str, ...],
    glossary: Glossary,
    any_order: bool,
    dictionary: Glossary | None,
    name_readings: tuple[tuple[str, ...], ...] | None,
) -> Alignment:
    if not any_order or len(words) > 3:
        ordered = words if any_order else places_first(han, words, glossary, dictionary)
        return _align_once(han, ordered, glossary, any_order, dictionary, name_readings)
    return max(
        (_align_once(han, order, glossary, True, None, name_readings) for order in permutations(words)),
        key=lambda a: a.score,
    )


def _spells_any(han: str, spellings: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> bool:
    """Whether a person's name read with ``spellings`` could spell one of ``words``, exactly or closely, as
    :func:`_pinyin_step` allows for persons. When none, an alignment in that reading has only the glossary steps the
    pinyin one had too, so it cannot score higher and need not be run."""
    spelled = {
        spelling
        for i in range(len(han))
        for k in range(1, min(MAX_SPAN, len(han) - i) + 1)
        for spelling in span_spellings(spellings, i, k)
    }
    for word in words:
        if word in spelled:
            return True
        if len(word) >= 5 and any(
            abs(len(s) - len(word)) <= 2
            and (
                Levenshtein.normalized_similarity(s, word) >= CLOSE_SPELLING
                or Levenshtein.distance(s, word, score_cutoff=1) <= 1
            )
            for s in spelled
        ):
            return True
        if len(word) == 4 and any(short_slip(s, word) for s in spelled):
            return True
    return False


def _read_as(system: str, piece: Piece) -> Piece:
    """A piece of an alignment read in another ``system`` than pinyin, saying so: 李=lee (cantonese)."""
    if piece.how == "pinyin":
        return Piece(piece.han, piece.latin, system, piece.credit)
    if piece.how == "close pinyin":
        return Piece(piece.han, piece.latin, f"close {system}", piece.credit)
    return piece
