"""In-memory fakes of the reflections service's goal and milestone repositories (their real interfaces:
adapters/goal_repository.py, adapters/milestone_repository.py) for the fake unit of work."""
from __future__ import annotations

import dataclasses
import datetime as dt

from reflections.domain.goals import Goal
from reflections.domain.milestones import Invitation, Milestone, MilestoneType, ScoreSheet


class FakeGoals:
    def __init__(self) -> None:
        self.rows: dict[str, Goal] = {}

    def add(self, goal: Goal) -> None:
        self.rows[goal.id] = goal

    def set_skills(self, goal_id: str, skill_ids: list[str]) -> None:
        self.rows[goal_id] = dataclasses.replace(self.rows[goal_id], skill_ids=tuple(skill_ids))

    def save(self, goal: Goal) -> None:
        self.rows[goal.id] = goal

    def get(self, goal_id: str, for_update: bool = False) -> Goal | None:
        return self.rows.get(goal_id)

    def of_student(self, student_id: str) -> list[Goal]:
        mine = [g for g in self.rows.values() if g.student_id == student_id]
        return sorted(sorted(mine, key=lambda g: g.id), key=lambda g: g.created_at, reverse=True)


class FakeMilestones:
    def __init__(self) -> None:
        self.type_rows: dict[str, MilestoneType] = {}
        self.rows: dict[str, Milestone] = {}
        self.invitations: dict[str, tuple[Invitation, str]] = {}     # id -> (invitation, token hash)
        self.sheet_rows: dict[str, tuple[str, ScoreSheet]] = {}      # invitation -> (milestone, sheet)

    def add_type(self, kind: MilestoneType, created_by: str, at: dt.datetime) -> None:
        self.type_rows[kind.id] = kind

    def type_by_code(self, code: str) -> MilestoneType | None:
        return next((k for k in self.type_rows.values() if k.code == code), None)

    def type(self, type_id: str) -> MilestoneType | None:
        return self.type_rows.get(type_id)

    def types(self) -> list[MilestoneType]:
        return sorted(self.type_rows.values(), key=lambda k: k.name)

    def add(self, milestone: Milestone) -> None:
        self.rows[milestone.id] = milestone

    def get(self, milestone_id: str, for_update: bool = False) -> Milestone | None:
        return self.rows.get(milestone_id)

    def of_student(self, student_id: str) -> list[Milestone]:
        mine = [m for m in self.rows.values() if m.student_id == student_id]
        return sorted(mine, key=lambda m: (m.scheduled_on, m.created_at), reverse=True)

    def select_evidence(self, milestone_id: str, artifact_ids: list[str]) -> None:
        self.rows[milestone_id] = dataclasses.replace(self.rows[milestone_id],
                                                      evidence_artifact_ids=tuple(artifact_ids))

    def complete(self, milestone_id: str, outcome: str, by: str, at: dt.datetime) -> None:
        self.rows[milestone_id] = dataclasses.replace(self.rows[milestone_id], status="completed", outcome=outcome,
                                                      completed_at=at)

    def add_invitation(self, invitation: Invitation, token_sha256: str, invited_by: str) -> None:
        self.invitations[invitation.id] = (dataclasses.replace(invitation, ended=False), token_sha256)

    def invitation(self, invitation_id: str) -> Invitation | None:
        found = self.invitations.get(invitation_id)
        return found[0] if found else None

    def invitation_by_token(self, token_sha256: str) -> Invitation | None:
        return next((i for i, token in self.invitations.values() if token == token_sha256), None)

    def educator_seat(self, milestone_id: str, person_id: str) -> Invitation | None:
        seats = [i for i, _ in self.invitations.values() if i.milestone_id == milestone_id and i.person_id == person_id]
        return max(seats, key=lambda i: i.expires_at) if seats else None

    def panel(self, milestone_id: str) -> list[Invitation]:
        return sorted((i for i, _ in self.invitations.values() if i.milestone_id == milestone_id),
                      key=lambda i: (i.invited_at, i.id))

    def sheet(self, invitation_id: str) -> ScoreSheet | None:
        found = self.sheet_rows.get(invitation_id)
        return found[1] if found else None

    def sheets(self, milestone_id: str) -> list[ScoreSheet]:
        return sorted((s for m, s in self.sheet_rows.values() if m == milestone_id), key=lambda s: s.scored_at)

    def put_sheet(self, milestone_id: str, sheet: ScoreSheet) -> None:
        self.sheet_rows[sheet.invitation_id] = (milestone_id, sheet)
