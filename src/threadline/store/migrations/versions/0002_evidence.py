"""Evidence links: mentions of list entries (and Xinjiang places) found in documents, with quote and source.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("entry_id", sa.String(256), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("doc_sha256", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("date", sa.String(32), nullable=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("link", sa.Text, nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.Column("username", sa.String(128), nullable=False),
        sa.UniqueConstraint("doc_sha256", "source", "entry_id", "start", name="uq_evidence_mention"),
    )
    op.create_index("ix_evidence_entry", "evidence_links", ["source", "entry_id"])


def downgrade() -> None:
    op.drop_table("evidence_links")
