"""The forms under which a document may name a list entry, derived from every name of every entity.

For a name as listed this gives its search key (:func:`threadline.evidence.text.key`), and where they apply:
the name without a bracketed part and the acronym in the brackets ("... Corps (XPCC)"), the name without a trailing
legal form or list qualifier ("Co., Ltd. and subsidiaries"), a person's other name order ("CHEN, Quanguo" ->
"quanguo chen"; "HLAING MIN AUNG" -> "min aung hlaing"), the pinyin of a Chinese person's name written together
(found in Chinese text by the sound of its characters), and names listed in Chinese characters as characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from threadline.evidence.text import key
from threadline.model import Entity, Name
from threadline.model.countries import to_iso2
from threadline.names.han import han_only, pinyin_syllables
from threadline.names.normalize import has_han

_BRACKETED = re.compile(r"\s*[(（\[]([^)）\]]*)[)）\]]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_TRAILING = re.compile(
    r"(?:\s+(?:and|&|including)\s+(?:its\s+)?(?:subsidiaries|subordinate.*|affiliates.*|subordinates))$"
    r"|(?:\s+(?:co|company|ltd|limited|inc|incorporated|llc|plc|jsc|pjsc|ojsc|cjsc|gmbh|ag|sa|srl|bv|pte|pvt|"
    r"public company|joint stock company|corp))$"
)
MIN_KEY = 2


@dataclass(frozen=True, slots=True)
class Form:
    """One searchable form of one list name."""

    entity: int
    """Index of the entity in the indexed sequence."""
    name: Name
    key: str
    variant: str
    """``as listed``, ``without brackets``, ``acronym``, ``without legal form``, ``reordered``, ``pinyin`` (a
    Latin name searched by the sound of Chinese characters) or ``characters`` (a name listed in Chinese)."""

    @property
    def script(self) -> str:
        return {"pinyin": "pinyin", "characters": "han"}.get(self.variant, "latin")


@lru_cache(maxsize=100_000)
def syllable_count(word: str) -> int:
    """How many pinyin syllables ``word`` splits into (fewest), or 0 when it is not pinyin ("hlaing")."""
    syllables = pinyin_syllables()
    best = [0] + [-1] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] >= 0 and word[start:end] in syllables:
                count = best[start] + 1
                if best[end] < 0 or count < best[end]:
                    best[end] = count
    return max(best[len(word)], 0)


def forms(index: int, entity: Entity) -> Iterator[Form]:
    """Every searchable form of ``entity``'s names, each key once."""
    seen: set[str] = set()
    for name in entity.names:
        for variant, value in _variants(name.value, entity.schema == "Person"):
            if value in seen or len(value.replace(" ", "")) < MIN_KEY:
                continue
            seen.add(value)
            yield Form(index, name, value, variant)


def _variants(value: str, person: bool) -> Iterator[tuple[str, str]]:
    if has_han(value):
        han = han_only(value)
        if len(han) >= 2 and not re.search(r"[A-Za-z]", value):
            yield "characters", han
        return
    listed = key(value)
    if not person:
        if not _BRACKETED.search(value):  # a bracketed part is searched apart (the acronym) or left out
            yield ("acronym" if _ACRONYM.match(value.strip()) else "as listed"), listed
        yield from _org_variants(value)
        return
    words = listed.split()
    if len(words) < 2:
        return  # a one-word person name ("Said") names too many people to be looked for at all
    yield "as listed", listed
    if "," in value:
        family, _comma, given = value.partition(",")
        yield "reordered", key(f"{given} {family}")
    elif len(words) >= 2:
        yield "reordered", " ".join([*words[1:], words[0]])
        yield "reordered", " ".join([words[-1], *words[:-1]])
    if 2 <= len(words) <= 3 and all(syllable_count(w) for w in words):
        total = sum(syllable_count(w) for w in words)
        if 2 <= total <= 4:
            ordered = [key(value.partition(",")[0]), key(value.partition(",")[2])] if "," in value else words
            ordered = [w for w in ordered if w]
            yield "pinyin", "".join(ordered)
            yield "pinyin", "".join(reversed(ordered))


def _is_acronym(bracketed: str) -> bool:
    """ "XPCC" in "... Corps (XPCC)" is the name's acronym; "(U.K.)" or "(HK)" only says where the company is, and
    two letters alone name too many things to be looked for."""
    text = bracketed.strip()
    letters = re.sub(r"[^A-Z0-9]", "", text)
    return bool(_ACRONYM.match(text)) and len(letters) >= 3 and to_iso2(text) is None


def _org_variants(value: str) -> Iterator[tuple[str, str]]:
    bracketed = _BRACKETED.findall(value)
    plain = _BRACKETED.sub(" ", value)
    if bracketed:
        yield "without brackets", key(plain)
    matches = list(_BRACKETED.finditer(value))
    last = matches[-1] if matches else None
    after = key(value[last.end() :]) if last else ""
    if last and _is_acronym(last.group(1)) and not _TRAILING.sub("", f" {after}").strip():
        yield "acronym", key(last.group(1))  # "... Corps (XPCC)", not "... Corps (XPCC) Public Security Bureau"
    stripped = key(plain)
    while True:
        shorter = _TRAILING.sub("", stripped).strip()
        if shorter == stripped:
            break
        stripped = shorter
    if len(stripped.split()) >= 2:
        yield "without legal form", stripped


def all_forms(entities: Sequence[Entity]) -> Iterator[Form]:
    for index, entity in enumerate(entities):
        if entity.extra.get("no_name"):
            continue
        yield from forms(index, entity)
