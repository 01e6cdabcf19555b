from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from threadline.evidence.text import key, project, quote


def test_projection_folds_case_diacritics_and_reads_chinese_by_pinyin() -> None:
    text = "Former secretary 陳全國 met ZHU Hailun in Ürümqi."
    projection = project(text)
    assert projection.text == "former secretary chenquanguo met zhu hailun in urumqi"
    start = projection.text.index("chenquanguo")
    assert projection.span(start, start + len("chenquanguo")) == (text.index("陳"), text.index("國") + 1)
    assert start in projection.han and start + 4 in projection.boundaries  # chen|quan|guo


def test_name_keys_and_text_projections_agree() -> None:
    assert key("HLAING, Min Aung") == "hlaing min aung"
    assert key("Myanmar Economic Corporation (MEC)") == "myanmar economic corporation mec"
    assert key("Zhu Hailun") in project("said Zhu Hailun.").text


@given(st.text(max_size=60))
def test_every_projected_character_maps_into_the_original(text: str) -> None:
    projection = project(text)
    assert len(projection.origin) == len(projection.text)
    assert all(0 <= offset < len(text) for offset in projection.origin)
    assert list(projection.origin) == sorted(projection.origin)


def test_quote_is_the_sentence_around_the_mention() -> None:
    text = "First sentence. Then Chen Quanguo, the former secretary, left! Another one.\n\n另外，陈全国表示同意。后来。"
    at = text.index("Chen")
    assert quote(text, at, at + 12) == "Then Chen Quanguo, the former secretary, left!"
    at = text.index("陈全国")
    assert quote(text, at, at + 3) == "另外，陈全国表示同意。"
