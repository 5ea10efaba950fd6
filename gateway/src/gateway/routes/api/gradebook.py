"""/api/v1 competency gradebook of a section: students x the district's skills, each cell the latest assessed level,
the evidence count this term and the gaps (JSON, or CSV with ``format=csv``). Only the section's current teachers
get an answer; the artifacts and reflections services decide and compute."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import ORJSONResponse, Response

from gateway import i18n
from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller, PathId, rest_field_names
from gateway.schemas.gradebook import GradebookOut, gradebook_csv, gradebook_json
from gateway.usecases import gradebook as usecase
from gateway.usecases.report_csv import MEDIA_TYPE

router = APIRouter(prefix="/api/v1", tags=["gradebook"], responses=ERRORS)
CSV_DOC = {200: {"description": "The grid as JSON, or as CSV (text/csv) with format=csv: a header row (Student, then "
                                "per skill its level, evidence count and gaps), one row per student.",
                 "content": {"text/csv": {"schema": {"type": "string"}}}}}
TermId = Annotated[str, Query(max_length=64, description="A term of the section (its `terms`); default: the term "
                                                         "containing today, else the latest started")]


def today(request: Request) -> dt.date:
    return dt.datetime.fromtimestamp(request.app.state.clock(), dt.UTC).date()


def csv_labels() -> dict[str, str]:
    return {"student": i18n.gettext("Student"), "level": i18n.gettext("level"),
            "evidence": i18n.gettext("evidence this term"), "gaps": i18n.gettext("gaps"),
            usecase.NO_EVIDENCE: i18n.gettext("no evidence"), usecase.NO_ASSESSMENT: i18n.gettext("not assessed")}


def csv_response(book: usecase.Gradebook) -> Response:
    name = f"gradebook-{book.section.id}-{book.term.id if book.term else 'all'}.csv"
    return Response(gradebook_csv(book, csv_labels()), media_type=MEDIA_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


@router.get("/sections/{section_id}/gradebook", response_model=GradebookOut, responses=CSV_DOC,
            summary="A section's competency gradebook for a term (its current teachers only)")
async def get_gradebook(request: Request, backends: BackendsDep, caller: Caller, section_id: PathId,
                        term_id: TermId = "",
                        format: Annotated[Literal["json", "csv"], Query(description="csv: the grid as CSV.")] = "json"):
    async with rest_field_names({}):
        book = await usecase.gradebook(backends, caller, section_id, term_id, today(request), with_scales=False)
    if format == "csv":
        return csv_response(book)
    return ORJSONResponse(gradebook_json(book))     # built straight from the grid (orjson); the model documents it
