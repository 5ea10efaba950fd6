"""The passport's sources as the gateway calls them: the roster's ExportPerson, the artifacts' ExportPortfolio stream
and the reflections' PassportRecordsService stream (on the reflections server: GATEWAY_REFLECTIONS_TARGET)."""
from __future__ import annotations

from collections.abc import AsyncIterator

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.artifacts.v1 import artifacts_pb2_grpc
from skillfolio.reflections.v1 import passport_pb2 as ppb
from skillfolio.reflections.v1 import passport_pb2_grpc
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.roster.v1 import roster_pb2_grpc

EXPORT_DEADLINE_SECONDS = 3600.0      # a whole passport stream (a 1 GB portfolio takes tens of seconds)


class PassportPersonClient(ServiceClient):
    stub_class = roster_pb2_grpc.RosterServiceStub

    async def export_person(self, principal: Principal, request: rpb.ExportPersonRequest) -> rpb.ExportPersonResponse:
        return await self.invoke(self.stub.ExportPerson, request, principal)


class PassportArtifactsClient(ServiceClient):
    stub_class = artifacts_pb2_grpc.ArtifactsServiceStub

    def export_portfolio(self, principal: Principal,
                         request: apb.ExportPortfolioRequest) -> AsyncIterator[apb.ExportPortfolioResponse]:
        return self.stream(self.stub.ExportPortfolio, request, principal, EXPORT_DEADLINE_SECONDS)


class PassportRecordsClient(ServiceClient):
    stub_class = passport_pb2_grpc.PassportRecordsServiceStub

    def export_student_records(self, principal: Principal, request: ppb.ExportStudentRecordsRequest
                               ) -> AsyncIterator[ppb.ExportStudentRecordsResponse]:
        return self.stream(self.stub.ExportStudentRecords, request, principal, EXPORT_DEADLINE_SECONDS)
