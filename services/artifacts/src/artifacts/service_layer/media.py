"""The artifacts service's use of the blob store (chassis.media.uploads): upload targets for new versions, dropping
unfinished multipart uploads, and the short-lived URLs reads hand out."""
from __future__ import annotations

import dataclasses

from artifacts.adapters.media_records import MediaRecord
from artifacts.domain.media import original_key, served_inline
from artifacts.domain.model import Artifact, Kind, Version, VersionInput
from chassis.media import UploadTarget
from chassis.media.uploads import MediaUploads


class Media(MediaUploads):
    """The chassis media uploads with artifact keys: version targets, abandoned multiparts, read URLs."""

    def limit(self, kind: Kind) -> int:
        """Largest accepted file of ``kind`` in bytes (0 for links: they have no file)."""
        return 0 if kind is Kind.LINK else self.limits.for_kind(kind.value)

    def upload_target(self, artifact_id: str, number: int, kind: Kind, content: VersionInput) -> UploadTarget:
        """Where the client sends version ``number``'s bytes (see :meth:`MediaUploads.target`)."""
        return self.target(original_key(artifact_id, number), kind.value, content.content_type, content.size_bytes)

    def abort_unfinished(self, artifact_id: str, number: int, record: MediaRecord | None) -> None:
        """Drop the parts of a multipart upload that was never completed (its version was replaced)."""
        if record is not None and record.upload_id and record.uploaded_at is None:
            self.store.abort_multipart(original_key(artifact_id, number), record.upload_id)

    # --- reads ---
    def with_urls(self, artifact: Artifact) -> Artifact:
        """The artifact (a read's own copy, filled in place) with presigned thumbnail/media URLs (ready media) and
        download URLs (ready versions); only the media worker's checked copies are ever served."""
        stored = artifact.media
        if stored is not None and stored.servable and artifact.status == "ready":
            if stored.thumbnail_key:
                artifact.thumbnail_url = self.store.presign_download(
                    stored.thumbnail_key, self.url_ttl, content_type="image/webp", inline=True)
            artifact.media_url = self.store.presign_download(
                stored.checked_key, self.url_ttl, self._file_name(artifact), content_type=stored.content_type,
                inline=served_inline(artifact.kind, stored.content_type))
        if artifact.versions:
            artifact.versions = [self._with_download(artifact.id, v) for v in artifact.versions]
        return artifact

    def _with_download(self, artifact_id: str, version: Version) -> Version:
        if not (version.media_key and version.stored and version.stored.servable):
            return version
        url = self.store.presign_download(version.stored.checked_key, self.url_ttl, version.file_name or None,
                                          content_type=version.stored.content_type, inline=False)
        return dataclasses.replace(version, download_url=url)

    @staticmethod
    def _file_name(artifact: Artifact) -> str | None:
        current = [v for v in artifact.versions if v.number == artifact.current_version]
        return (current[0].file_name or None) if current else None
