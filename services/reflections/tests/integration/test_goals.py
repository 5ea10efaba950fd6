"""Goals through the service layer on real PostgreSQL: a goal's life from set to closed, evidence limited to the
student's own live artifacts, skills limited to live skills of the catalog replica, closed goals frozen, and each
change's event in the outbox."""
from __future__ import annotations

import pytest
from milestone_fixtures import GONE_ART, OWN_ART, RETIRED_SKILL, panel_world, skill_added  # noqa: F401
from reflections_fixtures import ANA, ART, BEN_ART, GUARDIAN, STUDENT, TEACHER, event

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.domain.goals import GoalChange
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration


def test_a_goal_from_set_to_closed(app, panel_world, tables):
    goal = app.goals.set_goal(STUDENT, ANA, " Speak up in class ", ["skl-comm", "skl-crit", "skl-comm"],
                              "I lead three discussions.")
    assert (goal.title, goal.skill_ids, goal.status) == ("Speak up in class", ("skl-comm", "skl-crit"), "active")

    app.goals.update_goal(STUDENT, goal.id, GoalChange(success_criteria="I lead two discussions."))
    app.goals.link_evidence(STUDENT, goal.id, [OWN_ART, ART])
    linked = app.goals.link_evidence(STUDENT, goal.id, [OWN_ART], unlink_ids=[ART])
    assert linked.evidence_artifact_ids == (OWN_ART,)
    closed = app.goals.close_goal(STUDENT, goal.id, "achieved", "I led two and learned to listen.")

    [read] = app.goals.list_goals(TEACHER, ANA).goals
    assert read == app.goals.get_goal(GUARDIAN, goal.id)
    assert (read.title, read.success_criteria, read.skill_ids) == ("Speak up in class", "I lead two discussions.",
                                                                   ("skl-comm", "skl-crit"))
    assert (read.status, read.closing_reflection, read.evidence_artifact_ids) == (
        "achieved", "I led two and learned to listen.", (OWN_ART,))
    assert read.closed_at == closed.closed_at is not None
    assert tables.event_types() == ["goal_set", "goal_updated", "goal_updated", "goal_updated", "goal_closed"]
    assert tables.envelopes()[-2].data == {"goal_id": goal.id, "student_id": ANA,
                                           "skill_ids": ["skl-comm", "skl-crit"], "evidence_artifact_ids": [OWN_ART]}
    assert tables.envelopes()[-1].data == {"goal_id": goal.id, "student_id": ANA, "status": "achieved"}


def test_skills_can_be_replaced_and_unset_fields_stay(app, panel_world):
    goal = app.goals.set_goal(STUDENT, ANA, "Build a robot", ["skl-innov"], "It walks.")
    changed = app.goals.update_goal(STUDENT, goal.id, GoalChange(skill_ids=["skl-collab", "skl-innov"]))
    assert (changed.title, changed.success_criteria, changed.skill_ids) == ("Build a robot", "It walks.",
                                                                           ("skl-collab", "skl-innov"))


def test_evidence_must_be_the_students_own_live_artifacts(app, panel_world, tables):
    goal = app.goals.set_goal(STUDENT, ANA, "Build a robot", ["skl-innov"], "It walks.")
    with pytest.raises(InvalidArgument) as caught:
        app.goals.link_evidence(STUDENT, goal.id, [OWN_ART, BEN_ART, GONE_ART, "art-unknown"])
    assert [(p.field, p.reason) for p in caught.value.problems] == [
        ("artifact_ids", f"{a!r} is not an artifact in this student's portfolio")
        for a in (BEN_ART, GONE_ART, "art-unknown")]
    assert app.goals.get_goal(STUDENT, goal.id).evidence_artifact_ids == ()
    assert tables.event_types() == ["goal_set"]


def test_a_closed_goal_no_longer_changes(app, panel_world):
    goal = app.goals.set_goal(STUDENT, ANA, "Read ten books", ["skl-lit"], "Ten reviews.")
    app.goals.close_goal(STUDENT, goal.id, "withdrawn", "I chose a writing goal instead.")
    for change in (lambda: app.goals.update_goal(STUDENT, goal.id, GoalChange(title="Read five books")),
                   lambda: app.goals.link_evidence(STUDENT, goal.id, [OWN_ART]),
                   lambda: app.goals.close_goal(STUDENT, goal.id, "achieved", "Done after all.")):
        with pytest.raises(Conflict, match=r"this goal is closed \(withdrawn\)"):
            change()


def test_bad_input_names_fields_and_writes_nothing(app, panel_world, tables):
    with pytest.raises(InvalidArgument) as caught:
        app.goals.set_goal(STUDENT, ANA, "", [], "")
    assert [p.field for p in caught.value.problems] == ["title", "success_criteria", "skill_ids"]
    goal = app.goals.set_goal(STUDENT, ANA, "Read", ["skl-lit"], "Ten.")
    with pytest.raises(InvalidArgument, match="closing_reflection: must not be empty"):
        app.goals.close_goal(STUDENT, goal.id, "achieved", "  ")
    with pytest.raises(PermissionDenied):                     # someone else's goal and no goal look the same
        app.goals.get_goal(STUDENT, "goal-unknown")
    assert tables.event_types() == ["goal_set"]


def test_goal_skills_must_be_live_skills_of_the_catalog_replica(app, panel_world, tables):
    with pytest.raises(InvalidArgument) as caught:
        app.goals.set_goal(STUDENT, ANA, "Write neatly", ["skl-comm", "skl-unknown", RETIRED_SKILL], "Neat notes.")
    assert [(p.field, p.reason) for p in caught.value.problems] == [
        ("skill_ids", "'skl-unknown' is not a skill of the district"), ("skill_ids", f"{RETIRED_SKILL!r} is retired")]
    assert str(caught.value).startswith("skill_ids: 'skl-unknown' is not a skill of the district")
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
            event("skills", "skill_deleted", at="2026-11-02T00:00:00+00:00", skill_id="skl-lit"), "test.skill_deleted")
    goal = app.goals.set_goal(STUDENT, ANA, "Speak up", ["skl-comm"], "Three talks.")
    with pytest.raises(InvalidArgument) as caught:
        app.goals.update_goal(STUDENT, goal.id, GoalChange(skill_ids=["skl-comm", "skl-lit"]))
    assert [(p.field, p.reason) for p in caught.value.problems] == [("skill_ids",
                                                                     "'skl-lit' is not a skill of the district")]
    assert app.goals.get_goal(STUDENT, goal.id).skill_ids == ("skl-comm",)
    assert tables.event_types() == ["goal_set"]


def test_a_skill_retired_after_the_goal_named_it_may_stay(app, panel_world):
    goal = app.goals.set_goal(STUDENT, ANA, "Speak up", ["skl-comm", "skl-crit"], "Three talks.")
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
            skill_added("skl-crit", retired=True, type_="skill_updated", at="2026-11-05T00:00:00+00:00"),
            "test.skill_updated")
    kept = app.goals.update_goal(STUDENT, goal.id, GoalChange(skill_ids=["skl-crit", "skl-comm"]))
    assert kept.skill_ids == ("skl-crit", "skl-comm")
    with pytest.raises(InvalidArgument, match="skill_ids: 'skl-crit' is retired"):
        app.goals.set_goal(STUDENT, ANA, "Think hard", ["skl-crit"], "Two essays.")
