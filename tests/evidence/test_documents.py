from __future__ import annotations

from pathlib import Path

import pytest

from tests.evidence.conftest import FIXTURES, write_pdf
from threadline.evidence.documents import find_date, read_document
from threadline.exc import InputFileError


def test_plain_text_keeps_title_date_and_hash() -> None:
    doc = read_document(FIXTURES / "en_xinjiang.txt")
    assert doc.kind == "text"
    assert doc.title == "New sanctions target Xinjiang security chiefs"
    assert doc.date == "2024-03-14"
    assert len(doc.sha256) == 64
    assert doc.page_of(10) is None


def test_gbk_chinese_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes((FIXTURES / "zh_xinjiang.txt").read_text(encoding="utf-8").encode("gb18030"))
    doc = read_document(path)
    assert "陈全国" in doc.text
    assert doc.date == "2024-03-20"


def test_html_boilerplate_is_removed_and_metadata_kept() -> None:
    doc = read_document(FIXTURES / "en_myanmar.html")
    assert doc.kind == "html"
    assert doc.title == "Junta leaders face new measures"
    assert doc.date == "2024-02-01"
    assert "Senior General Min Aung Hlaing" in doc.text
    assert "Myanma Economic Holdings" not in doc.text  # navigation
    assert "Most read" not in doc.text and "Cookies" not in doc.text  # footer


def test_pdf_pages_are_kept(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "report.pdf",
        ["Page one is about cotton supply chains.", "Page two names Wang Junzheng, the party secretary."],
        title="An NGO report",
    )
    doc = read_document(path)
    assert doc.kind == "pdf" and doc.title == "An NGO report"
    assert len(doc.page_starts) == 2
    at = doc.text.index("Wang Junzheng")
    assert doc.page_of(at) == 2
    assert doc.page_of(doc.text.index("cotton")) == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a folder"),
        (lambda p: _write(p / "empty.txt", b"  \n"), "is empty"),
        (lambda p: _write(p / "broken.pdf", b"%PDF-1.4\nnot really a pdf"), "re-save or re-export"),
        (lambda p: write_pdf(p / "scan.pdf", [""]), "no text layer"),
    ],
)
def test_unreadable_documents_say_the_file_and_the_fix(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputFileError, match=message) as error:
        read_document(path)
    assert str(path) in str(error.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 2024-03-14 by the desk", "2024-03-14"),
        ("LONDON, 14 March 2024 -", "2024-03-14"),
        ("March 4, 2023: the ministry said", "2023-03-04"),
        ("发布时间：2024年3月20日", "2024-03-20"),
        ("Sept 9 2021", "2021-09-09"),
        ("no date here, only 31 Febtember", None),
        ("2024-02-30 is not a day", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected
