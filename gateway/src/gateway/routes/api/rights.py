"""/api/v1 rights at 18: once a student's rights over their record have passed to them, the student alone sees and
sets which guardians may see it again (the roster decides; anyone else gets 403)."""
from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller, PathId
from gateway.schemas.common import FromProto
from skillfolio.roster.v1 import rights_pb2 as pb

router = APIRouter(prefix="/api/v1", tags=["rights at 18"], responses=ERRORS)


class GuardianAccess(FromProto):
    guardian_id: str
    given_name: str
    family_name: str
    granted: bool = Field(description="Sees the student's record (before the rights pass, every guardian does).")


class GuardianAccessList(BaseModel):
    rights_passed_on: str = Field(description="ISO date the rights passed to the student; empty: not yet.")
    guardians: list[GuardianAccess]


class AccessChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    granted: bool


@router.get("/students/{student_id}/guardian-access", response_model=GuardianAccessList,
            summary="The student's guardians and whether each sees the record (the student only)")
async def get_guardian_access(backends: BackendsDep, caller: Caller, student_id: PathId):
    reply = await backends.rights.get_guardian_access(caller, pb.GetGuardianAccessRequest(student_id=student_id))
    return GuardianAccessList(rights_passed_on=reply.rights_passed_on,
                              guardians=[GuardianAccess.of(g) for g in reply.guardians])


@router.put("/students/{student_id}/guardian-access/{guardian_id}", response_model=GuardianAccess,
            summary="Grant or withdraw a guardian's access (an adult student; 409 before the rights passed)")
async def set_guardian_access(backends: BackendsDep, caller: Caller, student_id: PathId, guardian_id: PathId,
                              body: AccessChange):
    reply = await backends.rights.set_guardian_access(caller, pb.SetGuardianAccessRequest(
        student_id=student_id, guardian_id=guardian_id, granted=body.granted))
    return GuardianAccess.of(reply.guardian)
