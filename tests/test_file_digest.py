from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from threadline.file_digest import sha256_of


@pytest.fixture()
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THREADLINE_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path / "index"


def test_the_digest_is_the_files_sha256_and_is_remembered(tmp_path: Path, index: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_bytes(b'{"id": "a"}\n')
    assert sha256_of(listing) == hashlib.sha256(listing.read_bytes()).hexdigest()
    memo = index / ".cache" / "digests.json"
    entry = json.loads(memo.read_text("utf-8"))[str(listing.resolve())]
    assert entry[:2] == [listing.stat().st_size, listing.stat().st_mtime_ns]
    # read back, not hashed again, while size and modification time are those recorded
    memo.write_text(json.dumps({str(listing.resolve()): [*entry[:2], "remembered"]}), "utf-8")
    assert sha256_of(listing) == "remembered"


def test_a_file_written_again_is_hashed_again(tmp_path: Path, index: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_bytes(b'{"id": "a"}\n')
    first = sha256_of(listing)
    listing.write_bytes(b'{"id": "b"}\n')  # same size, new content
    stat = listing.stat()
    os.utime(listing, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a coarse clock may not have moved
    assert sha256_of(listing) == hashlib.sha256(b'{"id": "b"}\n').hexdigest() != first


def test_a_damaged_memo_only_costs_the_hash(tmp_path: Path, index: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_bytes(b"x")
    (index / ".cache").mkdir(parents=True)
    (index / ".cache" / "digests.json").write_text("not json", "utf-8")
    assert sha256_of(listing) == hashlib.sha256(b"x").hexdigest()
