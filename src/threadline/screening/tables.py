"""Open a CSV, XLSX or JSON-lines file as a header and a stream of numbered records.

Shared by every command that reads tabular input (``screen``, ``trace``): encoding detection, the CSV dialect,
the first sheet of a workbook, one JSON object per line (or a JSON array). Records are numbered as the user sees
them (1 = the first data row); a line that is not a JSON object comes through as ``None`` with its text, so the
caller can skip it with a reason instead of stopping. A file that cannot be read at all raises
:class:`~threadline.exc.InputFileError` with the path and the fix.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadline.exc import InputFileError
from threadline.screening.encoding import detect_encoding

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}

Record = tuple[int, dict[str, Any] | None, str]
"""Row number, the record (``None`` when the line is not a JSON object) and the raw line for messages."""


@dataclass(slots=True)
class Table:
    path: Path
    headers: list[str]
    records: Iterator[Record]
    encoding: str | None
    close: Callable[[], None]
    """Release the file when the records will not be read (e.g. the header was refused)."""


def open_table(path: Path) -> Table:
    if not path.exists():
        raise InputFileError(f"{path}: file not found; check the path")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder; pass a CSV, XLSX or JSON lines file")
    suffix = path.suffix.lower()
    try:
        if suffix in XLSX_SUFFIXES:
            return _open_xlsx(path)
        if suffix in JSON_SUFFIXES:
            return _open_jsonl(path)
        if suffix in CSV_SUFFIXES or suffix == "":
            return _open_csv(path)
    except UnicodeDecodeError as error:
        raise InputFileError(f"{path}: cannot decode the text ({error}); save it as UTF-8") from None
    if suffix == ".xls":
        raise InputFileError(f"{path}: old .xls workbooks are not supported; save it as .xlsx or CSV")
    raise InputFileError(f"{path}: unknown file type {suffix!r}; use .csv, .xlsx or .jsonl")


def _open_csv(path: Path) -> Table:
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
        raise InputFileError(f"{path}: the file is empty; it needs a header row and one row per record")
    headers = [h.strip().lstrip("\ufeff") for h in header]

    def records() -> Iterator[Record]:
        number = 0
        with handle:
            try:
                for number, values in enumerate(reader, start=1):
                    if any(v.strip() for v in values):
                        yield number, dict(zip(headers, values, strict=False)), ",".join(values)
            except UnicodeDecodeError as error:
                raise InputFileError(
                    f"{path}: row {number + 1}: bytes that are not {encoding} ({error.reason}); "
                    "the file mixes encodings: re-save it as UTF-8"
                ) from None

    return Table(path, headers, records(), encoding, handle.close)


def _open_xlsx(path: Path) -> Table:
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

    def records() -> Iterator[Record]:
        try:
            for number, cells in enumerate(values, start=1):
                if all(c is None or str(c).strip() == "" for c in cells):
                    continue
                yield number, dict(zip(headers, cells, strict=False)), ",".join(str(c) for c in cells)
        finally:
            book.close()

    return Table(path, headers, records(), None, book.close)


def _open_jsonl(path: Path) -> Table:
    encoding = detect_encoding(path)
    handle = path.open(encoding=encoding)
    first = handle.read(1)
    handle.seek(0)
    if first == "[":  # a JSON array: small files only, read whole
        with handle:
            try:
                loaded = json.load(handle)
            except json.JSONDecodeError as error:
                raise InputFileError(f"{path}: invalid JSON ({error}); write one JSON object per line") from None
        lines: Iterator[str] = (json.dumps(r, ensure_ascii=False) for r in loaded)
    else:
        lines = iter(handle)
    parsed = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    peeked: list[Record] = []
    for number, line in parsed:
        record = _json_object(line)
        peeked.append((number, record, line))
        if record is not None:
            break
    headers = list(dict.fromkeys(k for _, record, _ in peeked if record for k in record))
    if not headers:
        handle.close()
        raise InputFileError(f'{path}: no JSON object found; write one object per line, e.g. {{"name": ...}}')

    def records() -> Iterator[Record]:
        with handle:
            yield from peeked
            for number, line in parsed:
                yield number, _json_object(line), line

    return Table(path, headers, records(), encoding, handle.close)


def _json_object(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None
