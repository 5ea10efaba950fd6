"""Retention (issue 13 §5): a district admin sets the schedule, a privacy officer places legal holds, and the daily
sweep (the roster events role's timer) reports the students past their date, then erases each after the grace
period unless held, through the same erasure saga as a request (service_layer/erasure.py)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from chassis.access import Role
from chassis.erasure import pseudonym
from chassis.errors import FieldProblem, InvalidArgument, PermissionDenied
from roster.adapters.orm import audit_log
from roster.domain.access import Viewer
from roster.domain.retention import HOLD_ROLES, SCHEDULE_ROLES, DueRecord, RetentionSchedule
from roster.service_layer.erasure import Coordinator, request_erasure

SWEEPER = Viewer.of("service:roster-retention", {Role.SERVICE, Role.PRIVACY_OFFICER})


def set_schedule(uows: Callable, viewer: Viewer, schedule: RetentionSchedule, at: dt.datetime) -> RetentionSchedule:
    if not viewer.roles & SCHEDULE_ROLES:
        raise PermissionDenied("only a district admin sets the retention schedule")
    schedule = replace(schedule, updated_by=viewer.subject)
    if problems := schedule.problems():
        raise InvalidArgument("the retention schedule is not valid", [FieldProblem(f, r) for f, r in problems])
    with uows() as uow:
        uow.retention.set_schedule(schedule, at)
        uow.commit()
    return schedule


def get_schedule(uows: Callable, viewer: Viewer) -> RetentionSchedule:
    if not viewer.roles & (SCHEDULE_ROLES | HOLD_ROLES):
        raise PermissionDenied("the retention schedule is for district admins and privacy officers")
    with uows() as uow:
        return uow.retention.schedule()


def legal_hold(uows: Callable, viewer: Viewer, student_id: str, reason: str, at: dt.datetime, hold: bool) -> bool:
    """Place (``hold``) or lift a legal hold on a student's record, audited; False when nothing changed."""
    if not viewer.roles & HOLD_ROLES:
        raise PermissionDenied("only a privacy officer places or lifts a legal hold")
    if not reason.strip():
        raise InvalidArgument("a legal hold needs a reason", [FieldProblem("reason", "state the reason")])
    with uows() as uow:
        changed = uow.retention.hold(student_id, reason.strip(), viewer.subject, at) if hold \
            else uow.retention.release(student_id)
        uow.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                          action="roster.PlaceLegalHold" if hold else "roster.LiftLegalHold",
                          subject_ids=[student_id], detail={"reason": reason.strip(), "changed": changed})
        uow.commit()
    return changed


def due(uows: Callable, viewer: Viewer | None = None) -> list[DueRecord]:
    """The records reported due, each with its hold (the privacy officer's list; ``viewer`` None: the operator)."""
    if viewer is not None and not viewer.roles & HOLD_ROLES:
        raise PermissionDenied("only a privacy officer reads the records due")
    with uows() as uow:
        held = uow.retention.held()
        return sorted((replace(r, held=r.student_id in held) for r in uow.retention.reported().values()),
                      key=lambda r: (r.erase_after, r.student_id))


def sweep(uows: Callable, coordinator: Coordinator, today: dt.date) -> tuple[int, int]:
    """Report every leaver past their portfolio's date; erase the reported ones whose grace period is over and who
    are not held. (reported now, erasures requested)."""
    with uows() as uow:
        schedule, held = uow.retention.schedule(), uow.retention.held()
        reported, erased_before = uow.retention.reported(), uow.erasures.pseudonyms()
        new = [DueRecord(student, left, schedule.portfolio_due(left), today,
                         today + dt.timedelta(days=schedule.grace_days))
               for student, left in uow.retention.leavers().items()
               if student not in reported and schedule.portfolio_due(left) <= today
               and pseudonym(student, coordinator.secret) not in erased_before]
        for record in new:
            uow.retention.report(record)
        uow.commit()
    erased = 0
    for record in [*reported.values(), *new]:
        if record.erasure_id or record.student_id in held or record.erase_after > today:
            continue
        erasure = request_erasure(uows, coordinator, SWEEPER, record.student_id,
                                  f"retention schedule: {schedule.portfolio_years} years after the student left "
                                  f"on {record.left_on.isoformat()} (reported {record.reported_on.isoformat()})")
        with uows() as uow:
            uow.retention.erased(record.student_id, erasure.id)
            uow.commit()
        erased += 1
    return len(new), erased
