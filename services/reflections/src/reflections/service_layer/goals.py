"""Goal use cases: the student sets, updates, links evidence to and closes their goals; the student, their current
teachers and their guardians list and read them. A goal's skills must be live skills of the skills catalog replica.
Changes raise goal_* events in the same transaction; reads and changes by anyone but the student are audited."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument
from chassis.roster_replica.owner import decide
from reflections.domain import goals as rules
from reflections.domain.goal_events import GoalClosed, GoalSet, GoalUpdated
from reflections.domain.goals import Goal, GoalChange
from reflections.domain.panel_access import GoalAction, Viewer, check_goal, goal_actions, is_audited
from reflections.service_layer.artifact_owner import student_of
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


def own_live_artifacts(uow: ReflectionsUnitOfWork, now: dt.datetime, student_id: str, artifact_ids: list[str]) -> None:
    """InvalidArgument naming the artifacts that are not live artifacts of the student's own portfolio;
    NotYetReplicated while one was created moments ago and has not reached this replica."""
    foreign = [a for a in artifact_ids if student_of(uow, now, a) != student_id]
    if foreign:
        raise InvalidArgument(f"artifact_ids: not artifacts of this student's portfolio: {', '.join(foreign)}",
                              [FieldProblem("artifact_ids", f"{a!r} is not an artifact in this student's portfolio")
                               for a in foreign])


def require_catalog_skills(uow: ReflectionsUnitOfWork, skill_ids: list[str], kept: tuple[str, ...] = ()) -> None:
    """InvalidArgument on skill_ids naming each id the skills catalog replica does not offer (unknown, deleted, or
    retired unless the goal had it already)."""
    unusable = uow.catalog.unusable_skills([s for s in skill_ids if s not in kept])
    if unusable:
        raise InvalidArgument(f"skill_ids: {', '.join(f'{s!r} {why}' for s, why in unusable.items())}",
                              [FieldProblem("skill_ids", f"{s!r} {why}") for s, why in unusable.items()])


@dataclass(frozen=True)
class StudentGoals:
    """A student's goals, newest first, and what the viewer may do with them (``viewer_can`` in the reply)."""

    goals: list[Goal]
    can: frozenset[GoalAction]


class GoalUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def _standing(self, uow: ReflectionsUnitOfWork, viewer: Viewer, action: GoalAction,
                  student_id: str | None) -> str:
        if student_id is None:
            return check_goal(viewer, action, None, None)
        today = self.calendar.today()
        relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
        return decide(uow.roster, viewer, student_id, today, relation,
                      lambda known: check_goal(viewer, action, student_id, known))

    def _open_goal(self, uow: ReflectionsUnitOfWork, viewer: Viewer, goal_id: str) -> Goal:
        """The student's own goal, locked for a change, and still active."""
        goal = uow.goals.get(goal_id, for_update=True)
        self._standing(uow, viewer, GoalAction.WRITE, goal.student_id if goal else None)
        if not goal.active:
            raise Conflict(f"goal_id: this goal is closed ({goal.status})",
                           [FieldProblem("goal_id", f"is closed ({goal.status})")])
        return goal

    def set_goal(self, viewer: Viewer, student_id: str, title: str, skill_ids: list[str],
                 success_criteria: str) -> Goal:
        rules.validate_goal(title, success_criteria, skill_ids)
        with self.uow_factory() as uow:
            self._standing(uow, viewer, GoalAction.WRITE, student_id)
            require_catalog_skills(uow, rules.unique(skill_ids))
            now = self.calendar.clock()
            goal = Goal(str(uuid.uuid4()), student_id, title.strip(), success_criteria.strip(),
                        tuple(rules.unique(skill_ids)), now, now)
            uow.goals.add(goal)
            uow.raise_event(GoalSet(goal.id, student_id, list(goal.skill_ids)))
            uow.keep_result(goal)
            uow.commit()
        return goal

    def update_goal(self, viewer: Viewer, goal_id: str, change: GoalChange) -> Goal:
        rules.validate_change(change)
        with self.uow_factory() as uow:
            goal = self._open_goal(uow, viewer, goal_id)
            if change.skill_ids is not None:
                require_catalog_skills(uow, rules.unique(change.skill_ids), kept=goal.skill_ids)
            goal = replace(goal, updated_at=self.calendar.clock(),
                           title=goal.title if change.title is None else change.title.strip(),
                           success_criteria=goal.success_criteria if change.success_criteria is None
                           else change.success_criteria.strip(),
                           skill_ids=goal.skill_ids if change.skill_ids is None
                           else tuple(rules.unique(change.skill_ids)))
            self._save(uow, goal)
        return goal

    def link_evidence(self, viewer: Viewer, goal_id: str, artifact_ids: list[str],
                      unlink_ids: list[str] = ()) -> Goal:
        rules.validate_evidence(artifact_ids, list(unlink_ids))
        with self.uow_factory() as uow:
            goal = self._open_goal(uow, viewer, goal_id)
            own_live_artifacts(uow, self.calendar.clock(), goal.student_id, rules.unique(artifact_ids))
            gone = set(rules.unique(list(unlink_ids)))
            evidence = [a for a in rules.unique([*goal.evidence_artifact_ids, *artifact_ids]) if a not in gone]
            if len(evidence) > rules.MAX_EVIDENCE:
                raise InvalidArgument(f"artifact_ids: a goal links at most {rules.MAX_EVIDENCE} artifacts",
                                      [FieldProblem("artifact_ids", f"a goal links at most {rules.MAX_EVIDENCE}")])
            goal = replace(goal, evidence_artifact_ids=tuple(evidence), updated_at=self.calendar.clock())
            self._save(uow, goal)
        return goal

    def _save(self, uow: ReflectionsUnitOfWork, goal: Goal) -> None:
        uow.goals.save(goal)
        uow.raise_event(GoalUpdated(goal.id, goal.student_id, list(goal.skill_ids), list(goal.evidence_artifact_ids)))
        uow.commit()

    def close_goal(self, viewer: Viewer, goal_id: str, status: str, closing_reflection: str) -> Goal:
        rules.validate_close(status, closing_reflection)
        with self.uow_factory() as uow:
            goal = self._open_goal(uow, viewer, goal_id)
            now = self.calendar.clock()
            goal = replace(goal, status=status, closing_reflection=closing_reflection.strip(), updated_at=now,
                           closed_at=now)
            uow.goals.save(goal)
            uow.raise_event(GoalClosed(goal.id, goal.student_id, status))
            uow.commit()
        return goal

    def list_goals(self, viewer: Viewer, student_id: str) -> StudentGoals:
        with self.uow_factory() as uow:
            role = self._standing(uow, viewer, GoalAction.READ, student_id)
            found = uow.goals.of_student(student_id)
            self._audit_read(uow, viewer, student_id, "ListGoals", {"goals": len(found)})
        return StudentGoals(found, goal_actions(role))

    def get_goal(self, viewer: Viewer, goal_id: str) -> Goal:
        with self.uow_factory() as uow:
            goal = uow.goals.get(goal_id)
            self._standing(uow, viewer, GoalAction.READ, goal.student_id if goal else None)
            self._audit_read(uow, viewer, goal.student_id, "GetGoal", {"goal_id": goal_id})
        return goal

    @staticmethod
    def _audit_read(uow: ReflectionsUnitOfWork, viewer: Viewer, student_id: str, action: str, detail: dict) -> None:
        if is_audited(viewer, student_id):
            uow.audit(viewer, action, [student_id], detail)
            uow.commit()
