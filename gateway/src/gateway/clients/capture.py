"""The artifacts server's CaptureService as the gateway calls it (a sibling of ArtifactsClient on its channel):
class-wide capture of one file for many students of a section."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.artifacts.v1 import capture_pb2 as cpb
from skillfolio.artifacts.v1 import capture_pb2_grpc


class CaptureClient(ServiceClient):
    """CaptureService, one method per RPC: ``await facade.rpc_name(principal, request)``."""

    stub_class = capture_pb2_grpc.CaptureServiceStub

    async def create_capture(self, principal: Principal,
                             request: cpb.CreateCaptureRequest) -> cpb.CreateCaptureResponse:
        return await self.invoke(self.stub.CreateCapture, request, principal)

    async def complete_upload(self, principal: Principal,
                              request: cpb.CompleteCaptureUploadRequest) -> cpb.CompleteCaptureUploadResponse:
        return await self.invoke(self.stub.CompleteCaptureUpload, request, principal)

    async def get_capture(self, principal: Principal, request: cpb.GetCaptureRequest) -> cpb.GetCaptureResponse:
        return await self.invoke(self.stub.GetCapture, request, principal)

    async def list_captures(self, principal: Principal,
                            request: cpb.ListCapturesRequest) -> cpb.ListCapturesResponse:
        return await self.invoke(self.stub.ListCaptures, request, principal)
