"""/api/v1 exemplars and calibration: nominate an artifact as a de-identified exemplar, consent to it, list a
student's nominations and a skill's exemplars; create, score (blind) and read calibration sessions and track their
agreement. The reflections service's CalibrationService decides who may do what."""
from __future__ import annotations

from fastapi import APIRouter

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, PathId, rest_field_names
from gateway.schemas.calibration import (
    ConsentChoice,
    Exemplars,
    NewNomination,
    NewSession,
    Nomination,
    Nominations,
    Raters,
    Scores,
    Session,
    Sessions,
    SessionView,
    as_json,
)
from skillfolio.reflections.v1 import calibration_pb2 as pb

router = APIRouter(prefix="/api/v1", tags=["calibration"], responses=ERRORS)


@router.post("/artifacts/{artifact_id}/exemplar-nominations", response_model=Nomination, status_code=201,
             dependencies=IDEMPOTENT, summary="Nominate the artifact as a de-identified exemplar of a level "
                                              "(a teacher of the student now); it waits for consent")
async def nominate(backends: BackendsDep, caller: Caller, artifact_id: PathId, body: NewNomination):
    async with rest_field_names({}):
        reply = await backends.calibration.nominate_exemplar(caller, pb.NominateExemplarRequest(
            artifact_id=artifact_id, **body.model_dump()))
    return as_json(reply.nomination)


@router.post("/exemplars/{exemplar_id}/consent", response_model=Nomination,
             summary="Give, decline or withdraw consent to an exemplar (the student or a guardian); recorded")
async def consent(backends: BackendsDep, caller: Caller, exemplar_id: PathId, body: ConsentChoice):
    async with rest_field_names({}):
        reply = await backends.calibration.consent_exemplar(caller, pb.ConsentExemplarRequest(
            exemplar_id=exemplar_id, choice=body.choice))
    return as_json(reply.nomination)


@router.get("/students/{student_id}/exemplar-nominations", response_model=Nominations,
            summary="Nominations of a student's work with their consent record (student, guardians, teachers)")
async def student_nominations(backends: BackendsDep, caller: Caller, student_id: PathId):
    async with rest_field_names({}):
        reply = await backends.calibration.list_student_exemplars(
            caller, pb.ListStudentExemplarsRequest(student_id=student_id))
    return {"items": [as_json(n) for n in reply.nominations]}


@router.get("/skills/{skill_id}/exemplars", response_model=Exemplars,
            summary="A skill's consented exemplars, de-identified, lowest level first (teachers)")
async def skill_exemplars(backends: BackendsDep, caller: Caller, skill_id: PathId):
    async with rest_field_names({}):
        reply = await backends.calibration.list_exemplars(caller, pb.ListExemplarsRequest(skill_id=skill_id))
    return {"items": [as_json(e) for e in reply.exemplars]}


@router.get("/calibration-raters", response_model=Raters, summary="The teachers a coach may invite")
async def raters(backends: BackendsDep, caller: Caller):
    reply = await backends.calibration.list_raters(caller, pb.ListCalibrationRatersRequest())
    return {"items": [as_json(r) for r in reply.raters]}


@router.post("/calibration-sessions", response_model=Session, status_code=201, dependencies=IDEMPOTENT,
             summary="Start a calibration session (a teacher as coach): consented exemplars of one skill, "
                     "at least two invited teachers")
async def create_session(backends: BackendsDep, caller: Caller, body: NewSession):
    async with rest_field_names({}):
        reply = await backends.calibration.create_session(caller, pb.CreateCalibrationSessionRequest(
            **body.model_dump()))
    return as_json(reply.session)


@router.get("/calibration-sessions", response_model=Sessions,
            summary="Calibration sessions with their alpha, newest first (district admins: all; teachers: theirs)")
async def list_sessions(backends: BackendsDep, caller: Caller):
    reply = await backends.calibration.list_sessions(caller, pb.ListCalibrationSessionsRequest())
    return {"items": [as_json(s) for s in reply.sessions]}


@router.get("/calibration-sessions/{session_id}", response_model=SessionView,
            summary="A session: its exemplars, your scores, and the agreement per criterion once you may see it")
async def get_session(backends: BackendsDep, caller: Caller, session_id: PathId):
    async with rest_field_names({}):
        reply = await backends.calibration.get_session(caller, pb.GetCalibrationSessionRequest(session_id=session_id))
    return as_json(reply)


@router.post("/calibration-sessions/{session_id}/scores", response_model=SessionView,
             summary="Submit your blind scores (an invited rater, once): every exemplar on every criterion")
async def submit_scores(backends: BackendsDep, caller: Caller, session_id: PathId, body: Scores):
    async with rest_field_names({}):
        reply = await backends.calibration.submit_scores(caller, pb.SubmitCalibrationScoresRequest(
            session_id=session_id, scores=[pb.CalibrationScore(**s.model_dump()) for s in body.scores]))
    return as_json(reply.view)
