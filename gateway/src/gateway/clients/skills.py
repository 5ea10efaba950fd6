"""The skills service (a school's effective skills, scales, rubrics) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.skills.v1 import skills_pb2 as spb
from skillfolio.skills.v1 import skills_pb2_grpc


class SkillsClient(ServiceClient):
    """SkillsService, one method per RPC the gateway uses: ``await facade.rpc_name(principal, request)``."""

    stub_class = skills_pb2_grpc.SkillsServiceStub

    async def get_effective_skills(self, principal: Principal,
                                   request: spb.GetEffectiveSkillsRequest) -> spb.GetEffectiveSkillsResponse:
        return await self.invoke(self.stub.GetEffectiveSkills, request, principal)

    async def get_scale(self, principal: Principal, request: spb.GetScaleRequest) -> spb.GetScaleResponse:
        return await self.invoke(self.stub.GetScale, request, principal)

    async def get_rubric(self, principal: Principal, request: spb.GetRubricRequest) -> spb.GetRubricResponse:
        return await self.invoke(self.stub.GetRubric, request, principal)
