"""/api/v1 growth view of a student: per skill, per school year, the artifacts tagged and the assessed levels over
time (the growth page's data). Readers: the student, their current teachers, their guardians."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import ORJSONResponse

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller, rest_field_names
from gateway.schemas.assessments import Growth, growth_json
from skillfolio.reflections.v1 import assessments_pb2 as pb

router = APIRouter(prefix="/api/v1", tags=["assessments"], responses=ERRORS)


@router.get("/students/{student_id}/growth", response_model=Growth,
            summary="A student's growth per skill over school years: artifacts tagged and assessed levels")
async def get_growth(request: Request, backends: BackendsDep, caller: Caller,
                     student_id: Annotated[str, Path(min_length=1, max_length=64)]):
    async with rest_field_names({}):
        reply = await backends.assessments.get_growth(caller, pb.GetGrowthRequest(student_id=student_id))
    return ORJSONResponse(growth_json(reply))   # built straight from the reply (orjson: a thousand points); the
                                                # model documents it
