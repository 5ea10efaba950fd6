"""The REST API's privacy shapes (issue 13 §5): an erasure request and its record with each service's confirmation
and, once every service confirmed, the district-signed certificate; the retention schedule, legal holds, records due."""
from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Count, Id, text


class NewErasure(Body):
    student_id: Id
    reason: str = text(2000, description="Why the record is erased (kept on the erasure record and certificate).")
    artifact_id: str = Field("", max_length=36, description=(
        "Erase only this artifact of the student's, with what hangs on it (versions, media, reflections, feedback, "
        "comments, assessments, notifications). The artifacts service checks it is the student's first: if not, "
        "the erasure is `refused` and nothing is erased."))


class Confirmation(BaseModel):
    service: str
    confirmed_at: str
    counts: dict[str, Count] = Field(description="Rows erased per table, and `media_objects` deleted from the store.")


class Erasure(BaseModel):
    id: str
    pseudonym: str = Field(description="Keyed hash of the student id: all the audit trails keep.")
    status: str = Field(description="`pending` until every service confirmed, then `completed`; `refused` when the "
                                    "artifact named is not the student's (nothing erased).")
    artifact_id: str = Field("", description="Set: the erasure of this one artifact, not the whole record.")
    refusal: str = Field("", description="Why a refused erasure erased nothing.")
    media_only: bool = Field(False, description="The student's media alone, at the retention schedule's media years "
                                                "(the rest of the record stays until the portfolio's date).")
    reason: str
    requested_by: str
    requested_at: str
    services: list[str]
    confirmations: list[Confirmation]
    waiting_for: list[str]
    attempts: Count = Field(description="How many times the services still waiting were asked.")
    completed_at: str = ""
    certificate_url: str = Field("", description="The certificate (JSON with its JWS), once completed.")


class Erasures(BaseModel):
    items: list[Erasure]


class Certificate(BaseModel):
    certificate: dict[str, Any] = Field(description="What was erased where (each service's counts), what is kept by "
                                                    "law and why, and when backups age out.")
    jws: str = Field(description="Compact JWS (alg EdDSA) over the certificate by the district key "
                                 "(/.well-known/jwks.json).")


class Schedule(Body):
    portfolio_years: int = Field(ge=0, le=100, description="Years a portfolio is kept after the student leaves.")
    media_years: int = Field(ge=0, le=100, description="Years its media is kept (at most portfolio_years).")
    grace_days: int = Field(ge=0, le=365, description="Days between being reported due and the erasure.")


class ScheduleOut(Schedule):
    updated_by: str = ""


RULES = ("age_18", "graduation", "never")


class RightsRule(Body):
    guardian_access_ends: Literal[RULES] = Field(description=(
        "When guardians' access to a student's record passes to the student: `age_18`, `graduation`, or `never` "
        "(the district treats its students as dependents and keeps guardian access, as FERPA allows)."))


class RightsRuleOut(RightsRule):
    district_id: str
    is_default: bool = Field(description="The district has not chosen: the deployment's default "
                                         "(ROSTER_GUARDIAN_ACCESS_ENDS) applies.")
    updated_by: str


class LegalHold(Body):
    reason: str = text(2000, description="Why (kept in the audit log).")


class HoldResult(BaseModel):
    changed: bool


class DueRecord(BaseModel):
    student_id: str
    left_on: str
    due_on: str
    reported_on: str
    erase_after: str
    held: bool
    erasure_id: str = ""
    kind: Literal["portfolio", "media"] = Field("portfolio", description=(
        "`portfolio`: the whole record is due; `media`: its media alone (the media years are over, the portfolio's "
        "are not)."))


class DueRecords(BaseModel):
    items: list[DueRecord]


def erasure_json(e) -> dict:
    return {"id": e.id, "pseudonym": e.pseudonym, "status": e.status, "reason": e.reason,
            "artifact_id": e.artifact_id, "refusal": e.refusal, "media_only": e.media_only,
            "requested_by": e.requested_by, "requested_at": e.requested_at, "services": list(e.services),
            "confirmations": [{"service": c.service, "confirmed_at": c.confirmed_at, "counts": dict(c.counts)}
                              for c in e.confirmations],
            "waiting_for": list(e.waiting_for), "attempts": e.attempts, "completed_at": e.completed_at,
            "certificate_url": f"/api/v1/privacy/erasures/{e.id}/certificate" if e.certificate_json else ""}


def certificate_json(e) -> dict | None:
    return {"certificate": json.loads(e.certificate_json), "jws": e.signature} if e.certificate_json else None
