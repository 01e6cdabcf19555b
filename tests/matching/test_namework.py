from __future__ import annotations

import numpy as np
import pytest

from threadline.matching.model import Hit, Query
from threadline.matching.namework import NameWork, NameWorks
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name


def _work(record_id: int) -> NameWork:
    return NameWork(scored=[(record_id, 90.0)], subsets=[], nearest=np.zeros(0, dtype=np.int64), carrying=[])


def test_the_least_recently_used_key_is_forgotten_first() -> None:
    works = NameWorks(size=2)
    works.put(("a",), _work(1))
    works.put(("b",), _work(2))
    assert works.get(("a",)) is not None  # "a" used again: "b" is now the oldest
    works.put(("c",), _work(3))
    assert len(works) == 2
    assert works.get(("b",)) is None
    found = works.get(("a",))
    assert found is not None and found.scored == [(1, 90.0)]


def _entity(entry_id: str, schema: str, name: str, country: str) -> Entity:
    return Entity("test", entry_id, schema, (Name(name, "primary"),), countries=(country,))


ENTITIES = [
    _entity("1", "Company", "Xinjiang Zhongtai Chemical Co., Ltd.", "cn"),
    _entity("2", "Company", "新疆中泰化学股份有限公司", "cn"),
    _entity("3", "Company", "Hangzhou Hikvision Digital Technology Co., Ltd.", "cn"),
    _entity("4", "Company", "杭州海康威视数字技术股份有限公司", "cn"),
    _entity("5", "Person", "CHEN, Quanguo", "cn"),
    _entity("6", "Company", "Zhongtai Trading Limited", "hk"),
]

# Queries written the ways a supplier file repeats one supplier: case, legal form, country. Each group shares a
# name key, so the later ones are answered from what the first one found.
QUERIES = [
    Query("Xinjiang Zhongtai Chemical Co., Ltd."),
    Query("XINJIANG ZHONGTAI CHEMICAL LIMITED", country="us"),
    Query("xinjiang zhongtai chemical", country="cn"),
    Query("新疆中泰化学有限公司"),
    Query("新疆中泰化学股份有限公司", country="cn"),
    Query("Hangzhou Hikvision Digital Technology Inc."),
    Query("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", country="de"),
    Query("杭州海康威视数字技术有限公司"),
    Query("Chen Quanguo"),
    Query("CHEN QUANGUO", schema="Person"),
]


def _seen(hits: list[Hit]) -> list[tuple[str, str, float, str, str | None]]:
    return [(h.entity.entry_id, h.matched_name.value, h.score, h.explanation, h.relation) for h in hits]


@pytest.mark.parametrize("threshold", [0.5, 0.85])
def test_a_query_answered_from_what_an_earlier_one_found_gets_the_hits_of_a_fresh_matcher(threshold: float) -> None:
    """Every query is matched by one matcher in turn, which remembers the findings per name key, and by a matcher
    that has seen nothing else: the hits, their scores and explanations (which quote the name as written and the
    country) are the same. In both orders, so each query is once the first of its key and once a later one."""
    for queries in (QUERIES, QUERIES[::-1]):
        remembering = SimpleMatcher(ENTITIES)
        for query in queries:
            expected = _seen(SimpleMatcher(ENTITIES).match(query, threshold=threshold))
            assert _seen(remembering.match(query, threshold=threshold)) == expected, query
        assert len(remembering._works) < len(queries)  # keys were shared: fewer findings than queries
    remembering = SimpleMatcher(ENTITIES)
    first, second = (remembering.match(query, threshold=threshold) for query in QUERIES[:2])
    assert first and second and first[0].explanation != second[0].explanation  # one key, each query's own words
    assert "'limited'" in second[0].explanation and "country us" in second[0].explanation


@pytest.mark.parametrize("threshold", [0.5, 0.85])
def test_a_key_first_matched_in_its_own_script_is_ranked_across_scripts_when_asked(threshold: float) -> None:
    """The Chinese name filed for an English query is matched against the Chinese list names only, and its work
    leaves the Latin names unranked; the same key matched across scripts later gets a fresh matcher's hits."""
    remembering = SimpleMatcher(ENTITIES)
    remembering.warm()
    query = Query("新疆中泰化学股份有限公司")
    own = remembering._match_name(query, 10, threshold, across=False)
    assert any(h.entity.entry_id == "2" for h in own)
    work = next(iter(remembering._works._works.values()))
    assert work.nearest is None
    fresh = SimpleMatcher(ENTITIES)
    fresh.warm()
    assert _seen(remembering.match(query, threshold=threshold)) == _seen(fresh.match(query, threshold=threshold))
    assert any(h.entity.entry_id == "1" for h in remembering.match(query, threshold=threshold))
    assert _seen(remembering._match_name(query, 10, threshold, across=False)) == _seen(own)
