"""What the exchanges' filed names (:mod:`threadline.names.listed`) say about a hit, for and against.

For: a name the query's company filed in the other script is one more form to match (航天信息 is filed as
"Aisino"), and a hit found through it says so (:func:`via_listing`); a list name the company filed settles that a
"Group" one side lacks is not a second party (:func:`filed`).

Against: when the query and the matched list name were each filed by a listed company, and not by the same one,
they are two companies, however alike the names read (珠海中富实业 and "Henan Zhongfu Industrial" share a trade
name and an industry; the exchanges list them under two stock codes). :func:`apart` caps such a hit below every
threshold and says why. The companies of a group stay ``related`` when the names said so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from threadline.matching.model import Hit, Query
from threadline.model import Name
from threadline.names.brands import lookup_key
from threadline.names.listed import Listing, filer

APART_CAP = 0.5
"""The highest score of a hit whose two names two different listed companies filed: below the match floor of
``threadline match`` (0.7), so such a pair is not shown as a candidate at all."""


def filed(listed: Sequence[Listing], names: Sequence[Name]) -> bool:
    """Whether one of ``names`` is, up to case, punctuation and legal form, a name the company filed with its
    exchange: then the listing says the two are the same company, whatever "Group" one of them lacks."""
    keys = {listing.key for listing in listed}
    return any(lookup_key(name.value) in keys for name in names)


def via_listing(query: Query, listing: Listing, hit: Hit) -> Hit:
    """A hit found through another name the company filed with its exchange, saying so."""
    said = f"{query.name!r} is listed as {listing.name!r} ({listing.describe()}); {hit.explanation}"
    return replace(hit, explanation=said, features=(("listed_name", 1.0), *hit.features))


def apart(query: Query, hits: Sequence[Hit], hold_out: bool | None = None) -> list[Hit]:
    """``hits`` with each capped at :data:`APART_CAP` when the query's name and the matched name were filed by two
    different listed companies and no name of the list entry was filed by the query's company. ``hold_out``: the
    listing table's setting, when the caller has read it (see :func:`~threadline.names.listed.counterparts`)."""
    ours = filer(query.name, hold_out) if any(hit.score > APART_CAP for hit in hits) else None
    if ours is None:
        return list(hits)
    return [_apart(query, ours, hit, hold_out) for hit in hits]


def _apart(query: Query, ours: Listing, hit: Hit, hold_out: bool | None) -> Hit:
    theirs = filer(hit.matched_name.value, hold_out) if hit.score > APART_CAP else None
    if theirs is None or theirs.code == ours.code:
        return hit
    names = hit.entity.names
    if any((other := filer(name.value, hold_out)) is not None and other.code == ours.code for name in names):
        return hit
    said = (
        f"{hit.explanation}; but the exchanges list {hit.matched_name.value!r} as another company's name "
        f"({theirs.describe()}), not that of {query.name!r} ({ours.describe()}): capped at {APART_CAP}"
    )
    return replace(hit, score=APART_CAP, explanation=said, features=(*hit.features, ("filed_apart", APART_CAP)))
