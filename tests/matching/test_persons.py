from __future__ import annotations

import random

import pytest

from tests.comparing import compare
from threadline.matching.persons import (
    NEAR_LETTERS,
    consonant_similarity,
    other_given_name,
    person_similarity,
    similarity_bounds,
    skeleton_closeness,
)
from threadline.names.abjad import CONSONANT_CAP


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("vladimir putin", "vladimir vladimirovich putin"),  # a patronymic only one name gives
        ("sergei lavrov", "sergej lavrov"),  # a transliteration variant
        ("lavrov sergei", "sergei lavrov"),  # order
        ("n nazarbayev", "nursultan nazarbayev"),  # an initial
        ("sergeilavrov", "sergei lavrov"),  # written as one word
    ],
)
def test_the_same_person_written_differently_scores_high(a: str, b: str) -> None:
    score, _reason = person_similarity(a, b)
    assert score >= 0.85


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("chen quanguo", "chen mingguo"),  # a different given name
        ("hani abd al latif tilfah al rawi", "hani abd al latif tilfah al tikriti"),  # a different family name
        ("salman bin muhammad al rawi", "muhammad bin salman al rawi"),  # father and son
        ("angelo mercaz", "angela merkel"),  # two parts, each a little off
    ],
)
def test_one_part_without_a_counterpart_makes_another_person(a: str, b: str) -> None:
    score, reason = person_similarity(a, b)
    assert score < 0.85, reason
    assert "capped" in reason


def test_the_reason_names_the_part_only_one_name_has() -> None:
    _score, reason = person_similarity("vladimir putin", "vladimir vladimirovich putin")
    assert "vladimirovich" in reason


def test_an_arabic_script_name_is_compared_by_its_consonants() -> None:
    found = consonant_similarity("قاسم سليماني", "qsm slymny", "Qasem Soleimani", "qasem soleimani")
    assert found is not None
    score, reason = found
    assert score == CONSONANT_CAP  # a skeleton says less than a spelling
    assert "consonants" in reason
    other = consonant_similarity("قاسم سليماني", "qsm slymny", "Qasem Rahimi", "qasem rahimi")
    assert other is not None and other[0] < 0.85  # a different family name
    assert consonant_similarity("Qasem", "qasem", "Kassem", "kassem") is None  # both Latin: not this comparison


def test_near_letters_cost_half_and_joined_parts_are_compared_whole() -> None:
    assert skeleton_closeness("kzm", "ktm") == pytest.approx(1 - 0.5 / 3)  # كاظم "Kathim": ظ written th
    assert skeleton_closeness("kzm", "krm") == pytest.approx(1 - 1 / 3)
    found = consonant_similarity("شمس الدين", "shms ldyn", "SHAMSUDDIN", "shamsuddin")
    assert found is not None and found[0] >= 0.85


def _half_letter_closeness(a: str, b: str) -> float:
    """The skeleton closeness written out plainly: an edit costs 1, a near letter for another 0.5."""
    near = {frozenset(pair) for pair in NEAR_LETTERS}
    previous = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, start=1):
        current = [float(i)] + [0.0] * len(b)
        for j, y in enumerate(b, start=1):
            swap = 0.0 if x == y else 0.5 if frozenset((x, y)) in near else 1.0
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + swap)
        previous = current
    return 1.0 if a == b else max(0.0, 1 - previous[-1] / max(len(a), len(b)))


def test_skeleton_closeness_is_the_half_letter_edit_distance_exactly() -> None:
    rng = random.Random(7)
    letters = "bdtzskgjSCfwphclmnr"
    skeletons = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(300)]
    skeletons += ["mhmd", "mhmmd", "kzm", "ktm", "lmn", "rn"]  # some with no near letters between them
    for a in skeletons:
        for b in skeletons[:40]:
            assert skeleton_closeness(a, b) == _half_letter_closeness(a, b)


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("chen quanguo", "chen quanhua", ("quanguo", "quanhua")),  # 全国, 全华: two given names
        ("zhu hailun", "zhu hailin", None),  # one letter: a slip
        ("chen quanguo", "quan guo chen", None),  # the same letters split and ordered otherwise
        ("vladimir putin", "vladimir pudin", None),  # no pinyin
        ("wang yong", "wang yang", None),  # one syllable each: left to the part comparison
    ],
)
def test_two_pinyin_given_names_are_two_persons(a: str, b: str, differ: tuple[str, str] | None) -> None:
    assert other_given_name(a, b) == differ


def test_a_chinese_persons_other_given_name_in_pinyin_is_no_match() -> None:
    hit = compare("Chen Quanhua", "Chen Quanguo", "Person", "Person")
    assert hit is not None and hit.score < 0.85
    assert "two pinyin given names" in hit.explanation


def test_the_bounds_of_many_names_at_once_are_never_below_their_scores() -> None:
    """``similarity_bounds`` stands for ``person_similarity`` where the matcher leaves out a pair below the floor:
    on persons' names of the embedded lists against their neighbours and against themselves reordered, cut, with a
    letter changed, initials, particles and a name written as one word, a bound is never below the score, and it
    mostly tells the names that are far apart (else it would leave nothing out)."""
    from threadline.names.normalize import name_key
    from threadline.service import default_store

    rnd = random.Random(29)
    persons = [e for e in default_store().entities if e.schema == "Person" and e.names]
    keys = [name_key(e.names[0].value).latin for e in rnd.sample(persons, 400)]
    keys += ["", "al", "j schulze", "n nazarbayev", "salman bin muhammad", "sergeilavrov", "van der berg"]
    pairs = below = 0
    for at, name in enumerate(keys):
        parts = name.split()
        others = [keys[(at + step) % len(keys)] for step in range(1, 40)]
        others += [" ".join(reversed(parts)), " ".join(parts[1:]), "".join(parts), " ".join(p[:1] for p in parts)]
        if name:
            cut = rnd.randrange(len(name))
            others.append(name[:cut] + "x" + name[cut + 1 :])
        for other, bound in zip(others, similarity_bounds(name, others), strict=True):
            score = person_similarity(name, other)[0]
            assert score <= bound, (name, other)
            pairs += 1
            below += bound < 0.7
    assert below > pairs // 2
