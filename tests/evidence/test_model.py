from __future__ import annotations

import json

from threadline.evidence.attach import attach, evidence_for, read_links
from threadline.evidence.model import Link, render

LINK = Link(
    file="report.pdf",
    mention="Chen Quanguo",
    start=10,
    end=22,
    source="ofac-sdn",
    entry_id="29220",
    name="CHEN, Quanguo",
    score=0.98,
    reason="primary name",
    quote="Former party secretary Chen Quanguo was designated.",
    schema="Person",
    page=3,
    title="An NGO report",
    date="2024-03-14",
    doc_sha256="a" * 64,
)


def test_a_link_round_trips_through_json_with_the_contract_fields() -> None:
    data = json.loads(json.dumps(LINK.to_dict()))
    assert {"file", "mention", "start", "end", "source", "entry_id", "name", "score"} <= data.keys()
    assert {"page", "quote", "title", "date", "doc_sha256", "reason"} <= data.keys()
    assert Link.from_dict(data) == LINK


def test_render_reads_like_a_citation() -> None:
    assert render(LINK) == (
        "mentioned in An NGO report (p. 3), 2024-03-14: Former party secretary Chen Quanguo was designated."
    )
    untitled = Link.from_dict({**LINK.to_dict(), "title": None, "date": None, "page": None})
    assert render(untitled) == "mentioned in report.pdf, undated: Former party secretary Chen Quanguo was designated."


def test_hits_of_linked_entries_carry_their_evidence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "links.jsonl"
    place = {**LINK.to_dict(), "kind": "place", "source": "xinjiang-gazetteer", "entry_id": "650000"}
    path.write_text(json.dumps(LINK.to_dict()) + "\n" + json.dumps(place) + "\n", encoding="utf-8")
    index = read_links(path)
    assert list(index) == [("ofac-sdn", "29220")]
    record = {"hits": [{"source": "ofac-sdn", "entry_id": "29220"}, {"source": "uk", "entry_id": "GHR0078"}]}
    attach(record, index)
    assert record["hits"][0]["evidence"][0]["text"].startswith("mentioned in An NGO report (p. 3), 2024-03-14:")
    assert "evidence" not in record["hits"][1]
    assert evidence_for("uk", "GHR0078", index) == []
