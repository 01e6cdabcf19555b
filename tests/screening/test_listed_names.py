"""Real listed names, written the way supplier masters write them, find their own list entries."""

from __future__ import annotations

import pytest

from threadline.matching.model import Query
from threadline.names.normalize import name_key
from threadline.service import default_matcher, default_store
from threadline.settings import match_threshold


def _targets(source: str, program: str | None = None) -> list[tuple[str, str]]:
    return [
        (e.entry_id, e.caption)
        for e in default_store().entities
        if e.source == source and (program is None or program in e.programs) and not e.extra.get("no_name")
    ]


@pytest.mark.parametrize(
    ("source", "program"), [("us-uflpa", None), ("ofac-sdn", "GLOMAG"), ("uk", "Global Human Rights")]
)
def test_upper_case_names_without_legal_forms_find_their_entries(source: str, program: str | None) -> None:
    matcher, threshold = default_matcher(), match_threshold()
    targets = _targets(source, program)
    missed = []
    for entry_id, caption in targets:
        written = name_key(caption).core.upper()
        hits = matcher.match(Query(written), limit=50, threshold=threshold)
        if not any(h.entity.source == source and h.entity.entry_id == entry_id for h in hits):
            missed.append((entry_id, written))
    recall = 1 - len(missed) / len(targets)
    assert recall >= 0.99, missed[:10]
