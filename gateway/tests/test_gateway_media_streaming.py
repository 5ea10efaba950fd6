"""Media bodies stream: a 64 MB upload and download through a real uvicorn-served gateway never make the process
hold more than a few MB (tracemalloc's peak over the whole transfer, client included)."""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from chassis.testing import wait_for
from chassis.testing.infra import free_port

pytestmark = pytest.mark.integration
MB = 1024 * 1024
SIZE = 64 * MB
PEAK_LIMIT = 16 * MB   # a quarter of the file: buffering it whole anywhere would exceed this


@contextmanager
def served(app) -> Iterator[str]:
    """``app`` on uvicorn in a thread (lifespan run), at the yielded base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()

    def started() -> bool:
        assert thread.is_alive(), "uvicorn exited before it started"
        return server.started
    wait_for(started, 20, "uvicorn to start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def _pattern(chunk: int = MB) -> Iterator[bytes]:
    """SIZE bytes, generated a chunk at a time (the client holds no whole file either)."""
    block = hashlib.sha256(b"skillfolio").digest() * (chunk // 32)
    for _ in range(SIZE // chunk):
        yield block


def test_a_64_mb_upload_and_download_stream_through_the_gateway(make_app, media_store):
    key = "tests/streaming/original"
    target = media_store.presign_upload(key, "video/mp4", SIZE, dt.timedelta(hours=1))
    download = media_store.presign_download("checked/" + key, dt.timedelta(hours=1), "clip.mp4",
                                            content_type="video/mp4")
    expected = hashlib.sha256(b"".join(_pattern())).hexdigest()
    with served(make_app()) as base, httpx.Client(base_url=base, timeout=60) as http:
        tracemalloc.start()
        try:
            reply = http.put(target.url, content=_pattern(), headers=target.headers)
            upload_peak = tracemalloc.get_traced_memory()[1]
            media_store.copy(key, "checked/" + key)                   # the media worker's copy is what is served
            tracemalloc.reset_peak()
            digest, received = hashlib.sha256(), 0
            with http.stream("GET", download) as response:
                assert response.status_code == 200
                for chunk in response.iter_bytes():
                    digest.update(chunk)
                    received += len(chunk)
            download_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert reply.status_code == 201, reply.text
    assert received == SIZE and digest.hexdigest() == expected
    assert upload_peak < PEAK_LIMIT, f"upload peaked at {upload_peak / MB:.1f} MB"
    assert download_peak < PEAK_LIMIT, f"download peaked at {download_peak / MB:.1f} MB"
