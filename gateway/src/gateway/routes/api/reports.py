"""/api/v1/reports: the district dashboard, each report by name (JSON, or CSV with ``.csv`` or ``?format=csv``) and
the filter options. Readers: district admins (the district and every school) and school admins (their school); the
reporting service refuses everyone else (403) and suppresses small cells before anything reaches the gateway."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller, rest_field_names
from gateway.schemas.reports import Dashboard, FilterOptions, ReportFilter, Table
from gateway.usecases import reports
from gateway.usecases.report_csv import FOOTER_AS_OF, FOOTER_RULE

router = APIRouter(prefix="/api/v1/reports", tags=["reports"], responses=ERRORS)
Filter = Annotated[ReportFilter, Depends(reports.report_filter)]
Name = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$",
                           description="The report's name, as in the dashboard's tables[].name.")]
FIELDS = {"filter.school_year_id": "school_year_id", "filter.school_id": "school_id", "filter.grade": "grade",
          "filter.skill_id": "skill_id", "name": "name"}
CSV_DOC = {200: {"description": f"The table as JSON, or as CSV (text/csv): a header row, one row per table row "
                                f"with each cell's display string (suppressed cells stay as the service shows them, "
                                f"e.g. \"*\" or \"<5%\"), the totals row, a blank row, then \"{FOOTER_RULE}\",<rule> "
                                f"and \"{FOOTER_AS_OF}\",<RFC 3339 time>.",
                 "content": {"text/csv": {"schema": {"type": "string"}}}}}


@router.get("/dashboard", response_model=Dashboard,
            summary="The dashboard: headline totals and every report table for the filter")
async def get_dashboard(backends: BackendsDep, caller: Caller, wanted: Filter):
    async with rest_field_names(FIELDS):
        return await backends.reporting.get_dashboard(caller, wanted)


@router.get("/filter-options", response_model=FilterOptions,
            summary="What the caller may filter reports by: school years, schools, grades, skills")
async def get_filter_options(backends: BackendsDep, caller: Caller):
    return await backends.reporting.list_filter_options(caller)


@router.get("/{name}.csv", responses=CSV_DOC, response_model=None,
            summary="One report as a CSV download (same suppression as the JSON)")
async def get_report_csv(backends: BackendsDep, caller: Caller, name: Name, wanted: Filter):
    async with rest_field_names(FIELDS):
        table = await reports.report(backends, caller, name, wanted)
    return reports.csv_download(table)


@router.get("/{name}", response_model=Table, responses=CSV_DOC,
            summary="One report table by name (JSON, or CSV with format=csv)")
async def get_report(backends: BackendsDep, caller: Caller, name: Name, wanted: Filter,
                     format: Annotated[Literal["json", "csv"], Query(description="csv: the same table as CSV.")
                                       ] = "json"):
    async with rest_field_names(FIELDS):
        table = await reports.report(backends, caller, name, wanted)
    return reports.csv_download(table) if format == "csv" else table
