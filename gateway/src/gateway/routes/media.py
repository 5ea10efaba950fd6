"""Signed media URLs of the embedded default (filesystem blob store; mounted only without SKILLFOLIO_S3_ENDPOINT).

``PUT /media/upload/<key>?..`` streams a request body to disk (a whole file, or one part of a multipart upload,
whose ETag is returned in the ``ETag`` header); ``GET /media/<key>?..`` streams a stored file back with the signed
type and disposition. The URLs are HMAC-signed by the services that take media (artifacts, reflections) with
SKILLFOLIO_MEDIA_URL_SECRET and verified here; bodies are never held in memory whole: chunks pass from the ASGI
receive channel to the file one at a time.
"""
from __future__ import annotations

import anyio
import anyio.to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from chassis.config import PlatformSettings
from chassis.errors import DomainError, FieldProblem
from chassis.media.fs_seals import UploadSealed
from chassis.media.fs_store import FilesystemBlobStore, UploadTooLarge
from chassis.media.naming import InvalidKey
from chassis.media.signing import ExpiredSignedUrl, InvalidSignedUrl, SignedMediaRequest
from chassis.media.stores import blob_store_from_settings
from gateway.errors import api_error
from gateway.routes.media_body import BodyReader
from gateway.routes.media_range import Unsatisfiable, byte_range

router = APIRouter(include_in_schema=False)
CHUNK = 1 << 20


def media_store(platform: PlatformSettings) -> FilesystemBlobStore:
    """The filesystem store under ``<var_dir>/media`` with the shared URL secret (ValueError without one)."""
    if not platform.media_url_secret:
        raise ValueError("SKILLFOLIO_MEDIA_URL_SECRET must be set (the same value as the artifacts service's) for "
                         "the gateway to serve media from the filesystem; `skillfolio up` generates one")
    return blob_store_from_settings(platform, url_secret=platform.media_url_secret.encode())


def _store(request: Request) -> FilesystemBlobStore:
    return request.app.state.media_store


def _refused(error: DomainError) -> JSONResponse:
    """JSON errors (scripts call these URLs): 403 for a bad or expired link, 413 over the size, 404 unknown, 409
    once the upload was completed (its bytes are being or were checked: they are not replaced)."""
    if isinstance(error, ExpiredSignedUrl):
        return api_error(403, error.code, "this media link has expired; reload the page for a fresh one")
    if isinstance(error, InvalidSignedUrl):
        return api_error(403, error.code, f"this media link is not valid: {error.message}")
    if isinstance(error, UploadTooLarge):
        return api_error(413, "PAYLOAD_TOO_LARGE", error.message, error.problems)
    if isinstance(error, UploadSealed):
        return api_error(409, error.code, error.message, error.problems)
    if isinstance(error, InvalidKey):
        return api_error(404, "NOT_FOUND", error.message, error.problems)
    return api_error(422, error.code, error.message, error.problems)


def _verify(request: Request, action: str) -> SignedMediaRequest:
    """The verified URL of this request, refused unless it allows one of ``action`` (``upload|part``, ...)."""
    signed = _store(request).verify_signed_url(str(request.url))
    if signed.action not in action.split("|"):
        raise InvalidSignedUrl(f"this URL does not allow a {request.method}")
    return signed


@router.put("/media/upload/{key:path}")
async def upload(request: Request, key: str) -> Response:
    """Store the body of a signed upload (or part) URL; 201 for a file, 200 with ``ETag`` for a part."""
    try:
        signed = _verify(request, "upload|part")
        limit = signed.max_bytes or 0
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise UploadTooLarge(f"the upload is {declared} bytes; this link allows at most {limit}",
                                 [FieldProblem("file", f"at most {limit} bytes")])
        body = BodyReader(request.stream(), limit)
        store = _store(request)
        if signed.action == "part":
            etag = await anyio.to_thread.run_sync(store.receive_part, signed, body)
            return Response(status_code=200, headers={"ETag": etag, "Access-Control-Expose-Headers": "ETag"})
        content_type = request.headers.get("content-type", "")
        if _media_type(content_type) != _media_type(signed.content_type or ""):
            return api_error(415, "UNSUPPORTED_MEDIA_TYPE", f"send this file with Content-Type "
                             f"{signed.content_type!r} (the type announced when the upload was requested)")
        stat = await anyio.to_thread.run_sync(store.receive_upload, signed, body, content_type)
    except DomainError as error:
        return _refused(error)
    return JSONResponse({"key": signed.key, "size_bytes": stat.size}, status_code=201)


@router.get("/media/{key:path}")
async def download(request: Request, key: str) -> Response:
    """Stream a stored object with the signed type and disposition, ``nosniff`` and a private, no-store cache;
    a single ``Range`` is answered with 206 (seeking in video and audio)."""
    try:
        signed = _verify(request, "download")
        store = _store(request)
        stat = await anyio.to_thread.run_sync(store.stat, signed.key)
    except DomainError as error:
        return _refused(error)
    if stat is None:
        return api_error(404, "NOT_FOUND", "this media file does not exist (any more)")
    headers = {**signed.download_headers(stat.content_type), "Accept-Ranges": "bytes"}
    try:
        span = byte_range(request.headers.get("range"), stat.size)
    except Unsatisfiable as error:
        return api_error(416, "RANGE_NOT_SATISFIABLE", str(error),
                         headers={**headers, "Content-Range": f"bytes */{stat.size}"})
    first, last = span or (0, stat.size - 1)
    headers["Content-Length"] = str(last - first + 1)
    if span:
        headers["Content-Range"] = f"bytes {first}-{last}/{stat.size}"
    return StreamingResponse(_chunks(store, signed.key, first, last - first + 1), status_code=206 if span else 200,
                             headers=headers, media_type=headers["Content-Type"])


def _media_type(content_type: str) -> str:
    """``text/plain; charset=UTF-8`` -> ``text/plain``."""
    return content_type.split(";", 1)[0].strip().lower()


def _chunks(store: FilesystemBlobStore, key: str, offset: int, length: int):
    """``length`` bytes of the object from ``offset``, a chunk at a time (Starlette iterates a sync generator in
    its thread pool)."""
    with store.open(key) as stream:
        stream.seek(offset)
        while length > 0 and (chunk := stream.read(min(CHUNK, length))):
            length -= len(chunk)
            yield chunk
