"""The first schema: list versions, entity records, runs, hits, decisions and an append-only audit trail.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SQLITE_GUARDS = [
    f"""CREATE TRIGGER audit_no_{verb.lower()} BEFORE {verb} ON audit
    BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: {verb} refused'); END"""
    for verb in ("UPDATE", "DELETE")
]
_POSTGRES_GUARDS = [
    """CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit rows are append-only: % refused', TG_OP; END $$""",
    """CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()""",
]


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text, nullable=nullable)


def _str(name: str, length: int, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.String(length), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _str("source", 64),
        _text("title"),
        _str("version", 32),
        _str("content_sha256", 64),
        _str("meta_sha256", 64),
        sa.Column("entity_count", sa.Integer, nullable=False),
        sa.Column("rule_count", sa.Integer, nullable=False),
        _text("files"),
        _text("notes"),
        _str("loaded_at", 32),
        _str("loaded_by", 128),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.UniqueConstraint("source", "content_sha256", name="uq_list_versions_content"),
    )
    op.create_table(
        "entity_records",
        _str("fingerprint", 64),
        _str("source", 64),
        _str("entry_id", 256),
        _str("schema", 32),
        _text("name"),
        _text("data"),
        sa.PrimaryKeyConstraint("fingerprint"),
    )
    op.create_table(
        "version_members",
        sa.Column("version_id", sa.Integer, sa.ForeignKey("list_versions.id"), nullable=False),
        _str("entry_id", 256),
        sa.Column("fingerprint", sa.String(64), sa.ForeignKey("entity_records.fingerprint"), nullable=False),
        sa.PrimaryKeyConstraint("version_id", "entry_id"),
    )
    op.create_table(
        "runs",
        _str("id", 32),
        _str("kind", 16),
        sa.Column("parent_id", sa.String(32), sa.ForeignKey("runs.id"), nullable=True),
        _str("status", 16),
        _str("username", 128),
        _str("started_at", 32),
        _str("finished_at", 32, nullable=True),
        _text("input_path"),
        _str("input_sha256", 64),
        _text("manifest"),
        _text("summary", nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "run_rows",
        sa.Column("run_id", sa.String(32), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        _str("record_key", 64),
        _str("record_fp", 64),
        _str("risk", 16),
        _text("result"),
        sa.PrimaryKeyConstraint("run_id", "row"),
    )
    op.create_table(
        "hits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(32), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        _str("record_key", 64),
        _str("record_fp", 64),
        _str("source", 64),
        _str("entry_id", 256),
        _str("entry_fp", 64),
        _text("name"),
        sa.Column("score", sa.Float, nullable=False),
        _text("explanation"),
    )
    op.create_index("ix_hits_run", "hits", ["run_id", "row"])
    op.create_index("ix_hits_key", "hits", ["record_key", "source", "entry_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _str("record_key", 64),
        _str("record_fp", 64),
        _str("source", 64),
        _str("entry_id", 256),
        _str("entry_fp", 64),
        sa.Column("hit_id", sa.Integer, sa.ForeignKey("hits.id"), nullable=True),
        _str("decision", 16),
        _str("state", 16),
        _text("reason"),
        _text("evidence", nullable=True),
        _str("username", 128),
        _str("decided_at", 32),
        _text("record"),
    )
    op.create_index("ix_decisions_key", "decisions", ["record_key", "source", "entry_id"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _str("at", 32),
        _str("username", 128),
        _str("action", 32),
        _text("subject"),
        _text("before", nullable=True),
        _text("after", nullable=True),
    )
    guards = _POSTGRES_GUARDS if op.get_bind().dialect.name == "postgresql" else _SQLITE_GUARDS
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    for table in ("audit", "decisions", "hits", "run_rows", "runs", "version_members", "entity_records"):
        op.drop_table(table)
    op.drop_table("list_versions")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_append_only()")
