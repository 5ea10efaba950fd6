"""The reflections service's use of the blob store (chassis.media.uploads): upload targets for audio/video
revisions and the short-lived URLs reads hand out for ready ones."""
from __future__ import annotations

import dataclasses
import datetime as dt

from chassis.media import UploadTarget
from chassis.media.uploads import MediaUploads
from reflections.domain.media import READY, MediaFile, original_key
from reflections.domain.model import Reflection, Revision


class ReflectionMedia(MediaUploads):
    """The chassis media uploads with reflection keys."""

    def upload_target(self, reflection_id: str, number: int, media: MediaFile) -> UploadTarget:
        return self.target(original_key(reflection_id, number), media.kind, media.content_type, media.size_bytes)

    def with_urls(self, reflection: Reflection, ttl: dt.timedelta | None = None) -> Reflection:
        """The reflection with a signed read URL on each ready audio/video revision (served inline, as the
        SNIFFED type), always of the media check's copy (never the upload's key); valid ``ttl`` (default: a
        page's)."""
        return dataclasses.replace(reflection, revisions=[self._with_url(r, ttl or self.url_ttl)
                                                          for r in reflection.revisions])

    def _with_url(self, revision: Revision, ttl: dt.timedelta) -> Revision:
        media = revision.media
        if media is None or media.status != READY or not media.checked_key:
            return revision
        url = self.store.presign_download(media.checked_key, ttl,
                                          media.file_name or None, content_type=media.content_type, inline=True)
        return dataclasses.replace(revision, media=dataclasses.replace(media, url=url))
