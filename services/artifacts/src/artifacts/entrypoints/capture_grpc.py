"""The artifacts CaptureService gRPC servicer (thin: proto <-> service layer), served by the artifacts API: class-wide
capture of one file for many students of a section."""
from __future__ import annotations

import grpc

from artifacts.domain.capture import Recipient
from artifacts.entrypoints.grpc_messages import content
from artifacts.service_layer.capture import CaptureCommands, CaptureView, NewCapture
from chassis.access import Viewer, current_viewer
from chassis.idempotency import idempotent
from chassis.media.messages import upload_target_message
from skillfolio.artifacts.v1 import capture_pb2 as pb
from skillfolio.artifacts.v1 import capture_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["CaptureService"].full_name


def capture_message(view: CaptureView) -> pb.Capture:
    shared = view.object
    return pb.Capture(
        id=shared.id, section_id=shared.section_id, title=shared.title, kind=shared.kind, file_name=shared.file_name,
        status=view.status, created_by=shared.created_by, created_at=shared.created_at.isoformat(),
        live_references=view.live_references,
        artifacts=[pb.CapturedArtifact(student_id=r.student_id, artifact_id=r.artifact_id,
                                       status="deleted" if r.deleted else r.status) for r in view.references])


def new_capture(r: pb.CreateCaptureRequest) -> NewCapture:
    return NewCapture(section_id=r.section_id, title=r.title, description=r.description, kind=r.kind,
                      skill_ids=list(r.skill_ids), content=content(r.content),
                      recipients=[Recipient(x.student_id, x.note) for x in r.recipients])


class CaptureServicer(capture_pb2_grpc.CaptureServiceServicer):
    def __init__(self, app) -> None:
        self.commands: CaptureCommands = app.capture
        self.unit_of_work = app.unit_of_work

    def CreateCapture(self, request, context):
        def respond(created) -> pb.CreateCaptureResponse:
            return pb.CreateCaptureResponse(capture=capture_message(created.capture),
                                            upload=upload_target_message(created.upload))
        return idempotent(self.unit_of_work, request, pb.CreateCaptureResponse, respond,
                          lambda: self.commands.create(current_viewer(Viewer), new_capture(request)))

    def CompleteCaptureUpload(self, request, context):
        done = self.commands.complete_upload(current_viewer(Viewer), request.capture_id, list(request.part_etags))
        return pb.CompleteCaptureUploadResponse(capture=capture_message(done))

    def GetCapture(self, request, context):
        return pb.GetCaptureResponse(capture=capture_message(self.commands.get(current_viewer(Viewer),
                                                                               request.capture_id)))

    def ListCaptures(self, request, context):
        views = self.commands.recent(current_viewer(Viewer), request.section_id, request.limit)
        return pb.ListCapturesResponse(captures=[capture_message(v) for v in views])


def register(app, server: grpc.Server) -> None:
    capture_pb2_grpc.add_CaptureServiceServicer_to_server(CaptureServicer(app), server)
