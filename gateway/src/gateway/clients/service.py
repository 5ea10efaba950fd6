"""One gRPC service's channel and stub: the call every facade makes (signed principal, deadline, replica wait), with
a failure raised as the DomainError it stands for."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from chassis.context import Principal, principal_var
from chassis.errors import Unauthenticated
from chassis.grpc.admission import ends_sessions
from chassis.grpc.errors import rpc_error_to_domain
from gateway.clients.replica_wait import patiently

log = logging.getLogger(__name__)
Reply = TypeVar("Reply")


class AccountRefused(Unauthenticated):
    """A service refused the caller's account itself (inactive, or password changed): every session has ended."""


class ServiceClient:
    """One gRPC service's stub over one channel; a facade subclass names ``stub_class`` and one method per RPC."""

    stub_class: Callable[[grpc.aio.Channel], Any]

    def __init__(self, name: str, channel: grpc.aio.Channel, timeout: float,
                 on_account_refused: Callable[[str], None] | None = None) -> None:
        self.name, self.channel, self.stub = name, channel, self.stub_class(channel)
        self._health = health_pb2_grpc.HealthStub(channel)
        self._timeout = timeout
        self._on_account_refused = on_account_refused

    def sibling(self, facade: type[ServiceClient]) -> ServiceClient:
        """Another gRPC service served by this one's server, on the same channel (closed with it)."""
        return facade(self.name, self.channel, self._timeout, self._on_account_refused)

    async def invoke(self, rpc: Callable[..., Awaitable[Reply]], request: Any, principal: Principal | None) -> Reply:
        """``rpc(request)`` as ``principal`` (None only for public RPCs such as Authenticate), within the deadline.
        A failure is raised as the DomainError it stands for. When the service refuses the principal's account
        (inactive, or password changed), ``on_account_refused(subject)`` ends all of the person's sessions first;
        on a web page, a call refused as not yet replicated is repeated briefly (gateway.clients.replica_wait)."""
        token = principal_var.set(principal)
        try:
            return await patiently(lambda: rpc(request, timeout=self._timeout))
        except grpc.aio.AioRpcError as error:
            if ends_sessions(error):
                if principal is not None and self._on_account_refused is not None:
                    log.info("account refused (%s): revoking every session", error.details(),
                             extra={"person_id": principal.subject})
                    self._on_account_refused(principal.subject)
                raise AccountRefused(error.details()) from error
            raise rpc_error_to_domain(error) from error
        finally:
            principal_var.reset(token)

    def stream(self, rpc: Callable[..., Any], request: Any, principal: Principal,
               timeout: float) -> AsyncIterator[Any]:
        """The messages of the server-streaming ``rpc(request)`` as ``principal``, within ``timeout`` for the whole
        stream; a failure (on the first message: a refusal) is raised as the DomainError it stands for. The call
        starts here (its interceptor task copies the principal's context), so the messages may be read anywhere."""
        token = principal_var.set(principal)
        try:
            call = rpc(request, timeout=timeout)
        finally:
            principal_var.reset(token)
        return _messages(call)

    async def serving(self, timeout: float = 2.0) -> bool:
        """The gRPC health check of the whole server: True when it answers SERVING."""
        try:
            reply = await self._health.Check(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
        except grpc.aio.AioRpcError:
            return False
        return reply.status == health_pb2.HealthCheckResponse.SERVING


async def _messages(call) -> AsyncIterator[Any]:
    try:
        async for message in call:
            yield message
    except grpc.aio.AioRpcError as error:
        raise rpc_error_to_domain(error) from error
