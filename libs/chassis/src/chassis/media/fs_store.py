"""Filesystem adapter of the blob store port (the embedded default): objects under ``<var_dir>/media/<key>``.

Clients reach it through HMAC-signed gateway URLs (:mod:`chassis.media.signing`); the gateway calls
:meth:`FilesystemBlobStore.verify_signed_url`, then :meth:`receive_upload`, :meth:`receive_part` or :meth:`open`.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from chassis.errors import FieldProblem, InvalidArgument
from chassis.media.blobstore import MULTIPART, PUT, BlobNotFound, BlobStat, UploadTarget, part_count, utcnow
from chassis.media.fs_parts import PartsArea, UploadTooLarge
from chassis.media.fs_seals import Seals
from chassis.media.naming import InvalidKey, validate_key
from chassis.media.signing import InvalidSignedUrl, SignedMediaRequest, UrlSigner

_CHUNK = 1 << 20
_META_DIR = ".meta"  # keys cannot start a segment with '.', so no object can collide with it


class FilesystemBlobStore:
    """Objects as files; content types in ``.meta/<key>.json``; writes are atomic (temp file + rename)."""

    def __init__(self, root: pathlib.Path | str, url_secret: bytes, *, public_base_url: str = "") -> None:
        self.root = pathlib.Path(root).resolve()
        self.signer = UrlSigner(url_secret, public_base_url)
        self.parts = PartsArea(self.root)
        self.seals = Seals(self.root)

    def presign_upload(self, key: str, content_type: str, max_bytes: int,
                       expires: dt.timedelta) -> UploadTarget:
        """A signed PUT URL; the gateway enforces ``max_bytes`` while it streams the body to disk."""
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        expires_at = utcnow() + expires
        url = self.signer.upload_url(key, content_type, max_bytes, int(expires_at.timestamp()))
        return UploadTarget(key=key, method=PUT, url=url, headers={"Content-Type": content_type},
                            max_bytes=max_bytes, expires_at=expires_at)

    def presign_multipart(self, key: str, content_type: str, size: int, part_size: int,
                          expires: dt.timedelta) -> UploadTarget:
        """Signed part URLs (``/media/upload/<key>?..&uid=..&pn=..``) the gateway hands to :meth:`receive_part`;
        each caps its part at the declared size's share (``part_size``, the last one the remainder)."""
        self._path(key)
        count = part_count(size, part_size)
        upload_id = self.parts.start(key, content_type, part_size, count)
        expires_at = utcnow() + expires
        urls = tuple(self.signer.part_url(key, upload_id, number, min(part_size, size - (number - 1) * part_size),
                                          int(expires_at.timestamp())) for number in range(1, count + 1))
        return UploadTarget(key=key, method=MULTIPART, url="", headers={}, max_bytes=size,
                            expires_at=expires_at, upload_id=upload_id, part_size=part_size, part_urls=urls)

    def receive_part(self, request: SignedMediaRequest, stream: BinaryIO) -> str:
        """Store one part of a multipart upload from a verified part URL and return its ETag.

        ``request`` is what :meth:`verify_signed_url` returned (action ``part``); ``stream`` is the request body
        (any ``Content-Type``; at most the signed part size, else :class:`chassis.errors.InvalidArgument`). The
        return value is the part's ETag, the quoted MD5 hex of its bytes (``"9e107d9d..."``, as S3 answers): the
        gateway route must send it back in the response's ``ETag`` header (and expose that header to scripts),
        because the client completes the upload with these ETags in part order. Sending a part again replaces it.
        Raises :class:`InvalidSignedUrl` for an unknown, finished or aborted upload or a part number out of range.
        """
        if request.action != "part" or request.upload_id is None or request.part_number is None:
            raise InvalidSignedUrl("this URL does not allow uploading a part")
        self.seals.refuse_if_sealed(request.key)
        return self.parts.receive(request.key, request.upload_id, request.part_number, stream,
                                  request.max_bytes or 0)

    def complete_multipart(self, key: str, upload_id: str, etags: list[str]) -> None:
        """Concatenate the parts into the object (atomically) and drop them."""
        path = self._path(key)
        temp_name, content_type = self.parts.assemble(key, upload_id, etags, path.parent)
        try:
            self._commit(key, temp_name, content_type)
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise
        self.parts.discard(upload_id)

    def abort_multipart(self, key: str, upload_id: str) -> None:
        if self.parts.manifest(key, upload_id) is not None:
            self.parts.discard(upload_id)

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
        self.seals.refuse_if_sealed(request.key)
        size = self._write(request.key, stream, limit=request.max_bytes, content_type=request.content_type,
                           unless_sealed=True)
        return BlobStat(size=size, content_type=request.content_type)

    def copy(self, source: str, target: str) -> None:
        """Snapshot ``source`` at ``target``: a hard link (every write replaces a file, none changes one in place),
        or a copy where the file system has no links. Raises :class:`BlobNotFound`."""
        content_type = (self.stat(source) or BlobStat(0, "application/octet-stream")).content_type
        path = self._path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp_name = str(path.parent / f".link-{os.urandom(8).hex()}")
        try:
            os.link(self._path(source), temp_name)
        except FileNotFoundError as error:
            raise BlobNotFound(source) from error
        except OSError:
            with self.open(source) as stream:
                self._write(target, stream, limit=1 << 62, content_type=content_type)
            return
        try:
            self._commit(target, temp_name, content_type)
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise

    def seal(self, key: str) -> None:
        """The upload of ``key`` is complete: its signed URLs (whole file or parts) accept no more bytes."""
        self.seals.seal(key)

    def delete(self, key: str) -> None:
        """Remove the object (its seal stays: a deleted upload is not reopened)."""
        self._path(key).unlink(missing_ok=True)
        self._meta_path(key).unlink(missing_ok=True)


    def _write(self, key: str, stream: BinaryIO, *, limit: int, content_type: str, exact: bool = False,
               unless_sealed: bool = False) -> int:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as temp:
                written = _copy_at_most(stream, temp, limit)
            if exact and written != limit:
                raise InvalidArgument(f"expected {limit} bytes for {key!r}, got {written}",
                                      [FieldProblem("size", "the stream ended early")])
            if unless_sealed:
                self.seals.refuse_if_sealed(key)      # completed while this body streamed in
            self._commit(key, temp_name, content_type)
            return written
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise

    def _commit(self, key: str, temp_name: str, content_type: str) -> None:
        """Record the type, then move the finished temp file into place (readers never see a partial object)."""
        meta = self._meta_path(key)
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(json.dumps({"content_type": content_type}))
        os.replace(temp_name, self._path(key))

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
