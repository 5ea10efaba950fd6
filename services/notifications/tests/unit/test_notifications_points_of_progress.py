"""A completed point of progress (reflections' point_of_progress_completed) reaches the student and their guardians
in the assessments category, never the teacher who wrote it (its words: tests/mail/test_mail_points_of_progress.py)."""
from __future__ import annotations

from notifications.domain.recipients import category_of
from test_notifications_handlers import apply, event, uow  # noqa: F401 - the handlers' fixture and helpers


def completed(**data):
    return event("point_of_progress_completed", "reflections", point_id="p1", student_id="S", section_id="sec",
                 term_id="t2", term_name="Term 2", school_year_id="sy", teacher_id="T", skill_id="sk",
                 level_rank=3, level_name="Proficient", artifact_ids=["a1"], **data)


def test_the_student_and_guardians_hear_of_a_completed_point_of_progress(uow):  # noqa: F811
    apply(uow, completed())
    rows = list(uow.notifications.rows.values())
    assert {n.recipient_id for n in rows} == {"S", "G", "G2"}                # never the teacher (T) who wrote it
    assert {(n.kind, n.category, n.title, n.link, n.subject_id, n.actor_id) for n in rows} == {
        ("point_of_progress_completed", "assessments", "Term 2", "/students/S/progress", "p1", "T")}
    assert category_of("point_of_progress_completed") == "assessments"
