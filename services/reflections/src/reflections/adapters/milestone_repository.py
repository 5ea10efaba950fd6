"""Storage of milestone types, milestones with their evidence, panel invitations (by token hash) and score sheets
(SQLAlchemy Core)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from reflections.adapters.goal_tables import (
    milestone_evidence,
    milestone_types,
    milestones,
    panel_invitations,
    score_sheets,
    sheet_scores,
)
from reflections.domain.milestones import Invitation, Milestone, MilestoneType, Score, ScoreSheet


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """Stored times as aware UTC (SQLite hands them back naive)."""
    return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment


class MilestoneRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- types ---
    def add_type(self, kind: MilestoneType, created_by: str, at: dt.datetime) -> None:
        self.session.execute(insert(milestone_types).values(
            id=kind.id, code=kind.code, name=kind.name, rubric_id=kind.rubric_id,
            grade_levels=",".join(kind.grade_levels), created_by=created_by, created_at=at))

    def type_by_code(self, code: str) -> MilestoneType | None:
        row = self.session.execute(select(milestone_types).where(milestone_types.c.code == code)).first()
        return _type(row) if row else None

    def type(self, type_id: str) -> MilestoneType | None:
        row = self.session.execute(select(milestone_types).where(milestone_types.c.id == type_id)).first()
        return _type(row) if row else None

    def types(self) -> list[MilestoneType]:
        return [_type(r) for r in self.session.execute(select(milestone_types).order_by(milestone_types.c.name))]

    # --- milestones ---
    def add(self, milestone: Milestone) -> None:
        self.session.execute(insert(milestones).values(
            id=milestone.id, student_id=milestone.student_id, type_id=milestone.type_id, title=milestone.title,
            scheduled_on=milestone.scheduled_on, status=milestone.status, created_by=milestone.created_by,
            created_at=milestone.created_at))

    def get(self, milestone_id: str, for_update: bool = False) -> Milestone | None:
        query = select(milestones).where(milestones.c.id == milestone_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return self._with_evidence([row])[0] if row else None

    def of_student(self, student_id: str) -> list[Milestone]:
        rows = self.session.execute(select(milestones).where(milestones.c.student_id == student_id)
                                    .order_by(milestones.c.scheduled_on.desc(), milestones.c.created_at.desc()))
        return self._with_evidence(rows.all())

    def _with_evidence(self, rows) -> list[Milestone]:
        evidence = defaultdict(list)
        if rows:
            for r in self.session.execute(select(milestone_evidence).where(
                    milestone_evidence.c.milestone_id.in_([r.id for r in rows])).order_by(
                    milestone_evidence.c.position)):
                evidence[r.milestone_id].append(r.artifact_id)
        return [Milestone(r.id, r.student_id, r.type_id, r.title, r.scheduled_on, r.created_by, _utc(r.created_at),
                          r.status, r.outcome, _utc(r.completed_at), tuple(evidence[r.id])) for r in rows]

    def select_evidence(self, milestone_id: str, artifact_ids: list[str]) -> None:
        self.session.execute(delete(milestone_evidence).where(milestone_evidence.c.milestone_id == milestone_id))
        if artifact_ids:
            self.session.execute(insert(milestone_evidence), [
                {"milestone_id": milestone_id, "artifact_id": a, "position": i} for i, a in enumerate(artifact_ids)])

    def complete(self, milestone_id: str, outcome: str, by: str, at: dt.datetime) -> None:
        self.session.execute(update(milestones).where(milestones.c.id == milestone_id).values(
            status="completed", outcome=outcome, completed_by=by, completed_at=at))

    # --- panel ---
    def add_invitation(self, invitation: Invitation, token_sha256: str, invited_by: str) -> None:
        stored = {name: value for name, value in vars(invitation).items() if name != "ended"}   # ended: a view's
        self.session.execute(insert(panel_invitations).values(**stored, token_sha256=token_sha256,
                                                              invited_by=invited_by))

    def invitation(self, invitation_id: str) -> Invitation | None:
        row = self.session.execute(select(panel_invitations).where(panel_invitations.c.id == invitation_id)).first()
        return _invitation(row) if row else None

    def invitation_by_token(self, token_sha256: str) -> Invitation | None:
        row = self.session.execute(select(panel_invitations)
                                   .where(panel_invitations.c.token_sha256 == token_sha256)).first()
        return _invitation(row) if row else None

    def educator_seat(self, milestone_id: str, person_id: str) -> Invitation | None:
        """The latest invitation of a district educator account to this milestone's panel."""
        row = self.session.execute(select(panel_invitations).where(
            panel_invitations.c.milestone_id == milestone_id, panel_invitations.c.person_id == person_id)
            .order_by(panel_invitations.c.expires_at.desc())).first()
        return _invitation(row) if row else None

    def panel(self, milestone_id: str) -> list[Invitation]:
        rows = self.session.execute(select(panel_invitations).where(panel_invitations.c.milestone_id == milestone_id)
                                    .order_by(panel_invitations.c.invited_at, panel_invitations.c.id))
        return [_invitation(r) for r in rows]

    def sheet(self, invitation_id: str) -> ScoreSheet | None:
        found = self._sheets(score_sheets.c.invitation_id == invitation_id)
        return found[0] if found else None

    def sheets(self, milestone_id: str) -> list[ScoreSheet]:
        return self._sheets(score_sheets.c.milestone_id == milestone_id)

    def _sheets(self, where) -> list[ScoreSheet]:
        rows = self.session.execute(select(score_sheets).where(where).order_by(score_sheets.c.scored_at)).all()
        scores = defaultdict(list)
        if rows:
            for r in self.session.execute(select(sheet_scores).where(
                    sheet_scores.c.invitation_id.in_([r.invitation_id for r in rows]))):
                scores[r.invitation_id].append(Score(r.criterion_code, r.level_rank))
        return [ScoreSheet(r.invitation_id, tuple(scores[r.invitation_id]), r.comment, _utc(r.scored_at))
                for r in rows]

    def put_sheet(self, milestone_id: str, sheet: ScoreSheet) -> None:
        """Store a panellist's sheet, replacing the one they filed before."""
        self.session.execute(delete(sheet_scores).where(sheet_scores.c.invitation_id == sheet.invitation_id))
        self.session.execute(delete(score_sheets).where(score_sheets.c.invitation_id == sheet.invitation_id))
        self.session.execute(insert(score_sheets).values(invitation_id=sheet.invitation_id, milestone_id=milestone_id,
                                                         comment=sheet.comment, scored_at=sheet.scored_at))
        self.session.execute(insert(sheet_scores), [
            {"invitation_id": sheet.invitation_id, "criterion_code": s.criterion_code, "level_rank": s.level_rank}
            for s in sheet.scores])


def _type(r) -> MilestoneType:
    return MilestoneType(r.id, r.code, r.name, r.rubric_id, tuple(g for g in r.grade_levels.split(",") if g))


def _invitation(r) -> Invitation:
    return Invitation(r.id, r.milestone_id, r.name, r.email, r.kind, r.person_id, _utc(r.invited_at),
                      _utc(r.expires_at))
