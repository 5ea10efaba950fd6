"""GetSectionRoster's use case (the gradebook's one roster call) against real PostgreSQL: it answers exactly what
GetSection, ListSectionTerms, GetSchool and ListSectionStudents answer, under their rules, with the same audit row;
an unknown term is refused before any student is read."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from chassis.errors import InvalidArgument, PermissionDenied
from roster.adapters.orm import audit_log
from roster.domain.access import Viewer
from roster.service_layer.section_roster import SectionRosterQueries
from roster.service_layer.section_terms import SectionTermQueries

pytestmark = pytest.mark.integration


def audit_rows(roster_database, after: int) -> list:
    with roster_database.connect() as conn:
        return conn.execute(select(audit_log).where(audit_log.c.id > after).order_by(audit_log.c.id)).all()


def last_audit_id(roster_database) -> int:
    with roster_database.connect() as conn:
        return conn.scalar(select(audit_log.c.id).order_by(audit_log.c.id.desc()).limit(1)) or 0


def test_one_call_answers_what_the_four_calls_answer_with_the_same_audit_row(app, ids, roster_database):
    tess, math5 = Viewer.of(ids.person["tess"], ["teacher"]), ids.section["math5"]
    start = last_audit_id(roster_database)
    separate = (app.sections.get_section(tess, math5), SectionTermQueries(app.unit_of_work).list_section_terms(
        tess, math5), app.sections.list_section_students(tess, math5, page_size=1000))
    school = app.sections.get_school(tess, separate[0].school_id)
    middle = last_audit_id(roster_database)
    found = SectionRosterQueries(app.unit_of_work).section_roster(tess, math5, ids.session["fall2026"])
    assert found.section == separate[0] and found.terms == separate[1] and len(found.terms) == 2
    assert found.students == separate[2].items and found.students and found.district_id == school.district_id
    [before], [after] = audit_rows(roster_database, start)[-1:], audit_rows(roster_database, middle)
    assert after.action == before.action == "roster.ListSectionStudents"
    assert (after.actor, after.subject_ids, after.detail) == (before.actor, before.subject_ids, before.detail)
    assert json.loads(after.subject_ids) == [p.id for p in found.students if p.id != tess.subject]


def test_an_unknown_term_is_refused_before_any_student_is_read(app, ids, roster_database):
    start = last_audit_id(roster_database)
    with pytest.raises(InvalidArgument) as refused:
        SectionRosterQueries(app.unit_of_work).section_roster(Viewer.of(ids.person["tess"], ["teacher"]),
                                                              ids.section["math5"], "no-such-term")
    assert [p.field for p in refused.value.problems] == ["term_id"] and audit_rows(roster_database, start) == []


@pytest.mark.parametrize("who,roles", [("ava", ["student"]), ("gil", ["guardian"]), ("theo", ["teacher"])])
def test_only_who_may_read_the_sections_roster_gets_an_answer(app, ids, roster_database, who, roles):
    start = last_audit_id(roster_database)
    with pytest.raises(PermissionDenied):
        SectionRosterQueries(app.unit_of_work).section_roster(Viewer.of(ids.person[who], roles),
                                                              ids.section["math5"])
    assert audit_rows(roster_database, start) == []
