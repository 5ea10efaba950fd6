"""Milestone use cases of the panel and the readers: redeem a guest link (public: the token is the credential),
score a milestone (one sheet per panellist; re-scoring replaces it), and read one milestone or a student's list.
A panellist sees the evidence, the rubric and only their own seat and sheet; the student, their current teachers
and guardians see the whole panel. Every read and change by anyone but the student is audited."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, NotFound
from reflections.domain import milestones as rules
from reflections.domain.assessment import Rubric
from reflections.domain.milestone_events import MilestoneScored
from reflections.domain.milestones import COMPLETED, COMPLETED_LINK, Invitation, Score, ScoreSheet
from reflections.domain.panel_access import GUEST_PREFIX, PANEL_GUEST, MilestoneAction, milestone_actions
from reflections.service_layer.milestone_standing import (
    MilestoneView,
    audit,
    check_towards,
    milestone_view,
    standing,
    token_hash,
    view_of,
)
from reflections.service_layer.unit_of_work import UowFactory

INVALID_LINK = "this panel link is not valid"


@dataclass(frozen=True)
class StudentMilestones:
    """A student's milestones, latest first, and what the viewer may do with them as a whole (create)."""

    milestones: list[MilestoneView]
    can: frozenset[MilestoneAction]


@dataclass(frozen=True)
class FiledSheet:
    """A panellist's sheet as filed, with their seat and the rubric it was checked against."""

    sheet: ScoreSheet
    panellist: Invitation
    rubric: Rubric


class PanelUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def redeem(self, token: str) -> Invitation:
        """The invitation a guest link stands for; NotFound for an unknown token, Conflict once it expired or its
        milestone completed."""
        if not token.strip():
            raise NotFound(INVALID_LINK)
        with self.uow_factory() as uow:
            invitation = uow.milestones.invitation_by_token(token_hash(token.strip()))
            if invitation is None:
                raise NotFound(INVALID_LINK)
            if invitation.expired(self.calendar.clock()):
                raise Conflict(rules.expired_message(invitation.expires_at))
            milestone = uow.milestones.get(invitation.milestone_id)
            if milestone.status == COMPLETED:
                raise Conflict(COMPLETED_LINK)
            audit(uow, Viewer.of(f"{GUEST_PREFIX}{invitation.id}", [PANEL_GUEST]), "RedeemInvitation",
                  milestone.student_id, {"milestone_id": milestone.id, "invitation_id": invitation.id})
            uow.commit()
        return invitation

    def score(self, viewer: Viewer, milestone_id: str, scores: list[Score], comment: str) -> FiledSheet:
        with self.uow_factory() as uow:
            found = standing(uow, self.calendar, viewer, MilestoneAction.SCORE, milestone_id, for_update=True)
            milestone, seat = found.milestone, found.seat
            if milestone.status == COMPLETED:
                raise Conflict(f"milestone_id: this milestone is completed (outcome {milestone.outcome}); its scores "
                               "are final", [FieldProblem("milestone_id", "is completed")])
            rubric = uow.catalog.rubric(uow.milestones.type(milestone.type_id).rubric_id)
            if rubric is None or not rubric.scale.levels:
                raise Conflict("the milestone's rubric or its scale is not known yet; try again shortly")
            rules.validate_sheet(rubric, scores, comment)
            previous = uow.milestones.sheet(seat.id)
            sheet = ScoreSheet(seat.id, tuple(scores), comment.strip(), self.calendar.clock())
            uow.milestones.put_sheet(milestone_id, sheet)
            audit(uow, viewer, "ScoreMilestone", milestone.student_id, {
                "milestone_id": milestone_id, "invitation_id": seat.id,
                "scores": {s.criterion_code: s.level_rank for s in scores},
                "replaced": {s.criterion_code: s.level_rank for s in previous.scores} if previous else None})
            uow.raise_event(MilestoneScored(milestone_id, milestone.student_id, seat.id, seat.kind))
            uow.commit()
        return FiledSheet(sheet, seat, rubric)

    def get(self, viewer: Viewer, milestone_id: str) -> MilestoneView:
        with self.uow_factory() as uow:
            found = standing(uow, self.calendar, viewer, MilestoneAction.READ, milestone_id)
            view = view_of(uow, found)
            audit(uow, viewer, "GetMilestone", found.milestone.student_id, {"milestone_id": milestone_id})
            uow.commit()
        return view

    def of_student(self, viewer: Viewer, student_id: str) -> StudentMilestones:
        with self.uow_factory() as uow:
            roles = check_towards(uow, self.calendar, viewer, MilestoneAction.LIST, student_id)
            views = [milestone_view(uow, m, True, None, roles) for m in uow.milestones.of_student(student_id)]
            audit(uow, viewer, "ListMilestones", student_id, {"milestones": len(views)})
            uow.commit()
        return StudentMilestones(views, milestone_actions(roles, planned=True))
