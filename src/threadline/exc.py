"""All threadline errors share one root, :class:`ThreadlineError`.

Each class says what the caller does with it: *skip* the item and go on, or *abort* the run.
Messages name the bad value and how to fix it; the CLI prints them on one line, without a traceback.
"""

from __future__ import annotations


class ThreadlineError(Exception):
    """Root of every error threadline raises on purpose. Abort unless a subclass says otherwise."""


class ConfigError(ThreadlineError):
    """A setting or option has a value threadline cannot use. Abort."""


class InputFileError(ThreadlineError):
    """An input file is missing, unreadable or has no usable columns. Abort this file."""


class BadRowError(ThreadlineError):
    """One input row cannot be used (e.g. an empty name). Skip the row, count it, go on."""

    def __init__(self, row: int, reason: str) -> None:
        super().__init__(f"row {row}: {reason}")
        self.row = row
        self.reason = reason


class SourceError(ThreadlineError):
    """A list file is malformed or missing. Abort loading that list; keep the previous version."""


class SnapshotError(ThreadlineError):
    """The embedded or user snapshot is missing or corrupt. Abort; rebuild it with `make snapshot`."""


class StoreError(ThreadlineError):
    """The database cannot be opened or refused a write. Abort; nothing of the action was written."""


class ReviewError(ThreadlineError):
    """A review action names an unknown run or hit, or breaks a rule (e.g. confirming one's own match). Abort it."""
