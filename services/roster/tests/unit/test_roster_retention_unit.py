"""Retention on a fake unit of work: the schedule (district admin, validated, documented defaults), legal holds
(privacy officer, audited), and the sweep: report records past the date, erase after the grace period unless held."""
from __future__ import annotations

import datetime as dt

import pytest
from test_roster_erasure_saga_unit import OFFICER_VIEWER, STUDENT, FakeErasureUow, coordinator  # noqa: F401

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from roster.domain.access import Viewer
from roster.domain.retention import RetentionSchedule
from roster.service_layer import retention
from roster.service_layer.erasure import request_erasure

TODAY = dt.date(2031, 7, 1)
AT = dt.datetime(2031, 7, 1, tzinfo=dt.UTC)
ADMIN = Viewer.of("admin-1", {"district_admin"})


@pytest.fixture
def clock():
    return {"now": AT}


@pytest.fixture
def uow():
    return FakeErasureUow()


def test_defaults_and_only_a_district_admin_sets_a_valid_schedule(uow):
    assert RetentionSchedule() == RetentionSchedule(5, 2, 30)
    with pytest.raises(PermissionDenied):
        retention.set_schedule(lambda: uow, OFFICER_VIEWER, RetentionSchedule(3, 1, 10), AT)
    with pytest.raises(InvalidArgument) as bad:
        retention.set_schedule(lambda: uow, ADMIN, RetentionSchedule(3, 4, 400), AT)
    assert {p.field for p in bad.value.problems} == {"media_years", "grace_days"}
    saved = retention.set_schedule(lambda: uow, ADMIN, RetentionSchedule(3, 1, 10), AT)
    assert uow.retention.plan == saved and saved.updated_by == "admin-1"


def test_a_legal_hold_is_a_privacy_officers_audited_act_and_blocks_erasure(uow, coordinator):  # noqa: F811
    with pytest.raises(PermissionDenied):
        retention.legal_hold(lambda: uow, ADMIN, STUDENT, "litigation", AT, hold=True)
    assert retention.legal_hold(lambda: uow, OFFICER_VIEWER, STUDENT, "litigation", AT, hold=True)
    assert [row.action for row in uow.audit_rows] == ["roster.PlaceLegalHold"]
    with pytest.raises(Conflict):
        request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "parent's request")
    assert retention.legal_hold(lambda: uow, OFFICER_VIEWER, STUDENT, "settled", AT, hold=False)
    request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "parent's request")


def test_the_sweep_reports_then_erases_after_the_grace_period_unless_held(uow, coordinator):  # noqa: F811
    uow.erasures.students |= {"s-2", "s-3"}
    uow.retention.plan = RetentionSchedule(5, 2, 30)
    uow.retention.left = {STUDENT: dt.date(2026, 6, 30), "s-2": dt.date(2026, 6, 30), "s-3": dt.date(2027, 6, 30)}
    uow.retention.holds = {"s-2"}
    assert retention.sweep(lambda: uow, coordinator, TODAY) == (2, 0)       # reported; s-3 is not due yet
    listed = retention.due(lambda: uow)
    assert [(r.student_id, r.held, r.erase_after) for r in listed] == [
        (STUDENT, False, dt.date(2031, 7, 31)), ("s-2", True, dt.date(2031, 7, 31))]
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 7, 30)) == (0, 0)    # still in its grace period
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 7, 31)) == (0, 1)    # erased; s-2 is held
    [erasure] = uow.erasures.rows.values()
    assert erasure.requested_by == "service:roster-retention" and "5 years after" in erasure.reason
    assert uow.retention.due[STUDENT].erasure_id == erasure.id
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 8, 1)) == (0, 0)     # never twice
