"""Liveness (/healthz: the process answers) and readiness (/readyz: every service it calls is SERVING).

/metrics is not on this public app: `gateway.serve` serves it on GATEWAY_METRICS_PORT.
"""
from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from gateway.clients.backends import BackendsDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the gateway process is running")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: every service the gateway depends on answers its gRPC health check")
async def readyz(backends: BackendsDep) -> JSONResponse:
    clients = backends.all
    results = await asyncio.gather(*(client.serving() for client in clients))
    services = {client.name: ("serving" if ok else "unavailable") for client, ok in zip(clients, results)}
    ready = all(results)
    return JSONResponse({"status": "ready" if ready else "not ready", "services": services},
                        status_code=200 if ready else 503)
