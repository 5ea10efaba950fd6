"""PointsOfProgressService on the reflections server (terms, points of progress, a section's checklist) as the
gateway calls it: one method per RPC the gateway uses."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.reflections.v1 import progress_pb2 as pb
from skillfolio.reflections.v1 import progress_pb2_grpc


class PointsOfProgressClient(ServiceClient):
    stub_class = progress_pb2_grpc.PointsOfProgressServiceStub

    async def set_progress_term(self, principal: Principal,
                                request: pb.SetProgressTermRequest) -> pb.SetProgressTermResponse:
        return await self.invoke(self.stub.SetProgressTerm, request, principal)

    async def list_progress_terms(self, principal: Principal,
                                  request: pb.ListProgressTermsRequest) -> pb.ListProgressTermsResponse:
        return await self.invoke(self.stub.ListProgressTerms, request, principal)

    async def complete(self, principal: Principal,
                       request: pb.CompletePointOfProgressRequest) -> pb.CompletePointOfProgressResponse:
        return await self.invoke(self.stub.CompletePointOfProgress, request, principal)

    async def update(self, principal: Principal,
                     request: pb.UpdatePointOfProgressRequest) -> pb.UpdatePointOfProgressResponse:
        return await self.invoke(self.stub.UpdatePointOfProgress, request, principal)

    async def list_points(self, principal: Principal,
                          request: pb.ListPointsOfProgressRequest) -> pb.ListPointsOfProgressResponse:
        return await self.invoke(self.stub.ListPointsOfProgress, request, principal)

    async def checklist(self, principal: Principal,
                        request: pb.GetProgressChecklistRequest) -> pb.GetProgressChecklistResponse:
        return await self.invoke(self.stub.GetProgressChecklist, request, principal)
