"""Detect the text encoding of an input file: BOMs first, then strict UTF-8, then charset detection.

Chinese files saved by Excel or WPS are often GBK; GB18030 is its superset, so any GB-family guess decodes as
GB18030.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from threadline.exc import InputFileError

SAMPLE_BYTES = 1 << 20
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gbk", "gb2312", "gb18030", "hz", "cp936"}


def _utf8_prefix_ok(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is still UTF-8.
        return error.start >= len(sample) - 3 and error.reason == "unexpected end of data"
    return True


def detect_encoding(path: Path) -> str:
    """Return a Python codec name that decodes ``path``; raise :class:`InputFileError` when none does."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if _utf8_prefix_ok(sample):
        return "utf-8"
    best = from_bytes(sample).best()
    if best is None:
        raise InputFileError(
            f"{path}: cannot tell the text encoding; save it as UTF-8 (Excel: 'CSV UTF-8') and try again"
        )
    encoding = best.encoding.lower().replace("_", "")
    return "gb18030" if encoding in _GB_FAMILY else best.encoding
