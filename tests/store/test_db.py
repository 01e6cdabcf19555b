"""The database layer: migrations, the append-only audit table, clear errors for bad URLs."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError

from threadline.exc import StoreError
from threadline.review.audit import record_action
from threadline.store import db
from threadline.store.tables import audit


def test_a_fresh_database_is_migrated_and_opening_it_again_changes_nothing(database_url: str) -> None:
    engine = db.connect(database_url)
    with engine.begin() as conn:
        record_action(conn, "alice", "test", "one row")
    db._READY.pop(database_url)
    again = db.connect(database_url)
    with again.begin() as conn:
        assert conn.scalar(select(func.count()).select_from(audit)) == 1


@pytest.mark.parametrize("verb", ["update", "delete"])
def test_the_database_refuses_to_change_or_remove_audit_rows(database_url: str, verb: str) -> None:
    engine = db.connect(database_url)
    with engine.begin() as conn:
        record_action(conn, "alice", "decide", "hit #1", after={"decision": "match"})
    statement = update(audit).values(username="mallory") if verb == "update" else delete(audit)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(statement)
    with engine.begin() as conn:
        assert conn.execute(select(audit.c.username)).scalars().all() == ["alice"]


@pytest.mark.parametrize(
    ("url", "message"),
    [("not a url", "is not a database URL"), ("mysql://x@localhost/db", "'mysql' is not supported")],
)
def test_a_bad_database_url_is_a_clear_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        db.create(url)


def test_an_unreachable_server_is_a_store_error_naming_it() -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        db.connect("postgresql+psycopg://nobody:pw@127.0.0.1:1/none")
