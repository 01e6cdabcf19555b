from __future__ import annotations

from pathlib import Path

from threadline.cache_file import keep


def test_a_kept_file_replaces_the_old_one_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "table.pickle"
    assert keep(target, b"first") and keep(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["table.pickle"]


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    assert not keep(blocker / "cache" / "table.pickle", b"data")
