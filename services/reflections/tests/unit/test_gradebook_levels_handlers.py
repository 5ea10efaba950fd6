"""The gradebook's latest levels through a fake unit of work fed with the assessments' catalog: only a teacher who
teaches the section now gets an answer (the access table; admins refused whatever else they hold), the rows are the
section's students today, each student and skill's latest TEACHER level up to the term's end (self-assessments and
deleted work left out) and whether it falls in the term, and one audit row naming every student."""
from __future__ import annotations

import datetime as dt

import pytest
from assessments_fixtures import COMM, INNOV, catalog_events
from reflections_fixtures import ANA, ART, BEN, CRUZ, DIAZ, GUARDIAN, STUDENT, TEACHER

from chassis.access import Role
from chassis.errors import PermissionDenied
from chassis.gradebook import ALLOWED, DENIED, GradebookAction, Span
from chassis.roster_replica.standing import enrollment_span, in_span
from reflections.adapters.gradebook_statements import LatestLevel
from reflections.domain.access import Viewer
from reflections.service_layer.gradebook import GradebookQueries


class FakeGradebookReads:
    """The SQL reads' rules over the fake unit of work's replica rows and assessments."""

    def __init__(self, uow) -> None:
        self.uow = uow

    def _now(self, section_id: str, role: str, today: dt.date) -> list[str]:
        rows, found = self.uow.replicas.rows, set()
        section = rows["sections"].get((section_id,))
        for e in rows["enrollments"].values():
            if section and e["section_id"] == section_id and e["role"] == role and in_span(
                    enrollment_span(section_id, section["start_date"], section["end_date"], e["begin_date"],
                                    e["end_date"], e["active"]), today):
                found.add(e["person_id"])
        return sorted(found)

    def teaches_section_now(self, teacher_id, section_id, today):
        return teacher_id in self._now(section_id, "teacher", today)

    def students_now(self, section_id, today):
        return self._now(section_id, "student", today)

    def latest_levels(self, student_ids, span: Span):
        latest: dict[tuple, tuple] = {}
        for a, top in sorted(self.uow.assessments.rows, key=lambda row: (row[0].assessed_at, row[0].id)):
            if (a.student_id in student_ids and a.assessor_role == "teacher"
                    and self.uow.replicas.owner_of(a.artifact_id) is not None
                    and (span.end is None or a.assessed_at < span.end)):
                latest[(a.student_id, a.skill_id)] = (a, top)
        return [LatestLevel(s, k, a.level_rank, a.level_name, top, a.artifact_id, a.assessed_at,
                            span.start is None or a.assessed_at >= span.start)
                for (s, k), (a, top) in sorted(latest.items())]


@pytest.fixture(autouse=True)
def catalog(uow) -> None:
    uow.feed(catalog_events())


@pytest.fixture
def gradebook(uow, calendar) -> GradebookQueries:
    return GradebookQueries(lambda: uow, calendar, FakeGradebookReads)


def test_the_table_opens_the_gradebook_only_to_a_current_teacher():
    assert ALLOWED == {GradebookAction.VIEW: frozenset({Role.TEACHER})}


def test_latest_teacher_level_per_student_and_skill_audited(gradebook, assessments, uow):
    assessments.assess(TEACHER, ART, COMM, 1, "Began well.", [])
    latest = assessments.assess(TEACHER, ART, COMM, 3, "Clear and well paced.", [])
    assessments.self_assess(STUDENT, ART, COMM, 4, "", [])                 # a self-assessment is not a grade
    assessments.assess(TEACHER, ART, INNOV, 2, "New ideas.", [])
    uow.audit_rows.clear()
    found = gradebook.latest_levels(TEACHER, "sec-26", "2026-11-01", "2026-11-30")
    assert found.student_ids == sorted([ANA, BEN])
    assert [(x.student_id, x.skill_id, x.level_rank, x.level_name, x.in_range) for x in found.levels] == [
        (ANA, COMM, 3, "Proficient", True), (ANA, INNOV, 2, "Developing", True)]
    assert found.levels[0].artifact_id == ART and found.levels[0].assessed_at == latest.assessed_at
    assert [(r.actor, r.action, set(r.subject_ids)) for r in uow.audit_rows] == [
        (CRUZ, "reflections.GetLatestLevels", {ANA, BEN})]


def test_a_level_from_before_the_term_is_shown_but_is_a_gap(gradebook, assessments):
    assessments.assess(TEACHER, ART, COMM, 2, "Steady.", [])              # the clock says 2026-11-23
    [level] = gradebook.latest_levels(TEACHER, "sec-26", "2026-12-01", "2027-01-31").levels
    assert (level.level_rank, level.in_range) == (2, False)
    assert gradebook.latest_levels(TEACHER, "sec-26", "2026-10-01", "2026-10-31").levels == []   # not yet


@pytest.mark.parametrize("viewer", [Viewer.of(DIAZ, ["teacher"]), STUDENT, GUARDIAN,
                                    Viewer.of("adm-fay", ["school_admin"]),
                                    Viewer.of(CRUZ, ["teacher", "district_admin"]),
                                    Viewer.of("service:reporting", ["service"])],
                         ids=["former-teacher", "student", "guardian", "school-admin", "admin-teacher", "service"])
def test_anyone_else_is_refused_unaudited(gradebook, uow, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        gradebook.latest_levels(viewer, "sec-26", "", "")
    assert uow.audit_rows == []


def test_a_former_section_is_refused_to_its_teacher(gradebook):
    with pytest.raises(PermissionDenied):
        gradebook.latest_levels(Viewer.of(DIAZ, ["teacher"]), "sec-25", "", "")
