"""The roster service's PrivacyService (erasure on request, certificates, retention, legal holds) as the gateway
calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.roster.v1 import privacy_pb2 as ppb
from skillfolio.roster.v1 import privacy_pb2_grpc


class PrivacyClient(ServiceClient):
    """PrivacyService on the roster server, one method per RPC."""

    stub_class = privacy_pb2_grpc.PrivacyServiceStub

    async def request_erasure(self, principal: Principal,
                              request: ppb.RequestErasureRequest) -> ppb.RequestErasureResponse:
        return await self.invoke(self.stub.RequestErasure, request, principal)

    async def get_erasure(self, principal: Principal, request: ppb.GetErasureRequest) -> ppb.GetErasureResponse:
        return await self.invoke(self.stub.GetErasure, request, principal)

    async def list_erasures(self, principal: Principal, request: ppb.ListErasuresRequest) -> ppb.ListErasuresResponse:
        return await self.invoke(self.stub.ListErasures, request, principal)

    async def get_retention_schedule(self, principal: Principal, request: ppb.GetRetentionScheduleRequest
                                     ) -> ppb.GetRetentionScheduleResponse:
        return await self.invoke(self.stub.GetRetentionSchedule, request, principal)

    async def set_retention_schedule(self, principal: Principal, request: ppb.SetRetentionScheduleRequest
                                     ) -> ppb.SetRetentionScheduleResponse:
        return await self.invoke(self.stub.SetRetentionSchedule, request, principal)

    async def get_rights_rule(self, principal: Principal, request: ppb.GetRightsRuleRequest
                              ) -> ppb.GetRightsRuleResponse:
        return await self.invoke(self.stub.GetRightsRule, request, principal)

    async def set_rights_rule(self, principal: Principal, request: ppb.SetRightsRuleRequest
                              ) -> ppb.SetRightsRuleResponse:
        return await self.invoke(self.stub.SetRightsRule, request, principal)

    async def set_legal_hold(self, principal: Principal, request: ppb.SetLegalHoldRequest) -> ppb.SetLegalHoldResponse:
        return await self.invoke(self.stub.SetLegalHold, request, principal)

    async def list_retention_due(self, principal: Principal, request: ppb.ListRetentionDueRequest
                                 ) -> ppb.ListRetentionDueResponse:
        return await self.invoke(self.stub.ListRetentionDue, request, principal)
