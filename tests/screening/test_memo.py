from __future__ import annotations

from threadline.matching.model import Hit, Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name
from threadline.screening.memo import MatchMemo

ENTITIES = [
    Entity("t", "1", "Company", (Name("Xinjiang Zhongtai Chemical Co., Ltd."),), countries=("cn",)),
    Entity("t", "2", "Company", (Name("Hoshine Silicon Industry Co., Ltd."),), countries=("cn",)),
]


def test_a_repeated_query_gets_the_same_hits_from_memory() -> None:
    matcher = SimpleMatcher(ENTITIES)
    memo = MatchMemo(matcher)
    queries = [Query("Xinjiang Zhongtai Chemical"), Query("新疆中泰化学股份有限公司"), Query("Hoshine Silicon")]
    for query in queries * 3:
        assert memo.match(query, limit=5, threshold=0.5) == matcher.match(query, limit=5, threshold=0.5)
    assert (memo.asked, memo.answered) == (9, 6)
    assert [h.entity.entry_id for h in memo.match(queries[1], limit=5, threshold=0.5)] == ["1"]


def test_limit_threshold_and_country_are_part_of_the_query() -> None:
    memo = MatchMemo(SimpleMatcher(ENTITIES))
    name = "Xinjiang Zhongtai Chemical Industry"
    high = memo.match(Query(name), threshold=0.99)
    low = memo.match(Query(name), threshold=0.5)
    assert high == [] and [h.entity.entry_id for h in low] == ["1"]
    assert memo.match(Query(name, country="de"), threshold=0.5)[0].score < low[0].score
    assert memo.answered == 0


def test_memory_is_bounded_least_recently_used_first() -> None:
    memo = MatchMemo(SimpleMatcher(ENTITIES), size=2)
    a, b, c = Query("Hoshine"), Query("Zhongtai"), Query("Hoshine Silicon")
    memo.match(a)
    memo.match(b)
    memo.match(a)  # a is now the most recent
    memo.match(c)  # evicts b
    memo.match(a)
    memo.match(b)
    assert memo.answered == 2


class _Counting:
    """A matcher that counts the related hits it is asked for, and asks a real one (a wrapper, not a subclass:
    the matcher's class may be compiled)."""

    def __init__(self, matcher: SimpleMatcher) -> None:
        self.matcher = matcher
        self.related_asked = 0

    def match(self, query: Query, limit: int = 10, threshold: float = 0.0) -> list[Hit]:
        return self.matcher.match(query, limit, threshold)

    def related(self, query: Query, limit: int = 3, floor: float = 0.75) -> list[Hit]:
        self.related_asked += 1
        return self.matcher.related(query, limit, floor)


def test_related_hits_are_remembered_apart_from_the_hits() -> None:
    corps = Entity("t", "3", "Organization", (Name("Xinjiang Production and Construction Corps"),), countries=("cn",))
    matcher = _Counting(SimpleMatcher([*ENTITIES, corps]))
    memo = MatchMemo(matcher)
    query = Query("XPCC Public Security Bureau")
    for _ in range(3):
        assert memo.related(query) == matcher.related(query)
        assert memo.match(query, threshold=0.85) == []
    assert [h.entity.entry_id for h in memo.related(query)] == ["3"]
    assert matcher.related_asked == 4  # the memo asked once; the test itself three times
    assert (memo.asked, memo.answered) == (3, 2)
