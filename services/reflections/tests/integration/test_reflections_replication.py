"""The replicas follow roster and artifacts events: once per event, newest wins, a deleted artifact is closed."""
from __future__ import annotations

import pytest
from reflections_fixtures import ANA, ART, CRUZ, GUARDIAN, STUDENT, TEACHER, artifact, event

from chassis.errors import PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.domain.access import Action
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration


def test_duplicate_deliveries_apply_once(app, world):
    added = artifact("art-new", ANA, ANA)
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, added, "test.once")
    assert not consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, added, "test.once")
    assert app.commands.add_reflection(STUDENT, "art-new", "Mine.").student_id == ANA


def test_a_deleted_artifact_is_closed_and_an_older_event_does_not_reopen_it(app, world):
    reflection = app.commands.add_reflection(STUDENT, ART, "First try.")
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
            event("artifacts", "artifact_deleted", at="2026-11-05T00:00:00+00:00",
                                                    artifact_id=ART), "test.del")
    stale = artifact(ART, ANA, ANA, "artifact_updated", at="2026-11-04T00:00:00+00:00")
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, stale, "test.late")
    for attempt in (lambda: app.commands.add_reflection(STUDENT, ART, "Again."),
                    lambda: app.commands.edit_reflection(STUDENT, reflection.id, "Changed."),
                    lambda: app.commands.add_comment(TEACHER, ART, "Hm."),
                    lambda: app.queries.discussion(STUDENT, ART)):
        with pytest.raises(PermissionDenied, match="not allowed to discuss"):
            attempt()


def test_an_unknown_artifact_is_refused_like_a_forbidden_one(app, world):
    with pytest.raises(PermissionDenied, match="not allowed to discuss this student's artifacts"):
        app.commands.add_reflection(STUDENT, "art-unknown", "Hello")


def test_a_teacher_whose_enrollment_ends_no_longer_gives_feedback(app, world):
    app.commands.give_feedback(TEACHER, ART, "You can do it.", "Keep going.")
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
            event("roster", "enrollment_removed", at="2026-11-10T00:00:00+00:00",
                                                    enrollment_id="e1", section_id="sec-26", person_id=TEACHER.subject,
                                                    role="teacher"), "test.end")
    with pytest.raises(PermissionDenied):
        app.commands.give_feedback(TEACHER, ART, "You can do it.", "Keep going.")


def test_the_discussion_names_its_writers_from_the_roster_replica_and_says_what_the_reader_may_do(app, world):
    """Names follow person_* events (newest wins; an older event does not bring an old name back)."""
    renamed = event("roster", "person_updated", at="2026-11-03T00:00:00+00:00", person_id=CRUZ, roles=["teacher"],
                    primary_school_id="sch-central", active=True, given_name="Maria", family_name="Cruz")
    older = event("roster", "person_added", at="2026-11-02T00:00:00+00:00", person_id=CRUZ, roles=["teacher"],
                  primary_school_id="sch-central", active=True, given_name="Old", family_name="Name")
    for envelope in (renamed, older):
        consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    app.commands.give_feedback(TEACHER, ART, "Clear steps.", "Add a diagram.")
    app.commands.add_comment(GUARDIAN, ART, "Lovely.")
    found = app.queries.discussion(GUARDIAN, ART)
    assert found.names == {CRUZ: "Maria Cruz"}                # Eve's name is not known here: her role shows
    assert found.viewer_can == {Action.READ, Action.COMMENT}
    assert app.queries.discussion(TEACHER, ART).viewer_can == {Action.READ, Action.FEEDBACK, Action.COMMENT,
                                                                Action.HIDE, Action.ASSESS}
    assert app.queries.discussion(STUDENT, ART).viewer_can == {Action.READ, Action.REFLECT, Action.COMMENT,
                                                                Action.SELF_ASSESS}
