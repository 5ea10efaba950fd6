"""The reflections GradebookService gRPC servicer (thin: proto <-> service layer), served by the reflections API."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from reflections.domain.access import Viewer
from reflections.service_layer.gradebook import GradebookQueries
from skillfolio.reflections.v1 import gradebook_pb2 as pb
from skillfolio.reflections.v1 import gradebook_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["GradebookService"].full_name


class GradebookServicer(gradebook_pb2_grpc.GradebookServiceServicer):
    def __init__(self, app) -> None:
        self.gradebook = GradebookQueries(app.unit_of_work, app.calendar)

    def GetLatestLevels(self, request, context):
        found = self.gradebook.latest_levels(current_viewer(Viewer), request.section_id, request.from_date,
                                             request.to_date)
        return pb.GetLatestLevelsResponse(student_ids=found.student_ids, levels=[pb.LatestLevel(
            student_id=x.student_id, skill_id=x.skill_id, level_rank=x.level_rank, level_name=x.level_name,
            max_rank=x.max_rank, artifact_id=x.artifact_id, assessed_at=x.assessed_at.astimezone(dt.UTC).isoformat(),
            in_range=x.in_range) for x in found.levels])


def register(app, server: grpc.Server) -> None:
    gradebook_pb2_grpc.add_GradebookServiceServicer_to_server(GradebookServicer(app), server)
