"""An in-memory CredentialRepository (badges and awards) with the real one's interface, over the fake catalog for
skill names and rubric skills."""
from __future__ import annotations

import dataclasses
import datetime as dt

from reflections.domain.credentials import Alignment, Award, Badge


class FakeCredentials:
    def __init__(self, catalog) -> None:
        self._catalog = catalog
        self.badge_rows: dict[str, Badge] = {}
        self.award_rows: dict[str, Award] = {}

    def add_badge(self, badge: Badge) -> None:
        self.badge_rows[badge.id] = badge

    def badge(self, badge_id: str) -> Badge | None:
        return self.badge_rows.get(badge_id)

    def badges(self) -> list[Badge]:
        return sorted(self.badge_rows.values(), key=lambda b: (b.created_at, b.id))

    def badges_for_milestone_type(self, type_id: str) -> list[Badge]:
        return sorted((b for b in self.badge_rows.values() if b.milestone_type_id == type_id), key=lambda b: b.id)

    def skill_alignment(self, skill_id: str) -> Alignment | None:
        skill = self._catalog.skills.get(skill_id)
        return Alignment(skill_id, skill["name"]) if skill else None

    def rubric_skill(self, rubric_id: str) -> str:
        return self._catalog.rubrics.get(rubric_id, {}).get("skill_id", "")

    def next_status_index(self) -> int:
        return max((a.status_index for a in self.award_rows.values()), default=-1) + 1

    def add_award(self, award: Award) -> None:
        self.award_rows[award.id] = award

    def award(self, award_id: str, for_update: bool = False) -> Award | None:
        return self.award_rows.get(award_id)

    def awards_of(self, student_id: str, live_only: bool = False) -> list[Award]:
        mine = [a for a in self.award_rows.values() if a.student_id == student_id
                and not (live_only and a.revoked_at is not None)]
        return sorted(mine, key=lambda a: (a.issued_at, a.id))

    def holds(self, student_id: str, badge_id: str, milestone_id: str) -> bool:
        return any(a.student_id == student_id and a.badge_id == badge_id and a.milestone_id == milestone_id
                   and a.revoked_at is None for a in self.award_rows.values())

    def revoke(self, award_id: str, by: str, reason: str, at: dt.datetime) -> None:
        self.award_rows[award_id] = dataclasses.replace(self.award_rows[award_id], revoked_at=at, revoked_by=by,
                                                        revoke_reason=reason)

    def revoked_indexes(self) -> set[int]:
        return {a.status_index for a in self.award_rows.values() if a.revoked_at is not None}
