"""Report reads the API and the dashboard page share: the filter from query parameters, the dashboard with its
filter options, one report as JSON or as a CSV download (the reporting service decides who sees what and suppresses
small cells; the gateway only renders what it answers)."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.schemas.reports import Dashboard, FilterOptions, ReportFilter, Table
from gateway.usecases import report_csv

Id = Annotated[str, Query(max_length=64, pattern=r"^[\x21-\x7E]*$")]


def report_filter(school_year_id: Id = "", school_id: Id = "",
                  grade: Annotated[str, Query(max_length=16, pattern=r"^[A-Za-z0-9]*$",
                                              description="Grade level, e.g. KG or 05.")] = "",
                  skill_id: Id = "") -> ReportFilter:
    """FastAPI dependency: the report filter from the URL (school_year_id, school_id, grade, skill_id; empty:
    all)."""
    return ReportFilter(school_year_id=school_year_id, school_id=school_id, grade=grade, skill_id=skill_id)


async def dashboard_with_options(backends: Backends, viewer: Principal,
                                 wanted: ReportFilter) -> tuple[Dashboard, FilterOptions]:
    return await asyncio.gather(backends.reporting.get_dashboard(viewer, wanted),
                                backends.reporting.list_filter_options(viewer))


async def report(backends: Backends, viewer: Principal, name: str, wanted: ReportFilter) -> Table:
    return await backends.reporting.get_report(viewer, name, wanted)


def csv_download(table: Table) -> Response:
    """``table`` as a CSV attachment; its freshness also in a header for scripts."""
    return Response(report_csv.table_csv(table), media_type=report_csv.MEDIA_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{report_csv.file_name(table)}"',
        "X-Report-As-Of": table.as_of, "Cache-Control": "no-store"})
