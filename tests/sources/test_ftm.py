from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from threadline.exc import SourceError
from threadline.sources.ftm import Skipped, load_ftm_file, load_ftm_folder, read_ftm_file


def _write(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_parties_load_relations_are_counted_and_bad_lines_skipped(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "sample.ftm.json",
        [
            {
                "id": "p1",
                "schema": "Person",
                "datasets": ["demo"],
                "properties": {"name": ["Chen Quanguo", "陈全国"], "nationality": ["cn"], "birthDate": ["1955"]},
            },
            {"id": "b1", "schema": "PublicBody", "datasets": ["demo"], "properties": {"name": ["XPCC"]}},
            {"id": "o1", "schema": "Ownership", "datasets": ["demo"], "properties": {"owner": ["p1"], "asset": ["b1"]}},
            "{broken",
        ],
    )
    loaded = load_ftm_file(path)
    assert loaded.version.source == "demo"
    person, body = loaded.entities
    assert [(n.value, n.kind) for n in person.names] == [("Chen Quanguo", "primary"), ("陈全国", "alias")]
    assert (person.countries, person.birth_dates) == (("cn",), ("1955",))
    assert body.schema == "Organization"
    notes = " ".join(loaded.version.notes)
    assert "Ownership 1" in notes and "1 malformed lines skipped (lines 4)" in notes


def test_records_are_made_entities_one_by_one_as_the_file_loads(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "sample.ftm.json",
        [
            {"id": "c1", "schema": "Company", "datasets": ["demo"], "properties": {"name": ["Acme"]}},
            {"id": "o1", "schema": "Ownership", "datasets": ["demo"], "properties": {"owner": ["c1"]}},
            {"id": "c2", "schema": "Company", "datasets": ["demo"], "properties": {"name": ["Acme"]}},
            "[]",
        ],
    )
    read = read_ftm_file(path)
    made = [read.entity(data) for data in read.records]
    assert [type(m).__name__ for m in made] == ["Entity", "Skipped", "Entity"]
    assert made[1] == Skipped("Ownership", False)
    loaded = load_ftm_file(path)
    assert loaded.entities == [m for m in made if not isinstance(m, Skipped)]
    assert loaded.version == read.version(2, Counter({Skipped("Ownership", False): 1}))
    assert "1 malformed lines skipped (lines 4)" in loaded.version.notes
    invalid = read.version(2, Counter({Skipped("invalid (ValueError)", True): 2}))
    assert "3 malformed lines skipped (lines 4)" in invalid.notes


def test_delta_files_add_and_skip_deletions(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "x.delta.json",
        [
            {"op": "ADD", "entity": {"id": "c1", "schema": "Company", "properties": {"name": ["Acme"]}}},
            {"op": "DEL", "entity": {"id": "c2"}},
        ],
    )
    loaded = load_ftm_file(path)
    assert loaded.version.source == "x"  # no single dataset named: the file name
    assert [e.entry_id for e in loaded.entities] == ["c1"]
    assert "1 delta operations other than ADD skipped" in loaded.version.notes


def test_missing_file_and_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        load_ftm_file(tmp_path / "nope.json")
    with pytest.raises(SourceError, match="no FollowTheMoney files"):
        load_ftm_folder(tmp_path)


def test_real_samples_load(shared_data: Path) -> None:
    lists = {loaded.version.source: loaded for loaded in load_ftm_folder(shared_data / "ftm-samples")}
    assert set(lists) == {"nomenklatura_donations", "eu_fsf", "yente_t2_20240527194702_entities", "yente_zala_entities"}
    zala = lists["yente_zala_entities"]
    assert len(zala.entities) == 17  # 6 persons + 11 companies; the other 74 entities are relations and details
    assert any(e.caption == "OSETROVA, Maria Aleksandrovna" for e in zala.entities)
