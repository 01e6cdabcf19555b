"""Fixtures of the evidence tests: the real linker over the embedded snapshot (built once), the fixture folder,
and a helper that writes a PDF with fpdf2."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from threadline.evidence.link import Linker
from threadline.service import default_linker

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def linker() -> Linker:
    return default_linker()


def write_pdf(path: Path, pages: list[str], title: str | None = None) -> Path:
    """A PDF with one page per string (Latin text, core font), as a report exported from a word processor."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path
