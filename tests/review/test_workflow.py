"""The review workflow end to end, on SQLite and on PostgreSQL: a run, decisions, a list update with a small diff,
and a re-screen in which only affected hits come back, dismissed ones stay dismissed and the audit shows it all."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.review.conftest import ADDED, CHANGED, REMOVED
from threadline import service
from threadline.review import api
from threadline.service import ScreenRun


def _screen(path: Path, record: bool = True) -> tuple[str | None, dict[str, dict[str, Any]]]:
    run = ScreenRun(path, {})
    out = io.StringIO()
    run.execute(out, record=record)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    return run.run_id, {r["input"]["record_id"]: r for r in rows}


def _hit_id(run_id: str, record_id: str, entry_id: str) -> int:
    for item in api.queue(run_id, include_decided=True):
        if item.record.get("record_id") == record_id and item.hit.entry_id == entry_id:
            return item.hit.id
    raise AssertionError(f"no hit {record_id} -> {entry_id}")


def test_decisions_stick_and_rescreen_brings_back_only_what_the_list_update_touched(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    before, after = snapshots
    use_lists(before)
    first, rows = _screen(suppliers)
    assert first is not None
    assert rows["V001"]["risk"] == rows["V002"]["risk"] == rows["V009"]["risk"] == "listed"

    api.decide(_hit_id(first, "V002", CHANGED), "match", "same company, same address in Shanshan")
    api.decide(_hit_id(first, "V009", "huafu-fashion-co-ltd"), "no_match", "Brazilian boutique, not the Huafu group")
    api.decide(_hit_id(first, "V001", REMOVED), "unsure", "need the registration number")

    # The same lists again: decisions apply, the dismissed row is no longer 'listed', nothing is left to review
    # but the 'unsure' hit... which is decided too; only V003 and V007 were never looked at.
    second, rows = _screen(suppliers)
    assert second is not None
    assert rows["V009"]["risk"] == "sector"
    assert rows["V009"]["hits"][0]["review"]["status"] == "decided"
    assert rows["V002"]["hits"][0]["review"]["decision"] == "match"
    open_hits = {(i.record["record_id"], i.status.status) for i in api.queue(second)}
    assert open_hits == {("V003", "open"), ("V007", "open")}

    # The list update: Zhongtai removed, Hoshine given a new alias, an invented 'Acme Cotton Spinning' added.
    use_lists(after)
    result = api.rescreen_latest(service.default_store())
    assert result.base_id == second
    diff = result.summary()["lists"]
    assert diff == [
        {"source": "us-uflpa", "from": diff[0]["from"], "to": "2026-12-01", "added": 1, "removed": 1, "changed": 1}
    ]
    assert [(c["name"], c["hit"]["entry_id"]) for c in result.new] == [("Acme Cotton Spinning Co Ltd", ADDED)]
    assert [(c["name"], c["hit"]["entry_id"]) for c in result.resolved] == [
        ("Xinjiang Zhongtai Chemical Co Ltd", REMOVED)
    ]
    assert [c["hit"]["entry_id"] for c in result.changed] == [CHANGED]
    assert result.rows_changed == 3

    # The confirmed match on the changed entry comes back for review, saying what changed; the dismissal stays.
    queue = {i.record["record_id"]: i for i in api.queue(result.run_id)}
    assert queue["V002"].status.status == "changed"
    assert "names" in queue["V002"].status.changed["entry"]
    assert queue["V004"].status.status == "open"
    assert "V009" not in queue

    # The delta run equals a full screen on the new lists (hits and related parties per row, ignoring review
    # annotations): the Zhongtai group stays related to V001 when its listed chemical company is gone.
    _unused, full = _screen(suppliers, record=False)
    stored = {r["input"]["record_id"]: r for _k, _f, r in _rows(result.run_id)}
    for record_id, row in full.items():
        assert _hits(stored[record_id]) == _hits(row), record_id
        assert _hits(stored[record_id], "related") == _hits(row, "related"), record_id
    assert [h["entry_id"] for h in stored["V001"]["related"]] == ["xinjiang-zhongtai-group-co-ltd"]

    actions = [row.action for row in api.audit_rows()]
    assert actions.count("decide") == 3
    assert actions.count("run-complete") == 3
    assert actions.count("list-load") == 2
    assert actions[-1] == "run-complete"


def _rows(run_id: str) -> Any:
    from threadline.store.runs import iter_rows

    return iter_rows(api.engine(), run_id)


def _hits(row: dict[str, Any], kind: str = "hits") -> list[tuple[str, str, float]]:
    return [(h["source"], h["entry_id"], h["score"]) for h in row[kind]]


def test_a_changed_supplier_record_brings_its_decision_back_saying_what_changed(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    use_lists(snapshots[0])
    first = _screen(suppliers)[0]
    assert first is not None
    api.decide(_hit_id(first, "V009", "huafu-fashion-co-ltd"), "no_match", "Brazilian boutique")
    moved = suppliers.read_text("utf-8").replace('"Rua Augusta 100, Sao Paulo",Brazil', '"Keqiao, Shaoxing",China')
    suppliers.write_text(moved, "utf-8")
    second, rows = _screen(suppliers)
    assert second is not None
    review = rows["V009"]["hits"][0]["review"]
    assert review["status"] == "changed"
    assert rows["V009"]["risk"] == "listed"
    item = next(i for i in api.queue(second) if i.record["record_id"] == "V009")
    assert item.status.changed["record"] == {
        "address": {"before": "Rua Augusta 100, Sao Paulo", "after": "Keqiao, Shaoxing"},
        "country": {"before": "br", "after": "cn"},
    }


def test_runs_record_a_manifest_that_names_input_lists_and_matcher(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    use_lists(snapshots[0])
    run_id = _screen(suppliers)[0]
    stored = api.run(run_id)
    manifest = stored.manifest
    assert manifest["input"]["sha256"] == stored.input_sha256
    assert len(stored.input_sha256) == 64
    assert [(item["source"], item["entity_count"]) for item in manifest["lists"]] == [("us-uflpa", 145)]
    assert manifest["matcher"]["threshold"] == 0.85
    assert manifest["matcher"]["version"].startswith("0.1.0+")
    assert manifest["user"] == "tester"
    assert stored.summary is not None and stored.summary["rows"] == 9


def test_list_history_keeps_every_version_and_the_diff_names_changed_fields(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None]
) -> None:
    for folder in (*snapshots, snapshots[0]):  # v1, v2, then back to v1: three activations, two versions
        use_lists(folder)
        api.register_lists(service.default_store())
    versions = api.list_history("us-uflpa")
    assert [v.version for v in versions] == [versions[0].version, "2026-12-01"]
    assert [v.active for v in versions] == [True, False]
    diff = api.list_diff("us-uflpa", versions[0].id, versions[1].id).to_dict()
    assert [e["entry_id"] for e in diff["added"]] == [ADDED]
    assert [e["entry_id"] for e in diff["removed"]] == [REMOVED]
    (changed,) = diff["changed"]
    assert changed["entry_id"] == CHANGED
    assert list(changed["fields"]) == ["names"]
    assert {"value": "Hoshine Silicon Shanshan", "kind": "alias"} in changed["fields"]["names"]["after"]
    actions = [row.action for row in api.audit_rows(action="list-activate")]
    assert len(actions) == 3


def test_a_run_can_be_repeated_against_exactly_the_lists_it_used(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    use_lists(snapshots[0])
    first, before = _screen(suppliers)
    assert first is not None
    use_lists(snapshots[1])
    api.register_lists(service.default_store())
    again = ScreenRun(suppliers, {})
    assert again.use_lists_of_run(first[:6]) == first
    out = io.StringIO()
    again.execute(out)
    repeated = {json.loads(line)["input"]["record_id"]: json.loads(line) for line in out.getvalue().splitlines()}
    assert {k: _hits(v) for k, v in repeated.items()} == {k: _hits(v) for k, v in before.items()}
    assert again.run_id is not None
    assert api.run(again.run_id).manifest["lists"] == api.run(first).manifest["lists"]
    assert api.run(again.run_id).manifest["matcher"]["lists_of_run"] == first
    active = [v.version for v in api.list_history("us-uflpa") if v.active]
    assert active == ["2026-12-01"]  # repeating an old run does not bring its lists back into force


def test_a_rescreen_keeps_the_threshold_of_the_run_it_updates(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    use_lists(snapshots[0])
    strict = ScreenRun(suppliers, {}, threshold=0.99)
    strict.execute(io.StringIO())
    use_lists(snapshots[1])
    result = api.rescreen_latest(service.default_store())
    assert result.base_id == strict.run_id
    assert api.run(result.run_id).manifest["matcher"]["threshold"] == 0.99
