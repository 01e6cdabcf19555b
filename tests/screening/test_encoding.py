from __future__ import annotations

from pathlib import Path

import pytest

from threadline.screening.encoding import detect_encoding

TEXT = (
    "供应商名称,地址\n"
    "新疆中泰化学股份有限公司,新疆乌鲁木齐市经济技术开发区维泰南路1号\n"
    "阿克苏华孚色纺有限公司,新疆阿克苏\n"
)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
    ],
)
def test_encoding_is_detected(tmp_path: Path, codec: str, expected: str) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes(TEXT.encode(codec))
    found = detect_encoding(path)
    assert found == expected
    assert path.read_bytes().decode(found).lstrip("\ufeff") == TEXT
