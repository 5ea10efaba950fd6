"""RightsService on the roster server as the gateway calls it: an adult student's guardians and their access."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.roster.v1 import rights_pb2 as pb
from skillfolio.roster.v1 import rights_pb2_grpc


class RightsClient(ServiceClient):
    stub_class = rights_pb2_grpc.RightsServiceStub

    async def get_guardian_access(self, principal: Principal,
                                  request: pb.GetGuardianAccessRequest) -> pb.GetGuardianAccessResponse:
        return await self.invoke(self.stub.GetGuardianAccess, request, principal)

    async def set_guardian_access(self, principal: Principal,
                                  request: pb.SetGuardianAccessRequest) -> pb.SetGuardianAccessResponse:
        return await self.invoke(self.stub.SetGuardianAccess, request, principal)
