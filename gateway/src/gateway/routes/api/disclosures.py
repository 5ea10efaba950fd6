"""/api/v1 record of disclosures and amendments: who read or changed a student's record, when and through what (every
audit-keeping service's rows, merged newest first, by date range and service); amendment requests of a comment,
feedback or assessment, their decisions and statements of disagreement. The services decide who may do what."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, PageToken, PathId, rest_field_names
from gateway.schemas.disclosures import (
    Amendment,
    Amendments,
    Decision,
    Disagreement,
    Disclosures,
    NewAmendment,
    Service,
    disclosure_json,
)
from gateway.schemas.goals import as_json
from gateway.usecases import amendments, disclosures

router = APIRouter(prefix="/api/v1", tags=["privacy"], responses=ERRORS)
REST_NAMES = {"texts.": "texts."}
Day = Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="ISO 8601 date (UTC), inclusive.")]


@router.get("/students/{student_id}/disclosures", response_model=Disclosures,
            summary="The record of disclosures: who read or changed the student's record, when and through what "
                    "(the student, their guardian, a privacy officer; a read by anyone but the student is audited)")
async def list_disclosures(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                           from_date: Day = "", to_date: Day = "",
                           service: Annotated[list[Service] | None, Query(
                               description="Only these services' rows (repeat the parameter); default all.")] = None,
                           page_token: PageToken = "",
                           page_size: Annotated[int, Query(ge=0, le=disclosures.MAX_PAGE, description=(
                               "Rows per page; 0 means the default (50)."))] = 0):
    page = await disclosures.student_disclosures(backends, caller, student_id, from_date, to_date, service,
                                                 page_token, page_size)
    return {"items": [disclosure_json(d) for d in page.items], "next_page_token": page.next_page_token}


@router.get("/students/{student_id}/amendments", response_model=Amendments,
            summary="A student's amendment requests, newest first, each with what the caller may do on it")
async def list_amendments(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                          artifact_id: Annotated[str, Query(max_length=64)] = ""):
    found = await amendments.student_amendments(backends, caller, student_id, artifact_id)
    return {"items": [as_json(a) for a in found.amendments], "can_request": found.can_request}


@router.post("/amendments", response_model=Amendment, status_code=201, dependencies=IDEMPOTENT,
             summary="Request an amendment of a comment, feedback or assessment believed inaccurate (the student, "
                     "their guardian), with the reason")
async def request_amendment(request: Request, backends: BackendsDep, caller: Caller, body: NewAmendment):
    async with rest_field_names(REST_NAMES):
        return as_json(await amendments.request(backends, caller, body.record_type, body.record_id, body.reason))


@router.post("/amendments/{amendment_id}/decision", response_model=Amendment,
             summary="Amend the record (its old text is kept) or refuse with a reason (the teacher who wrote it, a "
                     "privacy officer)")
async def decide_amendment(request: Request, backends: BackendsDep, caller: Caller, amendment_id: PathId,
                           body: Decision):
    async with rest_field_names(REST_NAMES):
        return as_json(await amendments.decide(backends, caller, amendment_id, body.outcome,
                                               {t.field: t.text for t in body.texts}, body.reason))


@router.post("/amendments/{amendment_id}/disagreement", response_model=Amendment,
             summary="After a refusal, attach a statement of disagreement, shown beside the record and included in "
                     "every export of it (the requester)")
async def attach_disagreement(request: Request, backends: BackendsDep, caller: Caller, amendment_id: PathId,
                              body: Disagreement):
    async with rest_field_names(REST_NAMES):
        return as_json(await amendments.attach_disagreement(backends, caller, amendment_id, body.statement))
