"""Evidence links kept in the database: stored once per mention, attached to their list entry, shown with the hit
in every later screen and in the review queue."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from threadline import service
from threadline.review import api

ARTICLE = Path(__file__).resolve().parent.parent / "evidence" / "fixtures" / "en_xinjiang.txt"
XPCC = "xinjiang-production-and-construction-corps"


def test_stored_evidence_is_shown_with_later_hits_on_the_same_entry(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], tmp_path: Path
) -> None:
    use_lists(snapshots[0])
    first = service.evidence_documents([ARTICLE], io.StringIO())
    assert first.stored > 0
    assert service.evidence_documents([ARTICLE], io.StringIO()).stored == 0  # the same mentions, not again
    assert [row.action for row in api.audit_rows(action="evidence-add")] == ["evidence-add"]

    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("supplier_id,name,country\nX1,Xinjiang Production and Construction Corps,China\n", "utf-8")
    run = service.ScreenRun(suppliers, {})
    out = io.StringIO()
    run.execute(out)
    (row,) = [json.loads(line) for line in out.getvalue().splitlines()]
    xpcc = next(hit for hit in row["hits"] if hit["entry_id"] == XPCC)
    assert xpcc["evidence"], "the stored article should be shown with the hit"
    assert xpcc["evidence"][0]["text"].startswith("mentioned in ")
    assert "Corps" in xpcc["evidence"][0]["quote"]
    (item,) = [i for i in api.queue(run.run_id) if i.hit.entry_id == XPCC]
    assert item.to_dict()["evidence"] == xpcc["evidence"]
