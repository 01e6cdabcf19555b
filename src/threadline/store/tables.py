"""The database schema, as SQLAlchemy Core tables. Migrations (``store/migrations``) create and change it.

Tables:

- ``list_versions``: every list version ever loaded (source, the list's date, a content hash, counts, the files it
  came from); ``active`` marks the version screening uses now, one per source.
- ``entity_records``: list entries by content (``fingerprint`` = sha256 of the entry's canonical JSON), so an entry
  that did not change between versions is stored once.
- ``version_members``: which entry (by fingerprint) each version holds under each ``entry_id``.
- ``runs``: one screening run with its manifest; ``status`` is ``running`` until the last row is written, then
  ``complete`` (or ``failed``). Only complete runs are visible to listings, reviews and re-screens.
- ``run_rows``: each screened row's result (the JSON line ``screen`` writes) with the supplier record's key and
  fingerprint.
- ``hits``: one row per hit, keyed to the supplier record and the list entry (with both fingerprints).
- ``decisions``: reviewers' decisions, insert-only (the newest for a record and entry is the current one).
- ``audit``: one row per action; the database refuses to update or delete it (triggers, see the first migration).
- ``evidence_links``: mentions found in documents by ``threadline evidence``, one per document, entry and offset,
  with the whole link (quote, title, date, page, reason) as JSON.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

list_versions = Table(
    "list_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("version", String(32), nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("meta_sha256", String(64), nullable=False),
    Column("entity_count", Integer, nullable=False),
    Column("rule_count", Integer, nullable=False),
    Column("files", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("loaded_at", String(32), nullable=False),
    Column("loaded_by", String(128), nullable=False),
    Column("active", Boolean, nullable=False),
    UniqueConstraint("source", "content_sha256", name="uq_list_versions_content"),
)

entity_records = Table(
    "entity_records",
    metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("source", String(64), nullable=False),
    Column("entry_id", String(256), nullable=False),
    Column("schema", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("data", Text, nullable=False),
)

version_members = Table(
    "version_members",
    metadata,
    Column("version_id", Integer, ForeignKey("list_versions.id"), primary_key=True),
    Column("entry_id", String(256), primary_key=True),
    Column("fingerprint", String(64), ForeignKey("entity_records.fingerprint"), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("parent_id", String(32), ForeignKey("runs.id"), nullable=True),
    Column("status", String(16), nullable=False),
    Column("username", String(128), nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32), nullable=True),
    Column("input_path", Text, nullable=False),
    Column("input_sha256", String(64), nullable=False),
    Column("manifest", Text, nullable=False),
    Column("summary", Text, nullable=True),
)

run_rows = Table(
    "run_rows",
    metadata,
    Column("run_id", String(32), ForeignKey("runs.id"), primary_key=True),
    Column("row", Integer, primary_key=True),
    Column("record_key", String(64), nullable=False),
    Column("record_fp", String(64), nullable=False),
    Column("risk", String(16), nullable=False),
    Column("result", Text, nullable=False),
)

hits = Table(
    "hits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(32), ForeignKey("runs.id"), nullable=False),
    Column("row", Integer, nullable=False),
    Column("record_key", String(64), nullable=False),
    Column("record_fp", String(64), nullable=False),
    Column("source", String(64), nullable=False),
    Column("entry_id", String(256), nullable=False),
    Column("entry_fp", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("explanation", Text, nullable=False),
    Index("ix_hits_run", "run_id", "row"),
    Index("ix_hits_key", "record_key", "source", "entry_id"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_key", String(64), nullable=False),
    Column("record_fp", String(64), nullable=False),
    Column("source", String(64), nullable=False),
    Column("entry_id", String(256), nullable=False),
    Column("entry_fp", String(64), nullable=False),
    Column("hit_id", Integer, ForeignKey("hits.id"), nullable=True),
    Column("decision", String(16), nullable=False),
    Column("state", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("evidence", Text, nullable=True),
    Column("username", String(128), nullable=False),
    Column("decided_at", String(32), nullable=False),
    Column("record", Text, nullable=False),
    Index("ix_decisions_key", "record_key", "source", "entry_id"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("username", String(128), nullable=False),
    Column("action", String(32), nullable=False),
    Column("subject", Text, nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
)

evidence_links = Table(
    "evidence_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("entry_id", String(256), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("doc_sha256", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("file", Text, nullable=False),
    Column("title", Text, nullable=True),
    Column("date", String(32), nullable=True),
    Column("score", Float, nullable=False),
    Column("link", Text, nullable=False),
    Column("added_at", String(32), nullable=False),
    Column("username", String(128), nullable=False),
    UniqueConstraint("doc_sha256", "source", "entry_id", "start", name="uq_evidence_mention"),
    Index("ix_evidence_entry", "source", "entry_id"),
)
