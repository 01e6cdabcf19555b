"""The transcribed-persons slices of bench_pairs.py: non-Han persons' names in Chinese characters (艾尔肯·吐尼亚孜)
against their Latin spellings (Erkin Tuniyaz, "TUNIYAZ, Erken", Arkin Tuniyazi), and hard negatives.

The pairs are in ``data/transcribed_persons.csv`` (its header says where each comes from: OFAC SDN entries, or
names and spellings from memory, kept to names the author was certain of). They are split by person, with a fixed
seed, into a part that session 22 tuned :mod:`threadline.names.transcribed` on (``transcribed-persons-tuned``) and a
held-out part only scored (``transcribed-persons-held-out``): a person's pairs, positives and negatives, are all in
one part. The persons the matcher had already been probed with before session 22 (its tests, the task that asked for
this slice: Rahile Dawut, Ismail Tiliwaldi ...) are in the tuned part whatever the hash says (:data:`SEEN`), so the
held-out part holds only names no session had looked at. The held-out part must not be tuned on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pair_records import labelled_pair

from threadline.commented_csv import read_rows

DATA = Path(__file__).parent / "data" / "transcribed_persons.csv"
SEED = "20261202"
SEEN = frozenset(
    {"zakir-shohrat", "tuniyaz-erkin", "bekri-nur", "dawamat-tomur", "tohti-ilham", "dawut-rahile", "tiliwaldi-ismail"}
)
"""Persons probed before session 22 (tests/names/test_transcribed.py, the session's task): always in the tuned part."""


def held_out(person: str) -> bool:
    """Whether ``person``'s pairs are in the held-out part: about half of the persons not :data:`SEEN`, by a seeded
    hash."""
    return person not in SEEN and hashlib.sha256(f"{SEED}:{person}".encode()).digest()[0] % 2 == 1


def _rows(path: Path = DATA) -> list[dict[str, str]]:
    rows = read_rows(path)
    for number, row in enumerate(rows, start=1):
        if row["label"] not in ("true", "false"):
            raise ValueError(f"{path}: row {number} after the header: label {row['label']!r}: write true or false")
    return rows


def transcribed_persons(held: bool) -> list[dict[str, object]]:
    """The labelled pairs of the held-out part (``held``) or of the tuned part."""
    part = "ho" if held else "tu"
    return [
        labelled_pair(f"tp-{part}-{i}", row["han"], row["latin"], row["label"] == "true", "Person")
        | {"note": f"{row['person']}: {row['source']}"}
        for i, row in enumerate(r for r in _rows() if held_out(r["person"]) == held)
    ]
