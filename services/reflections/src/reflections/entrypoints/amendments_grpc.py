"""The reflections AmendmentsService gRPC servicer (thin: proto <-> service layer), served by the reflections API."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.access import Viewer
from reflections.domain.amendment_access import AmendAction
from reflections.domain.amendments import AmendmentRequest
from skillfolio.reflections.v1 import amendments_pb2 as pb
from skillfolio.reflections.v1 import amendments_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["AmendmentsService"].full_name


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).isoformat() if moment else ""


def _texts(texts: dict[str, str]) -> list[pb.AmendedText]:
    return [pb.AmendedText(field=name, text=text) for name, text in sorted(texts.items())]


def amendment_message(a: AmendmentRequest, can: frozenset[AmendAction] = frozenset(),
                      current: dict[str, str] | None = None) -> pb.Amendment:
    return pb.Amendment(current=_texts(current or {}),
        id=a.id, record_type=a.record_type.value, record_id=a.record_id, artifact_id=a.artifact_id,
        student_id=a.student_id, requester_id=a.requester_id, requester_role=a.requester_role, reason=a.reason,
        requested_at=_iso(a.requested_at), status=a.status.value, decided_by=a.decided_by,
        decider_role=a.decider_role, decision_reason=a.decision_reason, decided_at=_iso(a.decided_at),
        previous=_texts(a.previous), amended=_texts(a.amended), disagreement=a.disagreement,
        disagreement_at=_iso(a.disagreement_at),
        viewer_can=pb.AmendmentViewerCan(decide=AmendAction.DECIDE in can, disagree=AmendAction.DISAGREE in can))


class AmendmentsServicer(amendments_pb2_grpc.AmendmentsServiceServicer):
    def __init__(self, app) -> None:
        self.amendments, self.unit_of_work = app.amendments, app.unit_of_work

    def RequestAmendment(self, request, context):
        return idempotent(self.unit_of_work, request, pb.RequestAmendmentResponse,
                          lambda item: pb.RequestAmendmentResponse(amendment=amendment_message(item)),
                          lambda: self.amendments.request(current_viewer(Viewer), request.record_type,
                                                          request.record_id, request.reason))

    def DecideAmendment(self, request, context):
        item = self.amendments.decide(current_viewer(Viewer), request.amendment_id, request.outcome,
                                      {t.field: t.text for t in request.texts}, request.reason)
        return pb.DecideAmendmentResponse(amendment=amendment_message(item))

    def AttachDisagreement(self, request, context):
        item = self.amendments.attach_disagreement(current_viewer(Viewer), request.amendment_id, request.statement)
        return pb.AttachDisagreementResponse(amendment=amendment_message(item))

    def ListAmendments(self, request, context):
        found = self.amendments.list(current_viewer(Viewer), request.student_id, request.artifact_id)
        return pb.ListAmendmentsResponse(amendments=[amendment_message(a, can, texts)
                                                                     for a, can, texts in found.amendments],
                                         can_request=found.can_request)


def register(app, server: grpc.Server) -> None:
    amendments_pb2_grpc.add_AmendmentsServiceServicer_to_server(AmendmentsServicer(app), server)
