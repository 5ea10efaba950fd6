"""/api/v1 points of progress: the district's terms and due dates, a student's points of progress (complete, list),
one point (change), and a section's checklist. The reflections service decides who may do what (a district admin
sets terms; a current teacher of the section completes and its author changes a point; the student, their
current teachers and guardians read)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from chassis.errors import FieldProblem, InvalidArgument
from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, rest_field_names
from gateway.schemas.goals import as_json
from gateway.schemas.points_of_progress import (
    NewPointOfProgress,
    NewProgressTerm,
    PointChanges,
    PointOfProgress,
    PointsOfProgress,
    ProgressChecklist,
    ProgressTerm,
    ProgressTerms,
)
from gateway.usecases import points_of_progress as points

router = APIRouter(prefix="/api/v1", tags=["points of progress"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
REST_NAMES = {"artifact_ids.ids": "artifact_ids"}


@router.get("/progress-terms", response_model=ProgressTerms,
            summary="The district's terms for points of progress, with their due dates")
async def list_terms(request: Request, backends: BackendsDep, caller: Caller,
                     school_year_id: Annotated[str, Query(max_length=64, description="Only this school year")] = ""):
    found = await points.terms(backends, caller, school_year_id)
    return {"items": [as_json(t) for t in found.terms], "viewer_can_configure": found.viewer_can_configure}


@router.put("/progress-terms", response_model=ProgressTerm,
            summary="Set a term's due date (a district admin); naming an existing term of the year moves its date")
async def set_term(request: Request, backends: BackendsDep, caller: Caller, body: NewProgressTerm):
    async with rest_field_names(REST_NAMES):
        return as_json(await points.set_term(backends, caller, school_year_id=body.school_year_id, name=body.name,
                                             due_on=body.due_on.isoformat()))


@router.get("/students/{student_id}/points-of-progress", response_model=PointsOfProgress,
            summary="A student's points of progress, newest first (part of their passport)")
async def list_points(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId):
    async with rest_field_names(REST_NAMES):
        return {"items": [as_json(p) for p in await points.of_student(backends, caller, student_id)]}


@router.post("/students/{student_id}/points-of-progress", response_model=PointOfProgress, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Complete a student's point of progress for a section and term (a current teacher of the "
                     "section): referenced work, a strength-based comment and the level shown")
async def complete(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                   body: NewPointOfProgress):
    async with rest_field_names(REST_NAMES):
        return as_json(await points.complete(backends, caller, student_id, **body.model_dump()))


@router.patch("/points-of-progress/{point_id}", response_model=PointOfProgress,
              summary="Change a point of progress's comment, level or work (its author, while it is editable)")
async def update(request: Request, backends: BackendsDep, caller: Caller, point_id: PathId, body: PointChanges):
    changes = body.model_dump(include=body.model_fields_set)
    if not changes:
        raise InvalidArgument("send at least one field to change", [
            FieldProblem("body", f"name one of {', '.join(PointChanges.model_fields)}")])
    async with rest_field_names(REST_NAMES):
        return as_json(await points.update(backends, caller, point_id, **changes))


@router.get("/sections/{section_id}/progress-checklist", response_model=ProgressChecklist,
            summary="A section's points of progress for a term: who is done, missing or overdue (current teachers "
                    "of the section)")
async def checklist(request: Request, backends: BackendsDep, caller: Caller, section_id: PathId,
                    term_id: Annotated[str, Query(max_length=64, description="Default: the current term")] = ""):
    async with rest_field_names(REST_NAMES):
        return as_json(await points.checklist(backends, caller, section_id, term_id))
