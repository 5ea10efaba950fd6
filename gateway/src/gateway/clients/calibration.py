"""The reflections server's CalibrationService (exemplars and calibration sessions) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.reflections.v1 import calibration_pb2 as pb
from skillfolio.reflections.v1 import calibration_pb2_grpc


class CalibrationClient(ServiceClient):
    """CalibrationService on the reflections server, one method per RPC."""

    stub_class = calibration_pb2_grpc.CalibrationServiceStub

    async def nominate_exemplar(self, principal: Principal,
                                request: pb.NominateExemplarRequest) -> pb.NominateExemplarResponse:
        return await self.invoke(self.stub.NominateExemplar, request, principal)

    async def consent_exemplar(self, principal: Principal,
                               request: pb.ConsentExemplarRequest) -> pb.ConsentExemplarResponse:
        return await self.invoke(self.stub.ConsentExemplar, request, principal)

    async def list_student_exemplars(self, principal: Principal,
                                     request: pb.ListStudentExemplarsRequest) -> pb.ListStudentExemplarsResponse:
        return await self.invoke(self.stub.ListStudentExemplars, request, principal)

    async def list_exemplars(self, principal: Principal, request: pb.ListExemplarsRequest) -> pb.ListExemplarsResponse:
        return await self.invoke(self.stub.ListExemplars, request, principal)

    async def create_session(self, principal: Principal,
                             request: pb.CreateCalibrationSessionRequest) -> pb.CreateCalibrationSessionResponse:
        return await self.invoke(self.stub.CreateCalibrationSession, request, principal)

    async def submit_scores(self, principal: Principal,
                            request: pb.SubmitCalibrationScoresRequest) -> pb.SubmitCalibrationScoresResponse:
        return await self.invoke(self.stub.SubmitCalibrationScores, request, principal)

    async def get_session(self, principal: Principal,
                          request: pb.GetCalibrationSessionRequest) -> pb.GetCalibrationSessionResponse:
        return await self.invoke(self.stub.GetCalibrationSession, request, principal)

    async def list_raters(self, principal: Principal,
                          request: pb.ListCalibrationRatersRequest) -> pb.ListCalibrationRatersResponse:
        return await self.invoke(self.stub.ListCalibrationRaters, request, principal)

    async def list_sessions(self, principal: Principal,
                            request: pb.ListCalibrationSessionsRequest) -> pb.ListCalibrationSessionsResponse:
        return await self.invoke(self.stub.ListCalibrationSessions, request, principal)
