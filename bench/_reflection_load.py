"""The reflection_add bench's load: 50 writers calling back to back (closed loop) through the gRPC API or the
gateway's REST route, and the baseline's threads inserting the same rows directly; latencies per call."""
from __future__ import annotations

import asyncio
import statistics
import sys
import threading
import time

from _reflection_seed import BaselineWriter


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94] * 1000 if len(samples) > 1 else float("nan")


async def closed_loop(call, writers: list, seconds: float) -> tuple[list[float], list[str], int]:
    """Each writer calls back to back for ``seconds``: latencies (s), the reflection ids answered, errors."""
    latencies, ids, errors = [], [], 0
    deadline = time.monotonic() + seconds

    async def writer(w) -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                ids.append(await call(w))
                latencies.append(time.perf_counter() - start)
            except Exception as exc:  # noqa: BLE001 (counted and reported, never silently)
                errors += 1
                if errors <= 3:
                    print(f"error: {exc!r}", file=sys.stderr)
    await asyncio.gather(*(writer(w) for w in writers))
    return latencies, ids, errors


def grpc_caller(port: int, private_pem: str, body: str):
    import grpc

    from chassis.testing.grpc_api import signed_as
    from skillfolio.reflections.v1 import reflections_pb2 as pb
    from skillfolio.reflections.v1 import reflections_pb2_grpc
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{port}")
    stub = reflections_pb2_grpc.ReflectionsServiceStub(channel)

    async def call(w) -> str:
        reply = await stub.AddReflection(pb.AddReflectionRequest(artifact_id=w.artifact_id, text=body),
                                         metadata=signed_as(private_pem, w.student_id, "student"), timeout=30)
        return reply.reflection.id
    return call, channel.close


def gateway_caller(port: int, session_secret: str, sessions, writers: list, body: str):
    """REST calls on one keep-alive connection per writer, with the minimal client of bench/_load.py (httpx's
    connection pool costs the bench process several CPU ms per call, taken from the servers on a 2-core machine)."""
    import json

    from _load import Connection
    from _stack import bearer_token
    tokens = {w.student_id: bearer_token(w.student_id, session_secret, sessions) for w in writers}
    payload = json.dumps({"text": body}).encode()
    connections: dict[str, Connection] = {}
    last_used: dict[str, float] = {}

    async def call(w) -> str:
        connection = connections.get(w.student_id)
        if connection is not None and time.monotonic() - last_used[w.student_id] > 2:
            connections.pop(w.student_id).close()             # idle through a baseline round: the server's
            connection = None                                 # keep-alive timeout (5 s) may have closed it
        if connection is None:
            connection = connections[w.student_id] = await Connection(f"http://127.0.0.1:{port}", {}).open()
        try:
            status, answer = await connection.request(
                "POST", f"/api/v1/artifacts/{w.artifact_id}/reflections", payload,
                f"Authorization: Bearer {tokens[w.student_id]}\r\nContent-Type: application/json\r\n")
        except (OSError, asyncio.IncompleteReadError):
            connections.pop(w.student_id).close()          # the next call opens a fresh connection
            raise
        finally:
            last_used[w.student_id] = time.monotonic()
        if status != 201:
            raise RuntimeError(f"{status}: {answer[:200]!r}")
        return json.loads(answer)["id"]

    async def close() -> None:
        for connection in connections.values():
            connection.close()
    return call, close


def baseline_round(database_url: str, writers: list, pool: int, seconds: float,
                   body: str) -> tuple[list[float], int]:
    """50 threads, each its own writer, inserting the same rows directly (one transaction each)."""
    direct = BaselineWriter(database_url, pool)
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def run(w) -> None:
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                direct.add(w, body)
            except Exception as exc:  # noqa: BLE001
                with lock:
                    errors[0] += 1
                print(f"baseline error: {exc!r}", file=sys.stderr)
                continue
            with lock:
                latencies.append(time.perf_counter() - start)
    threads = [threading.Thread(target=run, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    direct.close()
    return latencies, errors[0]
