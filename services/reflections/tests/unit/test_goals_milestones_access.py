"""The goals and milestones access rules as pure tables: roles and relations in, allowed or refused out (with
an expired panel link refused by its own message)."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.errors import Conflict, PermissionDenied
from reflections.domain.access import Relation, Viewer
from reflections.domain.panel_access import (
    GoalAction,
    MilestoneAction,
    Seat,
    check_goal,
    check_milestone,
    guest_invitation_id,
    sees_whole_panel,
)

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
LIVE, EXPIRED = Seat("inv-1", NOW + dt.timedelta(days=3)), Seat("inv-1", NOW - dt.timedelta(seconds=1))
TEACHES, GUARDS, NONE = Relation(teaches_now=True), Relation(guardian_of=True), Relation()
ANA = Viewer.of("stu-ana", ["student"])
BEN = Viewer.of("stu-ben", ["student"])
CRUZ = Viewer.of("tch-cruz", ["teacher"])
EVE = Viewer.of("grd-eve", ["guardian"])
DEE = Viewer.of("adm-dee", ["district_admin"])
ADMIN_TEACHER = Viewer.of("tch-adm", ["teacher", "school_admin"])
GUEST = Viewer.of("guest:inv-1", ["panel_guest"])

GOAL_CASES = [
    # viewer, relation, read, write
    (ANA, NONE, True, True),
    (BEN, NONE, False, False),
    (CRUZ, TEACHES, True, False),
    (CRUZ, NONE, False, False),
    (EVE, GUARDS, True, False),
    (EVE, NONE, False, False),
    (DEE, NONE, False, False),
    (ADMIN_TEACHER, TEACHES, False, False),
    (GUEST, NONE, False, False),
]


@pytest.mark.parametrize("viewer, relation, may_read, may_write", GOAL_CASES)
def test_goal_rules(viewer, relation, may_read, may_write):
    for action, allowed in ((GoalAction.READ, may_read), (GoalAction.WRITE, may_write)):
        if allowed:
            check_goal(viewer, action, "stu-ana", relation)
        else:
            with pytest.raises(PermissionDenied, match="this student's goals"):
                check_goal(viewer, action, "stu-ana", relation)


def test_an_unknown_goal_is_refused_like_a_forbidden_one():
    with pytest.raises(PermissionDenied, match="not allowed to see or change this student's goals"):
        check_goal(ANA, GoalAction.READ, None, NONE)


A = MilestoneAction
MILESTONE_CASES = [
    # viewer, relation, seat, allowed actions
    (ANA, NONE, None, {A.READ, A.LIST, A.SELECT_EVIDENCE}),
    (BEN, NONE, None, set()),
    (CRUZ, TEACHES, None, {A.READ, A.LIST, A.CREATE, A.INVITE, A.RECORD_OUTCOME}),
    (CRUZ, TEACHES, LIVE, {A.READ, A.LIST, A.CREATE, A.INVITE, A.RECORD_OUTCOME, A.SCORE}),
    (CRUZ, NONE, LIVE, {A.READ, A.SCORE}),
    (CRUZ, NONE, None, set()),
    (EVE, GUARDS, None, {A.READ, A.LIST}),
    (DEE, NONE, LIVE, set()),
    (ADMIN_TEACHER, TEACHES, LIVE, set()),
    (GUEST, NONE, LIVE, {A.READ, A.SCORE}),
    (GUEST, TEACHES, LIVE, {A.READ, A.SCORE}),        # a guest principal never acts as a teacher
    (GUEST, NONE, None, set()),
]


@pytest.mark.parametrize("viewer, relation, seat, allowed", MILESTONE_CASES)
def test_milestone_rules(viewer, relation, seat, allowed):
    for action in MilestoneAction:
        if action in allowed:
            check_milestone(viewer, action, "stu-ana", relation, seat, NOW)
        else:
            with pytest.raises(PermissionDenied):
                check_milestone(viewer, action, "stu-ana", relation, seat, NOW)


def test_an_expired_seat_is_refused_with_its_date_for_panel_actions_only():
    for action in (A.READ, A.SCORE):
        with pytest.raises(Conflict, match="this panel link expired on 2026-11-23"):
            check_milestone(GUEST, action, "stu-ana", NONE, EXPIRED, NOW)
    with pytest.raises(PermissionDenied):
        check_milestone(GUEST, A.RECORD_OUTCOME, "stu-ana", NONE, EXPIRED, NOW)


def test_a_seat_expires_at_its_instant():
    at_expiry = Seat("inv-1", NOW)
    with pytest.raises(Conflict):
        check_milestone(GUEST, A.SCORE, "stu-ana", NONE, at_expiry, NOW)
    check_milestone(GUEST, A.SCORE, "stu-ana", NONE, at_expiry, NOW - dt.timedelta(microseconds=1))


def test_refusals_of_a_missing_milestone_match_forbidden_ones():
    with pytest.raises(PermissionDenied, match="you are not on this milestone's panel"):
        check_milestone(GUEST, A.SCORE, None, NONE, None, NOW)
    with pytest.raises(PermissionDenied, match="not allowed to see or change this student's milestones"):
        check_milestone(ANA, A.READ, None, NONE, None, NOW)


def test_guest_principals_and_panel_visibility():
    assert guest_invitation_id(GUEST) == "inv-1"
    assert guest_invitation_id(Viewer.of("guest:inv-1", ["teacher"])) is None
    assert guest_invitation_id(Viewer.of("tch-cruz", ["panel_guest"])) is None
    assert sees_whole_panel(frozenset({"teacher", "panellist"}))
    assert not sees_whole_panel(frozenset({"panellist"}))
