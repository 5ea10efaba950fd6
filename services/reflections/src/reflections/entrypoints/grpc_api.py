"""The reflections gRPC API: ReflectionsServicer (thin: proto <-> service layer) and ``serve(settings)`` on the
chassis server (signed principals, health, reflection, metrics, DomainError -> status), with GoalsService and
MilestonesService beside it. Every RPC needs a principal except MilestonesService.RedeemInvitation."""
from __future__ import annotations

import grpc

from chassis import disclosures
from chassis.access import current_viewer
from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc import server as chassis_server
from chassis.grpc.admission import Admission, refuse_inactive
from chassis.idempotency import idempotent
from chassis.media.messages import upload_target_message
from reflections.adapters.orm import audit_log
from reflections.adapters.orm import roster as roster_replica
from reflections.bootstrap import ReflectionsApp, build
from reflections.domain.access import Viewer, may_define_prompts
from reflections.entrypoints import (
    amendments_grpc,
    assessments_grpc,
    calibration_grpc,
    credentials_grpc,
    goals_api,
    gradebook_grpc,
    milestones_api,
    passport_grpc,
    progress_grpc,
)
from reflections.entrypoints import grpc_messages as msg
from skillfolio.reflections.v1 import reflections_pb2 as pb
from skillfolio.reflections.v1 import reflections_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["ReflectionsService"].full_name
SERVICE_FULL_NAMES = [SERVICE_FULL_NAME, goals_api.SERVICE_FULL_NAME, milestones_api.SERVICE_FULL_NAME,
                      assessments_grpc.SERVICE_FULL_NAME, credentials_grpc.SERVICE_FULL_NAME,
                      progress_grpc.SERVICE_FULL_NAME, calibration_grpc.SERVICE_FULL_NAME,
                      gradebook_grpc.SERVICE_FULL_NAME, passport_grpc.SERVICE_FULL_NAME,
                      amendments_grpc.SERVICE_FULL_NAME, disclosures.SERVICE_FULL_NAME]  # health, reflection
PUBLIC_METHODS = (*milestones_api.PUBLIC_METHODS, *credentials_grpc.PUBLIC_METHODS)


def _viewer() -> Viewer:
    return current_viewer(Viewer)      # the chassis interceptor refuses calls without a principal


class ReflectionsServicer(reflections_pb2_grpc.ReflectionsServiceServicer):
    """Every ReflectionsService RPC; the principal comes from the chassis interceptor."""

    def __init__(self, app: ReflectionsApp) -> None:
        self.commands = app.commands
        self.recordings = app.recordings
        self.queries = app.queries
        self.unit_of_work = app.unit_of_work

    def DefinePrompt(self, request, context):
        return idempotent(self.unit_of_work, request, pb.DefinePromptResponse,
                          lambda prompt: pb.DefinePromptResponse(prompt=msg.prompt(prompt)),
                          lambda: self.commands.define_prompt(_viewer(), request.text))

    def ListPrompts(self, request, context):
        viewer = _viewer()
        return pb.ListPromptsResponse(prompts=[msg.prompt(p) for p in self.queries.prompts(viewer)],
                                      viewer_can=pb.PromptsViewerCan(manage=may_define_prompts(viewer)))

    def UpdatePrompt(self, request, context):
        return pb.UpdatePromptResponse(prompt=msg.prompt(
            self.commands.update_prompt(_viewer(), request.prompt_id, request.text)))

    def RetirePrompt(self, request, context):
        return pb.RetirePromptResponse(prompt=msg.prompt(self.commands.retire_prompt(_viewer(), request.prompt_id)))

    def AddReflection(self, request, context):
        if request.HasField("media"):
            return idempotent(self.unit_of_work, request, pb.AddReflectionResponse,
                              lambda sent: pb.AddReflectionResponse(reflection=msg.reflection(sent.reflection),
                                                                    upload=upload_target_message(sent.upload)),
                              lambda: self.recordings.add(_viewer(), request.artifact_id,
                                                          msg.media_file(request.media), request.text,
                                                          request.prompt_id))
        return idempotent(self.unit_of_work, request, pb.AddReflectionResponse,
                          lambda added: pb.AddReflectionResponse(reflection=msg.reflection(added)),
                          lambda: self.commands.add_reflection(_viewer(), request.artifact_id, request.text,
                                                               request.prompt_id))

    def EditReflection(self, request, context):
        if request.HasField("media"):
            sent = self.recordings.revise(_viewer(), request.reflection_id, msg.media_file(request.media),
                                          request.text)
            return pb.EditReflectionResponse(reflection=msg.reflection(sent.reflection),
                                             upload=upload_target_message(sent.upload))
        edited = self.commands.edit_reflection(_viewer(), request.reflection_id, request.text)
        return pb.EditReflectionResponse(reflection=msg.reflection(edited))

    def CompleteReflectionUpload(self, request, context):
        done = self.recordings.complete_upload(_viewer(), request.reflection_id, request.revision,
                                               list(request.part_etags))
        return pb.CompleteReflectionUploadResponse(reflection=msg.reflection(done))

    def GiveFeedback(self, request, context):
        return idempotent(self.unit_of_work, request, pb.GiveFeedbackResponse,
                          lambda given: pb.GiveFeedbackResponse(feedback=msg.feedback(given)),
                          lambda: self.commands.give_feedback(_viewer(), request.artifact_id, request.can_do,
                                                              request.next_steps))

    def AddComment(self, request, context):
        return idempotent(self.unit_of_work, request, pb.AddCommentResponse,
                          lambda comment: pb.AddCommentResponse(comment=msg.comment(comment)),
                          lambda: self.commands.add_comment(_viewer(), request.artifact_id, request.body))

    def HideComment(self, request, context):
        return pb.HideCommentResponse(comment=msg.comment(self.commands.hide_comment(_viewer(), request.comment_id)))

    def GetDiscussion(self, request, context):
        found = self.queries.discussion(_viewer(), request.artifact_id)
        return pb.GetDiscussionResponse(reflections=[msg.reflection(r) for r in found.reflections],
                                        feedback=[msg.feedback(f, found.names, found.notes) for f in found.feedback],
                                        comments=[msg.comment(c, found.names, found.notes) for c in found.comments],
                                        viewer_can=msg.discussion_viewer_can(found.viewer_can,
                                                                                     found.can_request_amendment))


def _disclosures(app) -> disclosures.DisclosuresServicer:
    """The reflections audit rows about a student, read as its roster replica decides (chassis.disclosures.READERS)."""
    from reflections.adapters.replicas import Replicas
    return disclosures.DisclosuresServicer(
        "reflections", app.session_factory, audit_log,
        lambda session, viewer, student_id: Replicas(session).relation(viewer.subject, student_id,
                                                                       app.calendar.today(), viewer.roles),
        names_of=lambda session, ids: Replicas(session).names(ids))


def _register(app: ReflectionsApp):
    def register(server: grpc.Server) -> None:
        reflections_pb2_grpc.add_ReflectionsServiceServicer_to_server(ReflectionsServicer(app), server)
        goals_api.register(app.goals)(server)
        milestones_api.register(app.milestones, app.panel)(server)
        assessments_grpc.register(app, server)
        credentials_grpc.register(app.credentials, app.unit_of_work)(server)
        progress_grpc.register(app, server)
        calibration_grpc.register(app, server)
        gradebook_grpc.register(app, server)
        passport_grpc.register(app.passport, server)
        amendments_grpc.register(app, server)
        disclosures.register(_disclosures(app))(server)
    return register


def _admit(app: ReflectionsApp) -> Admission:
    """Refuse a caller the roster replica knows as inactive (the chassis asks once per call)."""
    return refuse_inactive(app.session_factory, roster_replica.people.c.person_id, roster_replica.people.c.active)


def start(settings: ServiceSettings, app: ReflectionsApp | None = None,
          platform: PlatformSettings | None = None, metrics: bool = True) -> chassis_server.ServerHandle:
    """A running reflections API server (tests, benches); ``handle.stop()`` also closes an app it built itself."""
    owned = app is None
    app = app or build(settings)
    return chassis_server.start("reflections", settings, _register(app), SERVICE_FULL_NAMES, PUBLIC_METHODS,
                                on_stop=app.close if owned else None, platform=platform, metrics=metrics,
                                admit=_admit(app))


def serve(settings: ServiceSettings) -> None:
    """Run the reflections API until SIGTERM/SIGINT (`skillfolio run reflections api`)."""
    app = build(settings)
    chassis_server.serve("reflections", settings, _register(app), SERVICE_FULL_NAMES, PUBLIC_METHODS,
                         on_stop=app.close, admit=_admit(app))
