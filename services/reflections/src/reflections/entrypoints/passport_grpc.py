"""PassportRecordsServicer (thin: the passport use case -> a stream of JSON records), served by the reflections API
next to ReflectionsService, so the gateway reaches it wherever it reaches reflections (GATEWAY_REFLECTIONS_TARGET)."""
from __future__ import annotations

import grpc

from chassis.access import current_viewer
from reflections.domain.access import Viewer
from reflections.service_layer.passport import PassportRecords
from skillfolio.reflections.v1 import passport_pb2 as pb
from skillfolio.reflections.v1 import passport_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["PassportRecordsService"].full_name


class PassportRecordsServicer(passport_pb2_grpc.PassportRecordsServiceServicer):
    def __init__(self, passport: PassportRecords) -> None:
        self.passport = passport

    def ExportStudentRecords(self, request, context):
        role = self.passport.start(current_viewer(Viewer), request.student_id, request.reason)
        for record in self.passport.records(request.student_id, role):
            yield pb.ExportStudentRecordsResponse(kind=record.kind, artifact_id=record.artifact_id,
                                                  record_json=record.json())


def register(passport: PassportRecords, server: grpc.Server) -> None:
    passport_pb2_grpc.add_PassportRecordsServiceServicer_to_server(PassportRecordsServicer(passport), server)
