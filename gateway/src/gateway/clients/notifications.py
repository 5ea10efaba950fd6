"""The notifications service (feed, preferences, approvals, district settings, parked deliveries, one-click
unsubscribe) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.notifications.v1 import notifications_pb2 as npb
from skillfolio.notifications.v1 import notifications_pb2_grpc


class NotificationsClient(ServiceClient):
    """NotificationsService, one method per RPC: ``await facade.rpc_name(principal, request)``."""

    stub_class = notifications_pb2_grpc.NotificationsServiceStub

    async def list_feed(self, principal: Principal, request: npb.ListFeedRequest) -> npb.ListFeedResponse:
        return await self.invoke(self.stub.ListFeed, request, principal)

    async def mark_read(self, principal: Principal, request: npb.MarkReadRequest) -> npb.MarkReadResponse:
        return await self.invoke(self.stub.MarkRead, request, principal)

    async def mark_all_read(self, principal: Principal) -> npb.MarkAllReadResponse:
        return await self.invoke(self.stub.MarkAllRead, npb.MarkAllReadRequest(), principal)

    async def get_preferences(self, principal: Principal) -> npb.GetPreferencesResponse:
        return await self.invoke(self.stub.GetPreferences, npb.GetPreferencesRequest(), principal)

    async def update_preferences(self, principal: Principal,
                                 request: npb.UpdatePreferencesRequest) -> npb.UpdatePreferencesResponse:
        return await self.invoke(self.stub.UpdatePreferences, request, principal)

    async def list_approvals(self, principal: Principal,
                             request: npb.ListApprovalsRequest) -> npb.ListApprovalsResponse:
        return await self.invoke(self.stub.ListApprovals, request, principal)

    async def approve(self, principal: Principal, request: npb.ApproveRequest) -> npb.ApproveResponse:
        return await self.invoke(self.stub.Approve, request, principal)

    async def approve_all(self, principal: Principal) -> npb.ApproveAllResponse:
        return await self.invoke(self.stub.ApproveAll, npb.ApproveAllRequest(), principal)

    async def get_district_settings(self, principal: Principal) -> npb.GetDistrictSettingsResponse:
        return await self.invoke(self.stub.GetDistrictSettings, npb.GetDistrictSettingsRequest(), principal)

    async def update_district_settings(self, principal: Principal, request: npb.UpdateDistrictSettingsRequest
                                       ) -> npb.UpdateDistrictSettingsResponse:
        return await self.invoke(self.stub.UpdateDistrictSettings, request, principal)

    async def list_parked(self, principal: Principal, request: npb.ListParkedRequest) -> npb.ListParkedResponse:
        return await self.invoke(self.stub.ListParked, request, principal)

    async def resend(self, principal: Principal, request: npb.ResendRequest) -> npb.ResendResponse:
        return await self.invoke(self.stub.Resend, request, principal)

    async def unsubscribe(self, token: str) -> npb.UnsubscribeResponse:
        """One click from an email: no principal, the signed token is the authority."""
        return await self.invoke(self.stub.Unsubscribe, npb.UnsubscribeRequest(token=token), None)
