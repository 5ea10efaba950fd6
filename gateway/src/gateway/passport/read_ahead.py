"""Run an async byte stream ahead of its consumer: a task of its own produces up to ``depth`` chunks while the
consumer (the HTTP response) is still sending earlier ones, so reading the store never waits for the socket."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

_END = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


async def read_ahead(chunks: AsyncIterator[bytes], depth: int = 2) -> AsyncIterator[bytes]:
    """``chunks``, each yielded while the producer is already making the next ones (at most ``depth`` waiting, so
    memory stays bounded); the producer's error is raised here, and leaving early cancels the producer."""
    queue: asyncio.Queue = asyncio.Queue(depth)

    async def produce() -> None:
        try:
            async for chunk in chunks:
                await queue.put(chunk)
        except Exception as error:          # noqa: BLE001  (handed to the consumer, which raises it)
            await queue.put(_Failed(error))
        else:
            await queue.put(_END)
        finally:
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                await aclose()

    producer = asyncio.ensure_future(produce())
    try:
        while (item := await queue.get()) is not _END:
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        if not producer.done():
            producer.cancel()
        await asyncio.gather(producer, return_exceptions=True)
