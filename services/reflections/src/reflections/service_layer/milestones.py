"""Milestone use cases run by the district and the student's teacher and student: define and list milestone types,
create a milestone, select its evidence, invite panellists (a one-time guest token; only its hash is stored) and
record the outcome. Each change raises its event and audits non-student actors in the same transaction."""
from __future__ import annotations

import datetime as dt
import secrets
import uuid

from chassis.calendar import DistrictCalendar
from chassis.errors import AlreadyExists, Conflict, FieldProblem, InvalidArgument, PermissionDenied
from reflections.domain import milestones as rules
from reflections.domain.assessment import Rubric
from reflections.domain.milestone_events import (
    MilestoneCompleted,
    MilestoneCreated,
    MilestoneEvidenceSelected,
    MilestoneTypeDefined,
    PanellistInvited,
)
from reflections.domain.milestones import COMPLETED, Invitation, Milestone, MilestoneType
from reflections.domain.panel_access import MilestoneAction, Viewer, may_define_types
from reflections.service_layer.credential_issuer import District, award_for_milestone
from reflections.service_layer.goals import own_live_artifacts
from reflections.service_layer.milestone_standing import (
    MilestoneView,
    audit,
    check_towards,
    milestone_view,
    standing,
    token_hash,
    view_of,
)
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def still_planned(milestone: Milestone) -> None:
    if milestone.status == COMPLETED:
        raise Conflict(f"milestone_id: this milestone is completed (outcome {milestone.outcome}); it can no longer "
                       "change", [FieldProblem("milestone_id", "is completed")])


class MilestoneUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, panel_link_days: int = 14,
                 district: District | None = None) -> None:
        self.uow_factory, self.calendar, self.panel_link_days = uow_factory, calendar, panel_link_days
        self.district = district      # issues the type's badges on completion (None: no badges, e.g. unit tests)

    def define_type(self, viewer: Viewer, code: str, name: str, rubric_id: str,
                    grade_levels: list[str]) -> tuple[MilestoneType, Rubric | None]:
        if not may_define_types(viewer):
            raise PermissionDenied("only a district admin defines milestone types")
        rules.validate_type(code, name, rubric_id, grade_levels)
        kind = MilestoneType(str(uuid.uuid4()), code, name.strip(), rubric_id,
                             tuple(dict.fromkeys(g.strip() for g in grade_levels)))
        with self.uow_factory() as uow:
            if not uow.catalog.knows_rubric(rubric_id):
                raise InvalidArgument(f"rubric_id: no rubric {rubric_id!r} is known from the skills service",
                                      [FieldProblem("rubric_id", f"{rubric_id!r} is not a rubric of the district")])
            if uow.milestones.type_by_code(code) is not None:
                raise AlreadyExists(f"code: a milestone type {code!r} exists already",
                                    [FieldProblem("code", "is taken")])
            uow.milestones.add_type(kind, viewer.subject, self.calendar.clock())
            uow.raise_event(MilestoneTypeDefined(kind.id, code, kind.name, rubric_id, list(kind.grade_levels)))
            defined = kind, uow.catalog.rubric(rubric_id)
            uow.keep_result(defined)
            uow.commit()
            return defined

    def create(self, viewer: Viewer, student_id: str, type_id: str, title: str, scheduled_on: str) -> MilestoneView:
        rules.validate_milestone(title, scheduled_on)
        with self.uow_factory() as uow:
            roles = check_towards(uow, self.calendar, viewer, MilestoneAction.CREATE, student_id)
            kind = uow.milestones.type(type_id)
            if kind is None:
                raise InvalidArgument(f"type_id: no milestone type {type_id!r}",
                                      [FieldProblem("type_id", "is not a milestone type of the district")])
            person = uow.replicas.person(student_id)
            grade = person.grade_level if person else ""
            if kind.grade_levels and grade and grade not in kind.grade_levels:
                raise InvalidArgument(f"type_id: {kind.name} is for grades {', '.join(kind.grade_levels)}; the "
                                      f"student is in grade {grade}",
                                      [FieldProblem("type_id", f"is not for grade {grade}")])
            milestone = Milestone(str(uuid.uuid4()), student_id, type_id, title.strip(), scheduled_on,
                                  viewer.subject, self.calendar.clock())
            uow.milestones.add(milestone)
            audit(uow, viewer, "CreateMilestone", student_id, {"milestone_id": milestone.id})
            uow.raise_event(MilestoneCreated(milestone.id, student_id, type_id, kind.code, scheduled_on,
                                             viewer.subject))
            view = milestone_view(uow, milestone, True, None, roles)
            uow.keep_result(view)
            uow.commit()
            return view

    def select_evidence(self, viewer: Viewer, milestone_id: str, artifact_ids: list[str]) -> MilestoneView:
        rules.validate_selection(artifact_ids)
        selection = list(dict.fromkeys(artifact_ids))
        with self.uow_factory() as uow:
            found = standing(uow, self.calendar, viewer, MilestoneAction.SELECT_EVIDENCE, milestone_id,
                             for_update=True)
            milestone = found.milestone
            still_planned(milestone)
            own_live_artifacts(uow, self.calendar.clock(), milestone.student_id, selection)
            uow.milestones.select_evidence(milestone_id, selection)
            uow.raise_event(MilestoneEvidenceSelected(milestone_id, milestone.student_id, selection))
            uow.commit()
            return view_of(uow, found)

    def invite(self, viewer: Viewer, milestone_id: str, name: str, email: str, kind: str, person_id: str = "",
               valid_days: int = 0) -> tuple[Invitation, str]:
        """The invitation and its guest token (shown once; only the SHA-256 hash is stored)."""
        rules.validate_invitation(name, email, kind, person_id, valid_days)
        with self.uow_factory() as uow:
            milestone = standing(uow, self.calendar, viewer, MilestoneAction.INVITE, milestone_id,
                                 for_update=True).milestone
            still_planned(milestone)
            if person_id:
                self._educator(uow, person_id)
            now, token = self.calendar.clock(), secrets.token_urlsafe(32)
            invitation = Invitation(str(uuid.uuid4()), milestone_id, name.strip(), email.strip(), kind, person_id,
                                    now, now + dt.timedelta(days=valid_days or self.panel_link_days))
            uow.milestones.add_invitation(invitation, token_hash(token), viewer.subject)
            audit(uow, viewer, "InvitePanellist", milestone.student_id,
                  {"milestone_id": milestone_id, "invitation_id": invitation.id, "kind": kind})
            uow.raise_event(PanellistInvited(invitation.id, milestone_id, milestone.student_id, kind, person_id,
                                             _iso(invitation.expires_at), viewer.subject))
            uow.commit()
        return invitation, token

    @staticmethod
    def _educator(uow: ReflectionsUnitOfWork, person_id: str) -> None:
        person = uow.replicas.person(person_id)
        if person is None or not person.active or "teacher" not in person.roles.split(","):
            raise InvalidArgument(f"person_id: {person_id!r} is not a district educator account",
                                  [FieldProblem("person_id", "is not a district educator account")])

    def record_outcome(self, viewer: Viewer, milestone_id: str, outcome: str) -> MilestoneView:
        rules.validate_outcome(outcome)
        with self.uow_factory() as uow:
            found = standing(uow, self.calendar, viewer, MilestoneAction.RECORD_OUTCOME, milestone_id,
                             for_update=True)
            milestone = found.milestone
            still_planned(milestone)
            now = self.calendar.clock()
            uow.milestones.complete(milestone_id, outcome, viewer.subject, now)
            person = uow.replicas.person(milestone.student_id)
            kind = uow.milestones.type(milestone.type_id)
            audit(uow, viewer, "RecordOutcome", milestone.student_id,
                  {"milestone_id": milestone_id, "outcome": outcome})
            uow.raise_event(MilestoneCompleted(milestone_id, milestone.student_id,
                                               person.primary_school_id if person else "",
                                               person.grade_level if person else "", kind.code, outcome,
                                               viewer.subject))
            evidence = [a for a in milestone.evidence_artifact_ids if uow.replicas.owner_of(a) == milestone.student_id]
            award_for_milestone(uow, self.district, viewer, milestone, outcome, evidence, now)
            uow.commit()
            return view_of(uow, found)

    def types(self, viewer: Viewer) -> list[tuple[MilestoneType, Rubric | None]]:
        """Every milestone type with its rubric (criteria and scale levels) as far as the catalog replica knows it."""
        with self.uow_factory() as uow:
            return [(kind, uow.catalog.rubric(kind.rubric_id)) for kind in uow.milestones.types()]
