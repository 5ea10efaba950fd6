"""gateway.clients.replica_wait: within a request's patience a call refused as not yet replicated is repeated until it
answers; any other failure, or no patience (the REST API), is raised at once."""
from __future__ import annotations

import asyncio

import grpc
import pytest
from grpc.aio import AioRpcError, Metadata

from chassis.errors import NotYetReplicated
from chassis.grpc.errors import domain_error_status
from gateway.clients.replica_wait import patiently, wait_for_replicas


def _failure(code: grpc.StatusCode, details: str, trailing=()) -> AioRpcError:
    return AioRpcError(code, Metadata(), Metadata(*trailing), details)


def _lagging() -> AioRpcError:
    status = domain_error_status(NotYetReplicated("artifact a-1 has not arrived yet"))
    return _failure(status.code, status.details, status.trailing_metadata)


def _calls(*outcomes):
    attempts = []

    async def invoke():
        attempts.append(1)
        outcome = outcomes[len(attempts) - 1]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome
    return invoke, attempts


def test_a_lagging_replica_is_waited_for_within_the_patience():
    async def run():
        wait_for_replicas(5)
        invoke, attempts = _calls(_lagging(), _lagging(), "answered")
        return await patiently(invoke), len(attempts)
    assert asyncio.run(run()) == ("answered", 3)


def test_other_failures_and_requests_without_patience_are_not_repeated():
    async def run(patience: float, failure: AioRpcError) -> int:
        wait_for_replicas(patience)
        invoke, attempts = _calls(failure, "answered")
        with pytest.raises(AioRpcError):
            await patiently(invoke)
        return len(attempts)
    assert asyncio.run(run(5, _failure(grpc.StatusCode.PERMISSION_DENIED, "not allowed"))) == 1
    assert asyncio.run(run(5, _failure(grpc.StatusCode.UNAVAILABLE, "connection refused"))) == 1
    assert asyncio.run(run(0, _lagging())) == 1
