"""The artifacts service's use of the blob store: upload targets for new versions, finishing uploads (stat only,
never reading the bytes), and the short-lived URLs reads hand out.

The store is built on first use, so processes and tests that never touch media need no store settings.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Callable

from chassis.errors import FieldProblem, InvalidArgument
from chassis.media import BlobStat, BlobStore, UploadTarget
from chassis.media.kinds import MediaLimits

from artifacts.adapters.media_records import MediaRecord
from artifacts.domain.media import UploadPlan, original_key, served_inline
from artifacts.domain.model import Artifact, Kind, Version, VersionInput

UNKNOWN_TYPE = "application/octet-stream"


class Media:
    """Per-kind limits, the upload plan (single upload or multipart) and URL lifetimes over one blob store."""

    def __init__(self, store_factory: Callable[[], BlobStore], limits: MediaLimits, plan: UploadPlan,
                 upload_ttl: dt.timedelta, url_ttl: dt.timedelta) -> None:
        self._store_factory = store_factory
        self.limits, self.plan, self.upload_ttl, self.url_ttl = limits, plan, upload_ttl, url_ttl

    @functools.cached_property
    def store(self) -> BlobStore:
        return self._store_factory()

    def limit(self, kind: Kind) -> int:
        """Largest accepted file of ``kind`` in bytes (0 for links: they have no file)."""
        return 0 if kind is Kind.LINK else self.limits.for_kind(kind.value)

    def upload_target(self, artifact_id: str, number: int, kind: Kind, content: VersionInput) -> UploadTarget:
        """Where the client sends version ``number``'s bytes: one upload limited to the kind's size (a POST form
        on S3/MinIO, a PUT to a signed gateway URL on the filesystem store), or MULTIPART for big files."""
        key = original_key(artifact_id, number)
        content_type = content.content_type or UNKNOWN_TYPE
        if self.plan.is_multipart(content.size_bytes):
            return self.store.presign_multipart(key, content_type, content.size_bytes, self.plan.part_size,
                                                self.upload_ttl)
        return self.store.presign_upload(key, content_type, self.limit(kind), self.upload_ttl)

    def abandon(self, target: UploadTarget) -> None:
        """Undo a multipart upload created for a version whose transaction then failed."""
        if target.upload_id:
            self.store.abort_multipart(target.key, target.upload_id)

    def abort_unfinished(self, artifact_id: str, number: int, record: MediaRecord | None) -> None:
        """Drop the parts of a multipart upload that was never completed (its version was replaced)."""
        if record is not None and record.upload_id and record.uploaded_at is None:
            self.store.abort_multipart(original_key(artifact_id, number), record.upload_id)

    def finish_upload(self, key: str, upload_id: str, part_etags: list[str]) -> BlobStat:
        """Assemble a multipart upload (once: a completed one is already an object), then stat the object."""
        if upload_id and self.store.stat(key) is None:
            if not part_etags:
                raise InvalidArgument("this is a multipart upload", [FieldProblem(
                    "part_etags", "name the ETag of every uploaded part, in part order")])
            self.store.complete_multipart(key, upload_id, list(part_etags))
        stat = self.store.stat(key)
        if stat is None:
            raise InvalidArgument("nothing was uploaded", [FieldProblem(
                "file", "the file has not arrived in the store (upload it to the upload target first)")])
        return stat

    def discard(self, *keys: str) -> None:
        for key in keys:
            if key:
                self.store.delete(key)

    # --- reads ---
    def with_urls(self, artifact: Artifact) -> Artifact:
        """The artifact (a read's own copy, filled in place) with presigned thumbnail/media URLs (ready media) and
        download URLs (ready versions)."""
        stored = artifact.media
        if stored is not None and stored.ready and artifact.status == "ready":
            key = original_key(artifact.id, artifact.current_version)
            if stored.thumbnail_key:
                artifact.thumbnail_url = self.store.presign_download(
                    stored.thumbnail_key, self.url_ttl, content_type="image/webp", inline=True)
            artifact.media_url = self.store.presign_download(
                key, self.url_ttl, self._file_name(artifact), content_type=stored.content_type,
                inline=served_inline(artifact.kind, stored.content_type))
        if artifact.versions:
            artifact.versions = [self._with_download(artifact.id, v) for v in artifact.versions]
        return artifact

    def _with_download(self, artifact_id: str, version: Version) -> Version:
        if not (version.media_key and version.stored and version.stored.ready):
            return version
        url = self.store.presign_download(version.media_key, self.url_ttl, version.file_name or None,
                                          content_type=version.stored.content_type, inline=False)
        return dataclasses.replace(version, download_url=url)

    @staticmethod
    def _file_name(artifact: Artifact) -> str | None:
        current = [v for v in artifact.versions if v.number == artifact.current_version]
        return (current[0].file_name or None) if current else None
