"""Shared fixtures. Tests that need the real list files use ``shared_data`` and skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadline import settings


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = settings.shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"real list files not found at {path}; clone the project beside ../shared to run this test")
    return path
