"""The artifacts server's ShowcasesService as the gateway calls it (a sibling of ArtifactsClient on its channel)."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.artifacts.v1 import showcases_pb2 as spb
from skillfolio.artifacts.v1 import showcases_pb2_grpc


class ShowcasesClient(ServiceClient):
    """ShowcasesService, one method per RPC: ``await facade.rpc_name(principal, request)``."""

    stub_class = showcases_pb2_grpc.ShowcasesServiceStub

    async def list_showcases(self, principal: Principal,
                             request: spb.ListShowcasesRequest) -> spb.ListShowcasesResponse:
        return await self.invoke(self.stub.ListShowcases, request, principal)

    async def get_showcase(self, principal: Principal, request: spb.GetShowcaseRequest) -> spb.GetShowcaseResponse:
        return await self.invoke(self.stub.GetShowcase, request, principal)

    async def create_showcase(self, principal: Principal,
                              request: spb.CreateShowcaseRequest) -> spb.CreateShowcaseResponse:
        return await self.invoke(self.stub.CreateShowcase, request, principal)

    async def update_showcase(self, principal: Principal,
                              request: spb.UpdateShowcaseRequest) -> spb.UpdateShowcaseResponse:
        return await self.invoke(self.stub.UpdateShowcase, request, principal)

    async def delete_showcase(self, principal: Principal,
                              request: spb.DeleteShowcaseRequest) -> spb.DeleteShowcaseResponse:
        return await self.invoke(self.stub.DeleteShowcase, request, principal)

    async def create_link(self, principal: Principal,
                          request: spb.CreateShowcaseLinkRequest) -> spb.CreateShowcaseLinkResponse:
        return await self.invoke(self.stub.CreateShowcaseLink, request, principal)

    async def revoke_link(self, principal: Principal,
                          request: spb.RevokeShowcaseLinkRequest) -> spb.RevokeShowcaseLinkResponse:
        return await self.invoke(self.stub.RevokeShowcaseLink, request, principal)

    async def open_link(self, request: spb.OpenShowcaseLinkRequest) -> spb.OpenShowcaseLinkResponse:
        """Public: the link's token is the credential (no principal)."""
        return await self.invoke(self.stub.OpenShowcaseLink, request, None)
