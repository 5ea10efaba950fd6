"""A service's side of the presigned-media contract over one blob store: per-kind limits, single or multipart
upload targets capped at the declared size, finishing an upload (stat and seal, never reading the bytes),
dropping abandoned uploads, discarding objects.

The store is built on first use, so processes and tests that never touch media need no store settings.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from chassis.config import PlatformSettings
from chassis.errors import FieldProblem, InvalidArgument
from chassis.media.blobstore import BlobStat, BlobStore, UploadTarget
from chassis.media.kinds import MediaLimits
from chassis.media.stores import blob_store_from_settings

UNKNOWN_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class UploadPlan:
    """How an object's bytes travel: one upload (POST form or PUT), or MULTIPART in ``part_size`` parts when at
    least ``multipart_threshold`` bytes."""

    multipart_threshold: int
    part_size: int

    def is_multipart(self, size: int) -> bool:
        return size >= self.multipart_threshold


def service_blob_store(platform: PlatformSettings, ensure_bucket: bool) -> BlobStore:
    """S3/MinIO when ``SKILLFOLIO_S3_ENDPOINT`` is set (bucket created if missing and ``ensure_bucket``), else the
    filesystem store under ``var/media`` with RELATIVE URLs (``/media/...``) that the gateway serves."""
    if not platform.s3_endpoint and not platform.media_url_secret:
        raise ValueError("SKILLFOLIO_MEDIA_URL_SECRET is not set: the filesystem blob store signs its URLs with it "
                         "(the gateway verifies them with the same secret); `skillfolio up` generates one")
    store = blob_store_from_settings(platform, url_secret=platform.media_url_secret.encode(), public_base_url="")
    if platform.s3_endpoint and ensure_bucket:
        store.ensure_bucket()
    return store


class MediaUploads:
    """Per-kind limits, the upload plan and URL lifetimes over one lazily built blob store."""

    def __init__(self, store_factory: Callable[[], BlobStore], limits: MediaLimits, plan: UploadPlan,
                 upload_ttl: dt.timedelta, url_ttl: dt.timedelta) -> None:
        self._store_factory = store_factory
        self.limits, self.plan, self.upload_ttl, self.url_ttl = limits, plan, upload_ttl, url_ttl

    @functools.cached_property
    def store(self) -> BlobStore:
        return self._store_factory()

    def target(self, key: str, kind: str, content_type: str, size_bytes: int) -> UploadTarget:
        """Where the client sends the ``size_bytes`` it declared for ``key``: one upload capped at that size (a
        POST form's ``content-length-range`` on S3/MinIO, the gateway's cap on the filesystem store's signed PUT),
        or MULTIPART for big files (part URLs capped per part on the filesystem store). The media worker rejects
        any other stored size."""
        content_type = content_type or UNKNOWN_TYPE
        size_bytes = min(size_bytes, self.limits.for_kind(kind))
        if self.plan.is_multipart(size_bytes):
            return self.store.presign_multipart(key, content_type, size_bytes, self.plan.part_size,
                                                self.upload_ttl)
        return self.store.presign_upload(key, content_type, size_bytes, self.upload_ttl)

    def abandon(self, target: UploadTarget) -> None:
        """Undo a multipart upload created for an object whose transaction then failed."""
        if target.upload_id:
            self.store.abort_multipart(target.key, target.upload_id)

    def drop_upload(self, key: str, upload_id: str) -> None:
        """An upload that was never completed: abort its multipart upload (its parts go) and delete its bytes."""
        if upload_id:
            self.store.abort_multipart(key, upload_id)
        self.store.delete(key)

    def finish_upload(self, key: str, upload_id: str, part_etags: list[str]) -> BlobStat:
        """Assemble a multipart upload (once: a completed one is already an object), stat the object, and seal its
        upload target where the store can (the filesystem store's signed PUT then refuses more bytes)."""
        if upload_id and self.store.stat(key) is None:
            if not part_etags:
                raise InvalidArgument("this is a multipart upload", [FieldProblem(
                    "part_etags", "name the ETag of every uploaded part, in part order")])
            self.store.complete_multipart(key, upload_id, list(part_etags))
        stat = self.store.stat(key)
        if stat is None:
            raise InvalidArgument("nothing was uploaded", [FieldProblem(
                "file", "the file has not arrived in the store (upload it to the upload target first)")])
        self.store.seal(key)
        return stat

    def discard(self, *keys: str) -> None:
        for key in keys:
            if key:
                self.store.delete(key)
