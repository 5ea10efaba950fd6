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
    from skillfolio.reflections.v1 import reflections_pb2 as pb, reflections_pb2_grpc
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{port}")
    stub = reflections_pb2_grpc.ReflectionsServiceStub(channel)

    async def call(w) -> str:
        reply = await stub.AddReflection(pb.AddReflectionRequest(artifact_id=w.artifact_id, text=body),
                                         metadata=signed_as(private_pem, w.student_id, "student"), timeout=30)
        return reply.reflection.id
    return call, channel.close


def gateway_caller(port: int, session_secret: str, writers: list, body: str):
    import httpx
    from chassis.context import Principal
    from gateway.auth import issue_api_token
    tokens = {w.student_id: issue_api_token(Principal(w.student_id, ("student",), "Bench Student"), session_secret,
                                            ttl_seconds=4 * 3600) for w in writers}
    http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30,
                             limits=httpx.Limits(max_connections=len(writers)))

    async def call(w) -> str:
        reply = await http.post(f"/api/v1/artifacts/{w.artifact_id}/reflections", json={"text": body},
                                headers={"Authorization": f"Bearer {tokens[w.student_id]}"})
        if reply.status_code != 201:
            raise RuntimeError(f"{reply.status_code}: {reply.text[:200]}")
        return reply.json()["id"]
    return call, http.aclose


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
