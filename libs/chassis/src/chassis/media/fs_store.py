"""Filesystem adapter of the blob store port (the embedded default): objects under ``<var_dir>/media/<key>``.

Clients reach it through HMAC-signed gateway URLs (:mod:`chassis.media.signing`); the gateway calls
:meth:`FilesystemBlobStore.verify_signed_url`, then :meth:`receive_upload` or :meth:`open`.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import tempfile
from contextlib import contextmanager
from typing import BinaryIO, Iterator

from chassis.errors import FieldProblem, InvalidArgument
from chassis.media.blobstore import BlobNotFound, BlobStat, UploadTarget, utcnow
from chassis.media.naming import InvalidKey, validate_key
from chassis.media.signing import InvalidSignedUrl, SignedMediaRequest, UrlSigner

_CHUNK = 1 << 20
_META_DIR = ".meta"  # keys cannot start a segment with '.', so no object can collide with it


class UploadTooLarge(InvalidArgument):
    """The upload exceeded the size the signed URL allows."""


class FilesystemBlobStore:
    """Objects as files; content types in ``.meta/<key>.json``; writes are atomic (temp file + rename)."""

    def __init__(self, root: pathlib.Path | str, url_secret: bytes, *, public_base_url: str = "") -> None:
        self.root = pathlib.Path(root).resolve()
        self.signer = UrlSigner(url_secret, public_base_url)

    def presign_upload(self, key: str, content_type: str, max_bytes: int,
                       expires: dt.timedelta) -> UploadTarget:
        """A signed PUT URL; the gateway enforces ``max_bytes`` while it streams the body to disk."""
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        expires_at = utcnow() + expires
        url = self.signer.upload_url(key, content_type, max_bytes, int(expires_at.timestamp()))
        return UploadTarget(key=key, put_url=url, put_headers={"Content-Type": content_type},
                            max_bytes=max_bytes, expires_at=expires_at)

    def presign_download(self, key: str, expires: dt.timedelta, filename: str | None = None, *,
                         content_type: str | None = None, inline: bool = False) -> str:
        """A signed GET URL; serve it with ``SignedMediaRequest.download_headers`` (type, disposition, nosniff)."""
        return self.signer.download_url(key, int((utcnow() + expires).timestamp()), filename,
                                        content_type=content_type, inline=inline)

    def verify_signed_url(self, url: str, *, now: float | None = None) -> SignedMediaRequest:
        return self.signer.verify(url, now=now)

    def stat(self, key: str) -> BlobStat | None:
        path = self._path(key)
        if not path.is_file():
            return None
        content_type = "application/octet-stream"
        meta = self._meta_path(key)
        if meta.is_file():
            content_type = json.loads(meta.read_text())["content_type"]
        return BlobStat(size=path.stat().st_size, content_type=content_type)

    @contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        path = self._path(key)
        try:
            stream = path.open("rb")
        except (FileNotFoundError, IsADirectoryError) as error:
            raise BlobNotFound(key) from error
        with stream:
            yield stream

    def put(self, key: str, stream: BinaryIO, size: int, content_type: str) -> None:
        written = self._write(key, stream, limit=size, content_type=content_type, exact=True)
        assert written == size

    def receive_upload(self, request: SignedMediaRequest, stream: BinaryIO, content_type: str) -> BlobStat:
        """Store the body of a verified upload URL, refusing more than its signed ``max`` bytes."""
        if request.action != "upload" or request.max_bytes is None:
            raise InvalidSignedUrl("this URL does not allow uploads")
        if _media_type(content_type) != _media_type(request.content_type or ""):
            raise InvalidSignedUrl(f"the upload must be sent with Content-Type {request.content_type!r}")
        size = self._write(request.key, stream, limit=request.max_bytes, content_type=request.content_type)
        return BlobStat(size=size, content_type=request.content_type)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
        self._meta_path(key).unlink(missing_ok=True)

    def _write(self, key: str, stream: BinaryIO, *, limit: int, content_type: str, exact: bool = False) -> int:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as temp:
                written = _copy_at_most(stream, temp, limit)
            if exact and written != limit:
                raise InvalidArgument(f"expected {limit} bytes for {key!r}, got {written}",
                                      [FieldProblem("size", "the stream ended early")])
            meta = self._meta_path(key)
            meta.parent.mkdir(parents=True, exist_ok=True)
            meta.write_text(json.dumps({"content_type": content_type}))
            os.replace(temp_name, path)
            return written
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise

    def _path(self, key: str) -> pathlib.Path:
        path = (self.root / validate_key(key)).resolve()
        if not path.is_relative_to(self.root):  # a symlink inside the store pointing outside it
            raise InvalidKey(key, "the key resolves outside the media store")
        return path

    def _meta_path(self, key: str) -> pathlib.Path:
        return self.root / _META_DIR / (validate_key(key) + ".json")


def _copy_at_most(source: BinaryIO, target: BinaryIO, limit: int) -> int:
    written = 0
    while chunk := source.read(_CHUNK):
        written += len(chunk)
        if written > limit:
            raise UploadTooLarge(f"the upload is larger than the allowed {limit} bytes",
                                 [FieldProblem("file", f"the file is larger than {_megabytes(limit)}")])
        target.write(chunk)
    return written


def _media_type(content_type: str) -> str:
    """``text/plain; charset=UTF-8`` -> ``text/plain`` (browsers add parameters to some bodies)."""
    return content_type.split(";", 1)[0].strip().lower()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
