"""The REST API's record of disclosures and amendment shapes, built from the services' protobuf messages
(skillfolio.disclosures.v1, skillfolio.reflections.v1.amendments)."""
from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import text
from skillfolio.disclosures.v1 import disclosures_pb2 as dpb

Service = Literal["roster", "artifacts", "reflections", "notifications"]


class Disclosure(BaseModel):
    service: Service = Field(description="The service whose append-only audit log holds the row.")
    occurred_at: str = Field(description="ISO 8601, UTC.")
    actor_id: str = Field(description="Who read or changed the record: a person id, or service:<name>.")
    actor_name: str = Field(description="Their name, when a service knows it (else empty).")
    actor_roles: list[str] = Field(description="The roles the actor held then.")
    action: str = Field(description="Through what: the operation, e.g. reflections.GetDiscussion.")
    detail: dict = Field(description="The operation's target and filters (e.g. the artifact read).")


class Disclosures(BaseModel):
    items: list[Disclosure] = Field(description="Newest first.")
    next_page_token: str = Field(description="Pass as page_token for the next page; empty on the last page.")


def disclosure_json(item: dpb.Disclosure) -> dict:
    try:
        detail = json.loads(item.detail) if item.detail else {}
    except ValueError:
        detail = {"text": item.detail}
    return {"service": item.service, "occurred_at": item.occurred_at, "actor_id": item.actor_id,
            "actor_name": item.actor_name, "actor_roles": [r for r in item.actor_roles.split(",") if r],
            "action": item.action, "detail": detail}


class AmendedText(BaseModel):
    field: str
    text: str


class NewText(Body):
    field: str = text(32, description="comment: body; feedback: can_do or next_steps; assessment: comment.")
    text: str = text(5000)


class AmendmentViewerCan(BaseModel):
    decide: bool = Field(description="May amend the record or refuse (the author, a privacy officer; while pending).")
    disagree: bool = Field(description="May attach a statement of disagreement (the requester, after a refusal).")


class Amendment(BaseModel):
    id: str
    record_type: Literal["comment", "feedback", "assessment"]
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    requester_role: str
    reason: str
    requested_at: str
    status: Literal["pending", "amended", "refused"]
    decided_by: str
    decider_role: str = Field(description="author | privacy_officer (empty while pending).")
    decision_reason: str
    decided_at: str
    previous: list[AmendedText] = Field(description="The record's texts before the amendment (its history).")
    amended: list[AmendedText] = Field(description="The texts the amendment set.")
    disagreement: str = Field(description="The requester's statement of disagreement, shown beside the record.")
    disagreement_at: str
    viewer_can: AmendmentViewerCan
    current: list[AmendedText] = Field(description="GET: the record's texts as they stand now (for the decider).")


class Amendments(BaseModel):
    items: list[Amendment] = Field(description="Newest first.")
    can_request: bool = Field(description="The caller may request amendments of this student's records.")


class NewAmendment(Body):
    record_type: Literal["comment", "feedback", "assessment"]
    record_id: str = Field(min_length=1, max_length=64)
    reason: str = text(2000, description="Why the record is inaccurate or misleading.")


class Decision(Body):
    outcome: Literal["amended", "refused"]
    texts: list[NewText] = Field(default_factory=list, max_length=4,
                                     description="amended: the new texts (comment: body; feedback: can_do, "
                                                 "next_steps; assessment: comment).")
    reason: str = Field("", max_length=2000, description="refused: why (required).")


class Disagreement(Body):
    statement: str = text(5000, description="The requester's statement of disagreement.")
