"""Class-capture tables (in the artifacts schema, ``orm.metadata``): the media objects that many students' artifacts
share (one upload, one check); ``version_media.media_object_id`` refers to them."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table

from artifacts.adapters.orm import Id, Key, metadata

media_objects = Table(
    "media_objects", metadata,
    Column("id", Id, primary_key=True),
    Column("section_id", Key, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", String(200), nullable=False),
    Column("media_key", String(512), nullable=False),                          # where the client uploads
    Column("file_name", String(255), nullable=False, server_default=""),
    Column("declared_type", String(255), nullable=False, server_default=""),
    Column("declared_size", BigInteger, nullable=False, server_default="0"),
    Column("upload_id", String(1024), nullable=False, server_default=""),      # multipart uploads only
    Column("upload_expires_at", DateTime(timezone=True), nullable=True),
    Column("uploaded_at", DateTime(timezone=True), nullable=True),             # CompleteCaptureUpload
    Column("verdict", String(16), nullable=False, server_default=""),         # "" | ready | rejected
    Column("content_type", String(255), nullable=False, server_default=""),   # sniffed
    Column("size_bytes", BigInteger, nullable=False, server_default="0"),     # as stored
    Column("thumbnail_key", String(512), nullable=False, server_default=""),
    Column("checked_key", String(512), nullable=False, server_default=""),
    Column("checked_at", DateTime(timezone=True), nullable=True),
    Column("checks", Integer, nullable=False, server_default="0"),            # media pipeline runs recorded
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("bytes_deleted_at", DateTime(timezone=True), nullable=True),        # the last reference went
)
