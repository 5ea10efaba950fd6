"""HTTP load for the benchmarks: N concurrent clients, each on its own keep-alive HTTP/1.1 connection, either flat
out (closed loop) or paced (each client waits out a think time between requests); per-request latencies, errors
counted. The client is a minimal asyncio one (GET, Content-Length or chunked bodies): a full-featured client such as
httpx spends several CPU milliseconds per request, which on a 2-core machine would be taken from the servers."""
from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    def summary(self) -> dict:
        return {"rps": round(self.rate, 1), "p50_ms": round(statistics.median(self.latencies_ms), 1),
                "p95_ms": round(self.percentile(95), 1), "p99_ms": round(self.percentile(99), 1),
                "requests": self.requests, "errors": self.errors}


class Connection:
    """One keep-alive HTTP/1.1 connection sending GETs (or any request, one at a time)."""

    def __init__(self, base_url: str, headers: dict) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in {"Host": parts.netloc, **headers}.items())

    async def open(self) -> Connection:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self

    async def get(self, path: str) -> tuple[int, bytes]:
        return await self.request("GET", path)

    async def request(self, method: str, path: str, body: bytes = b"", headers: str = "") -> tuple[int, bytes]:
        """One request on the connection (``headers``: extra "Name: value\\r\\n" lines); (status, body)."""
        length = f"Content-Length: {len(body)}\r\n" if body or method != "GET" else ""
        self.writer.write(f"{method} {path} HTTP/1.1\r\n{self.extra}{headers}{length}\r\n".encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if fields.get("transfer-encoding", "").lower() == "chunked":
            body = bytearray()
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                body += await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
            return status, bytes(body)
        return status, await self.reader.readexactly(int(fields.get("content-length", 0)))

    def close(self) -> None:
        self.writer.close()


async def _run(base_url: str, paths: list[str], headers: dict, clients: int, seconds: float,
               think_seconds: float, seed: int) -> Result:
    latencies: list[float] = []
    errors = 0
    connections = await asyncio.gather(*(Connection(base_url, headers).open() for _ in range(clients)))
    await asyncio.gather(*(c.get(paths[i % len(paths)]) for i, c in enumerate(connections)))
    started = time.perf_counter()
    deadline = started + seconds

    async def client(number: int, connection: Connection) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + number)
        if think_seconds:        # spread the paced clients' first requests over one think time
            await asyncio.sleep(rng.uniform(0, think_seconds))
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            status, _ = await connection.get(rng.choice(paths))
            latencies.append((time.perf_counter() - began) * 1000)
            if status != 200:
                errors += 1
            if think_seconds:
                pause = think_seconds * rng.uniform(0.5, 1.5) - (time.perf_counter() - began)
                await asyncio.sleep(max(0.0, min(pause, deadline - time.perf_counter())))
    try:
        await asyncio.gather(*(client(n, c) for n, c in enumerate(connections)))
    finally:
        for connection in connections:
            connection.close()
    return Result(len(latencies), errors, time.perf_counter() - started, latencies)


def run(base_url: str, paths: list[str], headers: dict, clients: int, seconds: float, think_seconds: float = 0.0,
        seed: int = 1) -> Result:
    """Closed loop when ``think_seconds`` is 0; otherwise each client sends about one request per think time."""
    return asyncio.run(_run(base_url, paths, headers, clients, seconds, think_seconds, seed))


def merge(results: list[Result]) -> Result:
    """Several runs as one: requests, errors and time added up, latencies pooled."""
    return Result(sum(r.requests for r in results), sum(r.errors for r in results), sum(r.seconds for r in results),
                  [ms for r in results for ms in r.latencies_ms])
