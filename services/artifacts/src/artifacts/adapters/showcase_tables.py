"""Showcase tables (in the artifacts schema, ``orm.metadata``): showcases, their ordered artifacts, and their external
links (only each token's SHA-256 hash is stored)."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from artifacts.adapters.orm import Id, Key, metadata

showcases = Table(
    "showcases", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("title", String(200), nullable=False),
    Column("introduction", Text, nullable=False, server_default=""),
    Column("audience", String(16), nullable=False),
    Column("milestone_id", Key, nullable=False, server_default=""),
    Column("share_with_guardians", Boolean, nullable=False, server_default="0"),
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Index("ix_showcases_student_id", "student_id"),
)

showcase_items = Table(
    "showcase_items", metadata,
    Column("showcase_id", Id, ForeignKey("showcases.id"), primary_key=True),
    Column("artifact_id", Id, ForeignKey("artifacts.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_showcase_items_artifact_id", "artifact_id"),
)

showcase_links = Table(
    "showcase_links", metadata,
    Column("id", Id, primary_key=True),
    Column("showcase_id", Id, ForeignKey("showcases.id"), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Index("ix_showcase_links_showcase_id", "showcase_id"),
)
