"""Goals and milestones access through the service layer on real replicas, as grids: one row per relationship to
Ana, one column per action. Y = allowed (audited when the actor is not Ana, and raising its event); N = refused
(PermissionDenied), nothing written; X = refused because the actor's panel link expired (FAILED_PRECONDITION).
Guests act as "guest:<invitation_id>" with role panel_guest; Ives (North) is invited with his educator account.
The rows and columns are those of the gateway's grid (gateway/tests/progress_matrix.py, which checks they agree):
Kim teaches at Ana's school but not her, Nolan at North; Cruz also holding school_admin is the admin-teacher."""
from __future__ import annotations

import uuid

import pytest
from milestone_fixtures import OWN_ART, RUBRIC, dol_type, full_sheet, guest, milestone_with_panel, panel_world  # noqa: F401
from reflections_fixtures import ANA, ART, NORTH, STUDENT, enrollment, person

from chassis.errors import Conflict, PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.domain.access import Viewer
from reflections.domain.goals import GoalChange
from reflections.domain.panel_access import GoalAction, MilestoneAction
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration

GOALS = """
role                 relationship           actor           | set update link close list get
student              own                    stu-ana         |  Y    Y     Y     Y    Y    Y
student              classmate              stu-ben         |  N    N     N     N    N    N
student              other-school           stu-nia         |  N    N     N     N    N    N
teacher              currently-taught       tch-cruz        |  N    N     N     N    Y    Y
teacher              taught-last-year-only  tch-diaz        |  N    N     N     N    N    N
teacher              same-school-not-hers   tch-kim         |  N    N     N     N    N    N
teacher              other-school           tch-nolan       |  N    N     N     N    N    N
guardian             guardian-of            grd-eve         |  N    N     N     N    Y    Y
guardian             not-guardian-of        grd-gus         |  N    N     N     N    N    N
school_admin         own-school             adm-fay         |  N    N     N     N    N    N
school_admin         other-school           adm-north       |  N    N     N     N    N    N
district_admin       district               adm-dee         |  N    N     N     N    N    N
school_admin+teacher currently-taught       tch-cruz        |  N    N     N     N    N    N
panel_guest          invited                guest:valid     |  N    N     N     N    N    N
"""

MILESTONES = """
role                 relationship           actor           | create select invite score outcome read list define
student              own                    stu-ana         |   N      Y      N      N      N     Y    Y     N
student              classmate              stu-ben         |   N      N      N      N      N     N    N     N
student              other-school           stu-nia         |   N      N      N      N      N     N    N     N
teacher              currently-taught       tch-cruz        |   Y      N      Y      N      Y     Y    Y     N
teacher              taught-last-year-only  tch-diaz        |   N      N      N      N      N     N    N     N
teacher              same-school-not-hers   tch-kim         |   N      N      N      N      N     N    N     N
teacher              other-school           tch-nolan       |   N      N      N      N      N     N    N     N
teacher              invited-educator       tch-ives        |   N      N      N      Y      N     Y    N     N
guardian             guardian-of            grd-eve         |   N      N      N      N      N     Y    Y     N
guardian             not-guardian-of        grd-gus         |   N      N      N      N      N     N    N     N
school_admin         own-school             adm-fay         |   N      N      N      N      N     N    N     N
school_admin         other-school           adm-north       |   N      N      N      N      N     N    N     N
district_admin       district               adm-dee         |   N      N      N      N      N     N    N     Y
school_admin+teacher currently-taught       tch-cruz        |   N      N      N      N      N     N    N     N
panel_guest          invited                guest:valid     |   N      N      N      Y      N     Y    N     N
panel_guest          other-milestone        guest:elsewhere |   N      N      N      N      N     N    N     N
panel_guest          link-expired           guest:expired   |   N      N      N      X      N     X    N     N
"""
OTHER_STAFF = [person("tch-kim", "teacher"), person("tch-nolan", "teacher", NORTH),
               enrollment("e-nolan", "sec-n26", "tch-nolan", "teacher"), person("adm-north", "school_admin", NORTH)]


def rows(grid: str) -> list[tuple[str, str, str, dict[str, str]]]:
    header, *lines = grid.strip().splitlines()
    actions = header.split("|")[1].split()
    parsed = []
    for line in lines:
        who, cells = line.split("|")
        role, relationship, actor = who.split()
        parsed.append((role, relationship, actor, dict(zip(actions, cells.split(), strict=True))))
    return parsed


def viewer_for(role: str, actor: str, panel: dict[str, str]) -> Viewer:
    return guest(panel[actor.split(":")[1]]) if actor.startswith("guest:") else Viewer.of(actor, role.split("+"))


@pytest.fixture
def staff(app, panel_world) -> None:
    """Kim (Ana's school, not her teacher), Nolan (teaches at North) and North's school admin."""
    for envelope in OTHER_STAFF:
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


GOAL_ACTIONS = {
    "set": lambda app, v, goal: app.goals.set_goal(v, ANA, "Speak up in class", ["skl-comm"], "Three talks"),
    "update": lambda app, v, goal: app.goals.update_goal(v, goal, GoalChange(title="Speak up more")),
    "link": lambda app, v, goal: app.goals.link_evidence(v, goal, [ART]),
    "close": lambda app, v, goal: app.goals.close_goal(v, goal, "achieved", "I gave three talks."),
    "list": lambda app, v, goal: app.goals.list_goals(v, ANA),
    "get": lambda app, v, goal: app.goals.get_goal(v, goal),
}
GOAL_EVENTS = {"set": "goal_set", "update": "goal_updated", "link": "goal_updated", "close": "goal_closed"}

MILESTONE_ACTIONS = {
    "create": lambda app, v, p, t: app.milestones.create(v, ANA, t, "Defense", "2027-01-15"),
    "select": lambda app, v, p, t: app.milestones.select_evidence(v, p["milestone"], [ART, OWN_ART]),
    "invite": lambda app, v, p, t: app.milestones.invite(v, p["milestone"], "Gran", "gran@example.org", "family"),
    "score": lambda app, v, p, t: app.panel.score(v, p["milestone"], full_sheet(), "Clear evidence."),
    "outcome": lambda app, v, p, t: app.milestones.record_outcome(v, p["milestone"], "READY"),
    "read": lambda app, v, p, t: app.panel.get(v, p["milestone"]),
    "list": lambda app, v, p, t: app.panel.of_student(v, ANA),
    "define": lambda app, v, p, t: app.milestones.define_type(v, f"exhibition-{uuid.uuid4().hex[:8]}",
                                                              "Exhibition of Learning", RUBRIC, ["05"]),
}
MILESTONE_EVENTS = {"create": "milestone_created", "select": "milestone_evidence_selected",
                    "invite": "panellist_invited", "score": "milestone_scored", "outcome": "milestone_completed",
                    "define": "milestone_type_defined"}
ABOUT_NOBODY = {"define"}        # a milestone type is the district's: no student's record, no audit row


def assert_row(tables, actor_subject: str, act, expected: str, event: str | None, refusal: str,
               about_ana: bool = True) -> None:
    audit_before, events_before = len(tables.audit()), len(tables.envelopes())
    if expected == "Y":
        act()
    else:
        with pytest.raises(Conflict if expected == "X" else PermissionDenied, match=refusal):
            act()
    audit, events = tables.audit()[audit_before:], tables.envelopes()[events_before:]
    audited = expected == "Y" and actor_subject != ANA and about_ana
    assert [(r.actor, r.subject_id) for r in audit] == ([(actor_subject, ANA)] if audited else [])
    assert [e.type for e in events] == ([event] if expected == "Y" and event else [])


@pytest.mark.parametrize("role, relationship, actor, expected", rows(GOALS),
                         ids=[f"{r}/{rel}" for r, rel, *_ in rows(GOALS)])
def test_goals_matrix_row(app, panel_world, staff, tables, role, relationship, actor, expected):
    for action, cell in expected.items():
        goal = app.goals.set_goal(STUDENT, ANA, "Ana's goal", ["skl-comm"], "Criteria").id
        viewer = viewer_for(role, actor, {"valid": "any-invitation"})
        assert_row(tables, viewer.subject, lambda: GOAL_ACTIONS[action](app, viewer, goal), cell,
                   GOAL_EVENTS.get(action), "not allowed to see or change this student's goals")


@pytest.mark.parametrize("role, relationship, actor, expected", rows(MILESTONES),
                         ids=[f"{r}/{rel}" for r, rel, *_ in rows(MILESTONES)])
def test_milestones_matrix_row(app, clock, dol_type, staff, tables, role, relationship, actor, expected):
    for action, cell in expected.items():
        panel = milestone_with_panel(app, clock, dol_type)
        viewer = viewer_for(role, actor, panel)
        refusal = ("this panel link expired on" if cell == "X" else
                   "you are not on this milestone's panel" if action == "score" else
                   "only a district admin defines milestone types" if action == "define" else
                   "not allowed to see or change this student's milestones")
        assert_row(tables, viewer.subject, lambda: MILESTONE_ACTIONS[action](app, viewer, panel, dol_type), cell,
                   MILESTONE_EVENTS.get(action), refusal, about_ana=action not in ABOUT_NOBODY)


# What a reply tells a page the viewer may do (viewer_can) is the grid's row too: a reader of Ana's goals may write
# them exactly where the row may set one; a reader of her milestones may create, select, invite, score and record
# the outcome exactly where the row may.
MILESTONE_CAN = {"select": MilestoneAction.SELECT_EVIDENCE, "invite": MilestoneAction.INVITE,
                 "score": MilestoneAction.SCORE, "outcome": MilestoneAction.RECORD_OUTCOME}
GOAL_READERS = [row for row in rows(GOALS) if row[3]["list"] == "Y"]
MILESTONE_READERS = [row for row in rows(MILESTONES) if row[3]["read"] == "Y"]


@pytest.mark.parametrize("role, relationship, actor, expected", GOAL_READERS,
                         ids=[f"{r}/{rel}" for r, rel, *_ in GOAL_READERS])
def test_goals_reply_says_what_the_row_may_do(app, panel_world, staff, role, relationship, actor, expected):
    can = app.goals.list_goals(viewer_for(role, actor, {"valid": "any-invitation"}), ANA).can
    assert (GoalAction.WRITE in can) == (expected["set"] == "Y")


@pytest.mark.parametrize("role, relationship, actor, expected", MILESTONE_READERS,
                         ids=[f"{r}/{rel}" for r, rel, *_ in MILESTONE_READERS])
def test_milestone_replies_say_what_the_row_may_do(app, clock, dol_type, staff, role, relationship, actor,
                                                  expected):
    panel = milestone_with_panel(app, clock, dol_type)
    viewer = viewer_for(role, actor, panel)
    can = app.panel.get(viewer, panel["milestone"]).can
    assert {cell for cell, action in MILESTONE_CAN.items() if action in can} == {
        cell for cell in MILESTONE_CAN if expected[cell] == "Y"}
    if expected["list"] == "Y":
        assert (MilestoneAction.CREATE in app.panel.of_student(viewer, ANA).can) == (expected["create"] == "Y")
