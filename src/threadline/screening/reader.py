"""Read supplier rows from CSV, XLSX or JSON lines, streaming, with encoding and column detection.

:func:`read_rows` yields :class:`InputRow` for usable rows and :class:`SkippedRow` for rows that cannot be used
(an empty name, a malformed JSON line): a bad row never stops the rest of the file. A file that cannot be read
at all raises :class:`~threadline.exc.InputFileError` with the path and the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadline.exc import InputFileError
from threadline.model.countries import to_iso2
from threadline.screening.columns import ColumnMap, detect_columns
from threadline.screening.tables import open_table


@dataclass(frozen=True, slots=True)
class InputRow:
    row: int
    """1-based number of the data row (the header is row 0)."""
    name: str
    address: str | None
    country: str | None
    """ISO alpha-2 when the value was recognised, else ``None`` (the raw value stays in ``country_raw``)."""
    country_raw: str | None
    product: str | None
    hs_code: str | None
    registration_id: str | None = None
    """A registration number such as a Chinese Unified Social Credit Code."""
    record_id: str | None = None
    """The supplier's identifier in the user's own system (supplier id, vendor code), when the file has one."""

    def to_dict(self) -> dict[str, str | None]:
        data = {
            "name": self.name,
            "address": self.address,
            "country": self.country or self.country_raw,
            "product": self.product,
            "hs_code": self.hs_code,
        }
        if self.registration_id:
            data["registration_id"] = self.registration_id
        if self.record_id:
            data["record_id"] = self.record_id
        return data


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int
    reason: str


@dataclass(slots=True)
class RowSource:
    """An opened input: its column map (known after the header is read) and a row iterator."""

    path: Path
    columns: ColumnMap
    rows: Iterator[InputRow | SkippedRow]
    encoding: str | None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _to_row(number: int, record: dict[str, Any], columns: ColumnMap) -> InputRow | SkippedRow:
    name = _clean(record.get(columns.name))
    if name is None:
        return SkippedRow(number, f"empty name in column {columns.name!r}")
    address_bits = [_clean(record.get(columns.address)) if columns.address else None]
    address_bits += [_clean(record.get(part)) for part in columns.address_parts]
    address = ", ".join(bit for bit in address_bits if bit) or None
    country_raw = _clean(record.get(columns.country)) if columns.country else None
    return InputRow(
        row=number,
        name=name,
        address=address,
        country=to_iso2(country_raw),
        country_raw=country_raw,
        product=_clean(record.get(columns.product)) if columns.product else None,
        hs_code=_clean(record.get(columns.hs_code)) if columns.hs_code else None,
        registration_id=_clean(record.get(columns.registration_id)) if columns.registration_id else None,
        record_id=_clean(record.get(columns.record_id)) if columns.record_id else None,
    )


def _columns_or_fail(path: Path, headers: list[str], overrides: dict[str, str]) -> ColumnMap:
    missing = [h for h in overrides.values() if h not in headers]
    if missing:
        raise InputFileError(f"{path}: column {missing[0]!r} not found; the header has {', '.join(map(repr, headers))}")
    columns = detect_columns(headers, overrides)
    if columns is None:
        raise InputFileError(
            f"{path}: no supplier-name column among {', '.join(map(repr, headers))}; "
            "name it 'supplier_name' (or 供应商名称) or pass --name-column"
        )
    return columns


def open_rows(path: Path, overrides: dict[str, str] | None = None) -> RowSource:
    """Open a supplier file; column overrides map a field (``name``, ``address``...) to a header."""
    table = open_table(path)
    try:
        columns = _columns_or_fail(path, table.headers, {k: v for k, v in (overrides or {}).items() if v})
    except InputFileError:
        table.close()
        raise

    def rows() -> Iterator[InputRow | SkippedRow]:
        for number, record, line in table.records:
            if record is None:
                yield SkippedRow(number, f"not a JSON object: {line.strip()[:60]!r}")
            else:
                yield _to_row(number, record, columns)

    return RowSource(path, columns, rows(), table.encoding)
