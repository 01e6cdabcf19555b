"""The sha256 of a list file, remembered by its size and modification time.

The persisted index knows a list by the hash of its bytes, so a list replaced by hand is noticed. Hashing a
137 MB FtM file takes a tenth of a second, on every cold ``threadline match``. The hash is therefore kept in
``.cache/digests.json`` under the index folder with the file's size and modification time (in nanoseconds), and
read back while both are unchanged: a file rewritten, copied over or edited gets a new modification time, and is
hashed again. A memo that cannot be read or written only costs the hash.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from threadline.cache_file import keep
from threadline.settings import index_dir


def sha256_of(path: Path) -> str:
    """The hex sha256 of the file's bytes, from the memo when its size and modification time are those recorded."""
    stat = path.stat()
    mark = [stat.st_size, stat.st_mtime_ns]
    key = str(path.resolve())
    memo = _read(_memo_path())
    known = memo.get(key)
    if isinstance(known, list) and len(known) == 3 and known[:2] == mark and isinstance(known[2], str):
        return known[2]
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    found = digest.hexdigest()
    memo[key] = [*mark, found]
    _write(_memo_path(), memo)
    return found


def _memo_path() -> Path:
    return index_dir() / ".cache" / "digests.json"


def _read(path: Path) -> dict[str, object]:
    try:
        loaded = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _write(path: Path, memo: dict[str, object]) -> None:
    keep(path, json.dumps(memo).encode("utf-8"))
