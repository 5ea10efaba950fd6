"""Calibration on the web (/calibration): the sessions with their agreement over time (teachers: theirs; district
admins: all), a coach's form to start one (a skill's consented exemplars, invited teachers), the blind scoring form
and, once the viewer may see them, the figures per criterion and where raters diverge. The reflections service
decides who may do what."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import Conflict, InvalidArgument
from gateway.clients.backends import Backends, BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import Viewer, refusal
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import portfolio
from gateway.web.render import render
from skillfolio.reflections.v1 import calibration_pb2 as pb
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
REFUSED = refusal(N_("Calibration is for teachers: a coach and the teachers they invite. District administrators "
                     "see the agreement figures of every session."))


async def _skills(backends: Backends, viewer: Principal):
    me = (await backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=viewer.subject))).person
    return [s for s in await portfolio.effective_skills(backends, viewer, me.primary_school_id, False)]


async def _list_page(request: Request, backends: Backends, viewer: Principal, skill_id: str = "", status: int = 200,
                     errors: dict | None = None, values: dict | None = None):
    sessions = (await backends.calibration.list_sessions(viewer, pb.ListCalibrationSessionsRequest())).sessions
    coach = viewer.has_role("teacher") and not viewer.has_role("district_admin") and not viewer.has_role(
        "school_admin")
    skills, exemplars, raters = [], [], []
    if coach:
        skills = await _skills(backends, viewer)
        skill_id = skill_id or (skills[0].id if skills else "")
        if skill_id:
            exemplars = (await backends.calibration.list_exemplars(
                viewer, pb.ListExemplarsRequest(skill_id=skill_id))).exemplars
        raters = (await backends.calibration.list_raters(viewer, pb.ListCalibrationRatersRequest())).raters
    return render(request, "calibration.html", status=status, sessions=list(sessions), coach=coach, skills=skills,
                  skill_id=skill_id, exemplars=list(exemplars), raters=list(raters), errors=errors or {},
                  values=values or {"exemplar_ids": [], "rater_ids": []})


@router.get("/calibration", dependencies=[REFUSED])
async def calibration_page(request: Request, backends: BackendsDep, viewer: Viewer, skill_id: str = ""):
    return await _list_page(request, backends, viewer, skill_id)


@router.post("/calibration", dependencies=[Depends(verify_csrf), REFUSED])
async def create_session(request: Request, backends: BackendsDep, viewer: Viewer,
                         title: Annotated[str, Form(max_length=200)] = "",
                         skill_id: Annotated[str, Form(max_length=64)] = "",
                         exemplar_ids: Annotated[list[str], Form()] = [],
                         rater_ids: Annotated[list[str], Form()] = []):
    values = {"title": title, "exemplar_ids": exemplar_ids, "rater_ids": rater_ids}
    try:
        session = (await backends.calibration.create_session(viewer, pb.CreateCalibrationSessionRequest(
            title=title, skill_id=skill_id, exemplar_ids=exemplar_ids, rater_ids=rater_ids))).session
    except InvalidArgument as refused:
        errors = {p.field: p.reason for p in refused.problems} or {"title": refused.message}
        return await _list_page(request, backends, viewer, skill_id, 422, errors, values)
    return RedirectResponse(f"/calibration/{session.id}", status_code=303)


async def _session_page(request: Request, backends: Backends, viewer: Principal, session_id: str, status: int = 200,
                        errors: dict | None = None, chosen: dict | None = None, view=None):
    view = view or await backends.calibration.get_session(viewer, pb.GetCalibrationSessionRequest(
        session_id=session_id))
    names = {}
    if view.viewer_can.see_results and view.session.coach_id == viewer.subject:
        names = {r.person_id: r.name for r in (await backends.calibration.list_raters(
            viewer, pb.ListCalibrationRatersRequest())).raters}
    captions = {item.id: (n, item.caption) for n, item in enumerate(view.items, start=1)}
    mine = {(s.exemplar_id, s.criterion_code): s.level_rank for s in view.my_scores}
    return render(request, "calibration_session.html", status=status, view=view, session=view.session,
                  levels={lv.rank: lv.name for lv in view.session.levels}, criteria={c.code: c.name
                                                                                    for c in view.session.criteria},
                  captions=captions, mine=mine, names=names, errors=errors or {}, chosen=chosen or {})


@router.get("/calibration/{session_id}", dependencies=[REFUSED])
async def session_page(request: Request, backends: BackendsDep, viewer: Viewer, session_id: str):
    return await _session_page(request, backends, viewer, session_id)


@router.post("/calibration/{session_id}/scores", dependencies=[Depends(verify_csrf), REFUSED])
async def submit_scores(request: Request, backends: BackendsDep, viewer: Viewer, session_id: str):
    form = await request.form()
    chosen, scores = {}, []
    for key, value in form.multi_items():
        if key.startswith("score.") and key.count(".") == 2 and str(value).isdigit():
            _, exemplar_id, code = key.split(".")
            chosen[(exemplar_id, code)] = int(value)
            scores.append(pb.CalibrationScore(exemplar_id=exemplar_id, criterion_code=code, level_rank=int(value)))
    try:
        await backends.calibration.submit_scores(viewer, pb.SubmitCalibrationScoresRequest(
            session_id=session_id, scores=scores))
    except (InvalidArgument, Conflict) as refused:
        errors = {"scores": "; ".join(p.reason for p in refused.problems) or refused.message}
        return await _session_page(request, backends, viewer, session_id, 422, errors, chosen)
    return RedirectResponse(f"/calibration/{session_id}#results", status_code=303)
