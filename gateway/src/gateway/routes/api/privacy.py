"""/api/v1/privacy: erasure on request and its signed certificate, the retention schedule, legal holds and the records
past the schedule (issue 13 §5), and the rights-at-18 rule (§6). The roster service decides who may: a privacy
officer erases, holds and reads; a district admin sets the schedule and the rule."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller
from gateway.schemas.goals import as_json
from gateway.schemas.privacy import (
    Certificate,
    DueRecords,
    Erasure,
    Erasures,
    HoldResult,
    LegalHold,
    NewErasure,
    RightsRule,
    RightsRuleOut,
    Schedule,
    ScheduleOut,
    certificate_json,
    erasure_json,
)
from skillfolio.roster.v1 import privacy_pb2 as ppb

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
PENDING = {409: {"description": "The erasure is still pending: some services have not confirmed yet"}}


@router.post("/erasures", response_model=Erasure, status_code=202, dependencies=IDEMPOTENT,
             summary="Erase a student's record, or one artifact of it, in every service (privacy officers, with a "
                     "reason): the roster erases its part now and asks every service for theirs; the erasure stays "
                     "`pending` until all confirm")
async def request_erasure(backends: BackendsDep, caller: Caller, body: NewErasure):
    reply = await backends.privacy.request_erasure(caller, ppb.RequestErasureRequest(
        student_id=body.student_id, reason=body.reason, artifact_id=body.artifact_id.strip()))
    return erasure_json(reply.erasure)


@router.get("/erasures", response_model=Erasures, summary="Erasures, newest first (privacy officers)")
async def list_erasures(backends: BackendsDep, caller: Caller, limit: int = Query(100, ge=1, le=500)):
    reply = await backends.privacy.list_erasures(caller, ppb.ListErasuresRequest(limit=limit))
    return {"items": [erasure_json(e) for e in reply.erasures]}


@router.get("/erasures/{erasure_id}", response_model=Erasure,
            summary="One erasure: each service's confirmation with its counts, who is still awaited")
async def get_erasure(backends: BackendsDep, caller: Caller, erasure_id: PathId):
    reply = await backends.privacy.get_erasure(caller, ppb.GetErasureRequest(erasure_id=erasure_id))
    return erasure_json(reply.erasure)


@router.get("/erasures/{erasure_id}/certificate", response_model=Certificate, responses=PENDING,
            summary="The erasure certificate signed by the district key (issued once every service confirmed); "
                    "the printable page is /privacy/erasures/{id}/certificate")
async def get_certificate(backends: BackendsDep, caller: Caller, erasure_id: PathId):
    reply = await backends.privacy.get_erasure(caller, ppb.GetErasureRequest(erasure_id=erasure_id))
    found = certificate_json(reply.erasure)
    if found is None:
        return JSONResponse({"error": {"code": "pending", "message": "waiting for "
                                       + ", ".join(reply.erasure.waiting_for)}}, status_code=409,
                            headers={"Retry-After": "30"})
    return found


@router.get("/retention", response_model=ScheduleOut,
            summary="The district's retention schedule (district admins, privacy officers)")
async def get_schedule(backends: BackendsDep, caller: Caller):
    reply = await backends.privacy.get_retention_schedule(caller, ppb.GetRetentionScheduleRequest())
    return as_json(reply.schedule)


@router.put("/retention", response_model=ScheduleOut, summary="Set the retention schedule (district admins)")
async def set_schedule(backends: BackendsDep, caller: Caller, body: Schedule):
    reply = await backends.privacy.set_retention_schedule(caller, ppb.SetRetentionScheduleRequest(
        schedule=ppb.RetentionSchedule(**body.model_dump())))
    return as_json(reply.schedule)


@router.get("/rights-rule", response_model=RightsRuleOut,
            summary="When rights over a record pass to the student in the caller's district (district admins)")
async def get_rights_rule(backends: BackendsDep, caller: Caller):
    reply = await backends.privacy.get_rights_rule(caller, ppb.GetRightsRuleRequest())
    return as_json(reply.rule)


@router.put("/rights-rule", response_model=RightsRuleOut,
            summary="Choose when rights pass to students in the caller's district (district admins; audited)")
async def set_rights_rule(backends: BackendsDep, caller: Caller, body: RightsRule):
    reply = await backends.privacy.set_rights_rule(caller, ppb.SetRightsRuleRequest(
        guardian_access_ends=body.guardian_access_ends))
    return as_json(reply.rule)


@router.get("/retention/due", response_model=DueRecords,
            summary="Records past the schedule (privacy officers): erased after the grace period unless held")
async def list_due(backends: BackendsDep, caller: Caller):
    reply = await backends.privacy.list_retention_due(caller, ppb.ListRetentionDueRequest())
    return {"items": [as_json(r) for r in reply.records]}


@router.put("/legal-holds/{student_id}", response_model=HoldResult,
            summary="Place a legal hold on a student's record (privacy officers; audited): never erased while held")
async def place_hold(backends: BackendsDep, caller: Caller, student_id: PathId, body: LegalHold):
    reply = await backends.privacy.set_legal_hold(caller, ppb.SetLegalHoldRequest(student_id=student_id, hold=True,
                                                                                  reason=body.reason))
    return {"changed": reply.changed}


@router.delete("/legal-holds/{student_id}", response_model=HoldResult,
               summary="Lift a legal hold (privacy officers; audited)")
async def lift_hold(backends: BackendsDep, caller: Caller, student_id: PathId,
                    reason: str = Query(..., min_length=1, max_length=2000, description="Why (kept in the audit log).")):
    reply = await backends.privacy.set_legal_hold(caller, ppb.SetLegalHoldRequest(student_id=student_id, hold=False,
                                                                                  reason=reason))
    return {"changed": reply.changed}
