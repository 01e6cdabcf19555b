"""The pruning bound must be a true upper bound: checked against the aligner on real name pairs."""

from __future__ import annotations

import csv
import random
from functools import lru_cache
from itertools import product
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadline.matching.align import align, alignable_words, joined_parts
from threadline.matching.bound import HanVocabulary, WordReach, char_readings, leaves_only, prepare, reach, vocabulary
from threadline.matching.calibration import CONFLICT_SOUND, GROUPS, TABLE
from threadline.matching.crossscript import cross_align, han_core, sounding_brand
from threadline.matching.model import Query
from threadline.matching.simple import MIN_NAME_SIMILARITY, _cross_score, _Record, cross_may_reach
from threadline.model import Entity, Name
from threadline.names.brandsound import may_sound_alike
from threadline.names.glossary import dictionary, glossary
from threadline.names.han import readings
from threadline.names.normalize import name_key

PAIRS = Path("cn_company_names") / "cn_company_name_pairs.csv"


@lru_cache(maxsize=1)
def _pairs(folder: Path) -> list[tuple[str, str, str]]:
    """``(Chinese full name, English name, province)`` of listed companies."""
    with (folder / PAIRS).open(encoding="utf-8-sig") as handle:
        rows = [(r["name_zh_full"], r["name_en"], r["province"]) for r in csv.DictReader(handle)]
    return [r for r in rows if r[0] and r[1]]


def _check(han_name: str, latin_name: str, person: bool) -> None:
    han_key, latin_key = name_key(han_name), name_key(latin_name)
    han, words = han_core(han_key.original), alignable_words(latin_key.latin)
    if not han or not words:
        return
    bound = reach(han, words, spoken=person)
    alignment = align(han, words, glossary(), any_order=person) if person else cross_align(han_key, latin_key, False)
    if alignment is None:
        return
    assert alignment.score <= bound.score, (han_name, latin_name, alignment.describe(), bound)
    assert set(bound.hopeless) <= set(alignment.unexplained_latin), (han_name, latin_name, alignment.describe())
    assert alignment.explained_han <= bound.explainable_han, (han_name, latin_name, alignment.describe(), bound)


@pytest.mark.shared
def test_bound_holds_on_real_pairs_and_same_province_negatives(shared_data: Path) -> None:
    pairs = _pairs(shared_data)
    rnd = random.Random(7)
    by_province: dict[str, list[str]] = {}
    for _zh, en, province in pairs:
        by_province.setdefault(province, []).append(en)
    for zh, en, province in rnd.sample(pairs, 400):
        _check(zh, en, person=False)  # the company's own English name: high scores, the bound must not cut them
        _check(zh, rnd.choice(by_province[province]), person=False)  # a neighbour's: the pairs pruning skips


@pytest.mark.shared
def test_bound_holds_for_persons_in_any_word_order(shared_data: Path) -> None:
    pairs = _pairs(shared_data)
    for zh, en, _province in random.Random(3).sample(pairs, 100):
        words = alignable_words(name_key(en).latin)[:3]
        _check(zh, " ".join(reversed(words)), person=True)
    _check("陈全国", "Quanguo Chen", person=True)
    _check("陈全国", "Chen Quangguo", person=True)
    _check("朱海仑", "Zhu Hailin", person=True)  # a slip below CLOSE_SPELLING, credited by its similarity
    _check("朱海仑", "Zhu Hailn", person=True)
    _check("王勇", "Wang Yonf", person=True)  # a four-letter slip
    _check("黄勇", "Huag Yong", person=True)  # one dropped from a five-letter spelling
    _check("李家超", "Lee Ka-chiu", person=True)  # read the Hong Kong way
    _check("林郑月娥", "Yuet-ngor Lam Cheng", person=True)
    _check("邓炳强", "Tang Ping-keung", person=True)
    _check("曾国卫", "Tsang Kwok-wei", person=True)  # a slip in a Hong Kong spelling
    _check("蒋经国", "Ching-kuo Chiang", person=True)  # Wade-Giles
    _check("蔡英文", "Tsai Ing-wen", person=True)
    _check("重庆", "Chung Ching", person=True)  # read in context
    _check("金铁三", "Sam Kim Chol", person=True)  # Korean
    _check("金正恩", "Kim Jong Un", person=True)


@pytest.mark.shared
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_bound_holds_on_recombined_and_misspelt_names(shared_data: Path, data: st.DataObject) -> None:
    """Words of real English names put together with another company's Chinese name, some letters changed: the
    close spellings and renderings the bound credits only by similarity."""
    pairs = _pairs(shared_data)
    zh, en, _ = data.draw(st.sampled_from(pairs))
    _zh2, other, _ = data.draw(st.sampled_from(pairs))
    pool = alignable_words(name_key(en).latin) + alignable_words(name_key(other).latin)
    words = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=5))
    slip = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    word = words[slip]
    if len(word) > 3:
        at = data.draw(st.integers(min_value=1, max_value=len(word) - 1))
        words[slip] = word[:at] + data.draw(st.sampled_from("aeinouy")) + word[at + 1 :]
    _check(zh, " ".join(words), person=data.draw(st.booleans()))


@pytest.mark.shared
def test_every_reading_in_context_is_among_the_characters_readings(shared_data: Path) -> None:
    """The bound spells spans from each character's readings, the aligner from the name or span read in context."""
    for zh, _en, _province in random.Random(5).sample(_pairs(shared_data), 500):
        han = han_core(zh)
        whole = readings(han)  # the aligner reads spans in the context of the whole name
        assert all(set(r) <= char_readings(c) for c, r in zip(han, whole, strict=True)), han
        for i in range(len(han)):
            for k in range(1, min(4, len(han) - i) + 1):
                span = han[i : i + k]
                in_context = readings(span)
                assert len(in_context) == k
                assert all(set(r) <= char_readings(c) for c, r in zip(span, in_context, strict=True)), span


def test_a_word_nothing_explains_is_hopeless_and_lowers_the_bound() -> None:
    bound = reach("新疆中泰化学", ("xinjiang", "zhongtai", "chemical"))
    assert bound.score == pytest.approx(1.0) and bound.hopeless == ()
    other = reach("新疆中泰化学", ("xinjiang", "qwrtz", "chemical"))
    assert other.hopeless == ("qwrtz",)
    assert other.score == pytest.approx(2 / 3)


def test_a_word_of_another_form_of_a_phrase_is_not_hopeless() -> None:
    """东方 means "orient" and 冶炼 "smelt": "Oriental" and "Smelting" explain them, so the bound must allow it."""
    words = ("oriental", "times", "media")
    bound = reach("东方时代传媒", words)
    assert bound.hopeless == ()
    assert bound.score >= align("东方时代传媒", words, glossary(), dictionary=dictionary()).score
    assert reach("山东恒邦冶炼", ("shandong", "humon", "smelting")).hopeless == ("humon",)


def test_a_word_of_the_same_root_as_a_phrase_is_not_hopeless() -> None:
    """液化 means "liquefy": "Liquefaction" is of its root (:func:`~threadline.matching.align.word_family`), so the
    bound must allow it."""
    words = ("shenleng", "liquefaction", "plant")
    bound = reach("深冷液化设备", words)
    assert "liquefaction" not in bound.hopeless
    assert bound.score >= align("深冷液化设备", words, glossary(), dictionary=dictionary()).score


def test_a_word_joining_two_phrases_of_the_name_is_not_hopeless() -> None:
    """金 means "gold" and 风 "wind": "Goldwind" explains 金风, so the bound must allow the word and both characters."""
    words = ("goldwind", "technology")
    bound = reach("金风科技", words)
    assert bound.hopeless == () and bound.explainable_han == 4
    assert bound.score >= align("金风科技", words, glossary(), dictionary=dictionary()).score == pytest.approx(1.0)


def test_characters_no_word_can_explain_bound_the_chinese_side() -> None:
    """Every word of "Xinjiang Group" is explained (新疆, 集团), but 中泰化学 is left: at most 4 of 8 characters."""
    bound = reach("新疆中泰化学集团", ("xinjiang", "group"))
    assert bound.hopeless == ()
    assert bound.score == pytest.approx(4 / 8, abs=1e-6)
    assert bound.explainable_han == 4


def test_a_close_spelling_keeps_its_similarity_as_credit() -> None:
    """The word "zhongtay" is no pinyin of any span, one letter from zhongtai: the aligner may credit it, so may
    the bound."""
    bound = reach("新疆中泰化学", ("xinjiang", "zhongtay", "chemical"))
    assert bound.hopeless == ()
    assert 2 / 3 < bound.score < 1.0


def test_calibration_table_is_non_decreasing_in_every_group() -> None:
    """``cross_may_reach`` bounds a calibrated score by calibrating the bound: that needs a monotone table."""
    with TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    for group in GROUPS:
        points = [(float(r["score"]), float(r["probability"])) for r in rows if r["group"] == group]
        assert points == sorted(points), group


@pytest.mark.shared
def test_a_skipped_pair_never_gives_a_kept_hit(shared_data: Path) -> None:
    """Whenever ``cross_may_reach`` says no, scoring the pair in full gives no hit at the threshold."""
    pairs = _pairs(shared_data)
    rnd = random.Random(11)
    skipped = 0
    for zh, en, _province in rnd.sample(pairs, 200):
        others = [en] + [rnd.choice(pairs)[1] for _ in range(3)]
        for schema in ("Company", "Person"):
            for latin in others:
                entity = Entity("t", "1", schema, (Name(latin),))
                record = _Record(0, entity.names[0], name_key(latin))
                query = Query(zh, "LegalEntity")
                key = name_key(zh)
                for threshold, known in product((0.5, 0.85), (schema, None)):  # None: before reading the entry
                    if cross_may_reach(query, key, record.key, known, threshold):
                        continue
                    skipped += 1
                    hit = _cross_score(query, key, record, entity, MIN_NAME_SIMILARITY)
                    assert hit is None or hit.score < threshold, (zh, latin, schema, threshold, hit.explanation)
    assert skipped > 1_000  # the bound does prune: most of these pairs are different companies


@pytest.mark.shared
def test_every_sounding_brand_the_aligner_finds_is_allowed_by_the_bound(shared_data: Path) -> None:
    """The bound keeps the calibration's sounding-brand group only for a pair with a word that may sound like a run
    of the name (``may_sound_alike``): every brand the group is given for must be one of those."""
    pairs = _pairs(shared_data)
    rnd = random.Random(17)
    found = 0
    for zh, en, _province in rnd.sample(pairs, 1500):
        for latin in (en, rnd.choice(pairs)[1]):
            alignment = cross_align(name_key(zh), name_key(latin), person=False)
            word, _run = sounding_brand(alignment) if alignment is not None else ("", "")
            if word:
                found += 1
                assert may_sound_alike(han_core(zh), word), (zh, latin)
    assert found > 20


def test_lowest_reaching_is_below_every_score_that_reaches_the_floor() -> None:
    from threadline.matching.calibration import calibrate
    from threadline.matching.simple import lowest_reaching, sound_calibrated

    def calibrated(score: float, group: str) -> float:
        return sound_calibrated(score) if group == CONFLICT_SOUND else calibrate(score, group)

    for floor, sounding in product((0.6, 0.7, 0.85, 0.95), (True, False)):
        low = lowest_reaching(floor, sounding)
        assert low < floor
        groups = [g for g in GROUPS if sounding or g != CONFLICT_SOUND]
        reaching = [s / 1000 for s in range(1001) if max(calibrated(s / 1000, g) for g in groups) >= floor]
        assert all(low < s for s in reaching)
        if reaching:  # and tight: the first score that reaches is just above it
            assert reaching[0] - low < 0.002


@pytest.mark.shared
def test_only_spellings_that_may_be_close_are_compared(shared_data: Path) -> None:
    """A word's close spellings are searched for among those sharing its first letter or (from five letters) near
    its length only: the others could never pass ``_may_be_close``. Comparing with every spelling finds the same."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from threadline.matching.bound import PARTIAL_CREDIT, _may_be_close, vocabulary

    pairs = random.Random(11).sample(_pairs(shared_data), 150)
    words = sorted({w for _zh, en, _p in pairs for w in alignable_words(name_key(en).latin)})
    rnd, found = random.Random(12), 0
    for zh, _en, _province in pairs:
        vocab = vocabulary(han_core(zh))
        every = sorted(vocab.spellings)
        for word in rnd.sample(words, 40):
            scored = process.extract(
                word, every, scorer=Levenshtein.normalized_similarity, score_cutoff=PARTIAL_CREDIT, limit=None
            )
            expected = sorted((s, sim) for s, sim, _ in scored if _may_be_close(s, word))
            assert sorted(vocab._close(word)) == expected, (zh, word)
            found += len(expected)
    assert found > 100


def _each_alone(han: str, words: list[str]) -> dict[str, WordReach]:
    """What each word can do against ``han``, worked out one word at a time in a vocabulary of its own."""
    vocab = HanVocabulary(han, (glossary(), dictionary()))
    return {word: vocab.word(word) for word in words}


def _together(han: str, words: list[str]) -> dict[str, WordReach]:
    vocab = HanVocabulary(han, (glossary(), dictionary()))
    vocab.prepare(words)
    return {word: vocab._words[word] for word in words}


def test_words_worked_out_together_are_as_each_alone() -> None:
    """The batched close-spelling search finds the same spellings, similarities and order as the word-by-word one:
    short words kept to spellings with their first letter ("zon" is no rendering of "hong"), ties in spelling
    order, a word of two letters never close, and a word met twice worked out once."""
    han = "深圳中兴通讯海康威视"
    words = ["zhongxin", "zhongxing", "zon", "hon", "hai", "kang", "haikang", "tongxin", "ws", "hikvision", "zhongxin"]
    alone, together = _each_alone(han, words), _together(han, words)
    assert together == alone
    assert any(len(reach.near) > 1 for reach in alone.values())  # an order to keep, not only single spellings


@pytest.mark.shared
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_batched_word_reach_equals_word_by_word_on_real_names(shared_data: Path, data: st.DataObject) -> None:
    """A Chinese listed company's name against the words of a hundred other companies' English names, some with a
    letter changed (the close spellings the search is for): what :meth:`HanVocabulary.prepare` works out for all of
    them at once equals what :meth:`HanVocabulary.word` gives each, field by field, ``near`` in the same order."""
    pairs = _pairs(shared_data)
    zh, _en, _ = data.draw(st.sampled_from(pairs))
    seed = data.draw(st.integers(min_value=0, max_value=10_000))
    rnd = random.Random(seed)
    words = [w for _zh, en, _p in rnd.sample(pairs, 100) for w in alignable_words(name_key(en).latin)]
    for at in rnd.sample(range(len(words)), len(words) // 4):
        word = words[at]
        if len(word) > 3:
            slip = rnd.randrange(1, len(word))
            words[at] = word[:slip] + rnd.choice("aeinouy") + word[slip + 1 :]
    han = han_core(zh)
    assert _together(han, words) == _each_alone(han, words)


def test_prepare_changes_no_bound() -> None:
    """:func:`prepare` only works the words out sooner: the bounds of the pairs are those without it."""
    han = "新疆中泰化学集团"
    names = [("xinjiang", "zhongtay", "chemical"), ("xinjiang", "group"), ("qwrtz", "chemical"), ("zhong", "tai")]
    vocabulary.cache_clear()
    before = [reach(han, words, enough) for words in names for enough in (0.0, 0.6)]
    vocabulary.cache_clear()
    prepare(han, names)
    assert [reach(han, words, enough) for words in names for enough in (0.0, 0.6)] == before


def _reckoned(vocab: HanVocabulary, word: str) -> WordReach:
    """A word's reach reckoned in full, every step's condition written out, as the bound defines it (the module
    docstring): what :meth:`HanVocabulary.word` answers early for words that can do nothing must equal this."""
    from threadline.matching.align import GENERIC_WEIGHT, INITIALS_CREDIT, stem, word_form
    from threadline.names.normalize import GENERIC_WORDS

    close = tuple(vocab._close(word))
    stemmed = stem(word)
    other_form = len(word) > 3 and any(word_form(phrase) == word_form(word) for phrase in vocab._phrases)
    root = len(word) > 6 and any(len(p) > 6 and word_form(p)[:6] == word_form(word)[:6] for p in vocab._phrases)
    joined = any(word[:cut] in vocab._phrases and stem(word[cut:]) in vocab._phrases for cut in range(3, len(word) - 2))
    in_phrase = stemmed in vocab._phrase_text or other_form or root or joined
    begins = any(phrase.startswith(stemmed) for phrase in vocab._phrases)
    if word in vocab.spellings or in_phrase:
        cost = 0.0
    else:
        costs = [GENERIC_WEIGHT if word in GENERIC_WORDS else 1.0, 1.0 - max((s for _p, s in close), default=0.0)]
        if word in vocab.initials:
            costs.append(1.0 - INITIALS_CREDIT)
        cost = min(costs)
    explainable = word in vocab.spellings or word in vocab.initials or bool(close) or in_phrase or begins
    return WordReach(cost, explainable, word in vocab.trade_spellings, bool(close), close)


@pytest.mark.shared
def test_a_word_that_can_do_nothing_is_answered_as_reckoned_in_full(shared_data: Path) -> None:
    """Words of other companies' English names, generic ones among them, and the name's own pinyin, initials and
    glossary words: each word's reach, early answer or not, is the full reckoning's."""
    rnd = random.Random(21)
    pairs = _pairs(shared_data)
    early = full = 0
    for zh, en, _province in rnd.sample(pairs, 60):
        han = han_core(zh)
        vocab = HanVocabulary(han, (glossary(), dictionary()))
        own = alignable_words(name_key(en).latin)
        words = [*own, "technology", "group", "qwrtz", *sorted(vocab.initials)[:3]]
        words += [w for _zh, other, _p in rnd.sample(pairs, 20) for w in alignable_words(name_key(other).latin)]
        for word in dict.fromkeys(words):
            reached = vocab.word(word)
            assert reached == _reckoned(vocab, word), (han, word)
            early += reached.cost in (1.0, 0.5) and not reached.explainable
            full += reached.explainable
    assert early > 100 and full > 100  # both kinds of word were met


def _per_name(han: str) -> tuple[object, ...]:
    """A vocabulary's tables worked out for ``han`` alone, every run of it reckoned afresh (the reckoning
    :class:`HanVocabulary` did before it remembered runs across names)."""
    from threadline.matching.align import GENERIC_WEIGHT, MAX_SPAN, OPTIONAL_CHARS, joined_key, phrase_key
    from threadline.names.normalize import GENERIC_WORDS
    from threadline.names.places import is_place

    spelling: dict[str, list[tuple[int, int]]] = {}
    initials: dict[str, list[tuple[int, int]]] = {}
    phrases: dict[str, list[tuple[int, int]]] = {}
    trade: set[str] = set()
    free = [0.0] * len(han)
    for i in range(len(han)):
        for k in range(1, min(MAX_SPAN, len(han) - i) + 1):
            options = [char_readings(c) for c in han[i : i + k]]
            spelled = {"".join(combo) for combo in product(*options)}
            for each in spelled:
                spelling.setdefault(each, []).append((i, k))
            if k >= 2 and not is_place(han[i : i + k]):
                trade |= spelled
            if k >= 2:
                for letters in {"".join(c) for c in product(*({r[:1] for r in o} for o in options))}:
                    initials.setdefault(letters, []).append((i, k))
        for k in range(1, len(han) - i + 1):
            for table in (glossary(), dictionary()):
                renderings = table.get(han[i : i + k], ())
                for phrase in renderings:
                    phrases.setdefault(joined_key(phrase), []).append((i, k))
                if k >= 2 and renderings and all(w in GENERIC_WORDS for p in renderings for w in phrase_key(p)):
                    for c in range(i, i + k):
                        free[c] = max(free[c], 1.0 - GENERIC_WEIGHT)
        if han[i] in OPTIONAL_CHARS and i > 0:
            free[i] = 1.0
    return spelling, initials, phrases, frozenset(trade), free


@pytest.mark.shared
def test_a_vocabulary_from_remembered_runs_is_the_one_worked_out_per_name(shared_data: Path) -> None:
    """Runs of characters recur from name to name (福建, 交通, 集团), so what each offers is remembered: a vocabulary
    built from them, the first time or again, has the tables of one reckoned for the name alone, in the same order
    (the province and optional characters come after, in both)."""
    names = [han_core(zh) for zh, _en, _p in random.Random(13).sample(_pairs(shared_data), 300)]
    names += ["新疆生产建设兵团公安局", "重庆长安汽车", "行", "中国"]
    checked = 0
    for han in filter(None, names * 2):
        vocab = HanVocabulary(han, (glossary(), dictionary()))
        spelling, initials, phrases, trade, free = _per_name(han)
        assert (vocab._by_spelling, vocab._by_initials, vocab._by_phrase) == (spelling, initials, phrases), han
        assert vocab.trade_spellings == trade, han
        assert all(mine >= theirs for mine, theirs in zip(vocab.free, free, strict=True)), han
        checked += 1
    assert checked > 500


@pytest.mark.shared
def test_the_phrase_look_up_gives_the_phrases_of_every_run(shared_data: Path) -> None:
    """The phrase look-up stops at a run that begins no longer term, and gives what going over every run gives
    (``latin_side`` reads a name's phrases so)."""
    from threadline.matching.bound import _span_table

    table = _span_table((glossary(), dictionary()))
    names = [han_core(zh) for zh, _en, _p in random.Random(29).sample(_pairs(shared_data), 300)]
    checked = 0
    for han in filter(None, [*names, "新疆生产建设兵团公安局", "中国石油化工集团"]):
        every = [
            phrase
            for i in range(len(han))
            for k in range(1, min(len(han) - i, table.longest) + 1)
            for phrase in table.phrases(han[i : i + k])[0]
        ]
        assert table.phrase_text(han) == "\0".join(every), han
        checked += 1
    assert checked > 250


def test_words_are_cut_into_two_phrases_only_when_they_begin_with_one() -> None:
    """A word is looked up as two phrases written together only when it begins with a phrase's first letters:
    every other word joins none (the same parts as ``joined_parts`` over all the name's phrases)."""
    for han in ("金风科技", "中国石油化工", "生物科技", "新疆中泰化学"):
        vocab = HanVocabulary(han, (glossary(), dictionary()))
        phrases = vocab._phrase_set
        words = ["goldwind", "chinaoil", "biotech", "windgold", "petrochemical", "xinjiang", "zhongtai", "technology"]
        words += [first + second for first in phrases for second in phrases if len(first) >= 3 and len(second) >= 3]
        for word in words:
            assert vocab._joined(word) == joined_parts(word, phrases), (han, word)
    assert HanVocabulary("金风科技", (glossary(), dictionary()))._joined("goldwind") == [("gold", "wind")]


def test_leaves_only_says_what_every_alignment_must_leave_unexplained() -> None:
    """新疆生产建设兵团第一师 against the Corps' English name: only 第一师 (positions 8-10) is left whatever the
    alignment; a word nothing in the Chinese name explains ("hikvision") is left too."""
    corps = ("xinjiang", "production", "construction", "corps")
    division = "新疆生产建设兵团第一师"
    assert leaves_only(division, corps, lambda _word: False, frozenset(range(8, 11)))
    assert not leaves_only(division, corps, lambda _word: False, frozenset(range(9, 11)))
    assert leaves_only("新疆中泰化学", ("xinjiang", "zhongtai", "chemical"), lambda _word: False, frozenset())
    other = ("xinjiang", "zhongtai", "chemical", "hikvision")
    assert not leaves_only("新疆中泰化学", other, lambda _word: False, frozenset())
    assert leaves_only("新疆中泰化学", other, lambda word: word == "hikvision", frozenset())
