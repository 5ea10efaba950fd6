"""The retention schedule, legal holds and records reported due, in the roster's database; and which students left
when (an inactive student: their last enrolment's end, else the day their record was deactivated)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.orm import Session

from roster.adapters import orm
from roster.domain.retention import MEDIA, PORTFOLIO, DueRecord, RetentionSchedule

KEY = "district"
DUE = {PORTFOLIO: orm.retention_due, MEDIA: orm.retention_media_due}


class RetentionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def schedule(self) -> RetentionSchedule:
        row = self.session.execute(select(orm.retention_schedule).where(orm.retention_schedule.c.key == KEY)).first()
        return RetentionSchedule(row.portfolio_years, row.media_years, row.grace_days, row.updated_by) if row \
            else RetentionSchedule()

    def set_schedule(self, schedule: RetentionSchedule, at: dt.datetime) -> None:
        table = orm.retention_schedule
        values = {"portfolio_years": schedule.portfolio_years, "media_years": schedule.media_years,
                  "grace_days": schedule.grace_days, "updated_by": schedule.updated_by, "updated_at": at}
        if not self.session.execute(update(table).where(table.c.key == KEY).values(**values)).rowcount:
            self.session.execute(insert(table).values(key=KEY, **values))

    def held(self) -> set[str]:
        return set(self.session.execute(select(orm.legal_holds.c.student_id)).scalars())

    def hold(self, student_id: str, reason: str, by: str, at: dt.datetime) -> bool:
        if student_id in self.held():
            return False
        self.session.execute(insert(orm.legal_holds).values(student_id=student_id, reason=reason, placed_by=by,
                                                            placed_at=at))
        return True

    def release(self, student_id: str) -> bool:
        return bool(self.session.execute(delete(orm.legal_holds).where(
            orm.legal_holds.c.student_id == student_id)).rowcount)

    def leavers(self) -> dict[str, dt.date]:
        """Every inactive student, with the day they left (the erased ones too: the caller knows their pseudonyms)."""
        p, r, e = orm.people, orm.person_roles, orm.enrollments
        last_end = select(e.c.person_id, func.max(e.c.end_date).label("end")).where(e.c.role == "student") \
            .group_by(e.c.person_id).subquery()
        rows = self.session.execute(
            select(p.c.id, last_end.c.end, p.c.updated_at)
            .join(r, and_(r.c.person_id == p.c.id, r.c.role == "student"))
            .outerjoin(last_end, last_end.c.person_id == p.c.id)
            .where(p.c.active.is_(False))
            .distinct())
        return {row.id: row.end or row.updated_at.date() for row in rows}

    def reported(self, kind: str = PORTFOLIO) -> dict[str, DueRecord]:
        """The records reported due for this kind of erasure (the whole portfolio, or its media alone)."""
        return {row.student_id: DueRecord(row.student_id, row.left_on, row.due_on, row.reported_on, row.erase_after,
                                          erasure_id=row.erasure_id, kind=kind)
                for row in self.session.execute(select(DUE[kind]))}

    def report(self, record: DueRecord) -> None:
        self.session.execute(insert(DUE[record.kind]).values(
            student_id=record.student_id, left_on=record.left_on, due_on=record.due_on,
            reported_on=record.reported_on, erase_after=record.erase_after))

    def erased(self, student_id: str, erasure_id: str, kind: str = PORTFOLIO) -> None:
        table = DUE[kind]
        self.session.execute(update(table).where(table.c.student_id == student_id).values(erasure_id=erasure_id))
