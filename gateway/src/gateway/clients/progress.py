"""The reflections server's progress services (assessments and growth, goals, milestones) as the gateway calls them."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.reflections.v1 import assessments_pb2 as apb
from skillfolio.reflections.v1 import assessments_pb2_grpc, goals_pb2_grpc, milestones_pb2_grpc
from skillfolio.reflections.v1 import goals_pb2 as gpb
from skillfolio.reflections.v1 import milestones_pb2 as mpb


class AssessmentsClient(ServiceClient):
    """AssessmentsService on the reflections server, one method per RPC the gateway uses."""

    stub_class = assessments_pb2_grpc.AssessmentsServiceStub

    async def get_growth(self, principal: Principal, request: apb.GetGrowthRequest) -> apb.GetGrowthResponse:
        return await self.invoke(self.stub.GetGrowth, request, principal)

    async def get_instrument(self, principal: Principal,
                             request: apb.GetInstrumentRequest) -> apb.GetInstrumentResponse:
        return await self.invoke(self.stub.GetInstrument, request, principal)

    async def list_assessments(self, principal: Principal,
                               request: apb.ListAssessmentsRequest) -> apb.ListAssessmentsResponse:
        return await self.invoke(self.stub.ListAssessments, request, principal)

    async def assess(self, principal: Principal, request: apb.AssessRequest) -> apb.AssessResponse:
        return await self.invoke(self.stub.Assess, request, principal)

    async def self_assess(self, principal: Principal, request: apb.SelfAssessRequest) -> apb.SelfAssessResponse:
        return await self.invoke(self.stub.SelfAssess, request, principal)


class GoalsClient(ServiceClient):
    """GoalsService on the reflections server, one method per RPC the gateway uses."""

    stub_class = goals_pb2_grpc.GoalsServiceStub

    async def list_goals(self, principal: Principal, request: gpb.ListGoalsRequest) -> gpb.ListGoalsResponse:
        return await self.invoke(self.stub.ListGoals, request, principal)

    async def get_goal(self, principal: Principal, request: gpb.GetGoalRequest) -> gpb.GetGoalResponse:
        return await self.invoke(self.stub.GetGoal, request, principal)

    async def set_goal(self, principal: Principal, request: gpb.SetGoalRequest) -> gpb.SetGoalResponse:
        return await self.invoke(self.stub.SetGoal, request, principal)

    async def update_goal(self, principal: Principal, request: gpb.UpdateGoalRequest) -> gpb.UpdateGoalResponse:
        return await self.invoke(self.stub.UpdateGoal, request, principal)

    async def link_evidence(self, principal: Principal, request: gpb.LinkEvidenceRequest) -> gpb.LinkEvidenceResponse:
        return await self.invoke(self.stub.LinkEvidence, request, principal)

    async def close_goal(self, principal: Principal, request: gpb.CloseGoalRequest) -> gpb.CloseGoalResponse:
        return await self.invoke(self.stub.CloseGoal, request, principal)


class MilestonesClient(ServiceClient):
    """MilestonesService on the reflections server, one method per RPC the gateway uses."""

    stub_class = milestones_pb2_grpc.MilestonesServiceStub

    async def list_milestone_types(self, principal: Principal,
                                   request: mpb.ListMilestoneTypesRequest) -> mpb.ListMilestoneTypesResponse:
        return await self.invoke(self.stub.ListMilestoneTypes, request, principal)

    async def define_milestone_type(self, principal: Principal,
                                    request: mpb.DefineMilestoneTypeRequest) -> mpb.DefineMilestoneTypeResponse:
        return await self.invoke(self.stub.DefineMilestoneType, request, principal)

    async def list_milestones(self, principal: Principal,
                              request: mpb.ListMilestonesRequest) -> mpb.ListMilestonesResponse:
        return await self.invoke(self.stub.ListMilestones, request, principal)

    async def get_milestone(self, principal: Principal, request: mpb.GetMilestoneRequest) -> mpb.GetMilestoneResponse:
        return await self.invoke(self.stub.GetMilestone, request, principal)

    async def create_milestone(self, principal: Principal,
                               request: mpb.CreateMilestoneRequest) -> mpb.CreateMilestoneResponse:
        return await self.invoke(self.stub.CreateMilestone, request, principal)

    async def select_evidence(self, principal: Principal,
                              request: mpb.SelectEvidenceRequest) -> mpb.SelectEvidenceResponse:
        return await self.invoke(self.stub.SelectEvidence, request, principal)

    async def invite_panellist(self, principal: Principal,
                               request: mpb.InvitePanellistRequest) -> mpb.InvitePanellistResponse:
        return await self.invoke(self.stub.InvitePanellist, request, principal)

    async def redeem_invitation(self, principal: None,
                                request: mpb.RedeemInvitationRequest) -> mpb.RedeemInvitationResponse:
        return await self.invoke(self.stub.RedeemInvitation, request, principal)

    async def score_milestone(self, principal: Principal,
                              request: mpb.ScoreMilestoneRequest) -> mpb.ScoreMilestoneResponse:
        return await self.invoke(self.stub.ScoreMilestone, request, principal)

    async def record_outcome(self, principal: Principal,
                             request: mpb.RecordOutcomeRequest) -> mpb.RecordOutcomeResponse:
        return await self.invoke(self.stub.RecordOutcome, request, principal)
