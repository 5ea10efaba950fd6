"""The gradebook's services as the gateway calls them: evidence counts (artifacts server), latest levels (reflections
server) and a section's terms and roster (roster server); each a sibling on its server's channel."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.artifacts.v1 import gradebook_pb2 as egb
from skillfolio.artifacts.v1 import gradebook_pb2_grpc as egb_grpc
from skillfolio.reflections.v1 import gradebook_pb2 as lgb
from skillfolio.reflections.v1 import gradebook_pb2_grpc as lgb_grpc
from skillfolio.roster.v1 import terms_pb2 as tpb
from skillfolio.roster.v1 import terms_pb2_grpc


class EvidenceCountsClient(ServiceClient):
    """GradebookService on the artifacts server."""

    stub_class = egb_grpc.GradebookServiceStub

    async def get_evidence_counts(self, principal: Principal,
                                  request: egb.GetEvidenceCountsRequest) -> egb.GetEvidenceCountsResponse:
        return await self.invoke(self.stub.GetEvidenceCounts, request, principal)


class LatestLevelsClient(ServiceClient):
    """GradebookService on the reflections server."""

    stub_class = lgb_grpc.GradebookServiceStub

    async def get_latest_levels(self, principal: Principal,
                                request: lgb.GetLatestLevelsRequest) -> lgb.GetLatestLevelsResponse:
        return await self.invoke(self.stub.GetLatestLevels, request, principal)


class TermsClient(ServiceClient):
    """TermsService on the roster server."""

    stub_class = terms_pb2_grpc.TermsServiceStub

    async def list_section_terms(self, principal: Principal,
                                 request: tpb.ListSectionTermsRequest) -> tpb.ListSectionTermsResponse:
        return await self.invoke(self.stub.ListSectionTerms, request, principal)

    async def get_section_roster(self, principal: Principal,
                                 request: tpb.GetSectionRosterRequest) -> tpb.GetSectionRosterResponse:
        return await self.invoke(self.stub.GetSectionRoster, request, principal)
