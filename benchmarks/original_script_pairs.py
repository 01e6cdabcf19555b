"""Persons on the UN Security Council list whose names the list also gives in their original script (Arabic for
nearly all, a few Cyrillic): the original-script name against the list's own Latin name (positives), and against
the Latin name of another listed person who shares a name part with it, else any other (hard negatives: AL-TIKRITI,
MUHAMMAD and the like are shared by many). Real data. Not a held-out set: the consonant comparison of Arabic script
(threadline.names.abjad) was written on a handful of other names, then adjusted once after reading this slice's
misses (session 16: recall 0.78 -> 0.88 at precision 0.99): names written joined with an article inside (عبدالحليم),
parts split or joined differently (Nur al-Din = "Noureddine"), letters Latin spellings mix up (ظ "z" or "dh", Latin c
for k or s).

Used by bench_pairs.py (slice "original-script-persons").
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

from pair_records import labelled_pair

PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
SMALL_WORDS = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "bint", "ould"})
SEED = 20261201


def _people(data: Path) -> list[tuple[str, str, str]]:
    """``(reference number, original-script name, Latin name)`` of every listed individual that has both."""
    folder = data / "un-sc-consolidated"
    path = sorted(folder.glob("consolidated_*.xml"))[-1]
    out = []
    for person in ET.parse(path).getroot().iter("INDIVIDUAL"):
        original = (person.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        latin = " ".join(p for p in ((person.findtext(k) or "").strip() for k in PARTS) if p)
        if original and latin:
            out.append((person.findtext("REFERENCE_NUMBER") or "", original, latin))
    return out


def _words(latin: str) -> set[str]:
    return {w for w in latin.lower().replace("-", " ").split() if w not in SMALL_WORDS and len(w) > 2}


def original_script_persons(data: Path) -> list[dict[str, object]]:
    people = _people(data)
    rng = random.Random(SEED)
    pairs: list[dict[str, object]] = []
    for i, (ref, original, latin) in enumerate(people):
        pairs.append(_pair(f"os-pos-{i}", original, latin, True, ref))
        mine = _words(latin)
        sharing = [p for p in people if p[2] != latin and mine & _words(p[2])]
        other = rng.choice(sharing or [p for p in people if p[2] != latin])
        pairs.append(_pair(f"os-neg-{i}", original, other[2], False, ref))
    return pairs


def _pair(pid: str, left: str, right: str, label: bool, ref: str) -> dict[str, object]:
    return labelled_pair(pid, left, right, label, "Person") | {"note": f"UN reference {ref}"}
