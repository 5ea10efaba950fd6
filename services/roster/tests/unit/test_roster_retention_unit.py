"""Retention on a fake unit of work: the schedule (district admin, validated, documented defaults), legal holds
(privacy officer, audited), and the sweep: report records past the date, erase after the grace period unless held."""
from __future__ import annotations

import datetime as dt

import pytest
from test_roster_erasure_saga_unit import (  # noqa: F401
    OFFICER_VIEWER,
    STUDENT,
    FakeErasureUow,
    confirmed,
    coordinator,
)

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from roster.domain.access import Viewer
from roster.domain.retention import RetentionSchedule
from roster.service_layer import retention
from roster.service_layer.erasure import record_confirmation, request_erasure

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
    uow.retention.holds = {"s-2", "s-3"}
    assert retention.sweep(lambda: uow, coordinator, TODAY) == (3, 0)       # reported; s-3: its media only
    listed = retention.due(lambda: uow)
    assert [(r.student_id, r.kind, r.held, r.erase_after) for r in listed] == [
        (STUDENT, "portfolio", False, dt.date(2031, 7, 31)), ("s-2", "portfolio", True, dt.date(2031, 7, 31)),
        ("s-3", "media", True, dt.date(2031, 7, 31))]
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 7, 30)) == (0, 0)    # still in its grace period
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 7, 31)) == (0, 1)    # erased; s-2, s-3 held
    [erasure] = uow.erasures.rows.values()
    assert erasure.requested_by == "service:roster-retention" and "5 years after" in erasure.reason
    assert uow.retention.due[("portfolio", STUDENT)].erasure_id == erasure.id
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 8, 1)) == (0, 0)     # never twice


def test_the_media_goes_at_its_own_date_and_the_whole_record_later(uow, coordinator):  # noqa: F811
    """Media kept 2 years and the portfolio 5: the media alone is erased first (the roster keeps its rows), then
    the whole record; the earlier media erasure does not count as the record's."""
    uow.retention.plan = RetentionSchedule(5, 2, 30)
    uow.retention.left = {STUDENT: dt.date(2026, 6, 30)}
    assert retention.sweep(lambda: uow, coordinator, dt.date(2028, 6, 29)) == (0, 0)    # not yet two years
    assert retention.sweep(lambda: uow, coordinator, dt.date(2028, 6, 30)) == (1, 0)
    assert retention.sweep(lambda: uow, coordinator, dt.date(2028, 7, 30)) == (0, 1)
    [media] = uow.erasures.rows.values()
    assert media.media_only and "media 2 years after the student left on 2026-06-30" in media.reason
    assert uow.erasures.roster_erased == [] and uow.events[-1].data["media_only"] is True
    assert uow.audit_rows[-1].action == "roster.ExpireMedia"
    assert retention.sweep(lambda: uow, coordinator, dt.date(2029, 1, 1)) == (0, 0)     # never twice

    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 6, 30)) == (1, 0)    # the portfolio's date
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 7, 30)) == (0, 0)    # media's still pending
    for service in ("artifacts", "reflections"):                                        # ... until confirmed
        with uow:
            record_confirmation(uow, coordinator, confirmed(media.id, service))
            uow.commit()
    assert uow.erasures.rows[media.id].certificate["subject"]["scope"] == "media"
    assert retention.sweep(lambda: uow, coordinator, dt.date(2031, 7, 30)) == (0, 1)
    whole = next(e for e in uow.erasures.rows.values() if e.id != media.id)
    assert not whole.media_only and uow.erasures.roster_erased == [STUDENT]
