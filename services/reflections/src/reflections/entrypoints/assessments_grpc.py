"""The AssessmentsService gRPC servicer (thin: proto <-> service layer), served by the reflections API process."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.access import Viewer
from reflections.domain.assessment import Assessment, CriterionLevel, Instrument
from reflections.domain.growth import Point, SkillGrowth
from skillfolio.reflections.v1 import assessments_pb2 as pb
from skillfolio.reflections.v1 import assessments_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["AssessmentsService"].full_name


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def epoch_us(moment: dt.datetime) -> int:
    """Exact microseconds since the Unix epoch (a naive moment is local time, as astimezone reads it)."""
    return (moment.astimezone(dt.UTC) - _EPOCH) // _MICROSECOND


def instrument_message(found: Instrument) -> pb.Instrument:
    levels = found.scale.levels
    rubric = found.rubric
    message = pb.Instrument(skill_id=found.skill_id, skill_name=found.skill_name, scale_id=found.scale.id,
                            scale_name=found.scale.name,
                            levels=[pb.Level(rank=l.rank, name=l.name, description=l.description) for l in levels])
    if rubric is not None:
        message.rubric_id, message.rubric_name = rubric.id, rubric.name
        message.criteria.extend(pb.Criterion(code=c.code, name=c.name, descriptors=[
            c.descriptors.get(level.rank, "") for level in rubric.scale.levels]) for c in rubric.criteria)
    return message


def assessment_message(a: Assessment, notes: dict | None = None) -> pb.Assessment:
    note = (notes or {}).get(a.id)
    return pb.Assessment(disagreements=note.disagreements if note else (), amended=bool(note and note.amended),
                         id=a.id, artifact_id=a.artifact_id, skill_id=a.skill_id, assessor_id=a.assessor_id,
                         assessor_role=a.assessor_role, level_rank=a.level_rank, level_name=a.level_name,
                         comment=a.comment, assessed_at=_iso(a.assessed_at),
                         criterion_levels=[pb.CriterionLevel(criterion_code=c.criterion_code, level_rank=c.level_rank)
                                           for c in a.criterion_levels])


def growth_message(skill: SkillGrowth) -> pb.SkillGrowth:
    """One skill's growth; each year's points as columns (no message per point)."""
    return pb.SkillGrowth(skill_id=skill.skill_id, skill_name=skill.skill_name, colour=skill.colour,
                          max_rank=skill.max_rank, years=[pb.GrowthYear(
                              school_year_id=y.school_year_id, title=y.title, start_date=y.start_date,
                              artifacts_tagged=y.artifacts_tagged, points=_points_message(y.points))
                              for y in skill.years])


def _points_message(points: list[Point]) -> pb.GrowthPoints:
    """A year's points (oldest first) as columns."""
    return pb.GrowthPoints(assessed_at_us=[epoch_us(p.assessed_at) for p in points],
                           level_rank=[p.level_rank for p in points], level_name=[p.level_name for p in points],
                           max_rank=[p.max_rank for p in points], artifact_id=[p.artifact_id for p in points],
                           assessor_role=[p.assessor_role for p in points])


def _criterion_levels(request) -> list[CriterionLevel]:
    return [CriterionLevel(c.criterion_code, c.level_rank) for c in request.criterion_levels]


class AssessmentsServicer(assessments_pb2_grpc.AssessmentsServiceServicer):
    """Every AssessmentsService RPC; the principal comes from the chassis interceptor."""

    def __init__(self, app) -> None:
        self.assessments = app.assessments

    def GetInstrument(self, request, context):
        found = self.assessments.instrument(current_viewer(Viewer), request.artifact_id, request.skill_id)
        return pb.GetInstrumentResponse(instrument=instrument_message(found))

    def Assess(self, request, context):
        return idempotent(self.assessments.uow_factory, request, pb.AssessResponse,
                          lambda recorded: pb.AssessResponse(assessment=assessment_message(recorded)),
                          lambda: self.assessments.assess(current_viewer(Viewer), request.artifact_id,
                                                          request.skill_id, request.level_rank, request.comment,
                                                          _criterion_levels(request)))

    def SelfAssess(self, request, context):
        return idempotent(self.assessments.uow_factory, request, pb.SelfAssessResponse,
                          lambda recorded: pb.SelfAssessResponse(assessment=assessment_message(recorded)),
                          lambda: self.assessments.self_assess(current_viewer(Viewer), request.artifact_id,
                                                               request.skill_id, request.level_rank, request.comment,
                                                               _criterion_levels(request)))

    def ListAssessments(self, request, context):
        found = self.assessments.on_artifact(current_viewer(Viewer), request.artifact_id)
        return pb.ListAssessmentsResponse(skills=[pb.SkillAssessments(
            skill_id=s.skill_id, skill_name=s.skill_name,
            teacher_assessments=[assessment_message(a, s.notes) for a in s.teacher],
            self_assessments=[assessment_message(a, s.notes) for a in s.self]) for s in found])

    def GetGrowth(self, request, context):
        growth = self.assessments.growth(current_viewer(Viewer), request.student_id)
        return pb.GetGrowthResponse(student_id=request.student_id, skills=[growth_message(s) for s in growth])


def register(app, server: grpc.Server) -> None:
    assessments_pb2_grpc.add_AssessmentsServiceServicer_to_server(AssessmentsServicer(app), server)
