"""Points of progress through a fake unit of work: the district sets terms; a current teacher of the section
completes one per student and term (the event, the audit row, every field rule); its author changes it while
editable; who reads a student's points; a section's checklist of done, missing and overdue students."""
from __future__ import annotations

import datetime as dt

import pytest
from assessments_fixtures import COMM, catalog_events
from points_of_progress_fixtures import ADMIN, SECTION, T2_DUE, fields, set_terms
from reflections_fixtures import ANA, BEN, BEN_ART, CRUZ, DIAZ, EVE, GUARDIAN, IVES, STUDENT, TEACHER, YEAR

from chassis.errors import Conflict, InvalidArgument, NotYetReplicated, PermissionDenied
from reflections.domain.progress_access import Viewer
from reflections.service_layer.progress import PointsOfProgress
from reflections.service_layer.progress_checklist import ProgressTerms

FORMER, OTHER_SCHOOL = Viewer.of(DIAZ, ["teacher"]), Viewer.of(IVES, ["teacher"])
OTHER_GUARDIAN = Viewer.of("grd-gus", ["guardian"])


@pytest.fixture
def points(uow, calendar) -> PointsOfProgress:
    uow.feed(catalog_events())
    return PointsOfProgress(lambda: uow, calendar)


@pytest.fixture
def terms(uow, calendar, points) -> ProgressTerms:
    return ProgressTerms(lambda: uow, calendar, points)


@pytest.fixture
def term_ids(terms) -> dict[str, str]:
    return set_terms(terms)


def problems(refused) -> dict[str, str]:
    return {p.field: p.reason for p in refused.value.problems}


def test_the_district_sets_terms_and_naming_one_again_moves_its_due_date(terms, term_ids):
    again = terms.set_term(ADMIN, YEAR, "Term 2", "2026-12-19")
    assert again.id == term_ids["Term 2"] and again.due_on == dt.date(2026, 12, 19)
    found, can = terms.terms(TEACHER, YEAR)
    assert [t.name for t in found] == ["Term 1", "Term 2"] and can is False
    assert terms.terms(ADMIN)[1] is True and len(terms.terms(ADMIN)[0]) == 3


@pytest.mark.parametrize("viewer", [TEACHER, STUDENT, Viewer.of("adm-fay", ["school_admin"])])
def test_only_a_district_admin_sets_terms(terms, viewer):
    with pytest.raises(PermissionDenied):
        terms.set_term(viewer, YEAR, "Term 3", "2027-03-01")


def test_a_term_names_its_bad_fields(terms):
    with pytest.raises(InvalidArgument) as refused:
        terms.set_term(ADMIN, " ", "", "next friday")
    assert set(problems(refused)) == {"school_year_id", "name"}
    with pytest.raises(InvalidArgument) as refused:
        terms.set_term(ADMIN, YEAR, "Term 3", "next friday")
    assert set(problems(refused)) == {"due_on"}


def test_a_current_teacher_completes_a_point_with_its_event_and_audit_row(points, uow, term_ids):
    view = points.complete(TEACHER, **fields(term_ids["Term 2"]))
    p = view.point
    assert (p.student_id, p.teacher_id, p.level_rank, p.level_name, p.artifact_ids) == (
        ANA, CRUZ, 3, "Proficient", ("art-ana-1",))
    assert view.skill_name == "Effective Communicator" and view.viewer_can_edit and not view.late
    assert view.editable_until == dt.date.fromisoformat(T2_DUE)
    [event] = uow.events
    assert event.type == "point_of_progress_completed"
    assert event.data == {"point_id": p.id, "student_id": ANA, "section_id": SECTION, "term_id": term_ids["Term 2"],
                          "term_name": "Term 2", "school_year_id": YEAR, "teacher_id": CRUZ, "skill_id": COMM,
                          "level_rank": 3, "level_name": "Proficient", "artifact_ids": ["art-ana-1"]}
    [row] = uow.audit_rows
    assert (row.actor, row.action, row.subject_ids) == (CRUZ, "reflections.CompletePointOfProgress", (ANA,))


def test_a_late_point_stays_editable_a_week_after_completion(points, term_ids):
    view = points.complete(TEACHER, **fields(term_ids["Term 1"]))
    assert view.late and view.editable_until == dt.date(2026, 11, 30)


@pytest.mark.parametrize("changes, field", [
    ({"comment": "  "}, "comment"), ({"artifact_ids": []}, "artifact_ids"), ({"artifact_ids": [BEN_ART]},
                                                                              "artifact_ids"),
    ({"level_rank": 9}, "level_rank"), ({"skill_id": "sk-none"}, "skill_id")])
def test_each_bad_field_is_named_and_nothing_is_written(points, uow, term_ids, changes, field):
    with pytest.raises(InvalidArgument) as refused:
        points.complete(TEACHER, **fields(term_ids["Term 2"], **changes))
    assert field in problems(refused) and uow.events == [] and uow.progress.rows == {}


def test_a_term_of_another_school_year_is_refused(points, term_ids):
    with pytest.raises(InvalidArgument) as refused:
        points.complete(TEACHER, **fields(term_ids["Term 9"]))
    assert set(problems(refused)) == {"term_id"}


def test_a_second_point_for_the_same_student_section_and_term_is_a_conflict(points, uow, term_ids):
    points.complete(TEACHER, **fields(term_ids["Term 2"]))
    with pytest.raises(Conflict):
        points.complete(TEACHER, **fields(term_ids["Term 2"], comment="again"))
    assert len(uow.events) == 1


@pytest.mark.parametrize("viewer", [FORMER, OTHER_SCHOOL, STUDENT, GUARDIAN, ADMIN],
                         ids=["former-teacher", "other-section", "student", "guardian", "admin"])
def test_only_a_current_teacher_of_the_section_completes(points, uow, term_ids, viewer):
    with pytest.raises(PermissionDenied):
        points.complete(viewer, **fields(term_ids["Term 2"]))
    assert uow.events == [] and uow.audit_rows == []


def test_a_teacher_of_the_student_in_another_section_may_not_complete_for_this_one(points, term_ids):
    with pytest.raises(PermissionDenied):
        points.complete(TEACHER, **fields(term_ids["Term 2"], section_id="sec-n26"))


@pytest.mark.parametrize("viewer, audited", [(STUDENT, False), (TEACHER, True), (GUARDIAN, True)])
def test_the_student_their_teachers_and_guardians_list_the_points(points, uow, term_ids, viewer, audited):
    done = points.complete(TEACHER, **fields(term_ids["Term 2"])).point
    uow.audit_rows.clear()
    [view] = points.of_student(viewer, ANA)
    assert view.point.id == done.id and view.viewer_can_edit is (viewer == TEACHER)
    assert [r.action for r in uow.audit_rows] == (["reflections.ListPointsOfProgress"] if audited else [])


@pytest.mark.parametrize("viewer", [FORMER, OTHER_GUARDIAN, ADMIN, Viewer.of(BEN, ["student"])])
def test_strangers_list_nothing(points, viewer):
    with pytest.raises(PermissionDenied):
        points.of_student(viewer, ANA)


def test_its_author_changes_it_while_editable(points, uow, calendar, term_ids):
    done = points.complete(TEACHER, **fields(term_ids["Term 2"])).point
    changed = points.update(TEACHER, done.id, comment="Ana now cites two sources.", level_rank=4).point
    assert (changed.comment, changed.level_rank, changed.level_name) == ("Ana now cites two sources.", 4, "Exemplary")
    assert uow.audit_rows[-1].action == "reflections.UpdatePointOfProgress"
    with pytest.raises(InvalidArgument) as refused:
        points.update(TEACHER, done.id, artifact_ids=[])
    assert set(problems(refused)) == {"artifact_ids"}
    calendar.clock.now = dt.datetime(2026, 12, 20, 12, tzinfo=dt.UTC)
    with pytest.raises(Conflict):
        points.update(TEACHER, done.id, comment="too late")


@pytest.mark.parametrize("viewer", [FORMER, STUDENT, GUARDIAN, ADMIN])
def test_nobody_but_its_author_changes_it(points, term_ids, viewer):
    done = points.complete(TEACHER, **fields(term_ids["Term 2"])).point
    with pytest.raises(PermissionDenied):
        points.update(viewer, done.id, comment="mine now")


def test_the_checklist_shows_done_missing_and_overdue(points, terms, uow, term_ids):
    before = terms.checklist(TEACHER, SECTION)
    assert before.term.name == "Term 2" and [(r.student_id, r.status) for r in before.rows] == [
        (ANA, "missing"), (BEN, "missing")]
    assert [(t.name, missing) for t, missing in before.overdue] == [("Term 1", [ANA, BEN])]
    points.complete(TEACHER, **fields(term_ids["Term 2"]))
    after = terms.checklist(TEACHER, SECTION)
    assert [(r.student_id, r.status) for r in after.rows] == [(ANA, "done"), (BEN, "missing")]
    assert after.rows[0].point.point.level_name == "Proficient" and after.done_count == 1
    earlier = terms.checklist(TEACHER, SECTION, term_ids["Term 1"])
    assert [(r.student_id, r.status) for r in earlier.rows] == [(ANA, "overdue"), (BEN, "overdue")]
    assert uow.audit_rows[-1].action == "reflections.GetProgressChecklist"
    assert set(uow.audit_rows[-1].subject_ids) == {ANA, BEN}


@pytest.mark.parametrize("viewer", [FORMER, OTHER_SCHOOL, STUDENT, GUARDIAN, ADMIN, Viewer.of(EVE, ["guardian"])])
def test_only_a_current_teacher_of_the_section_sees_its_checklist(terms, term_ids, viewer):
    with pytest.raises(PermissionDenied):
        terms.checklist(viewer, SECTION)


def test_an_unknown_term_in_the_checklist_is_named(terms, term_ids):
    with pytest.raises(InvalidArgument) as refused:
        terms.checklist(TEACHER, SECTION, term_ids["Term 9"])
    assert set(problems(refused)) == {"term_id"}


def test_a_section_not_replicated_yet_is_a_retry_for_a_teacher_not_a_refusal(terms):
    with pytest.raises(NotYetReplicated):
        terms.checklist(TEACHER, "sec-new")
    with pytest.raises(PermissionDenied):
        terms.checklist(STUDENT, "sec-new")
