"""The mutable media state of versions (table ``version_media``): the upload (multipart id, target expiry,
completion) and the media worker's verdict with the sniffed type, stored size, checked copy and thumbnail keys."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.orm import Session

from artifacts.adapters.orm import artifacts, version_media
from artifacts.domain.model import StoredMedia


@dataclass(frozen=True)
class MediaRecord:
    """One version's upload and, once checked, what the worker found."""

    upload_id: str
    uploaded_at: dt.datetime | None
    stored: StoredMedia


def stored_media(row) -> StoredMedia:
    return StoredMedia(verdict=row.verdict, content_type=row.content_type, size_bytes=row.size_bytes,
                       thumbnail_key=row.thumbnail_key, checked_key=row.checked_key)


class MediaRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, artifact_id: str, number: int, upload_id: str = "",
            upload_expires_at: dt.datetime | None = None, media_object_id: str | None = None) -> None:
        """A version's media record; one of a class capture names the shared object instead of its own upload."""
        self.session.execute(insert(version_media).values(artifact_id=artifact_id, number=number,
                                                          upload_id=upload_id, upload_expires_at=upload_expires_at,
                                                          media_object_id=media_object_id))

    def get(self, artifact_id: str, number: int, for_update: bool = False) -> MediaRecord | None:
        query = select(version_media).where(version_media.c.artifact_id == artifact_id,
                                            version_media.c.number == number)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return MediaRecord(row.upload_id, row.uploaded_at, stored_media(row)) if row else None

    def restart_upload(self, artifact_id: str, number: int, upload_id: str, expires_at: dt.datetime) -> None:
        """A fresh upload for a version whose bytes never arrived (an import resumed)."""
        self._set(artifact_id, number, upload_id=upload_id, upload_expires_at=expires_at)

    def mark_uploaded(self, artifact_id: str, number: int, at: dt.datetime) -> None:
        self._set(artifact_id, number, uploaded_at=at)

    def record(self, artifact_id: str, number: int, stored: StoredMedia, at: dt.datetime) -> None:
        self._set(artifact_id, number, verdict=stored.verdict, content_type=stored.content_type,
                  size_bytes=stored.size_bytes, thumbnail_key=stored.thumbnail_key, checked_key=stored.checked_key,
                  checked_at=at)

    def abandoned(self, now: dt.datetime, limit: int = 100) -> list[tuple[str, int, str]]:
        """(artifact_id, number, upload_id) of uploads never completed whose target expired before ``now``."""
        m = version_media.c
        rows = self.session.execute(select(m.artifact_id, m.number, m.upload_id).where(
            m.uploaded_at.is_(None), m.verdict == "", m.upload_expires_at < now).limit(limit))
        return [(r.artifact_id, r.number, r.upload_id) for r in rows]

    def unchecked_ready(self, limit: int = 100) -> list[tuple[str, int, str]]:
        """(artifact_id, number, kind) of versions judged ready before the worker kept checked copies (upgrade)."""
        m = version_media.c
        rows = self.session.execute(
            select(m.artifact_id, m.number, artifacts.c.kind).join(artifacts, artifacts.c.id == m.artifact_id)
            .where(m.verdict == "ready", m.checked_key == "").limit(limit))
        return [(r.artifact_id, r.number, r.kind) for r in rows]

    def stored(self, versions: list[tuple[str, int]]) -> dict[tuple[str, int], StoredMedia]:
        """What the worker found for each (artifact_id, number) that has a media record."""
        if not versions:
            return {}
        rows = self.session.execute(select(version_media).where(or_(*(
            and_(version_media.c.artifact_id == a, version_media.c.number == n) for a, n in versions))))
        return {(r.artifact_id, r.number): stored_media(r) for r in rows}

    def _set(self, artifact_id: str, number: int, **values) -> None:
        self.session.execute(update(version_media).where(version_media.c.artifact_id == artifact_id,
                                                         version_media.c.number == number).values(**values))
