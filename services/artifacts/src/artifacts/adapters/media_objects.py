"""Shared media objects of class captures (table ``media_objects``) and the artifacts referring to them (through
``version_media.media_object_id``): their upload, the one verdict, and the live references that keep the bytes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from artifacts.adapters.capture_tables import media_objects
from artifacts.adapters.orm import artifacts, version_media
from artifacts.domain.model import StoredMedia


@dataclass(frozen=True)
class MediaObject:
    id: str
    section_id: str
    kind: str
    title: str
    media_key: str
    file_name: str
    declared_type: str
    declared_size: int
    upload_id: str
    created_by: str
    created_at: dt.datetime
    uploaded_at: dt.datetime | None = None
    stored: StoredMedia = StoredMedia()
    checks: int = 0
    bytes_deleted_at: dt.datetime | None = None


@dataclass(frozen=True)
class Reference:
    """One artifact version that shows the object."""

    artifact_id: str
    student_id: str
    number: int
    status: str
    deleted: bool


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _object(r) -> MediaObject:
    return MediaObject(r.id, r.section_id, r.kind, r.title, r.media_key, r.file_name, r.declared_type,
                       r.declared_size, r.upload_id, r.created_by, _utc(r.created_at), _utc(r.uploaded_at),
                       StoredMedia(r.verdict, r.content_type, r.size_bytes, r.thumbnail_key, r.checked_key),
                       r.checks, _utc(r.bytes_deleted_at))


class MediaObjects:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, o: MediaObject, upload_expires_at: dt.datetime | None) -> None:
        self.session.execute(insert(media_objects).values(
            id=o.id, section_id=o.section_id, kind=o.kind, title=o.title, media_key=o.media_key,
            file_name=o.file_name, declared_type=o.declared_type, declared_size=o.declared_size,
            upload_id=o.upload_id, upload_expires_at=upload_expires_at, created_by=o.created_by,
            created_at=o.created_at))

    def get(self, object_id: str, for_update: bool = False) -> MediaObject | None:
        query = select(media_objects).where(media_objects.c.id == object_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _object(row) if row else None

    def recent(self, section_id: str, created_by: str, limit: int) -> list[MediaObject]:
        """The person's newest captures in the section."""
        rows = self.session.execute(select(media_objects).where(
            media_objects.c.section_id == section_id, media_objects.c.created_by == created_by)
            .order_by(media_objects.c.created_at.desc(), media_objects.c.id.desc()).limit(limit))
        return [_object(r) for r in rows]

    def abandoned(self, now: dt.datetime, limit: int = 100) -> list[str]:
        """Ids of shared objects whose upload target expired before ``now`` without CompleteCaptureUpload."""
        o = media_objects.c
        return list(self.session.execute(select(o.id).where(
            o.uploaded_at.is_(None), o.verdict == "", o.upload_expires_at < now).limit(limit)).scalars())

    def mark_uploaded(self, object_id: str, at: dt.datetime) -> None:
        self._set(object_id, uploaded_at=at)

    def record(self, object_id: str, stored: StoredMedia, at: dt.datetime, checked: bool = True) -> None:
        """The verdict, once; ``checks`` counts the media pipeline's runs (``checked``: False for an upload that was
        never completed, rejected unseen)."""
        self._set(object_id, verdict=stored.verdict, content_type=stored.content_type, size_bytes=stored.size_bytes,
                  thumbnail_key=stored.thumbnail_key, checked_key=stored.checked_key, checked_at=at,
                  checks=media_objects.c.checks + (1 if checked else 0))

    def mark_bytes_deleted(self, object_id: str, at: dt.datetime) -> None:
        self._set(object_id, bytes_deleted_at=at)

    def references(self, object_id: str) -> list[Reference]:
        """Every artifact version showing the object (deleted artifacts too), by student."""
        m, a = version_media.c, artifacts.c
        rows = self.session.execute(
            select(m.artifact_id, m.number, a.student_id, a.status, a.deleted_at)
            .join(artifacts, a.id == m.artifact_id).where(m.media_object_id == object_id)
            .order_by(a.student_id, m.artifact_id))
        return [Reference(r.artifact_id, r.student_id, r.number, r.status, r.deleted_at is not None) for r in rows]

    def live_references(self, object_id: str) -> int:
        """Artifacts not deleted that still refer to the object: its bytes stay while this is above zero."""
        m, a = version_media.c, artifacts.c
        return self.session.execute(select(func.count(func.distinct(m.artifact_id)))
                                    .join(artifacts, a.id == m.artifact_id)
                                    .where(m.media_object_id == object_id, a.deleted_at.is_(None))).scalar_one()

    def of_artifact(self, artifact_id: str) -> list[str]:
        """The shared objects any version of the artifact refers to."""
        return sorted({r for r in self.session.execute(
            select(version_media.c.media_object_id).where(version_media.c.artifact_id == artifact_id,
                                                          version_media.c.media_object_id.is_not(None))).scalars()})

    def _set(self, object_id: str, **values) -> None:
        self.session.execute(update(media_objects).where(media_objects.c.id == object_id).values(**values))
