"""What must hold when things go wrong or happen at once: crashed runs stay invisible, concurrent decisions are all
kept, a failed list update changes nothing, and four-eyes mode needs a second reviewer."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.review.conftest import CHANGED
from threadline import service
from threadline.exc import ReviewError
from threadline.review import api
from threadline.screening import parallel
from threadline.screening.reader import InputRow, SkippedRow
from threadline.service import ScreenRun
from threadline.store import runs, versions


def _first_hit(run_id: str, entry_id: str = CHANGED) -> int:
    return next(i.hit.id for i in api.queue(run_id, include_decided=True) if i.hit.entry_id == entry_id)


def _screen(path: Path) -> str:
    run = ScreenRun(path, {})
    run.execute(io.StringIO())
    assert run.run_id is not None
    return run.run_id


def test_a_run_that_crashes_half_way_is_never_visible(
    database_url: str,
    snapshots: tuple[Path, Path],
    use_lists: Callable[[Path], None],
    suppliers: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_lists(snapshots[0])
    good = _screen(suppliers)
    monkeypatch.setattr(runs, "BATCH", 2)  # so rows are already committed when the crash comes
    monkeypatch.setattr(parallel, "BATCH", 2)  # and rows are screened two at a time
    run = ScreenRun(suppliers, {}, workers=1)
    rows = run.source.rows

    def rows_then_crash() -> Iterator[InputRow | SkippedRow]:
        for number, row in enumerate(rows):
            if number == 4:
                raise OSError("disk unplugged")
            yield row

    run.source.rows = rows_then_crash()
    with pytest.raises(OSError, match="disk unplugged"):
        run.execute(io.StringIO())
    assert [r.id for r in api.runs()] == [good]
    assert api.run().id == good
    (failed_run,) = [r for r in api.runs(include_incomplete=True) if r.status != "complete"]
    assert failed_run.status == "failed"
    assert len(list(runs.iter_rows(api.engine(), failed_run.id))) == 4  # written, but never shown
    with pytest.raises(ReviewError, match="no complete run"):
        api.run(failed_run.id)
    assert all(item.hit.run_id == good for item in api.queue(include_decided=True))
    failed = [row for row in api.audit_rows(action="run-failed")]
    assert "disk unplugged" in failed[0].after["reason"]


def test_two_reviewers_deciding_at_once_lose_no_decision(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    use_lists(snapshots[0])
    run_id = _screen(suppliers)
    hits = [item.hit.id for item in api.queue(run_id)]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def reviewer(name: str) -> None:
        start.wait()
        try:
            for _round in range(5):
                for hit in hits:
                    api.decide(hit, "unsure", f"{name} looked", user=name)
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=reviewer, args=(name,)) for name in ("alice", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    decided = [row for row in api.audit_rows(action="decide")]
    assert len(decided) == 2 * 5 * len(hits)
    for hit in hits:
        assert len(api.hit_history(hit)) == 10


def test_a_decision_made_meanwhile_is_not_silently_overruled(
    database_url: str, snapshots: tuple[Path, Path], use_lists: Callable[[Path], None], suppliers: Path
) -> None:
    use_lists(snapshots[0])
    hit = _first_hit(_screen(suppliers))
    shown = None  # both reviewers opened the hit before anyone decided
    api.decide(hit, "match", "same company", user="alice", expected=shown)
    with pytest.raises(ReviewError, match="decided meanwhile by alice"):
        api.decide(hit, "no_match", "looks different", user="bob", expected=shown)
    assert [d.decision for d in api.hit_history(hit)] == ["match"]


def test_a_failed_list_update_leaves_the_previous_versions_active(
    database_url: str,
    snapshots: tuple[Path, Path],
    use_lists: Callable[[Path], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_lists(snapshots[0])
    first = api.register_lists(service.default_store())
    use_lists(snapshots[1])

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full while storing entries")

    monkeypatch.setattr(versions, "record_action", broken)
    with pytest.raises(OSError, match="disk full"):
        api.register_lists(service.default_store())
    history = api.list_history()
    assert [(v.id, v.active) for v in history] == [(first["us-uflpa"].id, True)]


def test_four_eyes_mode_needs_a_second_reviewer_to_confirm_a_match(
    database_url: str,
    snapshots: tuple[Path, Path],
    use_lists: Callable[[Path], None],
    suppliers: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("THREADLINE_FOUR_EYES", "1")
    use_lists(snapshots[0])
    run_id = _screen(suppliers)
    hit = _first_hit(run_id)
    assert api.decide(hit, "match", "same company", user="alice").state == "pending"
    states = {i.hit.id: i.status.status for i in api.queue(run_id)}
    assert states[hit] == "pending"
    with pytest.raises(ReviewError, match="a different reviewer must confirm"):
        api.confirm(hit, "", user="alice")
    confirmed = api.confirm(hit, "checked the licence", user="bob")
    assert (confirmed.decision, confirmed.state, confirmed.user) == ("match", "final", "bob")
    assert hit not in {i.hit.id for i in api.queue(run_id)}
    with pytest.raises(ReviewError, match="no match waiting"):
        api.confirm(hit, "", user="carol")


@pytest.mark.parametrize(
    ("decision", "reason", "message"),
    [("maybe", "x", "unknown decision 'maybe'"), ("match", "  ", "needs a reason")],
)
def test_bad_decisions_are_refused_with_the_fix(
    database_url: str,
    snapshots: tuple[Path, Path],
    use_lists: Callable[[Path], None],
    suppliers: Path,
    decision: str,
    reason: str,
    message: str,
) -> None:
    use_lists(snapshots[0])
    hit = _first_hit(_screen(suppliers))
    with pytest.raises(ReviewError, match=message):
        api.decide(hit, decision, reason)
    with pytest.raises(ReviewError, match="no hit #999999"):
        api.decide(999999, "match", "x")
