"""Audio/video revisions' mutable media state (table ``revision_media``): the upload (multipart id, completion) and
the media check's verdict; and reading a revision row together with it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from reflections.adapters.orm import reflection_revisions, revision_media
from reflections.domain.media import PROCESSING, READY
from reflections.domain.model import TEXT, Revision, RevisionMedia


def revisions_with_media(media_only: bool = False) -> Select:
    """Revision rows, each with its media state (NULLs for text revisions; ``media_only``: audio/video only)."""
    m = revision_media
    on = (m.c.reflection_id == reflection_revisions.c.reflection_id) & (m.c.number == reflection_revisions.c.number)
    return select(reflection_revisions, m.c.upload_id, m.c.uploaded_at, m.c.verdict, m.c.checked_key,
                  m.c.content_type.label("stored_type"), m.c.size_bytes.label("stored_size"), m.c.reason) \
        .select_from(reflection_revisions.join(m, on) if media_only else reflection_revisions.outerjoin(m, on))


def revision_of(row) -> Revision:
    if row.kind == TEXT:
        return Revision(row.number, row.text, row.created_at)
    media = RevisionMedia(row.file_name, row.content_type, row.size_bytes, status=row.verdict or PROCESSING,
                          content_type=row.stored_type or "", size_bytes=row.stored_size or 0,
                          rejection_reason=row.reason or "", upload_id=row.upload_id or "",
                          uploaded=row.uploaded_at is not None, checked_key=row.checked_key or "")
    return Revision(row.number, row.text, row.created_at, row.kind, media)


class RevisionMediaRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def revision(self, reflection_id: str, number: int, for_update: bool = False) -> Revision | None:
        """An audio/video revision with its media state (None for text revisions and unknown ones)."""
        query = revisions_with_media(media_only=True).where(reflection_revisions.c.reflection_id == reflection_id,
                                             reflection_revisions.c.number == number)
        row = self.session.execute(query.with_for_update(of=revision_media) if for_update else query).first()
        return revision_of(row) if row else None

    def mark_uploaded(self, reflection_id: str, number: int, at: dt.datetime) -> None:
        self._set(reflection_id, number, uploaded_at=at)

    def record_verdict(self, reflection_id: str, number: int, verdict: str, content_type: str, size_bytes: int,
                       reason: str, at: dt.datetime, checked_key: str = "") -> None:
        self._set(reflection_id, number, verdict=verdict, content_type=content_type, size_bytes=size_bytes,
                  reason=reason, checked_at=at, checked_key=checked_key)

    def abandoned(self, now: dt.datetime, limit: int = 100) -> list[tuple[str, int, str]]:
        """(reflection_id, number, upload_id) of uploads never completed whose target expired before ``now``."""
        m = revision_media.c
        rows = self.session.execute(select(m.reflection_id, m.number, m.upload_id).where(
            m.uploaded_at.is_(None), m.verdict == "", m.upload_expires_at < now).limit(limit))
        return [(r.reflection_id, r.number, r.upload_id) for r in rows]

    def unchecked_ready(self, limit: int = 100) -> list[tuple[str, int]]:
        """(reflection_id, number) of revisions judged ready before checked copies were kept (upgrade)."""
        m = revision_media.c
        rows = self.session.execute(select(m.reflection_id, m.number).where(m.verdict == READY,
                                                                            m.checked_key == "").limit(limit))
        return [(r.reflection_id, r.number) for r in rows]

    def _set(self, reflection_id: str, number: int, **values) -> None:
        self.session.execute(update(revision_media).where(revision_media.c.reflection_id == reflection_id,
                                                          revision_media.c.number == number).values(**values))
