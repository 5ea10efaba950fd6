"""The roster PrivacyService gRPC servicer: erasure on request, its certificate, the retention schedule, legal holds,
the records due and the district's rights rule (thin: proto <-> service layer; the service layer decides who may)."""
from __future__ import annotations

import datetime as dt
import json

import grpc

from chassis.access import current_viewer
from roster.domain.access import Viewer
from roster.domain.retention import RetentionSchedule
from roster.service_layer import erasure as erasures
from roster.service_layer import retention
from roster.service_layer.rights import DistrictRule
from skillfolio.roster.v1 import privacy_pb2 as pb
from skillfolio.roster.v1 import privacy_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["PrivacyService"].full_name


def erasure_message(e) -> pb.Erasure:
    return pb.Erasure(
        id=e.id, pseudonym=e.pseudonym, status=e.status, reason=e.reason, requested_by=e.requested_by,
        requested_at=e.requested_at.isoformat(), services=list(e.services), waiting_for=e.waiting_for(),
        confirmations=[pb.ErasureConfirmation(service=c.service, confirmed_at=c.confirmed_at, counts=c.counts)
                       for c in sorted(e.confirmations.values(), key=lambda c: c.service)],
        completed_at=e.completed_at.isoformat() if e.completed_at else "",
        certificate_json=json.dumps(e.certificate, sort_keys=True) if e.certificate else "",
        signature=e.signature, attempts=e.attempts, artifact_id=e.artifact_id, refusal=e.refusal,
        media_only=e.media_only)


def _schedule(s: RetentionSchedule) -> pb.RetentionSchedule:
    return pb.RetentionSchedule(portfolio_years=s.portfolio_years, media_years=s.media_years,
                                grace_days=s.grace_days, updated_by=s.updated_by)


def _rule(r: DistrictRule) -> pb.RightsRule:
    return pb.RightsRule(guardian_access_ends=r.ends.value, district_id=r.district_id, is_default=r.is_default,
                         updated_by=r.updated_by)


class PrivacyServicer(privacy_pb2_grpc.PrivacyServiceServicer):
    def __init__(self, app) -> None:
        self.uows, self.rights = app.unit_of_work, app.rights
        self._coordinator = None

    def coordinator(self) -> erasures.Coordinator:
        if self._coordinator is None:                # the district key is read on first use, not at start
            self._coordinator = erasures.Coordinator.from_settings()
        return self._coordinator

    def RequestErasure(self, request, context):
        found = erasures.request_erasure(self.uows, self.coordinator(), current_viewer(Viewer), request.student_id,
                                         request.reason, request.artifact_id)
        return pb.RequestErasureResponse(erasure=erasure_message(found))

    def GetErasure(self, request, context):
        return pb.GetErasureResponse(erasure=erasure_message(
            erasures.get_erasure(self.uows, current_viewer(Viewer), request.erasure_id)))

    def ListErasures(self, request, context):
        found = erasures.list_erasures(self.uows, current_viewer(Viewer), request.limit)
        return pb.ListErasuresResponse(erasures=[erasure_message(e) for e in found])

    def GetRetentionSchedule(self, request, context):
        return pb.GetRetentionScheduleResponse(schedule=_schedule(retention.get_schedule(self.uows,
                                                                                         current_viewer(Viewer))))

    def SetRetentionSchedule(self, request, context):
        s = request.schedule
        saved = retention.set_schedule(self.uows, current_viewer(Viewer),
                                       RetentionSchedule(s.portfolio_years, s.media_years, s.grace_days),
                                       dt.datetime.now(dt.UTC))
        return pb.SetRetentionScheduleResponse(schedule=_schedule(saved))

    def GetRightsRule(self, request, context):
        return pb.GetRightsRuleResponse(rule=_rule(self.rights.district_rule(current_viewer(Viewer))))

    def SetRightsRule(self, request, context):
        return pb.SetRightsRuleResponse(rule=_rule(self.rights.choose_rule(current_viewer(Viewer),
                                                                           request.guardian_access_ends)))

    def SetLegalHold(self, request, context):
        changed = retention.legal_hold(self.uows, current_viewer(Viewer), request.student_id, request.reason,
                                       dt.datetime.now(dt.UTC), hold=request.hold)
        return pb.SetLegalHoldResponse(changed=changed)

    def ListRetentionDue(self, request, context):
        return pb.ListRetentionDueResponse(records=[
            pb.RetentionDue(student_id=r.student_id, left_on=r.left_on.isoformat(), due_on=r.due_on.isoformat(),
                            reported_on=r.reported_on.isoformat(), erase_after=r.erase_after.isoformat(),
                            held=r.held, erasure_id=r.erasure_id, kind=r.kind)
            for r in retention.due(self.uows, current_viewer(Viewer))])


def register(app, server: grpc.Server) -> None:
    privacy_pb2_grpc.add_PrivacyServiceServicer_to_server(PrivacyServicer(app), server)
