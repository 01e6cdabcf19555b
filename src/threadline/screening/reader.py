"""Read supplier rows from CSV, XLSX or JSON lines, streaming, with encoding and column detection.

:func:`read_rows` yields :class:`InputRow` for usable rows and :class:`SkippedRow` for rows that cannot be used
(an empty name, a malformed JSON line): a bad row never stops the rest of the file. A file that cannot be read
at all raises :class:`~threadline.exc.InputFileError` with the path and the fix.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadline.exc import InputFileError
from threadline.model.countries import to_iso2
from threadline.screening.columns import ColumnMap, detect_columns
from threadline.screening.encoding import detect_encoding

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}


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


def _open_csv(path: Path, overrides: dict[str, str]) -> RowSource:
    encoding = detect_encoding(path)
    handle = path.open(encoding=encoding, newline="")
    sample = handle.read(64 * 1024)
    handle.seek(0)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(handle, dialect)
    header = next(reader, None)
    if not header:
        handle.close()
        raise InputFileError(f"{path}: the file is empty; it needs a header row and one row per supplier")
    headers = [h.strip().lstrip("\ufeff") for h in header]
    try:
        columns = _columns_or_fail(path, headers, overrides)
    except InputFileError:
        handle.close()
        raise

    def rows() -> Iterator[InputRow | SkippedRow]:
        number = 0
        with handle:
            try:
                for number, values in enumerate(reader, start=1):
                    if any(v.strip() for v in values):
                        yield _to_row(number, dict(zip(headers, values, strict=False)), columns)
            except UnicodeDecodeError as error:
                raise InputFileError(
                    f"{path}: row {number + 1}: bytes that are not {encoding} ({error.reason}); "
                    "the file mixes encodings: re-save it as UTF-8"
                ) from None

    return RowSource(path, columns, rows(), encoding)


def _open_xlsx(path: Path, overrides: dict[str, str]) -> RowSource:
    from openpyxl import load_workbook  # imported here: only spreadsheet users pay for it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise InputFileError(
            f"{path}: not a readable .xlsx workbook ({error}); re-save it from Excel as .xlsx or export CSV"
        ) from None
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = next(values, None)
    if not header:
        book.close()
        raise InputFileError(f"{path}: the first sheet is empty; put the header in row 1")
    headers = [str(h).strip() if h is not None else "" for h in header]
    try:
        columns = _columns_or_fail(path, headers, overrides)
    except InputFileError:
        book.close()
        raise

    def rows() -> Iterator[InputRow | SkippedRow]:
        try:
            for number, cells in enumerate(values, start=1):
                if all(c is None or str(c).strip() == "" for c in cells):
                    continue
                yield _to_row(number, dict(zip(headers, cells, strict=False)), columns)
        finally:
            book.close()

    return RowSource(path, columns, rows(), None)


def _open_jsonl(path: Path, overrides: dict[str, str]) -> RowSource:
    encoding = detect_encoding(path)
    handle = path.open(encoding=encoding)
    first = handle.read(1)
    handle.seek(0)
    if first == "[":  # a JSON array: small files only, read whole
        with handle:
            try:
                records = json.load(handle)
            except json.JSONDecodeError as error:
                raise InputFileError(f"{path}: invalid JSON ({error}); write one JSON object per line") from None
        lines: Iterator[str] = (json.dumps(r, ensure_ascii=False) for r in records)
    else:
        lines = iter(handle)
    parsed = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    peeked: list[tuple[int, dict[str, Any] | None, str]] = []
    for number, line in parsed:
        record = _json_object(line)
        peeked.append((number, record, line))
        if record is not None:
            break
    keys = [k for _, record, _ in peeked if record for k in record]
    if not keys:
        handle.close()
        raise InputFileError(f'{path}: no JSON object found; write one object per line, e.g. {{"name": ...}}')
    try:
        columns = _columns_or_fail(path, keys, overrides)
    except InputFileError:
        handle.close()
        raise

    def rows() -> Iterator[InputRow | SkippedRow]:
        with handle:
            for number, record, line in [*peeked, *((n, _json_object(x), x) for n, x in parsed)]:
                if record is None:
                    yield SkippedRow(number, f"not a JSON object: {line.strip()[:60]!r}")
                else:
                    yield _to_row(number, record, columns)

    return RowSource(path, columns, rows(), encoding)


def _json_object(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def open_rows(path: Path, overrides: dict[str, str] | None = None) -> RowSource:
    """Open a supplier file; column overrides map a field (``name``, ``address``...) to a header."""
    if not path.exists():
        raise InputFileError(f"{path}: file not found; check the path")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder; pass a CSV, XLSX or JSON lines file")
    suffix = path.suffix.lower()
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    try:
        if suffix in XLSX_SUFFIXES:
            return _open_xlsx(path, overrides)
        if suffix in JSON_SUFFIXES:
            return _open_jsonl(path, overrides)
        if suffix in CSV_SUFFIXES or suffix == "":
            return _open_csv(path, overrides)
    except UnicodeDecodeError as error:
        raise InputFileError(f"{path}: cannot decode the text ({error}); save it as UTF-8") from None
    if suffix == ".xls":
        raise InputFileError(f"{path}: old .xls workbooks are not supported; save it as .xlsx or CSV")
    raise InputFileError(f"{path}: unknown file type {suffix!r}; use .csv, .xlsx or .jsonl")
