from __future__ import annotations

from pathlib import Path

import pytest

from threadline.names.glossary import DICTIONARY, read_dictionary
from threadline.parsed_cache import cache_path, parsed

CALLS: list[str] = []
SOURCE: list[Path] = []


def _parse() -> dict[str, int]:
    CALLS.append("parse")
    text = SOURCE[0].read_text("utf-8")
    return {line: len(line) for line in text.splitlines()}


@pytest.fixture()
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THREADLINE_INDEX_DIR", str(tmp_path / "index"))
    path = tmp_path / "table.csv"
    path.write_text("a\nbb\n", "utf-8")
    CALLS.clear()
    SOURCE[:] = [path]
    return path


def test_a_table_is_parsed_once_and_read_back_after(source: Path) -> None:
    assert parsed(source, _parse) == {"a": 1, "bb": 2}
    assert parsed(source, _parse) == {"a": 1, "bb": 2}
    assert CALLS == ["parse"]
    assert cache_path(source, _parse).is_file()


def test_an_edited_table_is_parsed_again_and_the_old_parse_dropped(source: Path) -> None:
    parsed(source, _parse)
    old = cache_path(source, _parse)
    source.write_text("a\nbb\nccc\n", "utf-8")
    assert parsed(source, _parse) == {"a": 1, "bb": 2, "ccc": 3}
    assert CALLS == ["parse", "parse"]
    assert not old.exists() and cache_path(source, _parse).is_file()


def test_a_damaged_cache_file_is_replaced(source: Path) -> None:
    path = cache_path(source, _parse)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert parsed(source, _parse) == {"a": 1, "bb": 2}
    assert parsed(source, _parse) == {"a": 1, "bb": 2}
    assert CALLS == ["parse"]


def test_a_folder_that_cannot_be_written_only_costs_the_parse(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("THREADLINE_INDEX_DIR", str(blocker / "index"))  # a folder under a file cannot be made
    assert parsed(source, _parse) == {"a": 1, "bb": 2}
    assert parsed(source, _parse) == {"a": 1, "bb": 2}
    assert CALLS == ["parse", "parse"]


def test_the_dictionary_read_back_is_the_dictionary_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADLINE_INDEX_DIR", str(tmp_path))
    first = parsed(DICTIONARY, read_dictionary)
    again = parsed(DICTIONARY, read_dictionary)
    assert again == first == read_dictionary() and again["阳光"]
