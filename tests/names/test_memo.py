from __future__ import annotations

import pytest

from threadline.matching import crossscript
from threadline.names import memo, normalize
from threadline.names.glossary import glossary


def test_a_memo_keeps_what_it_is_told_and_forgets_everything_when_full() -> None:
    kept: memo.Memo[str, int] = memo.Memo(2)
    assert kept.keep("a", 1) == 1
    assert kept.keep("b", 2) == 2
    assert kept.table == {"a": 1, "b": 2}
    assert kept.keep("c", 3) == 3  # full: the two before are forgotten, never more than the limit held
    assert kept.table == {"c": 3}


def test_a_memo_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        memo.Memo(0)


def test_once_holds_the_first_value_it_is_given() -> None:
    once: memo.Once[list[int]] = memo.Once()
    assert once.value is None
    value = once.keep([1])
    assert once.value is value


def test_remembered_functions_answer_alike_whether_they_remember_or_not() -> None:
    """The name key and the Chinese core are worked out once and then read from the memo: the same value, and the
    same object (the callers compare the packaged glossary by identity)."""
    name = "新疆中泰化学股份有限公司"
    first = normalize.name_key(name)
    assert normalize.name_key(name) is first
    assert first == normalize._name_key(name)  # worked out again, not remembered
    assert crossscript.han_core(name) == crossscript._han_core(name) == "新疆中泰化学"
    assert glossary() is glossary()

