"""The artifacts ImportedHistoryService gRPC servicer (thin: proto <-> service layer), served by the artifacts API:
another district's verified artifacts attached to a local student, read-only, labelled with their origin."""
from __future__ import annotations

import datetime as dt

import grpc

from artifacts.domain.access import Viewer
from artifacts.domain.model import Origin
from artifacts.entrypoints import grpc_messages as msg
from artifacts.service_layer.history_import import ImportedArtifact
from chassis.access import current_viewer
from chassis.errors import FieldProblem, InvalidArgument
from chassis.media.messages import upload_target_message
from skillfolio.artifacts.v1 import history_pb2 as pb
from skillfolio.artifacts.v1 import history_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["ImportedHistoryService"].full_name


def _when(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidArgument("created_at: not an ISO 8601 time", [FieldProblem("created_at", "ISO 8601")]) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class ImportedHistoryServicer(history_pb2_grpc.ImportedHistoryServiceServicer):
    def __init__(self, app) -> None:
        self.history = app.history

    def ImportArtifact(self, request, context):
        o = request.origin
        made = self.history.import_artifact(current_viewer(Viewer), request.student_id, ImportedArtifact(
            Origin(o.district_id, o.district_name, o.ref, tuple(o.skill_labels), o.school_year, o.school_year_start),
            request.title,
            request.description, request.kind, list(request.skill_ids), _when(request.created_at),
            msg.content(request.content)), request.reason)
        return pb.ImportArtifactResponse(artifact=msg.artifact(made.artifact),
                                         upload=upload_target_message(made.upload), resumed=made.resumed)

    def CompleteImportedUpload(self, request, context):
        done = self.history.complete_upload(current_viewer(Viewer), request.artifact_id, list(request.part_etags))
        return pb.CompleteImportedUploadResponse(artifact=msg.artifact(done))


def register(app, server: grpc.Server) -> None:
    history_pb2_grpc.add_ImportedHistoryServiceServicer_to_server(ImportedHistoryServicer(app), server)
