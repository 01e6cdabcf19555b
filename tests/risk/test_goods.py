from __future__ import annotations

from pathlib import Path

import pytest

from threadline.model import Rule
from threadline.risk.goods import GoodsIndex, curated_terms, own_words
from threadline.sources import dol_goods


def test_own_words_of_a_good() -> None:
    assert own_words("Bricks (clay)") == ("bricks", "brick")
    assert own_words("Brazil Nuts/Chestnuts") == ("brazil nuts", "brazil nut", "chestnuts", "chestnut")
    assert own_words("Glass") == ("glass",)


@pytest.mark.shared
def test_every_curated_good_is_on_the_dol_list(shared_data: Path) -> None:
    loaded = dol_goods.load(shared_data / "us-dol-tvpra-goods")
    names = {rule.goods[0] for rule in loaded.rules}
    assert set(curated_terms()) - names == set()


@pytest.mark.shared
def test_real_list_entries_for_china(shared_data: Path) -> None:
    index = GoodsIndex(dol_goods.load(shared_data / "us-dol-tvpra-goods").rules)
    found = {g.good for g in index.find("光伏组件 solar panels", [], "cn")}
    assert found == {"Solar Modules"}
    assert {g.good for g in index.find(None, ["520100"], "cn")} == {"Cotton"}


def test_a_line_with_neither_product_nor_hs_code_meets_no_entry() -> None:
    rules = [
        Rule("us-dol-goods", f"{good}-{country}", "goods", good, countries=(country,), goods=(good,))
        for good, country in (("Cotton", "cn"), ("Cotton", "uz"), ("Garments", "in"))
    ]
    index = GoodsIndex(rules)
    assert {g.good for g in index.find(None, ["520100"], "cn")} == {"Cotton"}
    assert {g.good for g in index.find("cotton yarn", [], "uz")} == {"Cotton"}
    for country in ("cn", "in", "uz", None):
        assert index.find(None, [], country) == [] and index.find("", (), country) == []
