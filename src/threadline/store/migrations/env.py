"""Alembic environment: migrations run on the connection that :func:`threadline.store.db.migrate` hands over."""

from __future__ import annotations

from alembic import context

from threadline.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
