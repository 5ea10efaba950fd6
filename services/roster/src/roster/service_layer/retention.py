"""Retention (issue 13 §5): a district admin sets the schedule, a privacy officer places legal holds, and the daily
sweep (the roster events role's timer) reports the students past their date, then erases each after the grace
period unless held, through the same erasure saga as a request (service_layer/erasure.py): the media alone once
the media years are over, the whole record once the portfolio's are."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace

from chassis.access import Role
from chassis.erasure import pseudonym
from chassis.errors import Conflict, FieldProblem, InvalidArgument, PermissionDenied
from roster.adapters.orm import audit_log
from roster.domain.access import Viewer
from roster.domain.retention import HOLD_ROLES, MEDIA, PORTFOLIO, SCHEDULE_ROLES, DueRecord, RetentionSchedule
from roster.service_layer.erasure import Coordinator, request_erasure

log = logging.getLogger(__name__)
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
        return sorted((replace(r, held=r.student_id in held) for kind in (PORTFOLIO, MEDIA)
                       for r in uow.retention.reported(kind).values()),
                      key=lambda r: (r.erase_after, r.student_id, r.kind))


def sweep(uows: Callable, coordinator: Coordinator, today: dt.date) -> tuple[int, int]:
    """Report every leaver past a date: the portfolio's (the whole record), else the media's (the media alone);
    erase the reported ones whose grace period is over and who are not held. (reported now, erasures requested)."""
    with uows() as uow:
        schedule, held = uow.retention.schedule(), uow.retention.held()
        reported = {kind: uow.retention.reported(kind) for kind in (PORTFOLIO, MEDIA)}
        erased_before = uow.erasures.pseudonyms()
        new = []
        for student, left in uow.retention.leavers().items():
            due = schedule.due(left, today)
            if due is None or student in reported[due[0]] or pseudonym(student, coordinator.secret) in erased_before:
                continue
            new.append(DueRecord(student, left, due[1], today, today + dt.timedelta(days=schedule.grace_days),
                                 kind=due[0]))
        for record in new:
            uow.retention.report(record)
        uow.commit()
    erased = 0
    for record in [*reported[PORTFOLIO].values(), *reported[MEDIA].values(), *new]:
        if record.erasure_id or record.student_id in held or record.erase_after > today:
            continue
        years = schedule.portfolio_years if record.kind == PORTFOLIO else schedule.media_years
        what = "" if record.kind == PORTFOLIO else "media "
        try:
            erasure = request_erasure(uows, coordinator, SWEEPER, record.student_id,
                                      f"retention schedule: {what}{years} years after the student left on "
                                      f"{record.left_on.isoformat()} (reported {record.reported_on.isoformat()})",
                                      media_only=record.kind == MEDIA)
        except Conflict as busy:          # another erasure of the student is under way: the next sweep asks again
            log.info("retention sweep: %s", busy.message)
            continue
        with uows() as uow:
            uow.retention.erased(record.student_id, erasure.id, record.kind)
            uow.commit()
        erased += 1
    return len(new), erased
