"""The erasure saga's coordinator (issue 13 §5): a privacy officer's request erases the roster's part and publishes
``erasure_requested``; each service's ``erasure_confirmed`` is recorded; when all have confirmed, the certificate is
signed with the district key. A timer asks again the services that have not confirmed (retry until done)."""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from chassis.calendar import utc_now
from chassis.erasure import ERASED_SUBJECT, ErasureRequested, pseudonym
from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound, PermissionDenied
from chassis.events import Envelope
from chassis.messaging.subscriptions import Subscriber
from chassis.signing import DistrictKey
from roster.adapters.orm import audit_log
from roster.domain.access import Viewer
from roster.domain.erasure import (
    COMPLETED,
    Confirmation,
    Erasure,
    certificate_document,
    may_erase,
)
from roster.erasure_config import DEFAULT_SERVICES, ErasureOptions

SERVICE = "roster"
MAX_REASON = 2000


@dataclass
class Coordinator:
    """What the saga needs besides a unit of work: the settings, the district key and the pseudonym key."""

    options: ErasureOptions
    key: DistrictKey
    secret: bytes
    district: str = "Skillfolio"
    clock: Callable[[], dt.datetime] = utc_now

    @classmethod
    def from_settings(cls) -> Coordinator:
        from chassis.config import PlatformSettings
        platform, options = PlatformSettings(), ErasureOptions()
        return cls(options, DistrictKey.from_settings(platform), options.pseudonym_secret(platform),
                   platform.district_name)


def request_erasure(uows: Callable, coordinator: Coordinator, viewer: Viewer, student_id: str, reason: str) -> Erasure:
    """Erase the roster's part now and ask every other service for theirs, in one transaction."""
    if not may_erase(viewer.roles):
        raise PermissionDenied("only a privacy officer may erase a student's record")
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidArgument("the erasure needs a reason",
                              [FieldProblem("reason", f"state the reason (1-{MAX_REASON} characters)")])
    with uows() as uow:
        if not uow.erasures.is_student(student_id):
            raise NotFound(f"no student {student_id}")
        if student_id in uow.retention.held():
            raise Conflict("this student's record is under a legal hold: lift it before erasing")
        if (open_id := uow.erasures.open_for(student_id)) is not None:
            raise Conflict(f"an erasure of this student is already under way ({open_id})")
        now = coordinator.clock()
        services = (SERVICE, *coordinator.options.service_list())
        erasure = Erasure(id=str(uuid.uuid4()), pseudonym=pseudonym(student_id, coordinator.secret),
                          student_id=student_id, reason=reason, requested_by=viewer.subject, requested_at=now,
                          services=services, last_requested_at=now)
        uow.erasures.add(erasure, ",".join(sorted(viewer.roles)))
        counts = uow.erasures.erase_roster_rows(student_id)
        own = Confirmation(SERVICE, counts, now.isoformat())
        uow.erasures.add_confirmation(erasure.id, own)
        erasure.confirmations[SERVICE] = own
        uow.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles, action="roster.EraseStudent",
                          subject_type=ERASED_SUBJECT, subject_ids=[erasure.pseudonym],
                          detail={"erasure_id": erasure.id, "counts": counts})
        uow.raise_event(_requested(erasure, viewer.roles, erasure.waiting_for()))
        _complete_if_confirmed(uow, coordinator, erasure)
        uow.commit()
    return erasure


def get_erasure(uows: Callable, viewer: Viewer, erasure_id: str) -> Erasure:
    """One erasure with its confirmations and (once completed) its certificate: a privacy officer's read."""
    if not may_erase(viewer.roles):
        raise PermissionDenied("only a privacy officer reads erasures")
    with uows() as uow:
        erasure = uow.erasures.get(erasure_id)
    if erasure is None:
        raise NotFound(f"no erasure {erasure_id}")
    return erasure


def list_erasures(uows: Callable, viewer: Viewer, limit: int = 100) -> list[Erasure]:
    if not may_erase(viewer.roles):
        raise PermissionDenied("only a privacy officer reads erasures")
    with uows() as uow:
        return uow.erasures.list(max(1, min(limit or 100, 500)))


def _requested(erasure: Erasure, roles, services: list[str], attempt: int = 1) -> ErasureRequested:
    return ErasureRequested(erasure_id=erasure.id, student_id=erasure.student_id, pseudonym=erasure.pseudonym,
                            requested_by=erasure.requested_by, requested_by_roles=sorted(roles),
                            services=list(services), attempt=attempt)


def record_confirmation(uow, coordinator: Coordinator, envelope: Envelope) -> None:
    """One service's ``erasure_confirmed`` (in the transaction that claims it): kept once; the certificate is issued
    by the confirmation that completes the set."""
    data = envelope.data
    erasure = uow.erasures.get(data["erasure_id"], lock=True)
    if erasure is None:
        return                              # another district's or a test's erasure: nothing to record
    confirmation = Confirmation(data["service"], {k: int(v) for k, v in data.get("counts", {}).items()},
                                data.get("erased_at") or envelope.occurred_at)
    if uow.erasures.add_confirmation(erasure.id, confirmation):
        erasure.confirmations[confirmation.service] = confirmation
    _complete_if_confirmed(uow, coordinator, erasure)


def _complete_if_confirmed(uow, coordinator: Coordinator, erasure: Erasure) -> None:
    if not erasure.complete_when_confirmed():
        return
    issued = coordinator.clock()
    document = certificate_document(erasure, issued_at=issued, issuer=coordinator.key.controller,
                                    district=coordinator.district, backup_days=coordinator.options.backup_days)
    done = replace(erasure, status=COMPLETED, completed_at=issued, certificate=document,
                   signature=coordinator.key.sign_jws(document, typ="erasure-certificate+jwt"), student_id="")
    uow.erasures.complete(done)


def retry_pending(uows: Callable, coordinator: Coordinator) -> int:
    """Ask again, from the services that have not confirmed, every pending erasure last asked ``retry_seconds``
    ago (a new event each time; a service that already erased confirms again with nothing left to erase)."""
    now = coordinator.clock()
    with uows() as uow:
        due = uow.erasures.due_for_retry(now - dt.timedelta(seconds=coordinator.options.retry_seconds))
        for erasure in due:
            uow.erasures.requested_again(erasure, now)
            uow.raise_event(_requested(erasure, [], erasure.waiting_for(), erasure.attempts + 1))
        uow.commit()
    return len(due)


def confirmation_subscriptions(coordinator: Callable[[], Coordinator]) -> dict:
    """The events role's table: every service's ``erasure_confirmed``, recorded by the lazily built coordinator."""
    def confirmed(uow, envelope: Envelope) -> None:
        record_confirmation(uow, coordinator(), envelope)
    confirmed.__qualname__ = "record_confirmation"
    return {(service, "erasure_confirmed"): Subscriber(confirmed, method=f"{service}_erasure_confirmed")
            for service in DEFAULT_SERVICES.split(",")}
