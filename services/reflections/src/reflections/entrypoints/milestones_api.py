"""MilestonesServicer (thin: proto <-> milestone use cases), served by the reflections API next to
ReflectionsService. RedeemInvitation is public (the guest token is the credential); the rest need a principal."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.access import Viewer
from reflections.domain.assessment import Rubric
from reflections.domain.milestones import Invitation, MilestoneType, Score, ScoreSheet
from reflections.domain.panel_access import MilestoneAction
from reflections.service_layer.milestone_panel import PanelUseCases
from reflections.service_layer.milestone_standing import MilestoneView
from reflections.service_layer.milestones import MilestoneUseCases
from skillfolio.reflections.v1 import milestones_pb2 as pb
from skillfolio.reflections.v1 import milestones_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["MilestonesService"].full_name
PUBLIC_METHODS = (f"/{SERVICE_FULL_NAME}/RedeemInvitation",)


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).isoformat() if moment else ""


def _viewer() -> Viewer:
    return current_viewer(Viewer)


def type_message(kind: MilestoneType, rubric: Rubric | None) -> pb.MilestoneType:
    """The type with its rubric as the catalog replica knows it (criteria, names, descriptors, scale levels)."""
    message = pb.MilestoneType(id=kind.id, code=kind.code, name=kind.name, rubric_id=kind.rubric_id,
                               grade_levels=list(kind.grade_levels))
    if rubric is not None:
        levels = rubric.scale.levels
        message.rubric_name = rubric.name
        message.criteria.extend(rubric.criterion_codes)
        message.levels.extend(pb.ScaleLevel(rank=level.rank, name=level.name, description=level.description)
                              for level in levels)
        message.rubric_criteria.extend(pb.RubricCriterion(code=c.code, name=c.name, descriptors=[
            c.descriptors.get(level.rank, "") for level in levels]) for c in rubric.criteria)
    return message


def panellist_message(p: Invitation, with_email: bool = True) -> pb.Panellist:
    return pb.Panellist(invitation_id=p.id, name=p.name, email=p.email if with_email else "", kind=p.kind,
                        person_id=p.person_id, invited_at=_iso(p.invited_at), expires_at=_iso(p.expires_at),
                        link_ended=p.ended)


def sheet_message(sheet: ScoreSheet, panel: dict[str, Invitation], rubric: Rubric | None) -> pb.ScoreSheet:
    panellist = panel.get(sheet.invitation_id)
    return pb.ScoreSheet(invitation_id=sheet.invitation_id, panellist_name=panellist.name if panellist else "",
                         panellist_kind=panellist.kind if panellist else "", comment=sheet.comment,
                         scored_at=_iso(sheet.scored_at),
                         scores=[pb.CriterionScore(criterion_code=s.criterion_code, level_rank=s.level_rank,
                                                   level_name=rubric.scale.level_name(s.level_rank) if rubric else "")
                                 for s in sheet.scores])


def milestone_message(view: MilestoneView) -> pb.Milestone:
    m, panel = view.milestone, {p.id: p for p in view.panellists}
    return pb.Milestone(id=m.id, student_id=m.student_id, type=type_message(view.type, view.rubric), title=m.title,
                        scheduled_on=m.scheduled_on, status=m.status, outcome=m.outcome,
                        evidence_artifact_ids=list(m.evidence_artifact_ids),
                        panellists=[panellist_message(p, view.whole_panel) for p in view.panellists],
                        score_sheets=[sheet_message(s, panel, view.rubric) for s in view.sheets],
                        created_by=m.created_by, created_at=_iso(m.created_at), completed_at=_iso(m.completed_at),
                        viewer_can=pb.MilestoneViewerCan(
                            select_evidence=MilestoneAction.SELECT_EVIDENCE in view.can,
                            invite=MilestoneAction.INVITE in view.can,
                            record_outcome=MilestoneAction.RECORD_OUTCOME in view.can,
                            score=MilestoneAction.SCORE in view.can))


class MilestonesServicer(milestones_pb2_grpc.MilestonesServiceServicer):
    def __init__(self, milestones: MilestoneUseCases, panel: PanelUseCases) -> None:
        self.milestones, self.panel = milestones, panel

    def DefineMilestoneType(self, request, context):
        return idempotent(self.milestones.uow_factory, request, pb.DefineMilestoneTypeResponse,
                          lambda defined: pb.DefineMilestoneTypeResponse(type=type_message(*defined)),
                          lambda: self.milestones.define_type(_viewer(), request.code, request.name,
                                                              request.rubric_id, list(request.grade_levels)))

    def ListMilestoneTypes(self, request, context):
        return pb.ListMilestoneTypesResponse(types=[type_message(k, r) for k, r in self.milestones.types(_viewer())])

    def CreateMilestone(self, request, context):
        return idempotent(self.milestones.uow_factory, request, pb.CreateMilestoneResponse,
                          lambda view: pb.CreateMilestoneResponse(milestone=milestone_message(view)),
                          lambda: self.milestones.create(_viewer(), request.student_id, request.type_id,
                                                         request.title, request.scheduled_on))

    def SelectEvidence(self, request, context):
        return pb.SelectEvidenceResponse(milestone=milestone_message(self.milestones.select_evidence(
            _viewer(), request.milestone_id, list(request.artifact_ids))))

    def InvitePanellist(self, request, context):
        invitation, token = self.milestones.invite(_viewer(), request.milestone_id, request.name, request.email,
                                                   request.kind, request.person_id, request.valid_days)
        return pb.InvitePanellistResponse(panellist=panellist_message(invitation), guest_url_token=token)

    def RedeemInvitation(self, request, context):
        invitation = self.panel.redeem(request.token)
        return pb.RedeemInvitationResponse(invitation_id=invitation.id, milestone_id=invitation.milestone_id,
                                           panellist_name=invitation.name, expires_at=_iso(invitation.expires_at))

    def ScoreMilestone(self, request, context):
        filed = self.panel.score(_viewer(), request.milestone_id,
                                 [Score(s.criterion_code, s.level_rank) for s in request.scores], request.comment)
        return pb.ScoreMilestoneResponse(sheet=sheet_message(filed.sheet, {filed.panellist.id: filed.panellist},
                                                             filed.rubric))

    def RecordOutcome(self, request, context):
        return pb.RecordOutcomeResponse(milestone=milestone_message(self.milestones.record_outcome(
            _viewer(), request.milestone_id, request.outcome)))

    def GetMilestone(self, request, context):
        return pb.GetMilestoneResponse(milestone=milestone_message(self.panel.get(_viewer(), request.milestone_id)))

    def ListMilestones(self, request, context):
        found = self.panel.of_student(_viewer(), request.student_id)
        return pb.ListMilestonesResponse(milestones=[milestone_message(v) for v in found.milestones],
                                         viewer_can=pb.MilestonesViewerCan(create=MilestoneAction.CREATE in found.can))


def register(milestones: MilestoneUseCases, panel: PanelUseCases):
    def add(server: grpc.Server) -> None:
        milestones_pb2_grpc.add_MilestonesServiceServicer_to_server(MilestonesServicer(milestones, panel), server)
    return add
