"""The review commands as a user runs them (the installed program): screen, runs, review, decide, audit, lists
--history and --diff, update, rescreen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "threadline"


def run(*args: str, lists: Path, stdin: str | None = None, user: str = "alice") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREADLINE_")}
    env |= {
        "THREADLINE_DATABASE_URL": os.environ["THREADLINE_DATABASE_URL"],
        "THREADLINE_SNAPSHOT_DIR": str(lists),
        "THREADLINE_USER": user,
    }
    return subprocess.run(
        [str(BIN), *args], capture_output=True, text=True, input=stdin, env=env, timeout=300, check=False
    )


def test_review_cycle_from_the_command_line(snapshots: tuple[Path, Path], suppliers: Path, tmp_path: Path) -> None:
    v1, v2 = snapshots
    screened = run("screen", str(suppliers), "--out", str(tmp_path / "r.jsonl"), lists=v1)
    assert screened.returncode == 0, screened.stderr
    assert "stored; review its hits" in screened.stderr

    runs = run("runs", "--json", lists=v1)
    (first,) = [json.loads(line) for line in runs.stdout.splitlines()]
    assert first["summary"]["by_risk"]["listed"] == 5

    queue = [json.loads(line) for line in run("review", "--list", lists=v1).stdout.splitlines()]
    assert {item["input"]["record_id"] for item in queue} == {"V001", "V002", "V003", "V007", "V009"}
    assert all(item["status"] == "open" for item in queue)

    # Interactive review with answers piped in: skip the first hit, dismiss the second with a reason, then quit.
    reviewed = run("review", lists=v1, stdin="s\nn\ndifferent company\nhttps://example.org/registry\nq\n", user="bob")
    assert reviewed.returncode == 0, reviewed.stderr
    assert "1 decision(s) recorded" in reviewed.stderr
    second = queue[1]
    decided = run("decide", str(queue[0]["hit"]), "match", "--reason", "same USCC", lists=v1)
    assert json.loads(decided.stdout)["decision"] == "match"
    bad = run("decide", str(queue[0]["hit"]), "perhaps", "--reason", "x", lists=v1)
    assert bad.returncode == 2 and "unknown decision 'perhaps'" in bad.stderr

    left = [json.loads(line) for line in run("review", "--list", lists=v1).stdout.splitlines()]
    assert {item["hit"] for item in left} == {item["hit"] for item in queue} - {queue[0]["hit"], second["hit"]}

    history = run("lists", "--history", "--json", lists=v2)
    versions = [json.loads(line) for line in history.stdout.splitlines()]
    assert [(v["source"], v["active"]) for v in versions] == [("us-uflpa", False), ("us-uflpa", True)]
    diff = json.loads(run("lists", "--diff", "us-uflpa", lists=v2).stdout)
    assert (len(diff["added"]), len(diff["removed"]), len(diff["changed"])) == (1, 1, 1)

    rescreened = run("rescreen", "--out", str(tmp_path / "changes.jsonl"), lists=v2)
    assert rescreened.returncode == 0, rescreened.stderr
    assert "us-uflpa: " in rescreened.stderr and "+1 -1 ~1 entries" in rescreened.stderr
    changes = [json.loads(line) for line in (tmp_path / "changes.jsonl").read_text("utf-8").splitlines()]
    assert sorted(c["change"] for c in changes) == ["changed", "new", "resolved"]

    audit = [json.loads(line) for line in run("audit", lists=v2).stdout.splitlines()]
    actions = [row["action"] for row in audit]
    assert actions.count("decide") == 2
    assert {"list-load", "list-activate", "run-start", "run-complete"} <= set(actions)
    by_bob = [row for row in audit if row["user"] == "bob"]
    assert by_bob[0]["after"]["evidence"] == "https://example.org/registry"
    assert by_bob[0]["after"]["decision"] == "no_match"
    assert run("runs", "--show", "nosuchrun", lists=v2).returncode == 2


def test_screen_without_record_keeps_nothing(snapshots: tuple[Path, Path], suppliers: Path) -> None:
    screened = run("screen", str(suppliers), "--no-record", lists=snapshots[0])
    assert screened.returncode == 0, screened.stderr
    assert run("runs", "--json", lists=snapshots[0]).stdout == ""
    assert "no complete screening run" in run("rescreen", lists=snapshots[0]).stderr


def test_update_records_new_versions_and_a_failed_update_changes_nothing(
    shared_data: Path, snapshots: tuple[Path, Path], tmp_path: Path
) -> None:
    lists = tmp_path / "lists"
    shutil.copytree(snapshots[0], lists)
    before = run("lists", "--history", "--json", lists=lists).stdout
    assert [json.loads(line)["source"] for line in before.splitlines()] == ["us-uflpa"]

    empty = tmp_path / "no-lists-here"
    empty.mkdir()
    failed = run("update", "--from", str(empty), lists=lists)
    assert failed.returncode == 2
    assert "error:" in failed.stderr and str(empty) in failed.stderr
    assert run("lists", "--history", "--json", lists=lists).stdout == before
    assert (lists / "manifest.json").read_bytes() == (snapshots[0] / "manifest.json").read_bytes()

    updated = run("update", "--from", str(shared_data), lists=lists)
    assert updated.returncode == 0, updated.stderr
    assert "list versions active in the database" in updated.stderr
    versions = [json.loads(line) for line in run("lists", "--history", "--json", lists=lists).stdout.splitlines()]
    assert all(v["active"] for v in versions)
    assert sorted(v["source"] for v in versions) == sorted(
        ["ofac-sdn", "ofac-cons", "uk", "eu", "un", "us-uflpa", "us-bis", "us-cbp-wro", "us-dol-goods"]
    )  # the UFLPA list read from the same official file is the same version as before, not a second one
