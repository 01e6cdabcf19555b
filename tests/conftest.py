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


POSTGRES_ENV = "THREADLINE_TEST_POSTGRES_URL"
"""Set by .ci/run to a PostgreSQL server it started; the database tests run on it as well as on SQLite."""


@pytest.fixture(autouse=True)
def _own_database(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own SQLite file, so no test writes to the user's database or sees another's runs."""
    folder = tmp_path_factory.mktemp("db")
    monkeypatch.setenv("THREADLINE_DATABASE_URL", f"sqlite:///{folder / 'threadline.db'}")
    monkeypatch.setenv("THREADLINE_USER", "tester")
    monkeypatch.delenv("THREADLINE_FOUR_EYES", raising=False)


def _postgres_url() -> str:
    import os

    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (.ci/run starts one) to run this on PostgreSQL")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, empty database of each kind; THREADLINE_DATABASE_URL points at it."""
    url = f"sqlite:///{tmp_path / 'review.db'}" if request.param == "sqlite" else _fresh_postgres(_postgres_url())
    monkeypatch.setenv("THREADLINE_DATABASE_URL", url)
    return url


def _fresh_postgres(url: str) -> str:
    """Drop and recreate the public schema so each test starts empty."""
    from sqlalchemy import create_engine, text

    from threadline.store import db

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    db._READY.pop(url, None)
    return url
