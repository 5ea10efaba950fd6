"""The blob store port: where media bytes live, reached by clients only through presigned URLs.

Adapters: :class:`chassis.media.s3_store.S3BlobStore` (MinIO/S3) and
:class:`chassis.media.fs_store.FilesystemBlobStore` (the embedded default under ``<var_dir>/media``).
"""
from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, runtime_checkable

PUT, POST, MULTIPART = "PUT", "POST", "MULTIPART"


@dataclass(frozen=True)
class UploadTarget:
    """How a client uploads one object straight to the store (mirrors the artifacts proto's ``UploadTarget``).

    ``POST`` (S3/MinIO single uploads): send a ``multipart/form-data`` POST to ``url`` (the bucket) with every
    entry of ``fields`` first and the file last as field ``file``; the signed policy in ``fields`` fixes the key
    and ``Content-Type`` and limits the size to 1..``max_bytes`` (MinIO/S3 refuse anything else; the store answers
    204). ``PUT`` (the filesystem store): send the bytes to ``url`` with exactly ``headers`` (a real
    ``Content-Type``); the gateway enforces ``max_bytes`` while streaming. ``MULTIPART``: PUT part i (1-based,
    ``part_size`` bytes, the last one shorter) to ``part_urls[i-1]``, keep each response's ``ETag``, then have the
    service call ``complete_multipart`` with the ETags in order (no store can size-limit parts). Whatever the
    store enforces, the service validates size and type again after the upload.
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
                       expires: dt.timedelta) -> UploadTarget:
        """A single upload of at most ``max_bytes`` (the declared size), limited by the store where it can: method
        ``POST`` (a form with a size policy) on S3/MinIO, ``PUT`` to a signed gateway URL on the filesystem store.
        Keys under ``checked/`` are refused (:func:`chassis.media.naming.validate_upload_key`)."""

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

    def seal(self, key: str) -> None:
        """The upload of ``key`` is complete: refuse further writes to its upload target where the store can (the
        filesystem store; a presigned S3 URL cannot be revoked before it expires)."""

    def copy(self, source: str, target: str) -> None:
        """A consistent snapshot of ``source`` at ``target`` inside the store; raises :class:`BlobNotFound`."""

    def stat(self, key: str) -> BlobStat | None: ...

    def open(self, key: str) -> AbstractContextManager[BinaryIO]: ...

    def put(self, key: str, stream: BinaryIO, size: int, content_type: str) -> None: ...

    def delete(self, key: str) -> None: ...


class BlobNotFound(LookupError):
    """The object does not exist."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
