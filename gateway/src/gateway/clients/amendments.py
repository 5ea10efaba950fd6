"""The reflections server's AmendmentsService as the gateway calls it (a sibling of ReflectionsClient)."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.reflections.v1 import amendments_pb2 as apb
from skillfolio.reflections.v1 import amendments_pb2_grpc


class AmendmentsClient(ServiceClient):
    """AmendmentsService, one method per RPC: ``await facade.rpc_name(principal, request)``."""

    stub_class = amendments_pb2_grpc.AmendmentsServiceStub

    async def request_amendment(self, principal: Principal,
                                request: apb.RequestAmendmentRequest) -> apb.RequestAmendmentResponse:
        return await self.invoke(self.stub.RequestAmendment, request, principal)

    async def decide_amendment(self, principal: Principal,
                               request: apb.DecideAmendmentRequest) -> apb.DecideAmendmentResponse:
        return await self.invoke(self.stub.DecideAmendment, request, principal)

    async def attach_disagreement(self, principal: Principal,
                                  request: apb.AttachDisagreementRequest) -> apb.AttachDisagreementResponse:
        return await self.invoke(self.stub.AttachDisagreement, request, principal)

    async def list_amendments(self, principal: Principal,
                              request: apb.ListAmendmentsRequest) -> apb.ListAmendmentsResponse:
        return await self.invoke(self.stub.ListAmendments, request, principal)
