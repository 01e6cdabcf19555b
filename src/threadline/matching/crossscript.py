"""Chinese names against Latin-script names: candidate keys and scores, built on :mod:`threadline.matching.align`.

A name is treated as Chinese when it has Han characters. Its legal form is dropped (有限公司 ...), its characters
are folded to simplified, and it is aligned with the other name's Latin words by pinyin and the term glossary.
"""

from __future__ import annotations

from functools import lru_cache

from threadline.matching.align import Alignment, align
from threadline.names.glossary import glossary
from threadline.names.han import han_only, readings, strip_legal_form
from threadline.names.normalize import NameKey, has_han


@lru_cache(maxsize=200_000)
def han_core(name: str) -> str:
    """The simplified Han characters of a name without its legal form; ``""`` for names with no Han."""
    if not has_han(name):
        return ""
    core, _form = strip_legal_form(han_only(name))
    return core


def han_block_keys(han: str) -> set[str]:
    """Latin words a matching Latin name may contain: pinyin of 1-3 character spans, glossary translations."""
    spelled = [r[0] for r in readings(han)]
    keys = {"".join(spelled[i : i + k]) for k in (1, 2, 3) for i in range(len(spelled) - k + 1)}
    terms = glossary()
    for i in range(len(han)):
        for k in range(1, min(6, len(han) - i) + 1):
            for phrase in terms.get(han[i : i + k], ()):
                keys.update(phrase)
    return {k for k in keys if len(k) >= 2}


def cross_align(query: NameKey, other: NameKey, person: bool) -> Alignment | None:
    """Align whichever of the two names is Chinese with the other's Latin words; ``None`` if not a cross pair."""
    q_han, o_han = han_core(query.original), han_core(other.original)
    if bool(q_han) == bool(o_han):
        return None
    han, latin_key = (q_han, other) if q_han else (o_han, query)
    words = tuple(latin_key.latin.split())
    if not words or not latin_key.latin.isascii():
        return None
    return align(han, words, glossary(), any_order=person)
