"""Web pages wait briefly, server-side, for a fact a service's replica has not received yet (NotYetReplicated:
UNAVAILABLE with RetryInfo): a form's call is repeated with backoff for up to 5 s before the page says "still
syncing", a page view's for 1 s (then its section says "not available yet"). Nothing was written by a call refused
that way, so repeating a create is safe. The REST API does not wait: its clients get 503 with Retry-After."""
from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Awaitable, Callable
from typing import Any

import grpc

from chassis.errors import NotYetReplicated
from chassis.grpc.errors import rpc_error_to_domain

FORM_PATIENCE_SECONDS = 5.0    # the median wait under load was 0.5 s; an events role restarting takes longer
VIEW_PATIENCE_SECONDS = 1.0    # a page view shows the rest of the page rather than keep the reader waiting
patience_var: contextvars.ContextVar[float] = contextvars.ContextVar("replica_patience", default=0.0)


def wait_for_replicas(seconds: float) -> None:
    """For the rest of this request, calls refused as not yet replicated are repeated for up to ``seconds``."""
    patience_var.set(seconds)


def _not_yet_replicated(error: grpc.RpcError) -> bool:
    return error.code() == grpc.StatusCode.UNAVAILABLE and isinstance(rpc_error_to_domain(error), NotYetReplicated)


async def patiently(invoke: Callable[[], Awaitable[Any]]) -> Any:
    """``await invoke()``, repeated while it is refused as not yet replicated and this request's patience lasts."""
    patience = patience_var.get()
    if not patience:
        return await invoke()
    loop = asyncio.get_running_loop()
    deadline, delay = loop.time() + patience, 0.1
    while True:
        try:
            return await invoke()
        except grpc.aio.AioRpcError as error:
            if not _not_yet_replicated(error) or loop.time() + delay > deadline:
                raise
        await asyncio.sleep(delay)          # backoff between attempts, not a wait on a fact
        delay = min(delay * 2, 1.0)
