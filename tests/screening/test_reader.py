from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from threadline.exc import InputFileError
from threadline.screening.reader import InputRow, SkippedRow, open_rows


def _read(path: Path, **overrides: str) -> list[InputRow | SkippedRow]:
    return list(open_rows(path, overrides).rows)


def test_gbk_csv_with_chinese_headers_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    text = "供应商名称,地址,国家\n新疆中泰化学股份有限公司,新疆乌鲁木齐市,中国\nHOSHINE SILICON,新疆鄯善县,CN\n"
    path.write_bytes(text.encode("gbk"))
    rows = _read(path)
    assert [r.name for r in rows if isinstance(r, InputRow)] == ["新疆中泰化学股份有限公司", "HOSHINE SILICON"]
    second = rows[1]
    assert isinstance(second, InputRow)
    assert second.country == "cn"


def test_empty_name_is_skipped_and_the_rest_still_read(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("name,address\nAcme,Here\n,Nowhere\nBeta,There\n", encoding="utf-8")
    rows = _read(path)
    assert [type(r).__name__ for r in rows] == ["InputRow", "SkippedRow", "InputRow"]
    skipped = rows[1]
    assert isinstance(skipped, SkippedRow)
    assert skipped.row == 2
    assert "empty name" in skipped.reason


def test_semicolon_csv_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Supplier;Country\nAcme GmbH;Germany\n", encoding="utf-8")
    (row,) = _read(path)
    assert isinstance(row, InputRow)
    assert (row.name, row.country) == ("Acme GmbH", "de")


def test_xlsx_is_read(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Company Name", "Address", "HS Code"])
    sheet.append(["Xinjiang Zhongtai Chemical", "Urumqi, Xinjiang", 2904])
    sheet.append([None, None, None])
    book.save(path)
    (row,) = _read(path)
    assert isinstance(row, InputRow)
    assert (row.name, row.hs_code) == ("Xinjiang Zhongtai Chemical", "2904")


def test_json_lines_with_a_bad_line_keep_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    lines = [json.dumps({"name": "Acme"}), "{not json", json.dumps({"name": "Beta", "country": "CN"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = _read(path)
    assert [type(r).__name__ for r in rows] == ["InputRow", "SkippedRow", "InputRow"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "file not found"),
        ("broken.xlsx", b"this is not a zip", "not a readable .xlsx"),
        ("nocol.csv", b"street,zip\nMain St,1\n", "no supplier-name column"),
        ("empty.csv", b"", "empty"),
        ("old.xls", b"\xd0\xcf", ".xls"),
    ],
)
def test_unusable_files_fail_with_the_path_and_a_fix(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as info:
        open_rows(path)
    assert str(path) in str(info.value)


def test_unknown_override_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("name\nAcme\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="'vendor' not found"):
        open_rows(path, {"name": "vendor"})
