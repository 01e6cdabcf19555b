"""Open the database: SQLite by default (one file, WAL), PostgreSQL when ``THREADLINE_DATABASE_URL`` names one.

The schema is brought up to date by Alembic migrations on first use, inside a transaction, so a fresh file or an
old one both open ready to use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import NullPool

from threadline.exc import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_MS = 30_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, a busy timeout and foreign keys, and their folder is created."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"THREADLINE_DATABASE_URL={url!r} is not a database URL; use sqlite:///path/to/threadline.db or "
            "postgresql+psycopg://user:password@host/dbname"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # SQLite's own transaction handling is replaced by explicit BEGIN, so BEGIN IMMEDIATE can take the write
        # lock up front (two writers then queue instead of failing half-way).
        engine = create_engine(parsed, poolclass=NullPool, connect_args={"isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    if parsed.get_backend_name() == "postgresql":
        # No pool: a CLI process opens a few short transactions; a long-lived server can pass its own engine.
        return create_engine(parsed, poolclass=NullPool)
    raise StoreError(f"database {parsed.get_backend_name()!r} is not supported; use sqlite or postgresql")


def migrate(engine: Engine) -> None:
    """Apply every migration not yet applied."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        raise StoreError(f"cannot open the database {engine.url!r}: {error.orig}") from None


_READY: dict[str, Engine] = {}


def connect(url: str) -> Engine:
    """An engine on ``url`` whose schema is up to date (migrated once per process and URL)."""
    engine = _READY.get(url)
    if engine is None:
        engine = create(url)
        migrate(engine)
        _READY[url] = engine
    return engine
