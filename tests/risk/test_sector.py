from __future__ import annotations

import pytest

from threadline.risk.sector import classify, normalize_hs


@pytest.mark.parametrize(
    ("hs", "sector"),
    [
        ("5201.00", "Cotton and cotton products"),
        ("520100", "Cotton and cotton products"),
        ("52.01", "Cotton and cotton products"),
        ("2804.61", "Silica-based products (incl. polysilicon)"),
        ("3904.10", "Polyvinyl chloride (PVC)"),
        ("0702", "Tomatoes and downstream products"),
        ("8507.60", "Lithium"),
    ],
)
def test_hs_codes_map_to_their_sector(hs: str, sector: str) -> None:
    result = classify(None, hs)
    assert sector in result.sectors
    assert result.signal == "hs-code"


@pytest.mark.parametrize(
    ("product", "sector"),
    [
        ("100% cotton yarn", "Cotton and cotton products"),
        ("多晶硅", "Silica-based products (incl. polysilicon)"),
        ("PVC resin", "Polyvinyl chloride (PVC)"),
        ("Tomato paste", "Tomatoes and downstream products"),
        ("APPAREL", "Apparel"),
        ("红枣", "Red dates (jujubes)"),
    ],
)
def test_product_words_map_to_their_sector(product: str, sector: str) -> None:
    result = classify(product, None)
    assert sector in result.sectors
    assert result.signal == "product-text"


@pytest.mark.parametrize("product", ["Cottonwood furniture", "footwear", "electronics components/assembly", None])
def test_unrelated_products_are_not_flagged(product: str | None) -> None:
    assert not classify(product, None).flagged


def test_unreadable_hs_code_is_reported_not_fatal() -> None:
    result = classify("shoes", "ab-12")
    assert not result.flagged
    assert result.problem and "ab-12" in result.problem


def test_hs_normalisation() -> None:
    assert normalize_hs(" 5201.00 ") == "520100"
    assert normalize_hs("x") is None
