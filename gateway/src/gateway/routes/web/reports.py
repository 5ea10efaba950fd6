"""The reports dashboard on the web (/reports, and an administrator's home page): headline totals and every report
as a server-drawn SVG chart with its text alternative and the table behind it, filters in the URL (a GET form),
drill-down district -> school -> grade by links, and each table's CSV download (/reports/{name}.csv). The
reporting service decides who may see what (district and school admins) and suppresses small cells."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from chassis.context import Principal
from gateway.clients.backends import Backends, BackendsDep
from gateway.routes.web.common import Viewer, refusal
from gateway.schemas.reports import Dashboard, FilterOptions, ReportFilter
from gateway.usecases import reports
from gateway.web import report_chart
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
REPORTS_ONLY = ("Reports are for district and school administrators: a district administrator sees the district "
                "and every school, a school administrator their own school.")
REFUSED = refusal(REPORTS_ONLY)
Filter = Annotated[ReportFilter, Depends(reports.report_filter)]


def crumbs(wanted: ReportFilter, options: FilterOptions) -> list[tuple[str, str]]:
    """The drill-down trail as (label, query): district (unless a school admin's), school, grade."""
    schools = {o.id: o.label for o in options.schools}
    trail = [] if options.fixed_school_id else [("All schools", wanted.query(school_id="", grade=""))]
    if wanted.school_id:
        trail.append((schools.get(wanted.school_id, "This school"), wanted.query(grade="")))
    if wanted.grade:
        grades = {o.id: o.label for o in options.grades}
        trail.append((grades.get(wanted.grade, wanted.grade), wanted.query()))
    return trail


async def dashboard_context(backends: Backends, viewer: Principal, wanted: ReportFilter) -> dict:
    """What _dashboard.html draws: the dashboard, the filter options, one chart per table, the trail."""
    dashboard, options = await reports.dashboard_with_options(backends, viewer, wanted)
    applied = dashboard.filter
    colours = {skill.id: skill.colour for skill in options.skills}   # a skill's share column in its colour
    return {"dashboard": dashboard, "options": options, "applied": applied, "trail": crumbs(applied, options),
            "charts": {table.name: report_chart.layout(table, colours) for table in dashboard.tables},
            "scope": _scope(dashboard, options)}


def _scope(dashboard: Dashboard, options: FilterOptions) -> str:
    """"2026-27, Maple Elementary, Grade 5, Effective Communicator": what the figures cover, in words."""
    applied = dashboard.filter
    names = [({o.id: o.label for o in choices}.get(value, value) if value else every)
             for choices, value, every in ((options.school_years, applied.school_year_id, "every school year"),
                                           (options.schools, applied.school_id, "every school"),
                                           (options.grades, applied.grade, "every grade"),
                                           (options.skills, applied.skill_id, "every skill"))]
    return ", ".join(names)


@router.get("/reports", dependencies=[REFUSED])
async def reports_page(request: Request, backends: BackendsDep, viewer: Viewer, wanted: Filter):
    return render(request, "reports.html", **await dashboard_context(backends, viewer, wanted))


@router.get("/reports/{name}.csv", dependencies=[REFUSED])
async def report_download(backends: BackendsDep, viewer: Viewer, wanted: Filter,
                          name: Annotated[str, Path(max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]):
    return reports.csv_download(await reports.report(backends, viewer, name, wanted))
