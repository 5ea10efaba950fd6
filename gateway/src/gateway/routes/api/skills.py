"""GET /api/v1/skills: a school's effective skills (the district's plus the school's own) for tagging and chips."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller
from gateway.schemas import skills as skill_schemas
from gateway.usecases import portfolio

router = APIRouter(prefix="/api/v1", tags=["skills"], responses=ERRORS)


@router.get("/skills", response_model=skill_schemas.Skills,
            summary="A school's skills: the district framework's plus the school's additions, retired ones marked")
async def effective_skills(request: Request, backends: BackendsDep, caller: Caller,
                           school_id: Annotated[str, Query(min_length=1, max_length=64,
                                                           description="The school (roster id).")]):
    skills = await portfolio.effective_skills(backends, caller, school_id, include_retired=True)
    return skill_schemas.Skills(items=[skill_schemas.Skill.of(s) for s in skills])
