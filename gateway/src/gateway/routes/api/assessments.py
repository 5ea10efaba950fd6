"""/api/v1 assessments ("points of progress") of an artifact: the instrument for one of its skills, a teacher's
assessment, the student's self-assessment, and both side by side. The reflections service's AssessmentsService
decides who may do what (a teacher who teaches the student now assesses; the student self-assesses)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, rest_field_names
from gateway.schemas.assessments import (
    ArtifactAssessments,
    Assessment,
    Instrument,
    NewAssessment,
    assessment_json,
    assessments_json,
    instrument_json,
)
from skillfolio.reflections.v1 import assessments_pb2 as pb

router = APIRouter(prefix="/api/v1", tags=["assessments"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("/artifacts/{artifact_id}/skills/{skill_id}/instrument", response_model=Instrument,
            summary="What an assessment of this skill uses: its scale's levels and, if any, its rubric's criteria")
async def get_instrument(backends: BackendsDep, caller: Caller, artifact_id: PathId, skill_id: PathId):
    async with rest_field_names({}):
        reply = await backends.assessments.get_instrument(caller,
            pb.GetInstrumentRequest(artifact_id=artifact_id, skill_id=skill_id))
    return JSONResponse(instrument_json(reply.instrument))


@router.get("/artifacts/{artifact_id}/assessments", response_model=ArtifactAssessments,
            summary="Per skill of the artifact: teacher assessments and self-assessments side by side")
async def list_assessments(backends: BackendsDep, caller: Caller, artifact_id: PathId):
    async with rest_field_names({}):
        reply = await backends.assessments.list_assessments(caller, pb.ListAssessmentsRequest(artifact_id=artifact_id))
    return JSONResponse(assessments_json(artifact_id, reply))


@router.post("/artifacts/{artifact_id}/assessments", response_model=Assessment, status_code=201,
             dependencies=IDEMPOTENT,
             summary="A teacher's assessment of the artifact against one of its skills")
async def assess(backends: BackendsDep, caller: Caller, artifact_id: PathId, body: NewAssessment):
    async with rest_field_names({}):
        reply = await backends.assessments.assess(
            caller, pb.AssessRequest(artifact_id=artifact_id, **body.request_fields()))
    return JSONResponse(assessment_json(reply.assessment), status_code=201)


@router.post("/artifacts/{artifact_id}/self-assessments", response_model=Assessment, status_code=201,
             dependencies=IDEMPOTENT,
             summary="The student's self-assessment with the same instrument")
async def self_assess(backends: BackendsDep, caller: Caller, artifact_id: PathId, body: NewAssessment):
    async with rest_field_names({}):
        reply = await backends.assessments.self_assess(caller,
            pb.SelfAssessRequest(artifact_id=artifact_id, **body.request_fields()))
    return JSONResponse(assessment_json(reply.assessment), status_code=201)
