"""The blob store port: where media bytes live, reached by clients only through presigned URLs.

Adapters: :class:`chassis.media.s3_store.S3BlobStore` (MinIO/S3) and
:class:`chassis.media.fs_store.FilesystemBlobStore` (the embedded default under ``<var_dir>/media``).
"""
from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import BinaryIO, Protocol, runtime_checkable

from chassis.config import PlatformSettings


@dataclass(frozen=True)
class PresignedPost:
    """An HTML-form upload: POST ``url`` as multipart with ``fields`` first and the file last (field ``file``)."""

    url: str
    fields: dict[str, str]


@dataclass(frozen=True)
class UploadTarget:
    """How a client uploads one object: a presigned PUT (always) and, where the store enforces it, a POST form.

    The PUT must send exactly ``put_headers`` (a real ``Content-Type``). ``post`` carries a policy with a
    ``content-length-range`` that MinIO/S3 enforce; it is ``None`` where the store has no such form.
    Whatever the store enforces, the service validates size and type again after the upload.
    """

    key: str
    put_url: str
    put_headers: dict[str, str]
    max_bytes: int
    expires_at: dt.datetime
    post: PresignedPost | None = None


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
    """The S3 adapter when ``SKILLFOLIO_S3_ENDPOINT`` is set, else the filesystem store under ``var_dir/media``.

    ``url_secret`` signs the filesystem store's URLs (the gateway must hold the same secret to serve them).
    """
    if settings.s3_endpoint:
        from chassis.media.s3_store import S3BlobStore
        return S3BlobStore.from_settings(settings)
    from chassis.media.fs_store import FilesystemBlobStore
    if not url_secret:
        raise ValueError("the filesystem blob store needs a URL signing secret shared with the gateway")
    return FilesystemBlobStore(settings.var_dir / "media", url_secret, public_base_url=public_base_url)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
