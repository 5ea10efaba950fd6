"""Erasure records in the roster's database (adapters.erasure_tables), and the roster's own part of an erasure: the
student's accounts, enrolments, guardianships and transfers deleted, the person row left as a nameless tombstone."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import delete, insert, select, true, update
from sqlalchemy.orm import Session

from chassis.erasure import Rows, erase_rows
from roster.adapters import orm
from roster.adapters.orm import erasure_confirmations as C
from roster.adapters.orm import erasure_requests as R
from roster.domain.erasure import Confirmation, Erasure

ROSTER_ROWS = (Rows(orm.credentials, "person_id"), Rows(orm.guardianships, "student_id"),
               Rows(orm.enrollments, "person_id"), Rows(orm.transfers, "student_id"))
TOMBSTONE = {"given_name": "Erased", "family_name": "student", "email": "", "username": "", "identifier": "",
             "active": False}


class ErasureRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def is_student(self, person_id: str) -> bool:
        return self.session.execute(select(orm.person_roles.c.person_id).where(
            orm.person_roles.c.person_id == person_id, orm.person_roles.c.role == "student").limit(1)).first() is not None

    def open_for(self, student_id: str, artifact_id: str = "") -> str | None:
        """A pending erasure this one would overlap: of the whole record, or (for a whole record) of any part of it,
        or of the same artifact."""
        overlap = R.c.artifact_id.in_(("", artifact_id)) if artifact_id else true()
        return self.session.execute(select(R.c.id).where(R.c.student_id == student_id, R.c.status == "pending",
                                                         overlap).limit(1)).scalar()

    def pseudonyms(self) -> set[str]:
        """Every student whose whole record was ever erased, by pseudonym (their ids are not kept); an erasure of
        one artifact or of the media alone does not count."""
        return set(self.session.execute(select(R.c.pseudonym).where(R.c.artifact_id == "",
                                                                    R.c.media_only.is_(False))).scalars())

    def erase_roster_rows(self, student_id: str) -> dict[str, int]:
        counts = erase_rows(self.session, ROSTER_ROWS, student_id)
        counts["outbox"] = self.session.execute(delete(orm.outbox).where(orm.outbox.c.body.contains(
            student_id, autoescape=True))).rowcount or 0       # its events naming the student: none is replayed
        counts["people"] = self.session.execute(update(orm.people).where(orm.people.c.id == student_id)
                                                .values(**TOMBSTONE)).rowcount or 0
        return counts

    def add(self, erasure: Erasure, roles: str) -> None:
        self.session.execute(insert(R).values(
            id=erasure.id, pseudonym=erasure.pseudonym, student_id=erasure.student_id, reason=erasure.reason,
            requested_by=erasure.requested_by, requested_by_roles=roles, requested_at=erasure.requested_at,
            services=",".join(erasure.services), status=erasure.status, attempts=erasure.attempts,
            last_requested_at=erasure.last_requested_at, artifact_id=erasure.artifact_id,
            media_only=erasure.media_only))

    def add_confirmation(self, erasure_id: str, confirmation: Confirmation) -> bool:
        """False when this service's confirmation is already recorded (the first one stands)."""
        exists = self.session.execute(select(C.c.service).where(C.c.erasure_id == erasure_id,
                                                                C.c.service == confirmation.service)).first()
        if exists:
            return False
        self.session.execute(insert(C).values(erasure_id=erasure_id, service=confirmation.service,
                                              counts=json.dumps(confirmation.counts, sort_keys=True),
                                              confirmed_at=confirmation.confirmed_at))
        return True

    def get(self, erasure_id: str, lock: bool = False) -> Erasure | None:
        query = select(R).where(R.c.id == erasure_id)
        row = self.session.execute(query.with_for_update() if lock else query).first()
        return self._erasure(row) if row else None

    def list(self, limit: int = 100) -> list[Erasure]:
        rows = self.session.execute(select(R).order_by(R.c.requested_at.desc(), R.c.id).limit(limit)).all()
        return [self._erasure(row) for row in rows]

    def due_for_retry(self, before: dt.datetime) -> list[Erasure]:
        rows = self.session.execute(select(R).where(R.c.status == "pending", R.c.last_requested_at < before)
                                    .order_by(R.c.requested_at).with_for_update(skip_locked=True)).all()
        return [self._erasure(row) for row in rows]

    def requested_again(self, erasure: Erasure, at: dt.datetime) -> None:
        self.session.execute(update(R).where(R.c.id == erasure.id).values(attempts=R.c.attempts + 1,
                                                                          last_requested_at=at))

    def complete(self, erasure: Erasure) -> None:
        self.session.execute(update(R).where(R.c.id == erasure.id).values(
            status=erasure.status, completed_at=erasure.completed_at, student_id="",
            certificate=json.dumps(erasure.certificate, sort_keys=True), signature=erasure.signature))

    def refuse(self, erasure: Erasure) -> None:
        """Closed with nothing erased (the artifact was not the student's): no certificate."""
        self.session.execute(update(R).where(R.c.id == erasure.id).values(
            status=erasure.status, completed_at=erasure.completed_at, refusal=erasure.refusal))

    def _erasure(self, row) -> Erasure:
        confirmations = {c.service: Confirmation(c.service, json.loads(c.counts), c.confirmed_at)
                         for c in self.session.execute(select(C).where(C.c.erasure_id == row.id))}
        return Erasure(id=row.id, pseudonym=row.pseudonym, student_id=row.student_id, reason=row.reason,
                       requested_by=row.requested_by, requested_at=_utc(row.requested_at),
                       services=tuple(row.services.split(",")), status=row.status, attempts=row.attempts,
                       last_requested_at=_utc(row.last_requested_at), completed_at=_utc(row.completed_at),
                       certificate=json.loads(row.certificate) if row.certificate else None,
                       signature=row.signature, confirmations=confirmations, artifact_id=row.artifact_id,
                       requested_by_roles=tuple(r for r in row.requested_by_roles.split(",") if r),
                       refusal=row.refusal, media_only=row.media_only)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment
