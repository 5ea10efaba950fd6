"""OneRoster 1.2 bulk CSV files this importer reads: their columns, which are required, and field validators.

Columns not listed here (``metadata.*`` extensions, ``password``, unused optional columns) are ignored.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

STATUSES = {"", "active", "tobedeleted"}
ORG_TYPES = {"department", "school", "district", "local", "state", "national"}
SESSION_TYPES = {"gradingPeriod", "semester", "schoolYear", "term"}
CLASS_TYPES = {"homeroom", "scheduled"}
ROLE_TYPES = {"primary", "secondary"}
ROLES = {"aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor", "relative",
         "siteAdministrator", "student", "systemAdministrator", "teacher", "administrator"}
ENROLLMENT_ROLES = {"administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"}
GRADE_CODES = {"IT", "PR", "PK", "TK", "KG", *(f"{n:02d}" for n in range(1, 14)), "PS", "UG", "Other"}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: str) -> str | None:
    if _DATE.fullmatch(value):
        try:
            dt.date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return f"{value!r} is not a date (YYYY-MM-DD)"


def check_datetime(value: str) -> str | None:
    try:
        dt.datetime.fromisoformat(value)
        return None
    except ValueError:
        return f"{value!r} is not an ISO 8601 date-time"


def check_bool(value: str) -> str | None:
    return None if value.lower() in ("true", "false") else f"{value!r} is not true or false"


def check_year(value: str) -> str | None:
    return None if re.fullmatch(r"\d{4}", value) else f"{value!r} is not a four-digit year"


def check_grades(value: str) -> str | None:
    bad = [g for g in split_list(value) if g not in GRADE_CODES]
    return f"unknown grade code(s) {', '.join(map(repr, bad))} (CEDS: KG, 01-13, PK, ...)" if bad else None


def enum(allowed: set[str]) -> Callable[[str], str | None]:
    shown = ", ".join(sorted(a for a in allowed if a))

    def check(value: str) -> str | None:
        return None if value in allowed else f"{value!r} is not one of: {shown}"
    return check


def split_list(value: str) -> list[str]:
    """OneRoster lists live in one (quoted) field, comma separated."""
    return [part.strip() for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False                       # the column must exist and every value be non-empty
    check: Callable[[str], str | None] | None = None


@dataclass(frozen=True)
class FileSpec:
    name: str
    kind: str                                    # manifest key: file.<kind>
    columns: tuple[Column, ...]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


def _common(*columns: Column) -> tuple[Column, ...]:
    return (Column("sourcedId", True), Column("status", check=enum(STATUSES)),
            Column("dateLastModified", check=check_datetime), *columns)


# In dependency order: a file only references files before it (or, for parents and agents, itself).
FILES: tuple[FileSpec, ...] = (
    FileSpec("orgs.csv", "orgs", _common(
        Column("name", True), Column("type", True, enum(ORG_TYPES)), Column("identifier"),
        Column("parentSourcedId"))),
    FileSpec("academicSessions.csv", "academicSessions", _common(
        Column("title", True), Column("type", True, enum(SESSION_TYPES)), Column("startDate", True, check_date),
        Column("endDate", True, check_date), Column("parentSourcedId"), Column("schoolYear", True, check_year))),
    FileSpec("courses.csv", "courses", _common(
        Column("schoolYearSourcedId"), Column("title", True), Column("courseCode"), Column("grades", check=check_grades),
        Column("orgSourcedId", True))),
    FileSpec("classes.csv", "classes", _common(
        Column("title", True), Column("grades", check=check_grades), Column("courseSourcedId", True),
        Column("classCode"), Column("classType", True, enum(CLASS_TYPES)), Column("schoolSourcedId", True),
        Column("termSourcedIds", True))),
    FileSpec("users.csv", "users", _common(
        Column("enabledUser", check=check_bool), Column("username", True), Column("givenName", True),
        Column("familyName", True), Column("identifier"), Column("email"), Column("agentSourcedIds"),
        Column("grades", check=check_grades), Column("primaryOrgSourcedId"))),
    FileSpec("demographics.csv", "demographics", _common(Column("birthDate", check=check_date))),  # with users.csv
    FileSpec("roles.csv", "roles", _common(
        Column("userSourcedId", True), Column("roleType", True, enum(ROLE_TYPES)), Column("role", True, enum(ROLES)),
        Column("beginDate", check=check_date), Column("endDate", check=check_date), Column("orgSourcedId", True))),
    FileSpec("enrollments.csv", "enrollments", _common(
        Column("classSourcedId", True), Column("schoolSourcedId", True), Column("userSourcedId", True),
        Column("role", True, enum(ENROLLMENT_ROLES)), Column("primary", check=check_bool),
        Column("beginDate", check=check_date), Column("endDate", check=check_date))),
)
SPECS = {spec.kind: spec for spec in FILES}

# OneRoster role -> Skillfolio role. Least privilege: a Skillfolio teacher may add, edit and delete the artifacts of
# every student they currently teach, so only OneRoster "teacher" grants it. aide, proctor, counselor and
# systemAdministrator are NOT imported as roles (the person still lands, with a stable id, and the skipped records
# are counted in the import summary); a district that wants aides to act as teachers exports them as teachers.
ROLE_MAP = {
    "student": "student", "teacher": "teacher",
    "parent": "guardian", "guardian": "guardian", "relative": "guardian",
    "administrator": "school_admin", "siteAdministrator": "school_admin", "principal": "school_admin",
    "districtAdministrator": "district_admin",
}
ENROLLMENT_ROLE_MAP = {"student": "student", "teacher": "teacher"}
