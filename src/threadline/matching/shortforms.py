"""Short forms of a name: brands from the curated table and derived acronyms, scored as explained hits.

Spelling similarity cannot link "Hikvision" to 杭州海康威视数字技术股份有限公司 or "XPCC" to "Xinjiang Production
and Construction Corps"; these two sources of knowledge can. Each gives a hit with its own fixed score and a reason
a reviewer can check, or says the two names are *related* (two companies of one group, an agency and its bureau),
which keeps the pair below the match threshold whatever the spelling says.
"""

from __future__ import annotations

import re
from functools import lru_cache

from threadline.matching import acronyms
from threadline.matching.model import Hit, Query, list_side_adjustments
from threadline.model import Entity, Name
from threadline.names import brands
from threadline.names.brands import BrandName, brand_table, lookup_key

BRAND_SAME = 0.95
"""Two names the table gives for one legal entity (its Chinese and English legal names, its trade name)."""
BRAND_GROUP = 0.92
"""A group's brand ("Esquel") against the legal name of one of its companies: right party, maybe not the member."""
ACRONYM_BY_LETTERS = {2: 0.70, 3: 0.80, 4: 0.86}
"""A derived acronym's score by its length (0.90 from five letters). Other expansions share the letters, and the
fewer the letters the more of them: among the embedded lists' names and the listed Chinese companies, most
three-letter acronyms spell several parties, so they stay below the 0.85 threshold for review, four letters just
reach it and five or more are rarely ambiguous. Only the brand table can rule an expansion out."""
ACRONYM_LONG = 0.90
ACRONYM_SHARED_WORDS = 0.04
"""Added when the acronym's name has other words and the other name shares all of them ("XPCC Public Security
Bureau" vs "Xinjiang Production and Construction Corps Public Security Bureau"): more than the letters agree."""
ACRONYM_RELATED_STEP = 0.10
"""How far an acronym's *related* reading ("AAC Technologies" against "Ansar al Charia": the organisation plus more
words) stays below its reading as one party (:data:`ACRONYM_BY_LETTERS`), at most the related cap: both rest on the
same letters. An acronym long enough to reach the match threshold as one party (four letters: XPCC) gives a related
pair at the cap; a three-letter one, which as one party stays below the threshold because most three letters spell
several parties, gives it 0.70, below the cap (the supplier "AAC Technologies Holdings" is no unit of the listed
"Ansar al-Charia", nor "Samsung SDI" of "Soldados del Islam"). 0.10 is the step from the default threshold 0.85 to
the cap 0.75."""
KNOWN_ELSEWHERE = 0.60
"""An acronym the table knows for a different expansion of the same letters."""


def index_keys(name: str) -> frozenset[str]:
    """Candidate keys from both sources (``acr:xpcc``, ``ini:xpcc``, ``brand:hikvision``) a list name is indexed
    under."""
    return acronyms.index_keys(name) | brands.index_keys(name)


def query_keys(name: str) -> frozenset[str]:
    """The short-form keys a query looks up in the index (see :func:`threadline.matching.acronyms.query_keys`)."""
    return acronyms.query_keys(name) | brands.index_keys(name)


COVERS_MEMBERS = re.compile(r"\b(?:and|with|including)\s+(?:its\s+)?(?:subsidiaries|subordinates|affiliates)\b", re.I)
"""A list entry that names a party together with its subsidiaries (CBP's WROs do) covers the group's members."""


def short_form_hit(query: Query, name: Name, entity: Entity, related_cap: float) -> Hit | None:
    """The hit the brand table or an acronym gives for ``query`` against one list ``name``; ``None`` when neither
    applies. Persons are left alone (initials of a person are not an acronym of an organisation)."""
    if query.schema == "Person" or entity.schema == "Person":
        return None
    found = reading(query.name, name.value, related_cap)
    if found is None:
        return None
    score, text, feature, relation = found
    covers = COVERS_MEMBERS.search(name.value) if relation == "related" else None
    if covers:  # "Hoshine Silicon Industry Co. Ltd and Subsidiaries": the listing reaches the group's other companies
        score, relation = BRAND_GROUP, None
        text += f"; but the entry names {covers.group(0)!r} too: covered by the listing"
    label = "primary name" if name.kind == "primary" else f"{name.kind} name"
    parts = [f"name {query.name!r} ~ {label} {name.value!r}: {text}"]
    features: list[tuple[str, float]] = [(feature, score)]
    score = list_side_adjustments(score, name, query, entity, features, parts)
    return Hit(entity, max(0.0, min(1.0, score)), name, "; ".join(parts), tuple(features), relation)


def hit_reach(found: tuple[float, str, str, str | None], name: str) -> float:
    """The most :func:`short_form_hit` scores a list ``name`` whose :func:`reading` of the query is ``found``, known
    without the name's entry: the reading's score, or :data:`BRAND_GROUP` for a related reading of a listing that
    covers the group's members; the list side's adjustments only lower it."""
    return BRAND_GROUP if found[3] == "related" and COVERS_MEMBERS.search(name) else found[0]


@lru_cache(maxsize=4_096)
def reading(a: str, b: str, related_cap: float) -> tuple[float, str, str, str | None] | None:
    """What the brand table or else an acronym says of two names: ``(score, reason, feature, relation)``, or
    ``None`` when neither links them. The matcher asks before it reads a candidate's list entry (most candidates
    carrying one of the query's short-form keys are not linked to it), then :func:`short_form_hit` asks again:
    the pairs of the last few queries are remembered."""
    return _brand(a, b, related_cap) or _acronym(a, b, related_cap)


def _brand(a: str, b: str, related_cap: float) -> tuple[float, str, str, str | None] | None:
    table = brand_table()
    rows_a = table.resolve(a)
    if not rows_a:
        return None  # most queries: the table does not know the name, so no list name need be looked up
    rows_b = table.resolve(b)
    if not rows_b or lookup_key(a) == lookup_key(b):
        return None  # unknown, or one name written two ways: the ordinary comparison's job
    shared = sorted({r.brand for r in rows_a} & {r.brand for r in rows_b})
    if not shared:
        return None
    brand = shared[0]
    ents_a = {r.entity for r in rows_a if r.brand == brand}
    ents_b = {r.entity for r in rows_b if r.brand == brand}
    source = _sources(rows_a, rows_b, brand)
    same = (ents_a & ents_b) - {""}
    if same:
        entity = sorted(same)[0]
        return BRAND_SAME, f"brand table: both are names of {entity!r} ({source})", "brand_table", None
    if "" in ents_a or "" in ents_b:
        member = sorted((ents_a | ents_b) - {""})
        what = f"{member[0]!r}" if member else f"the {brand} group"
        return BRAND_GROUP, f"brand table: {brand} is the brand of {what} ({source})", "brand_table", None
    first, second = sorted(ents_a)[0], sorted(ents_b)[0]
    text = (
        f"brand table: {first!r} and {second!r} are different companies of the {brand} group ({source}); "
        f"related, not the same party"
    )
    return related_cap, text, "related", "related"


def _sources(rows_a: tuple[BrandName, ...], rows_b: tuple[BrandName, ...], brand: str) -> str:
    notes = dict.fromkeys(r.source for r in (*rows_a, *rows_b) if r.brand == brand)
    return "source: " + "; ".join(notes)


def _acronym(a: str, b: str, related_cap: float) -> tuple[float, str, str, str | None] | None:
    if not acronyms.may_spell(a, b) and not acronyms.may_spell(b, a):
        return None  # no acronym of either spells the other's words: all that follows would find none (most pairs)
    short, full = (a, b) if acronyms.acronym_tokens(a) else (b, a)
    expansion = acronyms.expand(short, full)
    if expansion is None and short is a and acronyms.acronym_tokens(b):
        short, full = b, a
        expansion = acronyms.expand(short, full)
    if expansion is None or expansion.outcome == "different":
        return None
    reading = f"{expansion.acronym} is the acronym of {expansion.expansion!r}"
    known = _known_elsewhere(expansion)
    if known and expansion.outcome == "related":
        return None  # another expansion altogether: not even related
    if expansion.outcome == "related":
        extra = " ".join(expansion.extra)
        text = f"{reading}; only one name has {extra!r}: an organisation and its unit are related, not the same party"
        score = min(related_cap, ACRONYM_BY_LETTERS.get(len(expansion.acronym), ACRONYM_LONG) - ACRONYM_RELATED_STEP)
        if score < related_cap:
            text += f"; {len(expansion.acronym)} letters spell several organisations: {score:.2f}"
        return round(score, 6), text, "related", "related"
    if known:
        text = f"{reading}, but the brand table knows {expansion.acronym} as {known!r}"
        return KNOWN_ELSEWHERE, text, "acronym", None
    score = ACRONYM_BY_LETTERS.get(len(expansion.acronym), ACRONYM_LONG)
    others = [w for w in acronyms.significant(short) if w != expansion.acronym.lower()]
    if others:
        score += ACRONYM_SHARED_WORDS
        reading += f" and both names have {' '.join(others)!r}"
    note = "other expansions of these letters exist" if score < ACRONYM_LONG else "other expansions are possible"
    return score, f"{reading} (derived from the initials; {note})", "acronym", None


def _known_elsewhere(expansion: acronyms.Expansion) -> str | None:
    """A Latin name the brand table gives for this acronym that spells the same letters but other words."""
    table = brand_table()
    rows = table.resolve(expansion.acronym)
    if not rows:
        return None
    letters = expansion.acronym.lower()
    words = set(acronyms.significant(expansion.expansion))
    other = None
    for row in table.members.get(rows[0].brand, ()):
        if row.script == "latin" and letters in acronyms.derive(row.name):
            run = acronyms.expand(expansion.acronym, row.name)
            known = set(acronyms.significant(run.expansion)) if run else set()
            if known == words:
                return None
            other = other or row.name
    return other
