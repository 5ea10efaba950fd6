"""Send one file of a verified transfer package to the UploadTarget the artifacts service gave for it, as a browser
sends an upload: the embedded filesystem store's own signed URLs are written here; S3/MinIO over HTTP (the signed
POST form, or presigned part URLs whose ETags complete a multipart upload). Blocking (run it in a worker thread);
the file is read from the package a part at a time, never whole. The media role checks the bytes as for any upload."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO
from urllib.parse import urlsplit

import httpx

from chassis.media import MULTIPART, POST
from chassis.media.fs_store import FilesystemBlobStore
from skillfolio.media.v1 import media_pb2 as mpb

CHUNK = 1 << 20


class MediaSink:
    """Uploads files; an HTTP client is made only for the first URL that needs one, and closed by :meth:`close`."""

    def __init__(self, fs_store: FilesystemBlobStore | None = None) -> None:
        self.fs_store = fs_store
        self._http: httpx.Client | None = None

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def send(self, target: mpb.UploadTarget, open_file: Callable[[], IO[bytes]], content_type: str) -> list[str]:
        """Upload the file ``open_file()`` reads; for MULTIPART, the parts' ETags in order (else [])."""
        with open_file() as stream:
            if target.method == MULTIPART:
                return [self._part(url, stream.read(target.part_size)) for url in target.part_urls]
            if self._own(target.url):
                self.fs_store.receive_upload(self.fs_store.verify_signed_url(target.url), stream, content_type)
            elif target.method == POST:
                fields = dict(target.fields)
                fields.setdefault("Content-Type", content_type)
                self._answer(self._client().post(target.url, data=fields,
                                                 files={"file": ("upload", stream, fields["Content-Type"])}))
            else:
                chunks = iter(lambda: stream.read(CHUNK), b"")
                self._answer(self._client().put(target.url, content=chunks, headers=dict(target.headers)))
        return []

    def _part(self, url: str, chunk: bytes) -> str:
        if self._own(url):
            return self.fs_store.receive_part(self.fs_store.verify_signed_url(url), io.BytesIO(chunk))
        return self._answer(self._client().put(url, content=chunk)).headers["ETag"]

    def _own(self, url: str) -> bool:
        return self.fs_store is not None and urlsplit(url).path.startswith("/media/")

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(timeout=120)
        return self._http

    @staticmethod
    def _answer(answer: httpx.Response) -> httpx.Response:
        if answer.status_code >= 300:
            raise UploadRefused(f"the media store refused the file ({answer.status_code}): {answer.text[:300]}")
        return answer


class UploadRefused(RuntimeError):
    """The store did not take a file (the import stops; running it again resumes)."""
