"""Points of progress through the service layer on real PostgreSQL: terms upserted per school year and name, a point
stored with its referenced work in order, its event in the outbox and its audit row, one per student, section and
term (the database refuses a second), a section's checklist, and the access matrix (who may complete, change, read
and see the checklist) row by row."""
from __future__ import annotations

import pytest
from assessments_fixtures import COMM, OLD_ART, catalog  # noqa: F401  (fixture)
from points_of_progress_fixtures import ADMIN, SECTION, fields, set_terms
from reflections_fixtures import ANA, ART, BEN, CRUZ, GUARDIAN, STUDENT, TEACHER, YEAR, Viewer, artifact
from sqlalchemy.exc import IntegrityError

from chassis.errors import Conflict, PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.domain.progress import PointOfProgress
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration
SECOND_ART = "art-ana-2"


@pytest.fixture
def term_ids(app, world, catalog) -> dict[str, str]:  # noqa: F811
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, artifact(SECOND_ART, ANA, CRUZ), "test.a")
    return set_terms(app.progress_terms)


def test_terms_are_one_per_school_year_and_name(app, term_ids):
    again = app.progress_terms.set_term(ADMIN, YEAR, "Term 2", "2026-12-21")
    assert again.id == term_ids["Term 2"] and again.due_on.isoformat() == "2026-12-21"
    assert [t.name for t in app.progress_terms.terms(TEACHER, YEAR)[0]] == ["Term 1", "Term 2"]


def test_a_point_is_stored_with_its_work_event_and_audit_row(app, term_ids, tables):
    done = app.points.complete(TEACHER, **fields(term_ids["Term 2"], artifact_ids=[SECOND_ART, ART])).point
    [read] = app.points.of_student(GUARDIAN, ANA)
    assert read.point == done and read.point.artifact_ids == (SECOND_ART, ART) and read.term.name == "Term 2"
    assert tables.event_types() == ["point_of_progress_completed"]
    assert tables.envelopes()[0].data["artifact_ids"] == [SECOND_ART, ART]
    audit = [(r.actor, r.action) for r in tables.audit()]
    assert (CRUZ, "reflections.CompletePointOfProgress") in audit and ("grd-eve", "reflections.ListPointsOfProgress") \
        in audit
    changed = app.points.update(TEACHER, done.id, artifact_ids=[ART], level_rank=2).point
    assert app.points.of_student(STUDENT, ANA)[0].point == changed and changed.artifact_ids == (ART,)
    with pytest.raises(Conflict):
        app.points.complete(TEACHER, **fields(term_ids["Term 2"]))


def test_the_database_keeps_one_point_per_student_section_and_term(app, term_ids):
    done = app.points.complete(TEACHER, **fields(term_ids["Term 2"])).point
    twin = PointOfProgress("00000000-0000-0000-0000-000000000001", ANA, SECTION, done.term_id, CRUZ, COMM, 3,
                           "Proficient", "again", (ART,), done.completed_at, done.completed_at)
    with pytest.raises(IntegrityError), app.unit_of_work() as uow:
        uow.progress.add(twin)
        uow.commit()


def test_the_checklist_on_postgres(app, term_ids):
    app.points.complete(TEACHER, **fields(term_ids["Term 1"]))
    found = app.progress_terms.checklist(TEACHER, SECTION)
    assert found.term.name == "Term 2" and [(r.student_id, r.status) for r in found.rows] == [
        (ANA, "missing"), (BEN, "missing")]
    assert [(t.name, missing) for t, missing in found.overdue] == [("Term 1", [BEN])]
    earlier = app.progress_terms.checklist(TEACHER, SECTION, term_ids["Term 1"])
    assert [(r.student_id, r.status, r.point.late if r.point else None) for r in earlier.rows] == [
        (ANA, "done", True), (BEN, "overdue", None)]


MATRIX = """
viewer                          | complete edit read checklist
student:stu-ana                 |  N        N    Y    N
student:stu-ben                 |  N        N    N    N
teacher:tch-cruz                |  Y        Y    Y    Y
teacher:tch-diaz                |  N        N    N    N
teacher:tch-ives                |  N        N    N    N
guardian:grd-eve                |  N        N    Y    N
guardian:grd-gus                |  N        N    N    N
school_admin:adm-fay            |  N        N    N    N
district_admin:adm-dee          |  N        N    N    N
"""


def matrix_rows():
    header, *lines = MATRIX.strip().splitlines()
    actions = header.split("|")[1].split()
    for line in lines:
        who, cells = line.split("|")
        role, subject = who.strip().split(":")
        yield Viewer.of(subject, [role]), dict(zip(actions, [c == "Y" for c in cells.split()], strict=True))


@pytest.mark.parametrize("viewer, allowed", list(matrix_rows()), ids=[v.subject for v, _ in matrix_rows()])
def test_the_access_matrix(app, term_ids, tables, viewer, allowed):
    calls = {"complete": lambda: app.points.complete(viewer, **fields(term_ids["Term 2"])),
             "read": lambda: app.points.of_student(viewer, ANA),
             "checklist": lambda: app.progress_terms.checklist(viewer, SECTION)}
    for action, call in calls.items():
        if allowed[action]:
            call()
        else:
            mark = tables.mark()
            with pytest.raises(PermissionDenied):
                call()
            assert tables.audit_since(mark) == [] and tables.envelopes_since(mark) == [], action
    point = app.points.of_student(STUDENT, ANA)[0].point if allowed["complete"] else \
        app.points.complete(TEACHER, **fields(term_ids["Term 2"])).point
    if allowed["edit"]:
        app.points.update(viewer, point.id, comment="Sharper now.")
    else:
        with pytest.raises(PermissionDenied):
            app.points.update(viewer, point.id, comment="Sharper now.")


def test_last_years_work_of_the_student_may_be_referenced(app, term_ids):
    assert app.points.complete(TEACHER, **fields(term_ids["Term 2"], artifact_ids=[OLD_ART])).point.artifact_ids == (
        OLD_ART,)
