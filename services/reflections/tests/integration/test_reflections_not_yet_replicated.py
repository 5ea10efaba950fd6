"""On PostgreSQL: an artifact created moments ago whose artifact_added has not reached the reflections replica is a
retryable condition (NotYetReplicated) for reflecting, feedback, comments, assessments, reading its discussion and
linking it as goal evidence, never a refusal, and nothing is written; once the event is applied the same calls
succeed. A deleted artifact stays refused."""
from __future__ import annotations

import pytest
from milestone_fixtures import panel_world  # noqa: F401 (fixture)
from reflections_fixtures import ANA, CRUZ, GUARDIAN, STUDENT, TEACHER, artifact

from chassis.errors import NotYetReplicated, PermissionDenied
from chassis.ids import new_id
from chassis.messaging.subscriptions import consume
from reflections.service_layer import subscriptions as reflections_subscriptions

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

    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, artifact(fresh, ANA, CRUZ),
                   "test.artifact_added")
    assert app.commands.add_reflection(STUDENT, fresh, "I built it in an hour.").student_id == ANA
    assert app.commands.give_feedback(TEACHER, fresh, "You test ideas.", "Measure the span.").student_id == ANA
    assert tables.event_types() == ["reflection_added", "feedback_given"]


def test_a_deleted_artifact_is_refused_not_retried(app, world, clock):
    gone = new_id(clock.now)
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
                   artifact(gone, ANA, CRUZ, "artifact_deleted"), "test.artifact_deleted")
    with pytest.raises(PermissionDenied):
        app.commands.add_reflection(STUDENT, gone, "Too late.")


def test_goal_evidence_just_created_is_retryable_not_foreign(app, panel_world, clock):
    goal = app.goals.set_goal(STUDENT, ANA, "Build a bridge", ["skl-innov"], "It holds a brick.")
    fresh = new_id(clock.now)
    with pytest.raises(NotYetReplicated):
        app.goals.link_evidence(STUDENT, goal.id, [fresh])
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, artifact(fresh, ANA, ANA),
                   "test.artifact_added")
    assert app.goals.link_evidence(STUDENT, goal.id, [fresh]).evidence_artifact_ids == (fresh,)
