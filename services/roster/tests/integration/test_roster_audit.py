"""Record of disclosures: reads of student records by anyone but the student leave an append-only audit row."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, delete, select, text, update
from sqlalchemy.exc import DBAPIError

from chassis.context import correlation_id_var
from chassis.errors import PermissionDenied
from roster.adapters.orm import audit_log
from roster.domain.access import Viewer

pytestmark = pytest.mark.integration


@pytest.fixture
def rows(roster_database):
    """Returns the audit rows written since the fixture was set up."""
    with roster_database.connect() as conn:
        start = conn.scalar(select(audit_log.c.id).order_by(audit_log.c.id.desc()).limit(1)) or 0

    def new_rows():
        with roster_database.connect() as conn:
            return conn.execute(select(audit_log).where(audit_log.c.id > start).order_by(audit_log.c.id)).all()
    return new_rows


def test_reading_a_student_is_recorded_with_who_what_and_request(app, ids, rows):
    tess = Viewer.of(ids.person["tess"], ["teacher"])
    token = correlation_id_var.set("corr-audit-1")
    try:
        app.people.get_person(tess, ids.person["ava"])
    finally:
        correlation_id_var.reset(token)
    [row] = rows()
    assert (row.actor, row.actor_roles, row.action) == (ids.person["tess"], "teacher", "roster.GetPerson")
    assert (row.subject_type, row.subject_id, row.subject_count) == ("student", ids.person["ava"], 1)
    assert json.loads(row.subject_ids) == [ids.person["ava"]] and row.correlation_id == "corr-audit-1"
    assert row.occurred_at is not None


def test_lists_record_every_student_disclosed(app, ids, rows):
    dan = Viewer.of(ids.person["dan"], ["district_admin"])
    page = app.people.list_people(dan, school_id=ids.org["alder"])
    students = [p.id for p in page.items if "student" in p.roles]
    [row] = rows()
    assert row.action == "roster.ListPeople" and row.subject_id is None
    assert row.subject_count == len(students) == 4 and sorted(json.loads(row.subject_ids)) == sorted(students)
    assert json.loads(row.detail)["school_id"] == ids.org["alder"]


def test_own_record_non_students_and_refusals_are_not_disclosures(app, ids, rows):
    ava = Viewer.of(ids.person["ava"], ["student"])
    app.people.get_person(ava, ids.person["ava"])
    app.people.list_guardians(ava, ids.person["ava"])
    dan = Viewer.of(ids.person["dan"], ["district_admin"])
    app.people.get_person(dan, ids.person["tess"])            # a teacher's record is not a student record
    with pytest.raises(PermissionDenied):                     # another student's record
        app.people.get_person(ava, ids.person["ben"])
    assert rows() == []


def test_guardians_read_is_a_disclosure_of_the_student(app, ids, rows):
    gil = Viewer.of(ids.person["gil"], ["guardian"])
    app.people.list_children(gil)
    tess = Viewer.of(ids.person["tess"], ["teacher"])
    app.people.list_guardians(tess, ids.person["ava"])
    children, guardians = rows()
    assert children.action == "roster.ListChildren" and sorted(json.loads(children.subject_ids)) == sorted(
        [ids.person["ava"], ids.person["dee"]])
    assert guardians.action == "roster.ListGuardians" and guardians.subject_id == ids.person["ava"]


def test_audit_log_is_append_only_in_postgres(roster_database, app, ids, rows):
    app.people.get_person(Viewer.of(ids.person["dan"], ["district_admin"]), ids.person["cal"])
    for statement in (update(audit_log).values(actor="someone else"), delete(audit_log),
                      text("TRUNCATE audit_log")):
        with pytest.raises(DBAPIError, match="append-only"):
            with roster_database.connect() as conn:
                conn.execute(statement)
    assert len(rows()) == 1
