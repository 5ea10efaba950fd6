"""The artifacts service (portfolios, artifacts, versions, uploads) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.artifacts.v1 import artifacts_pb2_grpc


class ArtifactsClient(ServiceClient):
    """ArtifactsService, one method per RPC the gateway uses: ``await facade.rpc_name(principal, request)``."""

    stub_class = artifacts_pb2_grpc.ArtifactsServiceStub

    async def list_portfolio(self, principal: Principal,
                             request: apb.ListPortfolioRequest) -> apb.ListPortfolioResponse:
        return await self.invoke(self.stub.ListPortfolio, request, principal)

    async def get_artifact(self, principal: Principal, request: apb.GetArtifactRequest) -> apb.GetArtifactResponse:
        return await self.invoke(self.stub.GetArtifact, request, principal)

    async def create_artifact(self, principal: Principal,
                              request: apb.CreateArtifactRequest) -> apb.CreateArtifactResponse:
        return await self.invoke(self.stub.CreateArtifact, request, principal)

    async def update_artifact(self, principal: Principal,
                              request: apb.UpdateArtifactRequest) -> apb.UpdateArtifactResponse:
        return await self.invoke(self.stub.UpdateArtifact, request, principal)

    async def add_version(self, principal: Principal, request: apb.AddVersionRequest) -> apb.AddVersionResponse:
        return await self.invoke(self.stub.AddVersion, request, principal)

    async def complete_upload(self, principal: Principal,
                              request: apb.CompleteUploadRequest) -> apb.CompleteUploadResponse:
        return await self.invoke(self.stub.CompleteUpload, request, principal)

    async def delete_artifact(self, principal: Principal,
                              request: apb.DeleteArtifactRequest) -> apb.DeleteArtifactResponse:
        return await self.invoke(self.stub.DeleteArtifact, request, principal)
