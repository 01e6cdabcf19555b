"""Tests that swap a part of the matcher to check a shortcut against the long way, run where that swap works.

Such a test replaces a function or a method (``monkeypatch``) or subclasses a class to turn a shortcut off, then
checks that the answers do not change. Compiled code (``make native``, :mod:`threadline.native`) calls its own
functions directly and its classes cannot be subclassed from Python, so there the swap would change nothing and the
test could not fail. Where the code runs compiled, :func:`from_source` runs the test in a fresh pytest process with
``THREADLINE_NATIVE=0`` instead; that the compiled code gives the source's answers is ``tests/test_native.py``'s
job.
"""

from __future__ import annotations

import functools
import inspect
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from threadline import native

ROOT = Path(__file__).resolve().parent.parent
F = TypeVar("F", bound=Callable[..., Any])


def from_source(test: F) -> F:
    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> Any:
        if not native.compiled():
            return test(*args, **kwargs)
        node = f"{Path(inspect.getfile(test)).relative_to(ROOT).as_posix()}::{test.__name__}"
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", node]
        environment = {**os.environ, "THREADLINE_NATIVE": "0"}
        done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False)
        assert done.returncode == 0 and " passed" in done.stdout, f"{node} from source:\n{done.stdout[-6000:]}"
        return None

    run.__signature__ = inspect.signature(test)  # type: ignore[attr-defined]  # pytest's fixtures, not __wrapped__'s
    return run  # type: ignore[return-value]
