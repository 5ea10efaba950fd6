"""Multipart uploads of the filesystem blob store: parts kept under ``<root>/.parts/<upload_id>/`` until completed.

Mirrors S3: each part is PUT to its own signed URL (sending a part again replaces it, which is how an interrupted
upload resumes), its ETag is the quoted MD5 of its bytes, and completing checks the ETags in part order.
"""
from __future__ import annotations

import hashlib
import json
import os
import pathlib
import re
import secrets
import shutil
import tempfile
import time
from typing import BinaryIO

from chassis.errors import FieldProblem, InvalidArgument
from chassis.media.signing import InvalidSignedUrl

PARTS_DIR = ".parts"  # keys cannot start a segment with '.', so no object can collide with it
STALE_AFTER_SECONDS = 7 * 24 * 3600  # an upload untouched this long is abandoned (S3: a lifecycle rule's job)
_UPLOAD_ID = re.compile(r"[0-9a-f]{32}")
_CHUNK = 1 << 20


class UploadTooLarge(InvalidArgument):
    """The upload (or part) exceeded the size its signed URL allows."""


class PartsArea:
    """The unfinished uploads of one store root."""

    def __init__(self, root: pathlib.Path) -> None:
        self.root = root / PARTS_DIR

    def start(self, key: str, content_type: str, part_size: int, parts: int) -> str:
        """A new upload id with its manifest (key, type, part size and count); abandoned uploads are dropped."""
        self.purge_stale()
        upload_id = secrets.token_hex(16)
        folder = self.root / upload_id
        folder.mkdir(parents=True)
        (folder / "upload.json").write_text(json.dumps({"key": key, "content_type": content_type,
                                                        "part_size": part_size, "parts": parts}))
        return upload_id

    def manifest(self, key: str, upload_id: str) -> dict | None:
        """The upload's manifest, or None when it is unknown, finished, aborted or belongs to another key."""
        if not _UPLOAD_ID.fullmatch(upload_id or ""):
            return None
        try:
            manifest = json.loads((self.root / upload_id / "upload.json").read_text())
        except FileNotFoundError:
            return None
        return manifest if manifest["key"] == key else None

    def receive(self, key: str, upload_id: str, number: int, stream: BinaryIO, limit: int) -> str:
        """Store part ``number`` (at most ``limit`` bytes) and return its ETag (quoted MD5 hex, as S3 does)."""
        manifest = self.manifest(key, upload_id)
        if manifest is None:
            raise InvalidSignedUrl("this upload is unknown, finished or aborted")
        if not 1 <= number <= manifest["parts"]:
            raise InvalidSignedUrl(f"part {number} is outside this upload's {manifest['parts']} parts")
        folder = self.root / upload_id
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=".part-")
        digest, written = hashlib.md5(usedforsecurity=False), 0
        try:
            with os.fdopen(fd, "wb") as temp:
                while chunk := stream.read(_CHUNK):
                    written += len(chunk)
                    if written > limit:
                        raise UploadTooLarge(f"part {number} is larger than {limit} bytes",
                                              [FieldProblem("part", f"a part may be at most {limit} bytes")])
                    digest.update(chunk)
                    temp.write(chunk)
            os.replace(temp_name, folder / f"{number}.part")
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise
        return f'"{digest.hexdigest()}"'

    def assemble(self, key: str, upload_id: str, etags: list[str], target_dir: pathlib.Path) -> tuple[str, str]:
        """Concatenate the parts into a temp file in ``target_dir``; returns (temp path, content type)."""
        manifest = self.manifest(key, upload_id)
        if manifest is None:
            raise _mismatch("this upload is unknown, finished or aborted")
        if not etags:
            raise _mismatch("name the ETag of every uploaded part")
        parts = [self.root / upload_id / f"{n}.part" for n in range(1, len(etags) + 1)]
        for number, (path, etag) in enumerate(zip(parts, etags), start=1):
            if not path.is_file():
                raise _mismatch(f"part {number} was not uploaded")
            if number < len(parts) and path.stat().st_size != manifest["part_size"]:
                raise _mismatch(f"part {number} is not {manifest['part_size']} bytes long")
            if _md5(path) != etag.strip().strip('"'):
                raise _mismatch(f"the ETag of part {number} does not match its bytes")
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=target_dir, prefix=".upload-")
        with os.fdopen(fd, "wb") as temp:
            for path in parts:
                with path.open("rb") as part:
                    shutil.copyfileobj(part, temp, _CHUNK)
        return temp_name, manifest["content_type"]

    def purge_stale(self, max_age_seconds: float = STALE_AFTER_SECONDS, now: float | None = None) -> int:
        """Drop uploads whose newest file is older than ``max_age_seconds``; returns how many."""
        now = time.time() if now is None else now
        stale = [folder for folder in (self.root.iterdir() if self.root.is_dir() else ())
                 if _UPLOAD_ID.fullmatch(folder.name) and _last_touched(folder, now) < now - max_age_seconds]
        for folder in stale:
            shutil.rmtree(folder, ignore_errors=True)
        return len(stale)

    def discard(self, upload_id: str) -> None:
        if _UPLOAD_ID.fullmatch(upload_id or ""):
            shutil.rmtree(self.root / upload_id, ignore_errors=True)


def _last_touched(folder: pathlib.Path, now: float) -> float:
    """The newest mtime in an upload's folder (``now`` if it vanished meanwhile: another process finished it)."""
    try:
        return max((f.stat().st_mtime for f in folder.iterdir()), default=0)
    except FileNotFoundError:
        return now


def _md5(path: pathlib.Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _mismatch(reason: str) -> InvalidArgument:
    return InvalidArgument("the uploaded parts do not match", [FieldProblem("part_etags", reason)])
