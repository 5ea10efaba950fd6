"""The blob store port: where media bytes live, reached by clients only through presigned URLs.

Adapters: :class:`chassis.media.s3_store.S3BlobStore` (MinIO/S3) and
:class:`chassis.media.fs_store.FilesystemBlobStore` (the embedded default under ``<var_dir>/media``).
"""
from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, runtime_checkable

from chassis.config import PlatformSettings


@dataclass(frozen=True)
class PresignedPost:
    """An HTML-form upload: POST ``url`` as multipart with ``fields`` first and the file last (field ``file``)."""

    url: str
    fields: dict[str, str]


PUT, POST, MULTIPART = "PUT", "POST", "MULTIPART"


@dataclass(frozen=True)
class UploadTarget:
    """How a client uploads one object straight to the store (mirrors the artifacts proto's ``UploadTarget``).

    ``PUT``: send the bytes to ``url`` with exactly ``headers`` (a real ``Content-Type``). ``MULTIPART``: PUT part
    i (1-based, ``part_size`` bytes, the last one shorter) to ``part_urls[i-1]``, keep each response's ``ETag``,
    then have the service call ``complete_multipart`` with the ETags in order. ``post`` is an alternative HTML form
    (S3/MinIO enforce its ``content-length-range``); ``None`` where the store has no such form. Whatever the store
    enforces, the service validates size and type again after the upload.
    """

    key: str
    method: str
    url: str
    headers: dict[str, str]
    max_bytes: int
    expires_at: dt.datetime
    fields: dict[str, str] = field(default_factory=dict)
    upload_id: str = ""
    part_size: int = 0
    part_urls: tuple[str, ...] = ()
    post: PresignedPost | None = None


def part_count(size: int, part_size: int) -> int:
    """How many parts of ``part_size`` bytes carry ``size`` bytes (at least one)."""
    if part_size < 1:
        raise ValueError("part_size must be positive")
    return max(1, -(-size // part_size))


@dataclass(frozen=True)
class BlobStat:
    """What the store knows about a stored object."""

    size: int
    content_type: str


@runtime_checkable
class BlobStore(Protocol):
    """Port used by the services; bytes flow between client and store, never through the services."""

    def presign_upload(self, key: str, content_type: str, max_bytes: int,
                       expires: dt.timedelta) -> UploadTarget: ...

    def presign_multipart(self, key: str, content_type: str, size: int, part_size: int,
                          expires: dt.timedelta) -> UploadTarget:
        """Start a resumable upload of ``size`` bytes: method ``MULTIPART`` with ``upload_id`` and one PUT URL per
        part (a failed part is simply sent again)."""

    def complete_multipart(self, key: str, upload_id: str, etags: list[str]) -> None:
        """Assemble the parts (ETags in part order) into the object at ``key``; raises ``InvalidArgument``
        (field ``part_etags``) when the parts or ETags do not match what was uploaded."""

    def abort_multipart(self, key: str, upload_id: str) -> None:
        """Drop an unfinished upload's parts (no error if it is already gone)."""

    def presign_download(self, key: str, expires: dt.timedelta, filename: str | None = None, *,
                         content_type: str | None = None, inline: bool = False) -> str:
        """A GET URL served as ``content_type`` (pass the SNIFFED type, not the uploader's) and as an
        attachment unless ``inline``."""

    def stat(self, key: str) -> BlobStat | None: ...

    def open(self, key: str) -> AbstractContextManager[BinaryIO]: ...

    def put(self, key: str, stream: BinaryIO, size: int, content_type: str) -> None: ...

    def delete(self, key: str) -> None: ...


class BlobNotFound(LookupError):
    """The object does not exist."""


def blob_store_from_settings(settings: PlatformSettings, *, url_secret: bytes | None = None,
                             public_base_url: str = "") -> BlobStore:
    """The S3 adapter when ``SKILLFOLIO_S3_ENDPOINT`` is set (URLs signed for ``SKILLFOLIO_S3_PUBLIC_ENDPOINT``
    where set), else the filesystem store under ``var_dir/media``.

    ``url_secret`` signs the filesystem store's URLs (the gateway must hold the same secret to serve them);
    ``public_base_url`` "" makes them relative (``/media/...``), served by the gateway that served the page.
    """
    if settings.s3_endpoint:
        from chassis.media.s3_store import S3BlobStore
        return S3BlobStore.from_settings(settings, public_endpoint=settings.s3_public_endpoint)
    from chassis.media.fs_store import FilesystemBlobStore
    if not url_secret:
        raise ValueError("the filesystem blob store needs a URL signing secret shared with the gateway")
    return FilesystemBlobStore(settings.var_dir / "media", url_secret, public_base_url=public_base_url)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
