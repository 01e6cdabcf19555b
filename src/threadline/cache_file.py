"""Writing a cache file so that no reader ever sees half of it, and a folder that cannot be written costs nothing.

Used by the caches under the index folder (:mod:`threadline.parsed_cache`, :mod:`threadline.file_digest`): what
they keep can always be worked out again, so failing to keep it is not an error.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def keep(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename; ``False`` (and
    nothing left behind) when the folder cannot be made or written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(staging, path)
    except OSError:
        Path(staging).unlink(missing_ok=True)
        return False
    return True
