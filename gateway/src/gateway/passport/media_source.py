"""The media bytes of a passport, read a chunk at a time from the URLs the artifacts service signed: the embedded
filesystem store's own signed URLs are verified and read from disk here; any other (S3/MinIO presigned GET) is
fetched over HTTP."""
from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import anyio.to_thread
import httpx

from chassis.media.fs_store import FilesystemBlobStore

CHUNK = 4 << 20      # fewer thread hops and HTTP chunks per file; one chunk is all a download holds


class MediaReader:
    """Reads media; an HTTP client (its TLS context costs tens of ms) is made only for the first URL that needs one,
    and closed by :meth:`aclose`."""

    def __init__(self, fs_store: FilesystemBlobStore | None = None, http: httpx.AsyncClient | None = None) -> None:
        self.fs_store, self.http, self._own_http = fs_store, http, False

    async def aclose(self) -> None:
        if self._own_http and self.http is not None:
            await self.http.aclose()

    async def chunks(self, url: str) -> AsyncIterator[bytes]:
        if self.fs_store is not None and urlsplit(url).path.startswith("/media/"):
            signed = self.fs_store.verify_signed_url(url)
            with self.fs_store.open(signed.key) as stream:
                while chunk := await anyio.to_thread.run_sync(stream.read, CHUNK):
                    yield chunk
                    if len(chunk) < CHUNK:      # a short read is the file's end: no hop to read nothing
                        break
            return
        if self.http is None:
            self.http, self._own_http = httpx.AsyncClient(timeout=60), True
        async with self.http.stream("GET", url) as answer:
            answer.raise_for_status()
            async for chunk in answer.aiter_bytes(CHUNK):
                yield chunk
