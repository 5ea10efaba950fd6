"""The competency gradebook on the web (/sections/{id}/gradebook): a table of the section's students x the district's
skills (level name in the skill's colour, evidence this term, gaps), a term filter, a CSV download, and a
quick-assess form in each cell with evidence (AssessmentsService.Assess; post/redirect/get back to the grid).
The services decide who gets an answer: only the section's current teachers."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from chassis.errors import InvalidArgument
from gateway.clients.backends import BackendsDep
from gateway.i18n import N_, gettext
from gateway.routes.api.gradebook import csv_response, today
from gateway.routes.web.common import Viewer, refusal
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import assessments as assessing
from gateway.usecases import gradebook as usecase
from gateway.web import views
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
NOT_YOURS = refusal(N_("Only a teacher who teaches this section now can open its gradebook."))
TermId = Annotated[str, Query(max_length=64)]
Id = Annotated[str, Form(max_length=64)]


async def _page(request: Request, backends, viewer, section_id: str, term_id: str, status: int = 200,
                error: dict | None = None, assessed: str = ""):
    book = await usecase.gradebook(backends, viewer, section_id, term_id, today(request))
    chips = views.palette(book.skills)
    return render(request, "gradebook.html", status=status, book=book, chips=chips, error=error or {},
                  assessed=assessed, term_id=book.term.id if book.term else "")


@router.get("/sections/{section_id}/gradebook", dependencies=[NOT_YOURS])
async def gradebook_page(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str,
                         term_id: TermId = "", assessed: Annotated[str, Query(max_length=200)] = ""):
    return await _page(request, backends, viewer, section_id, term_id, assessed=assessed)


@router.get("/sections/{section_id}/gradebook.csv", dependencies=[NOT_YOURS])
async def gradebook_csv(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str,
                        term_id: TermId = ""):
    return csv_response(await usecase.gradebook(backends, viewer, section_id, term_id, today(request),
                                                with_scales=False))


@router.post("/sections/{section_id}/gradebook/assess", dependencies=[Depends(verify_csrf), NOT_YOURS])
async def quick_assess(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str,
                       artifact_id: Id, skill_id: Id, student_id: Id, term_id: Id = "",
                       level_rank: Annotated[str, Form(max_length=4)] = "",
                       comment: Annotated[str, Form(max_length=5000)] = ""):
    """Assess the cell's newest evidence, then back to the grid at that cell."""
    cell = f"{student_id}:{skill_id}"
    if not level_rank.isdigit():
        return await _page(request, backends, viewer, section_id, term_id, 422, {
            "cell": cell, "message": gettext("Level: choose one of the levels."), "comment": comment})
    try:
        await assessing.assess(backends, viewer, artifact_id, assessing.Judgement(skill_id, int(level_rank), comment))
    except InvalidArgument as problem:
        reasons = "; ".join(f"{p.field}: {p.reason}" for p in problem.problems) or problem.message
        return await _page(request, backends, viewer, section_id, term_id, 422, {
            "cell": cell, "message": reasons, "comment": comment, "level_rank": level_rank})
    query = urlencode({**({"term_id": term_id} if term_id else {}), "assessed": cell})
    return RedirectResponse(f"/sections/{section_id}/gradebook?{query}#cell-{student_id}-{skill_id}",
                            status_code=303)
