"""The erasure saga's coordinator (issue 13 §5): a privacy officer's request erases the roster's part and publishes
``erasure_requested``; each service's ``erasure_confirmed`` is recorded; when all have confirmed, the certificate is
signed with the district key. A timer asks again the services that have not confirmed (retry until done). One
artifact's erasure is asked of the artifacts service first (domain.erasure), then of the others."""
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
    OWNER,
    PENDING,
    REFUSED,
    Confirmation,
    Erasure,
    certificate_document,
    may_erase,
)
from roster.erasure_config import DEFAULT_SERVICES, ErasureOptions

SERVICE = "roster"
MAX_REASON = 2000
ACTIONS = {"student": "roster.EraseStudent", "artifact": "roster.EraseArtifact", "media": "roster.ExpireMedia"}


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


def request_erasure(uows: Callable, coordinator: Coordinator, viewer: Viewer, student_id: str, reason: str,
                    artifact_id: str = "", media_only: bool = False) -> Erasure:
    """Erase the roster's part now and ask every other service for theirs, in one transaction; with ``artifact_id``
    the roster holds nothing of it, and the artifacts service is asked first; with ``media_only`` (the retention
    schedule's media years) the roster holds none either."""
    if not may_erase(viewer.roles):
        raise PermissionDenied("only a privacy officer may erase a student's record")
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidArgument("the erasure needs a reason",
                              [FieldProblem("reason", f"state the reason (1-{MAX_REASON} characters)")])
    artifact_id = artifact_id.strip()
    if len(artifact_id) > 36:
        raise InvalidArgument("not an artifact id", [FieldProblem("artifact_id", "an artifact id (at most 36 "
                                                                                 "characters)")])
    with uows() as uow:
        if not uow.erasures.is_student(student_id):
            raise NotFound(f"no student {student_id}")
        if student_id in uow.retention.held():
            raise Conflict("this student's record is under a legal hold: lift it before erasing")
        if (open_id := uow.erasures.open_for(student_id, artifact_id)) is not None:
            raise Conflict(f"an erasure of this {'artifact' if artifact_id else 'student'} is already under way "
                           f"({open_id})")
        now = coordinator.clock()
        services = (SERVICE, *coordinator.options.service_list())
        if artifact_id and OWNER not in services:
            raise Conflict(f"an artifact's erasure needs the {OWNER} service among ROSTER_ERASURE_SERVICES")
        erasure = Erasure(id=str(uuid.uuid4()), pseudonym=pseudonym(student_id, coordinator.secret),
                          student_id=student_id, reason=reason, requested_by=viewer.subject, requested_at=now,
                          services=services, last_requested_at=now, artifact_id=artifact_id,
                          requested_by_roles=tuple(sorted(viewer.roles)), media_only=media_only and not artifact_id)
        uow.erasures.add(erasure, ",".join(erasure.requested_by_roles))
        counts = {} if erasure.scope != "student" else uow.erasures.erase_roster_rows(student_id)
        own = Confirmation(SERVICE, counts, now.isoformat())
        uow.erasures.add_confirmation(erasure.id, own)
        erasure.confirmations[SERVICE] = own
        uow.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                          action=ACTIONS[erasure.scope],
                          subject_type=ERASED_SUBJECT, subject_ids=[erasure.pseudonym],
                          detail={"erasure_id": erasure.id, "counts": counts,
                                  **({"artifact_id": artifact_id} if artifact_id else {})})
        uow.raise_event(_requested(erasure, erasure.waiting_for()))
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


def _requested(erasure: Erasure, services: list[str], attempt: int = 1) -> ErasureRequested:
    return ErasureRequested(erasure_id=erasure.id, student_id=erasure.student_id, pseudonym=erasure.pseudonym,
                            requested_by=erasure.requested_by, requested_by_roles=list(erasure.requested_by_roles),
                            services=list(services), attempt=attempt, artifact_id=erasure.artifact_id,
                            media_only=erasure.media_only)


def record_confirmation(uow, coordinator: Coordinator, envelope: Envelope) -> None:
    """One service's ``erasure_confirmed`` (in the transaction that claims it): kept once; the certificate is issued
    by the confirmation that completes the set."""
    data = envelope.data
    erasure = uow.erasures.get(data["erasure_id"], lock=True)
    if erasure is None:
        return                              # another district's or a test's erasure: nothing to record
    confirmation = Confirmation(data["service"], {k: int(v) for k, v in data.get("counts", {}).items()},
                                data.get("erased_at") or envelope.occurred_at)
    if not uow.erasures.add_confirmation(erasure.id, confirmation):
        return                              # a retry's second confirmation: the first one stands
    erasure.confirmations[confirmation.service] = confirmation
    if erasure.artifact_id and confirmation.service == OWNER and erasure.status == PENDING:
        if erasure.owner_found_nothing():
            uow.erasures.refuse(replace(erasure, status=REFUSED, completed_at=coordinator.clock(),
                                        refusal=f"no artifact {erasure.artifact_id} in this student's portfolio: "
                                                "nothing was erased"))
            return
        if erasure.waiting_for():           # the artifact was the student's: now what hangs on it, everywhere
            uow.raise_event(_requested(erasure, erasure.waiting_for(), erasure.attempts))
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
            uow.raise_event(_requested(erasure, erasure.waiting_for(), erasure.attempts + 1))
        uow.commit()
    return len(due)


def confirmation_subscriptions(coordinator: Callable[[], Coordinator]) -> dict:
    """The events role's table: every service's ``erasure_confirmed``, recorded by the lazily built coordinator."""
    def confirmed(uow, envelope: Envelope) -> None:
        record_confirmation(uow, coordinator(), envelope)
    confirmed.__qualname__ = "record_confirmation"
    return {(service, "erasure_confirmed"): Subscriber(confirmed, method=f"{service}_erasure_confirmed")
            for service in DEFAULT_SERVICES.split(",")}
