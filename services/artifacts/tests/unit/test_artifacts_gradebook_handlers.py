"""The gradebook's evidence counts through a fake unit of work: only a teacher who teaches the section NOW gets an
answer (the access table, admins refused whatever else they hold), the rows are the section's students today, the
counts and newest artifact per student and skill within the term, and one audit row naming every student."""
from __future__ import annotations

import datetime as dt

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    OLD_TEACHER,
    OTHER_STUDENT_ID,
    SCHOOL_ADMIN,
    SERVICE,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    TEACHER_ID,
    enrollment,
    link,
)

from artifacts.adapters.gradebook_statements import EvidenceCell
from artifacts.domain.access import Viewer
from artifacts.service_layer.gradebook import GradebookQueries
from chassis.access import Role
from chassis.errors import InvalidArgument, PermissionDenied
from chassis.gradebook import ALLOWED, DENIED, GradebookAction, Span, section_role, term_span
from chassis.roster_replica.standing import enrollment_span, in_span


class FakeGradebookReads:
    """The SQL reads' rules over the fake unit of work's replica rows and artifacts."""

    def __init__(self, uow) -> None:
        self.uow = uow

    def _now(self, section_id: str, role: str, today: dt.date) -> list[str]:
        rows, found = self.uow.replicas.rows, set()
        section = rows["sections"].get((section_id,))
        for e in rows["enrollments"].values():
            person = rows["people"].get((e["person_id"],), {"active": True})
            if section and e["section_id"] == section_id and e["role"] == role and person["active"] and in_span(
                    enrollment_span(section_id, section["start_date"], section["end_date"], e["begin_date"],
                                    e["end_date"], e["active"]), today):
                found.add(e["person_id"])
        return sorted(found)

    def teaches_section_now(self, teacher_id, section_id, today):
        return teacher_id in self._now(section_id, "teacher", today)

    def students_now(self, section_id, today):
        return self._now(section_id, "student", today)

    def evidence(self, student_ids, span: Span):
        cells: dict[tuple, list] = {}
        for a in self.uow.artifacts.rows.values():
            if (a.student_id in student_ids and a.deleted_at is None and a.status.value != "rejected"
                    and (span.start is None or a.created_at >= span.start)
                    and (span.end is None or a.created_at < span.end)):
                for skill in a.skill_ids:
                    cells.setdefault((a.student_id, skill), []).append(a)
        return [EvidenceCell(s, k, len(found), newest.id, newest.title) for (s, k), found in sorted(cells.items())
                for newest in [max(found, key=lambda a: (a.created_at, a.id))]]


@pytest.fixture
def gradebook(uow, calendar) -> GradebookQueries:
    uow.feed_roster([enrollment("e9", "sec-26", OTHER_STUDENT_ID, "student")])     # Ben: in the class, no work
    return GradebookQueries(lambda: uow, calendar, FakeGradebookReads)


def test_the_table_opens_the_gradebook_only_to_a_current_teacher():
    assert ALLOWED == {GradebookAction.VIEW: frozenset({Role.TEACHER})}
    assert section_role(TEACHER, True) == Role.TEACHER
    assert section_role(TEACHER, False) is None
    assert section_role(Viewer.of("x", ["teacher", "school_admin"]), True) is None
    assert section_role(STUDENT, True) is None and section_role(SERVICE, True) is None


def test_a_teacher_of_the_section_gets_counts_newest_work_and_gaps_audited(gradebook, commands, uow):
    essay = commands.create(TEACHER, link("Essay", ("sk-comm", "sk-think"))).artifact
    newest = commands.create(STUDENT, link("Speech", ("sk-comm",))).artifact
    uow.audit_rows.clear()
    found = gradebook.evidence_counts(TEACHER, "sec-26", "2026-11-01", "2026-11-30")
    assert found.student_ids == sorted([STUDENT_ID, OTHER_STUDENT_ID])
    assert [(c.student_id, c.skill_id, c.count, c.latest_artifact_id) for c in found.cells] == [
        (STUDENT_ID, "sk-comm", 2, newest.id), (STUDENT_ID, "sk-think", 1, essay.id)]
    assert not any(c.student_id == OTHER_STUDENT_ID for c in found.cells)          # Ben's gap: no cell at all
    assert [(r.actor, r.action, set(r.subject_ids)) for r in uow.audit_rows] == [
        (TEACHER_ID, "artifacts.GetEvidenceCounts", {STUDENT_ID, OTHER_STUDENT_ID})]


def test_work_outside_the_term_is_not_counted(gradebook, commands):
    commands.create(STUDENT, link("Speech", ("sk-comm",)))                         # the clock says 2026-11-23
    assert gradebook.evidence_counts(TEACHER, "sec-26", "2026-12-01", "2027-01-31").cells == []
    assert gradebook.evidence_counts(TEACHER, "sec-26", "", "").cells != []       # no term: everything


@pytest.mark.parametrize("viewer", [OLD_TEACHER, STUDENT, GUARDIAN, SCHOOL_ADMIN, SERVICE,
                                    Viewer.of(TEACHER_ID, ["teacher", "district_admin"])],
                         ids=["former-teacher", "student", "guardian", "school-admin", "service", "admin-teacher"])
def test_anyone_else_is_refused_unaudited(gradebook, uow, viewer):
    uow.audit_rows.clear()
    with pytest.raises(PermissionDenied, match=DENIED):
        gradebook.evidence_counts(viewer, "sec-26", "", "")
    assert uow.audit_rows == []


def test_a_former_section_is_refused_to_its_teacher(gradebook):
    with pytest.raises(PermissionDenied):
        gradebook.evidence_counts(OLD_TEACHER, "sec-25", "", "")


def test_term_dates_are_validated_and_become_instants_in_the_district_zone():
    import zoneinfo
    span = term_span("2026-11-01", "2026-11-30", zoneinfo.ZoneInfo("America/Kentucky/Louisville"))
    assert span.start == dt.datetime(2026, 11, 1, 4, tzinfo=dt.UTC)
    assert span.end == dt.datetime(2026, 12, 1, 5, tzinfo=dt.UTC)
    with pytest.raises(InvalidArgument) as bad:
        term_span("2026-13-01", "", dt.UTC)
    assert bad.value.problems[0].field == "from_date"
    with pytest.raises(InvalidArgument) as backwards:
        term_span("2026-11-02", "2026-11-01", dt.UTC)
    assert backwards.value.problems[0].field == "to_date"
