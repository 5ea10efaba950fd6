"""CalibrationServicer (thin: proto <-> ExemplarUseCases and CalibrationUseCases), served by the reflections API.
Replies are de-identified: an exemplar never carries its student or artifact, except to those who may see the
student's record (their nominations)."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.access import Viewer
from reflections.domain.agreement import Agreement
from reflections.domain.calibration import Exemplar, Score, Session
from reflections.domain.calibration_access import CalibrationAction
from reflections.service_layer.calibration import SessionView
from skillfolio.reflections.v1 import calibration_pb2 as pb
from skillfolio.reflections.v1 import calibration_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["CalibrationService"].full_name


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).isoformat() if moment else ""


def exemplar(item: Exemplar, blind: bool = False) -> pb.Exemplar:
    return pb.Exemplar(id=item.id, skill_id=item.skill_id, criterion_code=item.criterion_code,
                       level_rank=0 if blind else item.level_rank, level_name="" if blind else item.level_name,
                       caption=item.caption)


def nomination(item: Exemplar) -> pb.Nomination:
    return pb.Nomination(exemplar=exemplar(item), artifact_id=item.artifact_id, status=item.status,
                         nominated_by=item.nominated_by, nominated_at=_iso(item.nominated_at),
                         consent_by=item.consent_by, consent_role=item.consent_role, consent_at=_iso(item.consent_at))


def session_message(item: Session) -> pb.CalibrationSession:
    return pb.CalibrationSession(
        id=item.id, coach_id=item.coach_id, title=item.title, skill_id=item.skill_id, skill_name=item.skill_name,
        levels=[pb.CalibrationLevel(rank=r, name=n) for r, n in item.levels],
        criteria=[pb.CalibrationCriterion(code=c.code, name=c.name) for c in item.criteria],
        exemplar_ids=item.exemplar_ids, rater_ids=item.rater_ids, submitted_rater_ids=item.submitted,
        created_at=_iso(item.created_at), has_alpha=item.alpha is not None, alpha=item.alpha or 0.0)


def agreement_message(found: Agreement) -> pb.CriterionAgreement:
    return pb.CriterionAgreement(
        criterion_code=found.criterion_code, raters=found.raters, pairs=found.pairs, defined=found.exact is not None,
        exact=found.exact or 0.0, adjacent=found.adjacent or 0.0, has_alpha=found.alpha is not None,
        alpha=found.alpha or 0.0,
        divergent=[pb.Divergence(exemplar_id=d.item_id, spread=d.spread,
                                 levels=[pb.RaterLevel(rater_id=r, level_rank=v) for r, v in d.levels.items()])
                   for d in found.divergent])


def view_message(view: SessionView, viewer: Viewer) -> pb.GetCalibrationSessionResponse:
    blind = view.results is None
    return pb.GetCalibrationSessionResponse(
        session=session_message(view.session), items=[exemplar(e, blind) for e in view.items],
        my_scores=[pb.CalibrationScore(exemplar_id=s.exemplar_id, criterion_code=s.criterion_code,
                                       level_rank=s.level_rank) for s in view.my_scores],
        results=[agreement_message(a) for a in view.results or []],
        viewer_can=pb.CalibrationViewerCan(
            score=CalibrationAction.SCORE in view.can and viewer.subject not in view.session.submitted,
            see_results=not blind))


def _viewer() -> Viewer:
    return current_viewer(Viewer)


class CalibrationServicer(calibration_pb2_grpc.CalibrationServiceServicer):
    def __init__(self, app) -> None:
        self.exemplars, self.calibration = app.exemplars, app.calibration

    def NominateExemplar(self, request, context):
        r = request
        return idempotent(self.exemplars.uow_factory, request, pb.NominateExemplarResponse,
                          lambda item: pb.NominateExemplarResponse(nomination=nomination(item)),
                          lambda: self.exemplars.nominate(_viewer(), r.artifact_id, r.skill_id, r.level_rank,
                                                          r.caption, r.criterion_code))

    def ConsentExemplar(self, request, context):
        return pb.ConsentExemplarResponse(nomination=nomination(
            self.exemplars.consent(_viewer(), request.exemplar_id, request.choice)))

    def ListStudentExemplars(self, request, context):
        return pb.ListStudentExemplarsResponse(nominations=[
            nomination(e) for e in self.exemplars.of_student(_viewer(), request.student_id)])

    def ListExemplars(self, request, context):
        return pb.ListExemplarsResponse(exemplars=[exemplar(e) for e in self.exemplars.for_skill(_viewer(),
                                                                                                  request.skill_id)])

    def CreateCalibrationSession(self, request, context):
        r = request
        return idempotent(self.calibration.uow_factory, request, pb.CreateCalibrationSessionResponse,
                          lambda item: pb.CreateCalibrationSessionResponse(session=session_message(item)),
                          lambda: self.calibration.create(_viewer(), r.title, r.skill_id, list(r.exemplar_ids),
                                                          list(r.rater_ids)))

    def SubmitCalibrationScores(self, request, context):
        viewer = _viewer()
        scores = [Score(s.exemplar_id, s.criterion_code, s.level_rank) for s in request.scores]
        return pb.SubmitCalibrationScoresResponse(view=view_message(
            self.calibration.submit(viewer, request.session_id, scores), viewer))

    def GetCalibrationSession(self, request, context):
        viewer = _viewer()
        return view_message(self.calibration.get(viewer, request.session_id), viewer)

    def ListCalibrationRaters(self, request, context):
        return pb.ListCalibrationRatersResponse(raters=[pb.CalibrationRater(person_id=i, name=n)
                                                        for i, n in self.calibration.raters(_viewer())])

    def ListCalibrationSessions(self, request, context):
        return pb.ListCalibrationSessionsResponse(sessions=[session_message(s)
                                                            for s in self.calibration.track(_viewer())])


def register(app, server: grpc.Server) -> None:
    calibration_pb2_grpc.add_CalibrationServiceServicer_to_server(CalibrationServicer(app), server)
