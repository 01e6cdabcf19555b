"""``threadline index build|stats`` and the index as ``threadline match`` uses it, run as a user runs them (the
installed program), on a two-list snapshot so that a build takes a second."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from threadline import settings

BIN = Path(sys.executable).parent / "threadline"
LISTS = ("us-uflpa", "us-cbp-wro")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A snapshot of two embedded lists, an index folder of its own, the per-test database."""
    source, snapshot = settings.RESOURCES_DIR / "snapshot", tmp_path / "snapshot"
    snapshot.mkdir()
    manifest = json.loads((source / "manifest.json").read_text("utf-8"))
    manifest["lists"] = [item for item in manifest["lists"] if item["source"] in LISTS]
    (snapshot / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    for name in LISTS:
        shutil.copy(source / f"{name}.jsonl.gz", snapshot)
    keep = {"THREADLINE_DATABASE_URL", "THREADLINE_USER"}
    values = {k: v for k, v in os.environ.items() if not k.startswith("THREADLINE_") or k in keep}
    return {**values, "THREADLINE_SNAPSHOT_DIR": str(snapshot), "THREADLINE_INDEX_DIR": str(tmp_path / "index")}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, env=env, timeout=300)


def test_build_then_stats_show_every_list_and_its_name_forms(env: dict[str, str]) -> None:
    built = run(env, "index", "build")
    assert built.returncode == 0, built.stderr
    assert "building the candidate index of 2 of 2 lists" in built.stderr
    result = run(env, "index", "stats", "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    manifest = json.loads(Path(env["THREADLINE_SNAPSHOT_DIR"], "manifest.json").read_text("utf-8"))
    assert stats["entities"] == sum(item["entity_count"] for item in manifest["lists"])
    assert [item["list"] for item in stats["lists"]] == list(LISTS)
    assert stats["bytes"] > 0 and stats["keys"] > stats["names"] > 0
    assert stats["name_forms"]["names: Latin, normalised"] > 0
    assert stats["largest_postings"] and stats["largest_postings"][0][1] >= stats["largest_postings"][-1][1]
    assert "building" not in result.stderr  # the index was current: mapped, not rebuilt


def test_match_builds_the_index_once_and_says_so(env: dict[str, str]) -> None:
    first = run(env, "match", "Hoshine Silicon Industry", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stderr.count("index: building") == 1
    second = run(env, "match", "Hoshine Silicon Industry", "--json")
    assert second.returncode == 0, second.stderr
    assert "index:" not in second.stderr
    assert first.stdout == second.stdout and "hoshine" in first.stdout.lower()


def test_a_corrupt_index_is_rebuilt_with_a_message(env: dict[str, str]) -> None:
    assert run(env, "index", "build").returncode == 0
    for blob in Path(env["THREADLINE_INDEX_DIR"]).glob("*/entity_blob"):
        blob.write_bytes(blob.read_bytes()[:-3])
    result = run(env, "match", "Hoshine Silicon Industry", "--json")
    assert result.returncode == 0, result.stderr
    assert "unusable index" in result.stderr and "truncated or corrupt" in result.stderr
    assert "hoshine" in result.stdout.lower()
