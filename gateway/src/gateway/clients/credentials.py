"""The reflections service's CredentialsService (Open Badges 3.0, CLR 2.0, the status list) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.reflections.v1 import credentials_pb2 as cpb
from skillfolio.reflections.v1 import credentials_pb2_grpc


class CredentialsClient(ServiceClient):
    """CredentialsService on the reflections server, one method per RPC the gateway uses."""

    stub_class = credentials_pb2_grpc.CredentialsServiceStub

    async def define_badge(self, principal: Principal, request: cpb.DefineBadgeRequest) -> cpb.DefineBadgeResponse:
        return await self.invoke(self.stub.DefineBadge, request, principal)

    async def list_badges(self, principal: Principal, request: cpb.ListBadgesRequest) -> cpb.ListBadgesResponse:
        return await self.invoke(self.stub.ListBadges, request, principal)

    async def award_badge(self, principal: Principal, request: cpb.AwardBadgeRequest) -> cpb.AwardBadgeResponse:
        return await self.invoke(self.stub.AwardBadge, request, principal)

    async def revoke_credential(self, principal: Principal,
                                request: cpb.RevokeCredentialRequest) -> cpb.RevokeCredentialResponse:
        return await self.invoke(self.stub.RevokeCredential, request, principal)

    async def list_student_credentials(
            self, principal: Principal, request: cpb.ListStudentCredentialsRequest
    ) -> cpb.ListStudentCredentialsResponse:
        return await self.invoke(self.stub.ListStudentCredentials, request, principal)

    async def get_clr(self, principal: Principal, request: cpb.GetClrRequest) -> cpb.GetClrResponse:
        return await self.invoke(self.stub.GetClr, request, principal)

    async def get_status_list(self, principal: None, request: cpb.GetStatusListRequest) -> cpb.GetStatusListResponse:
        return await self.invoke(self.stub.GetStatusList, request, principal)
