"""The artifacts server's ImportedHistoryService as the gateway calls it (a sibling of ArtifactsClient on its channel):
another district's verified artifacts attached to a local student, read-only and labelled with their origin."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.artifacts.v1 import history_pb2 as hpb
from skillfolio.artifacts.v1 import history_pb2_grpc


class ImportedHistoryClient(ServiceClient):
    """ImportedHistoryService, one method per RPC: ``await facade.rpc_name(principal, request)``."""

    stub_class = history_pb2_grpc.ImportedHistoryServiceStub

    async def import_artifact(self, principal: Principal,
                              request: hpb.ImportArtifactRequest) -> hpb.ImportArtifactResponse:
        return await self.invoke(self.stub.ImportArtifact, request, principal)

    async def complete_upload(self, principal: Principal, request: hpb.CompleteImportedUploadRequest
                              ) -> hpb.CompleteImportedUploadResponse:
        return await self.invoke(self.stub.CompleteImportedUpload, request, principal)
