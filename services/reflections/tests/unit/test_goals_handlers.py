"""Goals through a fake unit of work: the student sets, changes, links evidence to and closes their own goals;
the student, a current teacher and a guardian read them (reads by anyone else but the student audited); skills
come from the catalog replica; every change raises its event; refusals write nothing."""
from __future__ import annotations

import pytest
from milestone_fixtures import GOAL_SKILLS, GONE_ART, OWN_ART, RETIRED_SKILL, panel_world_events
from reflections_fixtures import ANA, ART, BEN_ART, GUARDIAN, STUDENT, TEACHER

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from reflections.domain.access import Viewer
from reflections.domain.goals import GoalChange
from reflections.domain.panel_access import GOALS_DENIED
from reflections.service_layer.goals import GoalUseCases

STRANGERS = [Viewer.of("tch-diaz", ["teacher"]), Viewer.of("grd-gus", ["guardian"]), Viewer.of("stu-ben", ["student"]),
             Viewer.of("adm-dee", ["district_admin"])]
COMM, CRIT = GOAL_SKILLS[0], GOAL_SKILLS[1]


@pytest.fixture
def goals(uow, calendar) -> GoalUseCases:
    uow.feed(panel_world_events())
    return GoalUseCases(lambda: uow, calendar)


@pytest.fixture
def goal(goals):
    return goals.set_goal(STUDENT, ANA, "Speak up in class", [COMM, COMM], "Three times a week")


def test_the_student_sets_a_goal_unaudited_and_announced(goals, uow, goal):
    assert (goal.skill_ids, goal.status, goal.title) == ((COMM,), "active", "Speak up in class")
    [event] = uow.events
    assert (event.type, event.data) == ("goal_set", {"goal_id": goal.id, "student_id": ANA, "skill_ids": [COMM]})
    assert uow.audit_rows == [] and [k.id for k in uow.kept] == [goal.id]


@pytest.mark.parametrize("viewer", [TEACHER, GUARDIAN, *STRANGERS], ids=lambda v: v.subject)
def test_nobody_else_sets_or_changes_a_students_goals(goals, uow, goal, viewer):
    for call in (lambda: goals.set_goal(viewer, ANA, "Theirs", [COMM], "Someday"),
                 lambda: goals.update_goal(viewer, goal.id, GoalChange(title="Renamed")),
                 lambda: goals.link_evidence(viewer, goal.id, [OWN_ART]),
                 lambda: goals.close_goal(viewer, goal.id, "achieved", "Done")):
        with pytest.raises(PermissionDenied, match=GOALS_DENIED):
            call()
    assert uow.event_types() == ["goal_set"] and uow.audit_rows == []


def test_skills_must_be_live_catalog_skills_unless_the_goal_had_them(goals, uow, goal):
    with pytest.raises(InvalidArgument) as refused:
        goals.set_goal(STUDENT, ANA, "Write neatly", [RETIRED_SKILL, "skl-nope"], "Every page")
    assert [p.reason for p in refused.value.problems] == [f"{RETIRED_SKILL!r} is retired",
                                                          "'skl-nope' is not a skill of the district"]
    changed = goals.update_goal(STUDENT, goal.id, GoalChange(skill_ids=[COMM, CRIT]))
    assert changed.skill_ids == (COMM, CRIT)
    assert uow.events[-1].type == "goal_updated" and uow.events[-1].data["skill_ids"] == [COMM, CRIT]


def test_evidence_is_the_students_own_live_artifacts(goals, uow, goal):
    linked = goals.link_evidence(STUDENT, goal.id, [OWN_ART, ART])
    assert linked.evidence_artifact_ids == (OWN_ART, ART)
    assert goals.link_evidence(STUDENT, goal.id, [], unlink_ids=[ART]).evidence_artifact_ids == (OWN_ART,)
    for foreign in (BEN_ART, GONE_ART):
        with pytest.raises(InvalidArgument, match="not artifacts of this student's portfolio"):
            goals.link_evidence(STUDENT, goal.id, [foreign])
    assert uow.events[-1].data["evidence_artifact_ids"] == [OWN_ART]


def test_a_closed_goal_changes_no_more(goals, uow, goal):
    closed = goals.close_goal(STUDENT, goal.id, "achieved", "I spoke up every week.")
    assert (closed.status, closed.closing_reflection, closed.closed_at is not None) == (
        "achieved", "I spoke up every week.", True)
    assert uow.events[-1].data == {"goal_id": goal.id, "student_id": ANA, "status": "achieved"}
    for call in (lambda: goals.update_goal(STUDENT, goal.id, GoalChange(title="Again")),
                 lambda: goals.close_goal(STUDENT, goal.id, "withdrawn", "Changed my mind")):
        with pytest.raises(Conflict, match="this goal is closed"):
            call()
    with pytest.raises(InvalidArgument):
        goals.close_goal(STUDENT, goal.id, "finished", "Done")


@pytest.mark.parametrize("viewer, audited", [(STUDENT, False), (TEACHER, True), (GUARDIAN, True)],
                         ids=["student", "teacher-now", "guardian"])
def test_goals_are_read_by_the_student_teacher_and_guardian(goals, uow, goal, viewer, audited):
    listed = goals.list_goals(viewer, ANA)
    assert [g.id for g in getattr(listed, "goals", listed)] == [goal.id]     # a list, or a reply with viewer_can
    assert goals.get_goal(viewer, goal.id) == goal
    expected = [(viewer.subject, "reflections.ListGoals", {"goals": 1}),
                (viewer.subject, "reflections.GetGoal", {"goal_id": goal.id})] if audited else []
    assert [(r.actor, r.action, r.detail) for r in uow.audit_rows] == expected
    assert {r.subject_id for r in uow.audit_rows} <= {ANA}


@pytest.mark.parametrize("viewer", STRANGERS, ids=lambda v: v.subject)
def test_strangers_do_not_read_goals_and_an_unknown_goal_is_the_same_refusal(goals, uow, goal, viewer):
    for call in (lambda: goals.list_goals(viewer, ANA), lambda: goals.get_goal(viewer, goal.id),
                 lambda: goals.get_goal(viewer, "no-such-goal")):
        with pytest.raises(PermissionDenied, match=GOALS_DENIED):
            call()
    assert uow.audit_rows == []


def test_invalid_goals_name_their_fields(goals, uow):
    with pytest.raises(InvalidArgument) as refused:
        goals.set_goal(STUDENT, ANA, " ", [], "")
    assert {p.field for p in refused.value.problems} >= {"title", "skill_ids"}
    assert uow.events == []
