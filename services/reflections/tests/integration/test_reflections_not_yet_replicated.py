"""On PostgreSQL: an artifact created moments ago whose artifact_added has not reached the reflections replica is a
retryable condition for reflecting, feedback, comments, assessments and reading its discussion (NotYetReplicated),
never a refusal, and nothing is written; once the event is applied the same calls succeed. A deleted artifact stays
refused."""
from __future__ import annotations

import pytest

from chassis.errors import NotYetReplicated, PermissionDenied
from chassis.ids import new_id
from reflections.service_layer.replication import apply_event
from reflections_fixtures import ANA, CRUZ, GUARDIAN, STUDENT, TEACHER, artifact

pytestmark = pytest.mark.integration


def test_a_just_created_artifact_is_retryable_until_its_event_arrives(app, world, tables, clock):
    fresh = new_id(clock.now)
    calls = [lambda: app.commands.add_reflection(STUDENT, fresh, "I built it in an hour."),
             lambda: app.commands.give_feedback(TEACHER, fresh, "You test ideas.", "Measure the span."),
             lambda: app.commands.add_comment(GUARDIAN, fresh, "Wonderful!"),
             lambda: app.queries.discussion(STUDENT, fresh),
             lambda: app.assessments.on_artifact(TEACHER, fresh)]
    for call in calls:
        with pytest.raises(NotYetReplicated, match="has not reached the reflections service yet"):
            call()
    assert tables.event_types() == [] and tables.audit() == []

    assert apply_event(app.unit_of_work, "test.artifact_added", artifact(fresh, ANA, CRUZ))
    assert app.commands.add_reflection(STUDENT, fresh, "I built it in an hour.").student_id == ANA
    assert app.commands.give_feedback(TEACHER, fresh, "You test ideas.", "Measure the span.").student_id == ANA
    assert tables.event_types() == ["reflection_added", "feedback_given"]


def test_a_deleted_artifact_is_refused_not_retried(app, world, clock):
    gone = new_id(clock.now)
    assert apply_event(app.unit_of_work, "test.artifact_deleted", artifact(gone, ANA, CRUZ, "artifact_deleted"))
    with pytest.raises(PermissionDenied):
        app.commands.add_reflection(STUDENT, gone, "Too late.")
