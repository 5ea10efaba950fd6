"""Per-file rules of a OneRoster bulk set: references across files, cross-field checks, and the staged row each
valid record becomes (roster ids come from roster.domain.identity, so a re-import lands on the same rows)."""
from __future__ import annotations

import datetime as dt

from roster.importer.catalog import Session
from roster.importer.catalog import cached_id as eid
from roster.importer.scan import Row, ScanContext
from roster.importer.schema import ENROLLMENT_ROLE_MAP, ROLE_MAP, split_list

EARLIEST_BIRTH_DATE = "1900-01-01"


def _active(row: Row) -> bool:
    return row.get("status", "") != "tobedeleted"


def _dates_in_order(ctx: ScanContext, line: int, row: Row, start: str, end: str) -> bool:
    if row.get(start) and row.get(end) and row[end] < row[start]:
        ctx.problem(line, end, f"{end} {row[end]} is before {start} {row[start]}")
        return False
    return True


def _ref(ctx: ScanContext, line: int, column: str, sid: str, known, what: str) -> bool:
    if sid in known:
        return True
    ctx.problem(line, column, f"{what} {sid!r} does not exist")
    return False


def _school(ctx: ScanContext, line: int, column: str, sid: str) -> bool:
    kind = ctx.catalog.orgs.get(sid)
    if kind is None:
        ctx.problem(line, column, f"org {sid!r} does not exist")
    elif kind != "school":
        ctx.problem(line, column, f"org {sid!r} is a {kind}, not a school")
    return kind == "school"


class Deferred:
    """References to rows later in the same file (org and session parents, user agents), checked at its end."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, str, str]] = []

    def check(self, ctx: ScanContext, known, what: str) -> None:
        for line, column, sid in self.pending:
            _ref(ctx, line, column, sid, known, what)
        self.pending = []


def orgs(ctx: ScanContext, deferred: Deferred):
    def handle(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
        sid, parent = row["sourcedId"], row.get("parentSourcedId", "")
        ctx.catalog.orgs.setdefault(sid, row["type"])
        if parent:
            deferred.pending.append((line, "parentSourcedId", parent))
        if valid:
            ctx.stage("orgs", (eid("org", sid), sid, row["type"], row["name"], row.get("identifier", ""),
                               eid("org", parent) if parent else None, _active(row)))
    return handle


def sessions(ctx: ScanContext, deferred: Deferred):
    def handle(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
        sid, parent = row["sourcedId"], row.get("parentSourcedId", "")
        valid &= _dates_in_order(ctx, line, row, "startDate", "endDate")
        if parent:
            deferred.pending.append((line, "parentSourcedId", parent))
        if valid:
            ctx.catalog.sessions[sid] = Session(row["type"], row["startDate"], row["endDate"], parent,
                                                int(row["schoolYear"]))
            ctx.stage("academic_sessions", (eid("session", sid), sid, row["title"], row["type"], row["startDate"],
                                            row["endDate"], eid("session", parent) if parent else None,
                                            int(row["schoolYear"]), _active(row)))
        else:
            ctx.catalog.sessions.setdefault(sid, Session("", "", "", "", 0))
    return handle


def courses(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
    sid, year = row["sourcedId"], row.get("schoolYearSourcedId", "")
    ctx.catalog.courses.add(sid)
    valid &= _ref(ctx, line, "orgSourcedId", row["orgSourcedId"], ctx.catalog.orgs, "org")
    if year:
        valid &= _ref(ctx, line, "schoolYearSourcedId", year, ctx.catalog.sessions, "academic session")
    if valid:
        ctx.stage("courses", (eid("course", sid), sid, row["title"], row.get("courseCode", ""),
                              eid("org", row["orgSourcedId"]), eid("session", year) if year else None, _active(row)))


def classes(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
    sid, catalog = row["sourcedId"], ctx.catalog
    catalog.classes.add(sid)
    valid &= _ref(ctx, line, "courseSourcedId", row["courseSourcedId"], catalog.courses, "course")
    valid &= _school(ctx, line, "schoolSourcedId", row["schoolSourcedId"])
    terms = split_list(row["termSourcedIds"])
    for term in terms:
        valid &= _ref(ctx, line, "termSourcedIds", term, catalog.sessions, "academic session")
    if not valid:
        return
    years = {catalog.school_year_of(term) for term in terms}
    if len(years) > 1:
        ctx.problem(line, "termSourcedIds", "terms belong to different school years")
        return
    year = years.pop() if years else None
    section_id = eid("class", sid)
    ctx.stage("sections", (section_id, sid, row["title"], row.get("classCode", ""), eid("course", row["courseSourcedId"]),
                           eid("org", row["schoolSourcedId"]), eid("session", year) if year else None,
                           min(catalog.sessions[t].start for t in terms), max(catalog.sessions[t].end for t in terms),
                           _active(row)))
    for term in dict.fromkeys(terms):
        ctx.stage("section_terms", (section_id, eid("session", term)))


def users(ctx: ScanContext, deferred: Deferred):
    def handle(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
        sid, catalog = row["sourcedId"], ctx.catalog
        catalog.users.add(sid)
        person_id = eid("user", sid)
        for agent in split_list(row.get("agentSourcedIds", "")):
            if agent not in catalog.users:
                deferred.pending.append((line, "agentSourcedIds", agent))
            if valid:
                ctx.stage("agents", (person_id, eid("user", agent)))
        primary = row.get("primaryOrgSourcedId", "")
        if primary:
            valid &= _ref(ctx, line, "primaryOrgSourcedId", primary, catalog.orgs, "org")
        if valid:
            grades = split_list(row.get("grades", ""))
            school = eid("org", primary) if primary and catalog.orgs[primary] == "school" else None
            ctx.stage("people", (person_id, sid, row["givenName"], row["familyName"], row.get("email", ""),
                                 row["username"], row.get("identifier", ""), grades[0] if grades else "", school,
                                 _active(row), None))      # birth_date: from demographics.csv (apply.derive)
    return handle


def demographics(today: dt.date):
    """demographics.csv: one row per user (its sourcedId is the user's), of which only birthDate is kept."""
    def handle(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
        sid, born = row["sourcedId"], row.get("birthDate", "")
        valid &= _ref(ctx, line, "sourcedId", sid, ctx.catalog.users, "user")
        if valid and born and born > today.isoformat():
            ctx.problem(line, "birthDate", f"birthDate {born} is in the future")
            valid = False
        elif valid and born and born < EARLIEST_BIRTH_DATE:
            ctx.problem(line, "birthDate", f"birthDate {born} is before {EARLIEST_BIRTH_DATE}")
            valid = False
        if valid and _active(row):
            ctx.stage("birth_dates", (eid("user", sid), born or None))
    return handle


def roles(ctx: ScanContext):
    seen: set[tuple[str, str, str]] = set()

    def handle(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
        user, org = row["userSourcedId"], row["orgSourcedId"]
        valid &= _ref(ctx, line, "userSourcedId", user, ctx.catalog.users, "user")
        valid &= _ref(ctx, line, "orgSourcedId", org, ctx.catalog.orgs, "org")
        valid &= _dates_in_order(ctx, line, row, "beginDate", "endDate")
        role = ROLE_MAP.get(row["role"])
        if not valid or not _active(row):
            return
        if role is None:
            ctx.skipped[f"roles.csv role {row['role']}"] += 1
            return
        primary = row["roleType"] == "primary"
        if primary and ctx.catalog.orgs[org] == "school":
            ctx.stage("primary_schools", (eid("user", user), eid("org", org)))
        if (user, role, org) not in seen:
            seen.add((user, role, org))
            ctx.stage("person_roles", (eid("user", user), role, eid("org", org), primary,
                                       row.get("beginDate") or None, row.get("endDate") or None))
    return handle


def enrollments(ctx: ScanContext, line: int, row: Row, valid: bool) -> None:
    catalog = ctx.catalog
    valid &= _ref(ctx, line, "classSourcedId", row["classSourcedId"], catalog.classes, "class")
    valid &= _ref(ctx, line, "userSourcedId", row["userSourcedId"], catalog.users, "user")
    valid &= _school(ctx, line, "schoolSourcedId", row["schoolSourcedId"])
    valid &= _dates_in_order(ctx, line, row, "beginDate", "endDate")
    role = ENROLLMENT_ROLE_MAP.get(row["role"])
    if not valid:
        return
    if role is None:
        ctx.skipped[f"enrollments.csv role {row['role']}"] += 1
        return
    sid = row["sourcedId"]
    ctx.stage("enrollments", (eid("enrollment", sid), sid, eid("class", row["classSourcedId"]),
                              eid("user", row["userSourcedId"]), eid("org", row["schoolSourcedId"]), role,
                              row.get("primary", "").lower() == "true", row.get("beginDate") or None,
                              row.get("endDate") or None, _active(row)))
