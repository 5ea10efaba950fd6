"""The logged-in web pages: a home with one block per role the person holds; the portfolio pages' routers
(routes.web.portfolio, routes.web.artifact, ...) are included here so the app includes one web router."""
from __future__ import annotations

from fastapi import APIRouter, Request

from chassis.access import ADMIN_ROLES
from chassis.context import Principal
from chassis.errors import DomainError
from gateway.clients.backends import Backends, BackendsDep
from gateway.routes.web import artifact as web_artifact
from gateway.routes.web import calibration as web_calibration
from gateway.routes.web import capture as web_capture
from gateway.routes.web import credentials as web_credentials
from gateway.routes.web import discussion as web_discussion
from gateway.routes.web import erasure as web_erasure
from gateway.routes.web import exemplars as web_exemplars
from gateway.routes.web import goals as web_goals
from gateway.routes.web import gradebook as web_gradebook
from gateway.routes.web import growth as web_growth
from gateway.routes.web import guardian_access as web_guardian_access
from gateway.routes.web import milestone_list as web_milestone_list
from gateway.routes.web import milestones as web_milestones
from gateway.routes.web import notification_admin as web_notification_admin
from gateway.routes.web import notifications as web_notifications
from gateway.routes.web import panel as web_panel
from gateway.routes.web import passport as web_passport
from gateway.routes.web import passport_import as web_passport_import
from gateway.routes.web import points_of_progress as web_points_of_progress
from gateway.routes.web import portfolio as web_portfolio
from gateway.routes.web import privacy as web_privacy
from gateway.routes.web import privacy_settings as web_privacy_settings
from gateway.routes.web import progress_terms as web_progress_terms
from gateway.routes.web import prompts as web_prompts
from gateway.routes.web import reports as web_reports
from gateway.routes.web import showcase_link as web_showcase_link
from gateway.routes.web import showcases as web_showcases
from gateway.routes.web import unsubscribe as web_unsubscribe
from gateway.routes.web.common import Viewer
from gateway.schemas import common as schemas
from gateway.schemas.reports import ReportFilter
from gateway.usecases import roster as queries
from gateway.usecases.notifications import home_feed
from gateway.web.notification_view import category_label, evidence_link
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as pb

router = APIRouter(include_in_schema=False)
UNAVAILABLE = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "CANCELLED"}


async def _person(backends: Backends, person_id: str, viewer: Principal) -> pb.Person:
    reply = await backends.roster.get_person(viewer, pb.GetPersonRequest(person_id=person_id))
    return reply.person


async def _school_name(backends: Backends, school_id: str, viewer: Principal) -> str:
    if not school_id:
        return ""
    reply = await backends.roster.get_school(viewer, pb.GetSchoolRequest(school_id=school_id))
    return reply.school.name


@router.get("/")
async def home(request: Request, backends: BackendsDep, viewer: Viewer):
    roster = backends.roster
    me = await _person(backends, viewer.subject, viewer)
    blocks: dict = {}
    dashboard: dict = {}
    if any(viewer.has_role(role) for role in ADMIN_ROLES):   # an administrator's landing page is the dashboard
        blocks["admin"] = "ready"
        try:
            dashboard = await web_reports.dashboard_context(backends, viewer, ReportFilter())
        except DomainError as error:
            if error.code not in UNAVAILABLE:
                raise
            blocks["admin"] = "unavailable"   # the rest of the home page still works
    if viewer.has_role("teacher"):
        blocks["teacher"] = await queries.students_by_section(roster, viewer, viewer.subject, page_size=100)
    if viewer.has_role("guardian"):
        blocks["feed"] = await home_feed(backends, viewer)
        children = await queries.collect(lambda p: roster.list_children(viewer, pb.ListChildrenRequest(
            guardian_id=viewer.subject, page=p)), "children")
        blocks["guardian"] = [schemas.Person.of(c) for c in children]
    if viewer.has_role("student"):
        blocks["student"] = {"school": await _school_name(backends, me.primary_school_id, viewer)}
    return render(request, "home.html", me=schemas.Person.of(me), blocks=blocks, link=evidence_link,
                  category_label=category_label,
                  district=viewer.has_role("district_admin"), **dashboard)


router.include_router(web_portfolio.router)
router.include_router(web_artifact.router)
router.include_router(web_discussion.router)
for pages in (web_capture, web_credentials, web_goals, web_gradebook, web_growth, web_milestone_list, web_milestones,
              web_panel, web_prompts, web_notifications, web_notification_admin, web_unsubscribe, web_reports, web_showcases,
              web_showcase_link, web_points_of_progress, web_progress_terms, web_calibration, web_exemplars,
              web_guardian_access, web_passport, web_privacy, web_erasure, web_passport_import,
              web_privacy_settings):
    router.include_router(pages.router)
