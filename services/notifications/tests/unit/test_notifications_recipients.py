"""The recipients rule as a matrix: each event kind x each relationship to the student (guardian of, guardian of
another student, current teacher, former teacher, classmate, school admin, district admin, the actor themself)
gives exactly the people expected, no one else."""
from __future__ import annotations

import datetime as dt

import pytest
from notifications.domain.recipients import RULES, Audience, Occurrence, recipients

DAY = dt.date(2026, 12, 5)
# relationship -> person id; the student is "student", the other student (a classmate) has "other guardian"
PEOPLE = {"student": "S", "guardian": "G", "other guardian": "OG", "current teacher": "T", "former teacher": "FT",
          "classmate": "C", "school admin": "SA", "district admin": "DA"}


class Roster:
    """S is guarded by G and taught now by T (FT taught S last year); C is S's classmate, guarded by OG."""

    def guardians_of(self, student_id: str) -> set[str]:
        return {"S": {"G"}, "C": {"OG"}}.get(student_id, set())

    def current_teachers_of(self, student_id: str, on: dt.date) -> set[str]:
        assert on == DAY
        return {"S": {"T"}, "C": {"T"}}.get(student_id, set())


def occurrence(kind: str, actor: str, role: str, **extra) -> Occurrence:
    return Occurrence(kind, "S", PEOPLE[actor], role, "subject-1", **extra)


# (case, occurrence, relationships that hear of it). Everyone else of PEOPLE must not.
MATRIX = [
    ("teacher adds work", occurrence("artifact_added", "current teacher", "teacher"), {"guardian"}),
    ("student adds work", occurrence("artifact_added", "student", "student"), {"guardian"}),
    ("reflection on the current teacher's artifact",
     occurrence("reflection_added", "student", "student", artifact_added_by="T"), {"guardian", "current teacher"}),
    ("reflection on a former teacher's artifact",
     occurrence("reflection_added", "student", "student", artifact_added_by="FT"), {"guardian"}),
    ("reflection on the student's own artifact",
     occurrence("reflection_added", "student", "student", artifact_added_by="S"), {"guardian"}),
    ("teacher feedback", occurrence("feedback_given", "current teacher", "teacher"), {"guardian", "student"}),
    ("teacher assessment", occurrence("assessment_recorded", "current teacher", "teacher"), {"guardian", "student"}),
    ("guardian comments", occurrence("comment_added", "guardian", "guardian"), {"student", "current teacher"}),
    ("teacher comments", occurrence("comment_added", "current teacher", "teacher"), {"guardian", "student"}),
    ("student comments", occurrence("comment_added", "student", "student"), {"guardian"}),
    ("goal achieved", occurrence("goal_achieved", "student", "student"), {"guardian"}),
    ("milestone scheduled", occurrence("milestone_scheduled", "current teacher", "teacher"), {"guardian"}),
    ("milestone completed", occurrence("milestone_completed", "current teacher", "teacher"), {"guardian"}),
    ("panel invitation to the guardian",
     occurrence("panel_invited", "current teacher", "teacher", invitee_id="G"), {"guardian"}),
    ("panel invitation to another student's guardian",
     occurrence("panel_invited", "current teacher", "teacher", invitee_id="OG"), set()),
    ("panel invitation to a school admin",
     occurrence("panel_invited", "current teacher", "teacher", invitee_id="SA"), set()),
    ("a guardian's own panel invitation of themself",
     occurrence("panel_invited", "guardian", "guardian", invitee_id="G"), set()),
    ("point of progress completed", occurrence("point_of_progress_completed", "current teacher", "teacher"),
     {"guardian", "student"}),
    ("rights pass to the student at 18: she and the guardians whose access ended are told",
     Occurrence("rights_passed", "S", "service:roster", "", "S", named=("G",)), {"student", "guardian"}),
    ("an unknown kind", occurrence("skill_added", "current teacher", "teacher"), set()),
]


@pytest.mark.parametrize(("case", "o", "expected"), MATRIX, ids=[case for case, _, _ in MATRIX])
def test_each_relationship_hears_exactly_what_the_rule_says(case, o, expected):
    heard = recipients(o, Roster(), DAY)
    by_relationship = {name: PEOPLE[name] in heard for name in PEOPLE}
    assert by_relationship == {name: name in expected for name in PEOPLE}, case
    assert o.actor_id not in heard                      # nobody is told of their own action
    assert set(heard) <= {PEOPLE[name] for name in expected}


def test_every_kind_with_a_sentence_has_a_rule_and_each_rule_a_case():
    from notifications.mail.model import KINDS
    assert set(RULES) == set(KINDS) - {"milestone_rescheduled"}   # no event announces a reschedule yet
    assert set(RULES) <= {o.kind for _, o, _ in MATRIX}


def test_why_someone_hears_is_kept():
    heard = recipients(occurrence("comment_added", "guardian", "guardian"), Roster(), DAY)
    assert heard == {"S": Audience.STUDENT, "T": Audience.TEACHERS_IF_GUARDIAN_ACTS}


def test_the_rosters_rights_passed_event_reads_as_an_occurrence_naming_the_guardians():
    from notifications.service_layer.occurrences import READERS, moment

    from chassis.events import Envelope
    envelope = Envelope(type="student_rights_passed", producer="roster", data={
        "student_id": "S", "basis": "age_18", "effective_date": "2026-03-01", "guardian_ids": ["G", "G2"]})
    o, details = READERS[("roster", "student_rights_passed")](envelope.data, moment(envelope), None)
    assert (o.kind, o.student_id, o.named, details.link) == ("rights_passed", "S", ("G", "G2"), "/students/S")
    assert set(recipients(o, Roster(), DAY)) == {"S", "G", "G2"}     # G2 is no longer a guardian in the replica
