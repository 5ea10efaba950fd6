"""Badges and awards over one session: define and find badges, record an award with the next status-list index,
list a student's awards, revoke one, and the revoked indexes the status list sets."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from reflections.adapters.credential_tables import badge_awards, badges
from reflections.adapters.orm import catalog_rubrics, catalog_skills
from reflections.domain.credentials import Alignment, Award, Badge

_BADGE = [badges.c.id, badges.c.kind, badges.c.name, badges.c.description, badges.c.criteria,
          badges.c.milestone_type_id, badges.c.skill_id, badges.c.min_outcome, badges.c.created_by,
          badges.c.created_at]


def _award(row) -> Award:
    return Award(row.id, row.student_id, row.badge_id, row.milestone_id, row.status_index, row.issued_at,
                 row.issued_by, json.loads(row.document), row.jwt, row.revoked_at, row.revoked_by, row.revoke_reason)


class CredentialRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_badge(self, badge: Badge) -> None:
        self.session.execute(insert(badges).values(
            id=badge.id, kind=badge.kind, name=badge.name, description=badge.description, criteria=badge.criteria,
            milestone_type_id=badge.milestone_type_id, skill_id=badge.skill_id, min_outcome=badge.min_outcome,
            created_by=badge.created_by, created_at=badge.created_at))

    def badge(self, badge_id: str) -> Badge | None:
        row = self.session.execute(select(*_BADGE).where(badges.c.id == badge_id)).first()
        return Badge(*row) if row else None

    def badges(self) -> list[Badge]:
        return [Badge(*row) for row in self.session.execute(select(*_BADGE).order_by(badges.c.created_at,
                                                                                      badges.c.id))]

    def badges_for_milestone_type(self, type_id: str) -> list[Badge]:
        return [Badge(*row) for row in self.session.execute(
            select(*_BADGE).where(badges.c.milestone_type_id == type_id).order_by(badges.c.id))]

    def skill_alignment(self, skill_id: str) -> Alignment | None:
        name = self.session.execute(select(catalog_skills.c.name).where(catalog_skills.c.skill_id == skill_id)).scalar()
        return Alignment(skill_id, name) if name else None

    def rubric_skill(self, rubric_id: str) -> str:
        """The skill a rubric assesses, as the catalog replica knows it ("" when unknown)."""
        return self.session.execute(select(catalog_rubrics.c.skill_id).where(
            catalog_rubrics.c.rubric_id == rubric_id)).scalar() or ""

    def next_status_index(self) -> int:
        return self.session.execute(select(func.coalesce(func.max(badge_awards.c.status_index), -1) + 1)).scalar()

    def add_award(self, award: Award) -> None:
        self.session.execute(insert(badge_awards).values(
            id=award.id, student_id=award.student_id, badge_id=award.badge_id, milestone_id=award.milestone_id,
            status_index=award.status_index, issued_at=award.issued_at, issued_by=award.issued_by,
            document=json.dumps(award.document, separators=(",", ":")), jwt=award.jwt))

    def award(self, award_id: str, for_update: bool = False) -> Award | None:
        query = select(badge_awards).where(badge_awards.c.id == award_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _award(row) if row else None

    def awards_of(self, student_id: str, live_only: bool = False) -> list[Award]:
        query = select(badge_awards).where(badge_awards.c.student_id == student_id)
        if live_only:
            query = query.where(badge_awards.c.revoked_at.is_(None))
        return [_award(row) for row in self.session.execute(query.order_by(badge_awards.c.issued_at,
                                                                            badge_awards.c.id))]

    def holds(self, student_id: str, badge_id: str, milestone_id: str) -> bool:
        return self.session.execute(select(badge_awards.c.id).where(
            badge_awards.c.student_id == student_id, badge_awards.c.badge_id == badge_id,
            badge_awards.c.milestone_id == milestone_id, badge_awards.c.revoked_at.is_(None))).first() is not None

    def revoke(self, award_id: str, by: str, reason: str, at: dt.datetime) -> None:
        self.session.execute(update(badge_awards).where(badge_awards.c.id == award_id).values(
            revoked_at=at, revoked_by=by, revoke_reason=reason))

    def revoked_indexes(self) -> set[int]:
        return set(self.session.execute(select(badge_awards.c.status_index).where(
            badge_awards.c.revoked_at.is_not(None))).scalars())
