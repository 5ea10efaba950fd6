"""PointsOfProgressServicer (thin: proto <-> PointsOfProgress and ProgressTerms), served by the reflections API."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.progress import Term
from reflections.domain.progress_access import Viewer
from reflections.service_layer.progress import PointView
from reflections.service_layer.progress_checklist import Checklist
from skillfolio.reflections.v1 import progress_pb2 as pb
from skillfolio.reflections.v1 import progress_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["PointsOfProgressService"].full_name


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def term_message(term: Term) -> pb.ProgressTerm:
    return pb.ProgressTerm(id=term.id, school_year_id=term.school_year_id, name=term.name,
                           due_on=term.due_on.isoformat(), updated_at=_iso(term.updated_at))


def point_message(view: PointView) -> pb.PointOfProgress:
    p = view.point
    return pb.PointOfProgress(
        id=p.id, student_id=p.student_id, section_id=p.section_id, term_id=p.term_id, term_name=view.term.name,
        teacher_id=p.teacher_id, teacher_name=view.teacher_name, skill_id=p.skill_id, skill_name=view.skill_name,
        level_rank=p.level_rank, level_name=p.level_name, comment=p.comment, artifact_ids=list(p.artifact_ids),
        completed_at=_iso(p.completed_at), updated_at=_iso(p.updated_at),
        editable_until=view.editable_until.isoformat(), late=view.late, viewer_can_edit=view.viewer_can_edit)


def checklist_message(found: Checklist) -> pb.GetProgressChecklistResponse:
    reply = pb.GetProgressChecklistResponse(
        section_id=found.section_id, school_year_id=found.school_year_id,
        terms=[term_message(t) for t in found.terms],
        rows=[pb.ChecklistRow(student_id=r.student_id, student_name=r.student_name, status=r.status,
                              point=point_message(r.point) if r.point else None) for r in found.rows],
        overdue=[pb.OverdueTerm(term=term_message(t), missing_student_ids=missing) for t, missing in found.overdue],
        done_count=found.done_count, missing_count=len(found.rows) - found.done_count)
    if found.term is not None:
        reply.term.CopyFrom(term_message(found.term))
    return reply


def _viewer() -> Viewer:
    return current_viewer(Viewer)


class PointsOfProgressServicer(progress_pb2_grpc.PointsOfProgressServiceServicer):
    def __init__(self, app) -> None:
        self.points, self.terms = app.points, app.progress_terms

    def SetProgressTerm(self, request, context):
        return pb.SetProgressTermResponse(term=term_message(self.terms.set_term(
            _viewer(), request.school_year_id, request.name, request.due_on)))

    def ListProgressTerms(self, request, context):
        terms, can = self.terms.terms(_viewer(), request.school_year_id)
        return pb.ListProgressTermsResponse(terms=[term_message(t) for t in terms], viewer_can_configure=can)

    def CompletePointOfProgress(self, request, context):
        return idempotent(self.points.uow_factory, request, pb.CompletePointOfProgressResponse,
                          lambda view: pb.CompletePointOfProgressResponse(point=point_message(view)),
                          lambda: self.points.complete(_viewer(), request.student_id, request.section_id,
                                                       request.term_id, request.skill_id, request.level_rank,
                                                       request.comment, list(request.artifact_ids)))

    def UpdatePointOfProgress(self, request, context):
        view = self.points.update(
            _viewer(), request.point_id,
            comment=request.comment if request.HasField("comment") else None,
            level_rank=request.level_rank if request.HasField("level_rank") else None,
            artifact_ids=list(request.artifact_ids.ids) if request.HasField("artifact_ids") else None)
        return pb.UpdatePointOfProgressResponse(point=point_message(view))

    def ListPointsOfProgress(self, request, context):
        return pb.ListPointsOfProgressResponse(points=[point_message(v) for v in
                                                       self.points.of_student(_viewer(), request.student_id)])

    def GetProgressChecklist(self, request, context):
        return checklist_message(self.terms.checklist(_viewer(), request.section_id, request.term_id))


def register(app, server: grpc.Server) -> None:
    progress_pb2_grpc.add_PointsOfProgressServiceServicer_to_server(PointsOfProgressServicer(app), server)
