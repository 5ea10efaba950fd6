"""/api/v1 Open Badges 3.0 and CLR 2.0: the district's badges (district admins define them and award skill badges),
a student's credentials and CLR (the student, their guardians, current teachers), revocation (district admins) and
verification of any credential (public). The reflections service decides who may do what."""
from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Request

from chassis.errors import FieldProblem, InvalidArgument
from chassis.vc.status import LIST_PATH
from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller
from gateway.routes.well_known import published_key
from gateway.schemas.credentials import (
    Badge,
    Badges,
    Clr,
    Credential,
    Credentials,
    NewAward,
    NewBadge,
    Revocation,
    Verification,
    VerifyRequest,
)
from gateway.schemas.goals import as_json
from gateway.usecases import credentials
from skillfolio.reflections.v1 import credentials_pb2 as cpb

router = APIRouter(prefix="/api/v1", tags=["credentials"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("/badges", response_model=Badges, summary="The district's badges (for milestone types and skills)")
async def list_badges(request: Request, backends: BackendsDep, caller: Caller):
    reply = await backends.credentials.list_badges(caller, cpb.ListBadgesRequest())
    return {"items": [as_json(b) for b in reply.badges]}


@router.post("/badges", response_model=Badge, status_code=201, dependencies=IDEMPOTENT,
             summary="Define a badge (district admins): a milestone type's, awarded automatically when a milestone "
                     "completes at `min_outcome` or better, or a skill's, awarded by a district admin")
async def define_badge(request: Request, backends: BackendsDep, caller: Caller, body: NewBadge):
    reply = await backends.credentials.define_badge(caller, cpb.DefineBadgeRequest(
        kind=body.kind, name=body.name, description=body.description, criteria=body.criteria,
        milestone_type_id=body.milestone_type_id, min_outcome=body.min_outcome, skill_id=body.skill_id))
    return as_json(reply.badge)


@router.post("/badges/{badge_id}/awards", response_model=Credential, status_code=201, dependencies=IDEMPOTENT,
             summary="Award a skill badge to a student (district admins; audited): a signed OpenBadgeCredential")
async def award_badge(request: Request, backends: BackendsDep, caller: Caller, badge_id: PathId, body: NewAward):
    reply = await backends.credentials.award_badge(caller, cpb.AwardBadgeRequest(badge_id=badge_id,
                                                                                 student_id=body.student_id))
    return credentials.credential_json(reply.credential)


@router.post("/credentials/{credential_id}/revoke", response_model=Credential,
             summary="Revoke a credential (district admins; audited): its bit in the status list is set")
async def revoke(request: Request, backends: BackendsDep, caller: Caller, credential_id: PathId, body: Revocation):
    reply = await backends.credentials.revoke_credential(caller, cpb.RevokeCredentialRequest(
        credential_id=credential_id, reason=body.reason))
    return credentials.credential_json(reply.credential)


@router.get("/students/{student_id}/credentials", response_model=Credentials,
            summary="A student's Open Badges, each as JSON and as its signed VC-JWT (revoked ones marked)")
async def student_credentials(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId):
    return await credentials.student_credentials(backends, caller, student_id)


@router.get("/students/{student_id}/clr", response_model=Clr,
            summary="A student's CLR 2.0 ClrCredential bundling every live badge, signed (409 while they hold none)")
async def student_clr(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId):
    return await credentials.clr(backends, caller, student_id)


@router.post("/credentials/verify", response_model=Verification,
             summary="Verify a credential this district issued: signature (the published key), claims, JSON Schema "
                     "(OB 3.0 / CLR 2.0), validity and revocation status; says why one fails (no sign-in needed)")
async def verify_credential(request: Request, backends: BackendsDep, body: VerifyRequest):
    token = body.jwt.strip() or str((body.credential or {}).get("jwt", "")).strip()
    if not token:
        raise InvalidArgument("jwt: give the credential's VC-JWT (the `jwt` of the API's answer)",
                              [FieldProblem("jwt", "must be a VC-JWT")])
    key = published_key(request)
    verdict = await credentials.check(backends, key, key_url(request), token)
    return {"verified": verdict.verified, "revoked": verdict.revoked, "reasons": verdict.reasons,
            "checks": [c.__dict__ for c in verdict.checks], "credential": json.loads(json.dumps(verdict.credential))}


def key_url(request: Request) -> str:
    return request.app.state.platform.district_url.rstrip("/") + LIST_PATH
