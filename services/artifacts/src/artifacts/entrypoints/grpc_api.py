"""The artifacts gRPC API: ArtifactsServicer (thin: proto <-> service layer) and ``serve(settings)`` on the chassis
server (signed principals, health, reflection, metrics, DomainError -> status). Every RPC needs a principal; creates
honour an Idempotency-Key (chassis.idempotency)."""
from __future__ import annotations

import grpc

from artifacts.adapters.orm import audit_log
from artifacts.adapters.orm import roster as roster_replica
from artifacts.bootstrap import ArtifactsApp, build
from artifacts.domain.access import Viewer
from artifacts.entrypoints import capture_grpc, gradebook_grpc, history_grpc, showcases_api
from artifacts.entrypoints import grpc_messages as msg
from chassis import disclosures
from chassis.access import current_viewer
from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc import server as chassis_server
from chassis.grpc.admission import Admission, refuse_inactive
from chassis.idempotency import idempotent
from chassis.media.messages import upload_target_message
from skillfolio.artifacts.v1 import artifacts_pb2 as pb
from skillfolio.artifacts.v1 import artifacts_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["ArtifactsService"].full_name
SERVICE_FULL_NAMES = [SERVICE_FULL_NAME, showcases_api.SERVICE_FULL_NAME, gradebook_grpc.SERVICE_FULL_NAME,
                      capture_grpc.SERVICE_FULL_NAME, history_grpc.SERVICE_FULL_NAME,
                      disclosures.SERVICE_FULL_NAME]
PUBLIC_METHODS = (*showcases_api.PUBLIC_METHODS,)


def _viewer() -> Viewer:
    return current_viewer(Viewer)      # the chassis interceptor refuses calls without a principal


class ArtifactsServicer(artifacts_pb2_grpc.ArtifactsServiceServicer):
    """Every ArtifactsService RPC; the principal comes from the chassis interceptor."""

    def __init__(self, app: ArtifactsApp) -> None:
        self.commands = app.commands
        self.queries = app.queries
        self.passport = app.passport
        self.unit_of_work = app.unit_of_work

    def CreateArtifact(self, request, context):
        def respond(created) -> pb.CreateArtifactResponse:
            return pb.CreateArtifactResponse(artifact=msg.artifact(created.artifact),
                                             upload=upload_target_message(created.upload))
        return idempotent(self.unit_of_work, request, pb.CreateArtifactResponse, respond,
                          lambda: self.commands.create(_viewer(), msg.new_artifact(request)))

    def UpdateArtifact(self, request, context):
        updated = self.commands.update(_viewer(), request.artifact_id, msg.update_fields(request))
        return pb.UpdateArtifactResponse(artifact=msg.artifact(updated))

    def AddVersion(self, request, context):
        def respond(added) -> pb.AddVersionResponse:
            return pb.AddVersionResponse(artifact=msg.artifact(added.artifact),
                                         upload=upload_target_message(added.upload))
        return idempotent(self.unit_of_work, request, pb.AddVersionResponse, respond,
                          lambda: self.commands.add_version(_viewer(), request.artifact_id,
                                                            msg.content(request.content)))

    def CompleteUpload(self, request, context):
        done = self.commands.complete_upload(_viewer(), request.artifact_id, request.version,
                                             list(request.part_etags))
        return pb.CompleteUploadResponse(artifact=msg.artifact(done))

    def DeleteArtifact(self, request, context):
        self.commands.delete(_viewer(), request.artifact_id)
        return pb.DeleteArtifactResponse()

    def GetArtifact(self, request, context):
        return pb.GetArtifactResponse(artifact=msg.artifact(self.queries.get(_viewer(), request.artifact_id)))

    def ListPortfolio(self, request, context):
        page = self.queries.portfolio(_viewer(), msg.portfolio_filter(request), request.page.page_size,
                                      request.page.page_token, request.viewer_can_only)
        return pb.ListPortfolioResponse(artifacts=[msg.artifact(a) for a in page.items],
                                        next_page_token=page.next_page_token,
                                        viewer_can=msg.viewer_can(page.viewer_can))

    def ExportPortfolio(self, request, context):
        summary = self.passport.start(_viewer(), request.student_id, request.reason)
        yield pb.ExportPortfolioResponse(summary=pb.ExportSummary(artifact_count=summary.artifact_count,
                                                                  media_bytes=summary.media_bytes))
        for found in self.passport.artifacts(request.student_id):
            yield pb.ExportPortfolioResponse(artifact=msg.artifact(found))

    def MarkMediaResult(self, request, context):
        updated = self.commands.mark_media_result(_viewer(), request.artifact_id, request.version, request.result,
                                                  request.reason)
        return pb.MarkMediaResultResponse(artifact=msg.artifact(updated))


def _disclosures(app) -> disclosures.DisclosuresServicer:
    """The artifacts audit rows about a student, read as its roster replica decides (chassis.disclosures.READERS)."""
    from artifacts.adapters.replicas import Replicas
    return disclosures.DisclosuresServicer(
        "artifacts", app.session_factory, audit_log,
        lambda session, viewer, student_id: Replicas(session).relation(viewer.subject, student_id,
                                                                       app.calendar.today(), viewer.roles))


def _register(app: ArtifactsApp):
    def register(server: grpc.Server) -> None:
        artifacts_pb2_grpc.add_ArtifactsServiceServicer_to_server(ArtifactsServicer(app), server)
        showcases_api.register(app)(server)
        gradebook_grpc.register(app, server)
        capture_grpc.register(app, server)
        history_grpc.register(app, server)
        disclosures.register(_disclosures(app))(server)
    return register


def _admit(app: ArtifactsApp) -> Admission:
    """Refuse a caller the roster replica knows as inactive (the chassis asks once per call)."""
    return refuse_inactive(app.session_factory, roster_replica.people.c.person_id, roster_replica.people.c.active)


def start(settings: ServiceSettings, app: ArtifactsApp | None = None,
          platform: PlatformSettings | None = None, metrics: bool = True) -> chassis_server.ServerHandle:
    """A running artifacts API server (tests, benches); ``handle.stop()`` also closes an app it built itself."""
    owned = app is None
    app = app or build(settings)
    return chassis_server.start("artifacts", settings, _register(app), SERVICE_FULL_NAMES, PUBLIC_METHODS,
                                on_stop=app.close if owned else None, platform=platform, metrics=metrics,
                                admit=_admit(app))


def serve(settings: ServiceSettings) -> None:
    """Run the artifacts API until SIGTERM/SIGINT (`skillfolio run artifacts api`)."""
    app = build(settings)
    app.media.store  # noqa: B018 -- fail at start, not on the first upload, when the media settings are wrong
    chassis_server.serve("artifacts", settings, _register(app), SERVICE_FULL_NAMES, PUBLIC_METHODS, on_stop=app.close,
                         admit=_admit(app))
