"""grpc.aio clients of the services the gateway fronts; every call carries a signed principal and correlation id.

The chassis channel's interceptor adds both: it signs ``chassis.context.principal_var`` (set here per call) with
SKILLFOLIO_PRINCIPAL_PRIVATE_KEY and reads the correlation id the HTTP middleware put in its contextvar.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from chassis.config import PlatformSettings
from chassis.context import Principal, principal_var
from chassis.grpc.admission import ends_sessions
from chassis.grpc.client import aio_channel, signing_token_source
from skillfolio.artifacts.v1 import artifacts_pb2_grpc
from skillfolio.reflections.v1 import assessments_pb2_grpc, goals_pb2_grpc, milestones_pb2_grpc, reflections_pb2_grpc
from skillfolio.roster.v1 import roster_pb2_grpc
from skillfolio.skills.v1 import skills_pb2_grpc

from gateway.clients.replica_wait import patiently
from gateway.settings import GatewaySettings

log = logging.getLogger(__name__)


class ServiceClient:
    """One service's stub over one channel: ``await client.call("GetPerson", request, principal)``."""

    def __init__(self, name: str, channel: grpc.aio.Channel, stub: Any, timeout: float,
                 on_account_refused: Callable[[str], None] | None = None) -> None:
        self.name = name
        self.channel = channel
        self._stub = stub
        self._health = health_pb2_grpc.HealthStub(channel)
        self._timeout = timeout
        self._on_account_refused = on_account_refused

    async def call(self, method: str, request: Any, principal: Principal | None) -> Any:
        """Invoke ``method`` as ``principal`` (None only for public RPCs such as Authenticate). When the service
        refuses the principal's account (inactive, or password changed), ``on_account_refused(subject)`` ends all
        of the person's sessions first; on a web page, a call refused as not yet replicated is repeated
        briefly (gateway.replica_wait)."""
        token = principal_var.set(principal)
        try:
            return await patiently(lambda: getattr(self._stub, method)(request, timeout=self._timeout))
        except grpc.aio.AioRpcError as error:
            if principal is not None and self._on_account_refused is not None and ends_sessions(error):
                log.info("account refused (%s): revoking every session", error.details(),
                         extra={"person_id": principal.subject})
                self._on_account_refused(principal.subject)
            raise
        finally:
            principal_var.reset(token)

    async def serving(self, timeout: float = 2.0) -> bool:
        """The gRPC health check of the whole server: True when it answers SERVING."""
        try:
            reply = await self._health.Check(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
        except grpc.aio.AioRpcError:
            return False
        return reply.status == health_pb2.HealthCheckResponse.SERVING


class Backends:
    """Every downstream service client the gateway holds; built inside the event loop, closed at shutdown."""

    def __init__(self, settings: GatewaySettings, platform: PlatformSettings,
                 on_account_refused: Callable[[str], None] | None = None) -> None:
        tokens = signing_token_source(platform)
        self._on_account_refused = on_account_refused

        def client(name: str, address: str, stub_class) -> ServiceClient:
            channel = aio_channel(name, tokens, address=address)
            return ServiceClient(name, channel, stub_class(channel), settings.grpc_timeout_seconds, on_account_refused)

        self.roster = client("roster", settings.roster_target, roster_pb2_grpc.RosterServiceStub)
        self.skills = client("skills", settings.skills_target, skills_pb2_grpc.SkillsServiceStub)
        self.artifacts = client("artifacts", settings.artifacts_target, artifacts_pb2_grpc.ArtifactsServiceStub)
        self.reflections = client("reflections", settings.reflections_target,
                                  reflections_pb2_grpc.ReflectionsServiceStub)
        self.assessments = self.sibling(self.reflections, assessments_pb2_grpc.AssessmentsServiceStub)
        self.goals = self.sibling(self.reflections, goals_pb2_grpc.GoalsServiceStub)
        self.milestones = self.sibling(self.reflections, milestones_pb2_grpc.MilestonesServiceStub)

    def sibling(self, client: ServiceClient, stub_class) -> ServiceClient:
        """Another gRPC service served by ``client``'s server, on the same channel (closed with it)."""
        return ServiceClient(client.name, client.channel, stub_class(client.channel), client._timeout,
                             self._on_account_refused)

    @property
    def all(self) -> list[ServiceClient]:
        return [self.roster, self.skills, self.artifacts, self.reflections]

    async def close(self) -> None:
        for client in self.all:
            await client.channel.close()
