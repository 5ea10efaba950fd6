"""The artifacts GradebookService gRPC servicer (thin: proto <-> service layer), served by the artifacts API."""
from __future__ import annotations

import grpc

from artifacts.domain.access import Viewer
from artifacts.service_layer.gradebook import GradebookQueries
from chassis.access import current_viewer
from skillfolio.artifacts.v1 import gradebook_pb2 as pb
from skillfolio.artifacts.v1 import gradebook_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["GradebookService"].full_name


class GradebookServicer(gradebook_pb2_grpc.GradebookServiceServicer):
    def __init__(self, app) -> None:
        self.gradebook = GradebookQueries(app.unit_of_work, app.calendar)

    def GetEvidenceCounts(self, request, context):
        found = self.gradebook.evidence_counts(current_viewer(Viewer), request.section_id, request.from_date,
                                               request.to_date)
        return pb.GetEvidenceCountsResponse(student_ids=found.student_ids, cells=[pb.EvidenceCell(
            student_id=c.student_id, skill_id=c.skill_id, count=c.count, latest_artifact_id=c.latest_artifact_id,
            latest_title=c.latest_title) for c in found.cells])


def register(app, server: grpc.Server) -> None:
    gradebook_pb2_grpc.add_GradebookServiceServicer_to_server(GradebookServicer(app), server)
