"""Storage of goals with their skills (in order) and evidence links (SQLAlchemy Core)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from reflections.adapters.goal_tables import goal_evidence, goal_skills, goals
from reflections.domain.goals import Goal


class GoalRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, goal: Goal) -> None:
        self.session.execute(insert(goals).values(
            id=goal.id, student_id=goal.student_id, title=goal.title, success_criteria=goal.success_criteria,
            status=goal.status, created_at=goal.created_at, updated_at=goal.updated_at))
        self.set_skills(goal.id, list(goal.skill_ids))

    def set_skills(self, goal_id: str, skill_ids: list[str]) -> None:
        self.session.execute(delete(goal_skills).where(goal_skills.c.goal_id == goal_id))
        self.session.execute(insert(goal_skills), [{"goal_id": goal_id, "skill_id": s, "position": i}
                                                   for i, s in enumerate(skill_ids)])

    def save(self, goal: Goal) -> None:
        """Store the goal's fields, skills and evidence as they are now."""
        self.session.execute(update(goals).where(goals.c.id == goal.id).values(
            title=goal.title, success_criteria=goal.success_criteria, status=goal.status,
            closing_reflection=goal.closing_reflection, updated_at=goal.updated_at, closed_at=goal.closed_at))
        self.set_skills(goal.id, list(goal.skill_ids))
        linked = set(self.session.execute(select(goal_evidence.c.artifact_id)
                                          .where(goal_evidence.c.goal_id == goal.id)).scalars())
        wanted = set(goal.evidence_artifact_ids)
        if linked - wanted:
            self.session.execute(delete(goal_evidence).where(goal_evidence.c.goal_id == goal.id,
                                                             goal_evidence.c.artifact_id.in_(linked - wanted)))
        added = [a for a in goal.evidence_artifact_ids if a not in linked]
        if added:     # linked_at keeps the order they were linked in (one tick apart within a call)
            self.session.execute(insert(goal_evidence), [
                {"goal_id": goal.id, "artifact_id": a, "linked_at": goal.updated_at + dt.timedelta(microseconds=i)}
                for i, a in enumerate(added)])

    def get(self, goal_id: str, for_update: bool = False) -> Goal | None:
        query = select(goals).where(goals.c.id == goal_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return self._complete([row])[0] if row else None

    def of_student(self, student_id: str) -> list[Goal]:
        rows = self.session.execute(select(goals).where(goals.c.student_id == student_id)
                                    .order_by(goals.c.created_at.desc(), goals.c.id)).all()
        return self._complete(rows)

    def _complete(self, rows) -> list[Goal]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        skills, evidence = defaultdict(list), defaultdict(list)
        for r in self.session.execute(select(goal_skills).where(goal_skills.c.goal_id.in_(ids))
                                      .order_by(goal_skills.c.position)):
            skills[r.goal_id].append(r.skill_id)
        for r in self.session.execute(select(goal_evidence).where(goal_evidence.c.goal_id.in_(ids))
                                      .order_by(goal_evidence.c.linked_at, goal_evidence.c.artifact_id)):
            evidence[r.goal_id].append(r.artifact_id)
        return [Goal(r.id, r.student_id, r.title, r.success_criteria, tuple(skills[r.id]), r.created_at,
                     r.updated_at, tuple(evidence[r.id]), r.status, r.closing_reflection, r.closed_at)
                for r in rows]
