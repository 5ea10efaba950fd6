"""A blocking file-like view of an ASGI request body, for the filesystem blob store's ``read()``-based writers.

The store runs in a worker thread (``anyio.to_thread``); each ``read`` fetches the next body chunk from the event
loop (``anyio.from_thread``), so memory holds one chunk, never the whole upload. Past ``limit`` bytes it raises
:class:`chassis.media.fs_store.UploadTooLarge` and stops reading.
"""
from __future__ import annotations

import io
from collections.abc import AsyncIterator

import anyio.from_thread

from chassis.errors import FieldProblem
from chassis.media.fs_store import UploadTooLarge


class BodyReader(io.RawIOBase):
    """``read(n)`` returns at most ``n`` bytes of the body, ``b""`` at its end."""

    def __init__(self, chunks: AsyncIterator[bytes], limit: int) -> None:
        self._chunks = chunks
        self._limit = limit
        self._pending = b""
        self._received = 0
        self._done = False

    def readable(self) -> bool:
        return True

    async def _next(self) -> bytes | None:
        try:
            return await self._chunks.__anext__()
        except StopAsyncIteration:
            return None

    def _fill(self) -> None:
        while not self._pending and not self._done:
            chunk = anyio.from_thread.run(self._next)
            if chunk is None:
                self._done = True
                return
            self._received += len(chunk)
            if self._received > self._limit:
                self._done = True
                raise UploadTooLarge(f"the upload is larger than the {self._limit} bytes this link allows",
                                     [FieldProblem("file", f"at most {self._limit} bytes")])
            self._pending = chunk

    def read(self, size: int = -1) -> bytes:
        self._fill()
        if size is None or size < 0:
            parts = [self._pending]
            self._pending = b""
            while not self._done:
                self._fill()
                parts.append(self._pending)
                self._pending = b""
            return b"".join(parts)
        out, self._pending = self._pending[:size], self._pending[size:]
        return out

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
