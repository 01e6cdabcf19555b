"""Registration and other identifiers as match evidence: normalise, validate, compare, adjust a name hit.

Lists carry identifiers under many labels (OFAC "Tax ID No.", EU "regnumber", FtM ``registrationNumber``...). Each
label is mapped to a *kind*; values are compared only within a kind (a passport number never meets a tax number),
after folding case, spaces and punctuation. Four kinds have a check digit or fixed format and identify exactly one
party for life: the Chinese Unified Social Credit Code (USCC), the LEI, the IMO ship number and SWIFT/BIC. Two
valid codes of one of these kinds that differ are a *conflict*: different parties, or a data error worth a look.
Other kinds (company and tax numbers of many registries) only ever count *for* a match: a party can hold several,
from registries the other side does not know, so a difference proves nothing.

A registration number or tax id that validates as a USCC or an LEI is treated as one (Chinese suppliers write their
USCC in a "registration number" column). A code that fails its check digit is reported, never used as a conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from stdnum import bic, imo, lei
from stdnum.cn import uscc

from threadline.matching.model import Hit, Query
from threadline.model import Entity, Identifier, Name

CHECKED = ("uscc", "lei", "imo", "bic")
"""Kinds with a check digit or fixed format, one per party."""
_KINDS: dict[str, tuple[str, ...]] = {
    "uscc": ("uscc", "unifiedsocialcreditcode", "unifiedsocialcreditcodeuscc", "socialcreditcode", "unssn"),
    "lei": ("lei", "leicode", "legalentitynumber", "legalentityidentifier"),
    "imo": ("imo", "imonumber", "vesselregistrationidentification"),
    "bic": ("bic", "swift", "swiftbic", "swiftbiccode", "swiftcode"),
    "registration": (
        "registrationnumber",
        "registrationid",
        "registrationno",
        "businessregistrationnumber",
        "publicregistrationnumber",
        "companynumber",
        "regnumber",
        "crno",
        "tradelicenseno",
        "ogrn",
        "ogrncode",
        "registration",
    ),
    "tax": (
        "taxidno",
        "taxid",
        "taxnumber",
        "fiscalcode",
        "nit",
        "ruc",
        "rfc",
        "cuit",
        "vatnumber",
        "euvat",
        "vatcode",
        "inn",
        "inncode",
    ),
    "national_id": (
        "idnumber",
        "nationalidno",
        "nationalidentificationnumber",
        "nationalid",
        "citizenscardnumber",
        "personalidcard",
        "cedulano",
    ),
    "passport": ("passport", "passportnumber", "passportno"),
    "duns": ("dunsnumber", "duns"),
}
_KIND_OF = {label: kind for kind, labels in _KINDS.items() for label in labels}
_COMPANY_NUMBERS = frozenset({"registration", "tax"})
"""Kinds whose equal values still count across kinds: registries reuse one number as company and tax id."""
MIN_UNCHECKED = 5
"""Shorter unchecked values ("044", "1000") are too common to count."""
CHECKED_WEIGHT = 0.75
"""A checked match closes this share of the gap to 1 and lifts the score to at least :data:`CHECKED_FLOOR`."""
CHECKED_FLOOR = 0.90
UNCHECKED_WEIGHT = 0.5
CONFLICT_FACTOR = 0.8
"""A conflict moves even an identical name (1.0) out of the automatic match region into review (0.8), rather
than hiding it: the list entry or the supplier file may hold a mistyped code."""
_PAREN = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[^0-9a-z]")


@dataclass(frozen=True, slots=True)
class Code:
    """One identifier, folded and classified."""

    kind: str
    value: str
    """Folded: lower case, letters and digits only."""
    shown: str
    """As written, for explanations."""
    valid: bool | None
    """Check digit result for checked kinds; ``None`` where there is nothing to check."""


def kind_of(label: str) -> str | None:
    """The kind of an identifier label (``Tax ID No.`` -> ``tax``); ``None`` for labels that are not identifiers
    (websites, dates, sanctions directives)."""
    return _KIND_OF.get(_NON_ALNUM.sub("", label.casefold()))


def _fold(value: str) -> str:
    value = _PAREN.sub(" ", value)
    words = value.split()
    if len(words) > 2:  # "Russian foreign travel passport number 515458008": keep the parts with digits
        words = [w for w in words if any(c.isdigit() for c in w)] or words
    return _NON_ALNUM.sub("", " ".join(words).casefold())


def _valid(kind: str, value: str) -> bool | None:
    if kind == "uscc":
        return bool(uscc.is_valid(value.upper()))
    if kind == "lei":
        return bool(lei.is_valid(value.upper()))
    if kind == "imo":
        return bool(imo.is_valid(value))
    if kind == "bic":
        return bool(bic.is_valid(value.upper()))
    return None


def code(label: str, value: str) -> Code | None:
    """Classify and fold one identifier; ``None`` when the label is not an identifier or nothing is left."""
    kind = kind_of(label)
    if kind is None:
        return None
    folded = _fold(value)
    if kind == "imo" and folded.startswith("imo"):
        folded = folded[3:]
    if not folded:
        return None
    if kind in ("registration", "tax", "uscc") and len(folded) == 18 and uscc.is_valid(folded.upper()):
        kind = "uscc"
    elif kind in ("registration", "tax", "lei") and len(folded) == 20 and lei.is_valid(folded.upper()):
        kind = "lei"
    return Code(kind, folded, value.strip(), _valid(kind, folded))


def codes(identifiers: Iterable[Identifier]) -> list[Code]:
    return [c for c in (code(i.type, i.value) for i in identifiers) if c is not None]


def _label(kind: str) -> str:
    return {"uscc": "USCC", "lei": "LEI", "imo": "IMO number", "bic": "SWIFT/BIC"}.get(kind, kind.replace("_", " "))


def _same(a: Code, b: Code) -> bool:
    if a.kind == "bic" and b.kind == "bic":
        return a.value[:8] == b.value[:8]  # the 3-letter branch suffix is optional
    return a.value == b.value


def _compatible(a: Code, b: Code) -> bool:
    return a.kind == b.kind or {a.kind, b.kind} <= _COMPANY_NUMBERS


@dataclass(frozen=True, slots=True)
class Evidence:
    matched: tuple[tuple[Code, Code], ...] = ()
    conflicts: tuple[tuple[Code, Code], ...] = ()
    invalid: tuple[Code, ...] = ()

    @property
    def strong(self) -> bool:
        """A checked identifier, valid on both sides, is equal."""
        return any(q.kind in CHECKED and q.valid and e.valid for q, e in self.matched)


def compare(query: Sequence[Code], entity: Sequence[Code]) -> Evidence:
    """What the two sides' identifiers say. A checked kind that matches once is not also a conflict (a bank can
    have two BICs, a list can carry an old and a new code)."""
    matched = [
        (q, e)
        for q in query
        for e in entity
        if _compatible(q, e) and _same(q, e) and (q.kind in CHECKED or len(q.value) >= MIN_UNCHECKED)
    ]
    matched_kinds = {q.kind for q, _e in matched}
    conflicts = []
    for q in query:
        if q.kind not in CHECKED or not q.valid or q.kind in matched_kinds:
            continue
        for e in entity:
            if e.kind == q.kind and e.valid and not _same(q, e):
                if q.kind == "bic" and q.value[:4] == e.value[:4]:
                    continue  # one bank, another country or branch code
                conflicts.append((q, e))
                break
    invalid = [c for c in [*query, *entity] if c.valid is False]
    return Evidence(tuple(matched), tuple(conflicts), tuple(dict.fromkeys(invalid)))


def adjust(hit: Hit | None, query: Query, entity: Entity) -> Hit | None:
    """``hit`` with the identifiers' evidence applied; a hit built from identifiers alone when the names gave none
    and a checked identifier matches. Unchanged when neither side has a comparable identifier."""
    if not query.identifiers:
        return hit
    evidence = compare(codes(query.identifiers), codes(entity.identifiers))
    if not (evidence.matched or evidence.conflicts or evidence.invalid):
        return hit
    if hit is None:
        if not evidence.strong:
            return None
        hit = Hit(entity, 0.0, _shown_name(entity), "names not comparable", ())
    score, relation = hit.score, hit.relation
    parts, features = [hit.explanation], list(hit.features)
    if evidence.matched:
        q, e = evidence.matched[0]
        if evidence.strong:
            q, e = next((q, e) for q, e in evidence.matched if q.kind in CHECKED and q.valid and e.valid)
            score = max(score + (1.0 - score) * CHECKED_WEIGHT, CHECKED_FLOOR)
            relation = None  # one code, one party: not merely related
            features.append(("identifier_match", score))
        else:
            score += (1.0 - score) * UNCHECKED_WEIGHT
            features.append(("identifier_match_unchecked", score))
        parts.append(
            f"{_label(q.kind)} {q.shown!r} matches the entry's {_label(e.kind)} {e.shown!r}: raised to {score:.2f}"
        )
    elif evidence.conflicts:
        q, e = evidence.conflicts[0]
        score *= CONFLICT_FACTOR
        features.append(("identifier_conflict", CONFLICT_FACTOR))
        parts.append(
            f"{_label(q.kind)} {q.shown!r} differs from the entry's {e.shown!r} (both valid): "
            f"likely a different party x{CONFLICT_FACTOR}"
        )
    for bad in evidence.invalid:
        parts.append(f"{_label(bad.kind)} {bad.shown!r} fails its check digit: not used against the match")
    return replace(
        hit, score=max(0.0, min(1.0, score)), explanation="; ".join(parts), features=tuple(features), relation=relation
    )


def _shown_name(entity: Entity) -> Name:
    return next((n for n in entity.names if n.kind == "primary"), entity.names[0])


class IdentifierIndex:
    """Valid checked codes of every entity, so an exact USCC, LEI, IMO number or BIC finds its entry by itself."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        postings: dict[tuple[str, str], list[int]] = defaultdict(list)
        for position, entity in enumerate(entities):
            for c in codes(entity.identifiers):
                if c.kind in CHECKED and c.valid:
                    postings[(c.kind, c.value[:8] if c.kind == "bic" else c.value)].append(position)
        self._postings = dict(postings)

    def lookup(self, identifiers: Iterable[Identifier]) -> list[int]:
        """Positions of the entities sharing a valid checked code with ``identifiers``."""
        found: dict[int, None] = {}
        for c in codes(identifiers):
            if c.kind in CHECKED and c.valid:
                for position in self._postings.get((c.kind, c.value[:8] if c.kind == "bic" else c.value), ()):
                    found[position] = None
        return list(found)


def with_identifiers(query: Query, hits: list[Hit], index: IdentifierIndex, entities: Sequence[Entity]) -> list[Hit]:
    """Name hits adjusted by the query's identifiers, plus the entries an exact valid checked code finds whose
    names gave no hit (a renamed company keeps its USCC)."""
    adjusted = [h for h in (adjust(hit, query, hit.entity) for hit in hits) if h is not None]
    seen = {(h.entity.source, h.entity.entry_id) for h in adjusted}
    for position in index.lookup(query.identifiers):
        entity = entities[position]
        if (entity.source, entity.entry_id) not in seen:
            found = adjust(None, query, entity)
            if found is not None:
                adjusted.append(found)
                seen.add((entity.source, entity.entry_id))
    return adjusted


PAIR_FIELDS = (
    "registrationNumber",
    "taxNumber",
    "leiCode",
    "idNumber",
    "innCode",
    "ogrnCode",
    "imoNumber",
    "swiftBic",
    "vatCode",
    "uscc",
)
"""FtM properties read as identifiers from a labelled pairs file (``uscc`` is not FtM; files written by hand use it)."""


def row_identifiers(registration_id: str | None) -> tuple[Identifier, ...]:
    """The identifier of a screened row's registration column (a USCC or LEI is recognised by its check digits)."""
    return (Identifier("registrationNumber", registration_id),) if registration_id and registration_id.strip() else ()


def query_identifiers(properties: dict[str, object], fields: Iterable[str]) -> tuple[Identifier, ...]:
    """Identifiers from FtM-style ``properties`` (``{"registrationNumber": ["..."]}``) for the given fields."""
    out: list[Identifier] = []
    for field in fields:
        values = properties.get(field)
        if not values:  # most records carry no identifier at all
            continue
        if isinstance(values, str):
            values = [values]
        if isinstance(values, list):
            out.extend(Identifier(field, str(v)) for v in values if str(v).strip())
    return tuple(out)
