"""Finding a milestone and the viewer's standing towards it (roster relation; panel seat: a guest's invitation or
an invited educator account's; the access check), and the milestone as that viewer may see it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from chassis.roster_replica.owner import decide
from reflections.domain.access import TEACHER, Relation
from reflections.domain.assessment import Rubric
from reflections.domain.milestones import COMPLETED, Invitation, Milestone, MilestoneType, ScoreSheet, link_end
from reflections.domain.panel_access import (
    MilestoneAction,
    Seat,
    check_milestone,
    guest_invitation_id,
    is_audited,
    milestone_actions,
    sees_whole_panel,
)
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


@dataclass(frozen=True)
class MilestoneView:
    """A milestone as one viewer may see it: a panellist sees only their own seat and sheet, and no emails."""

    milestone: Milestone
    type: MilestoneType
    rubric: Rubric | None
    panellists: list[Invitation]
    sheets: list[ScoreSheet]
    whole_panel: bool
    can: frozenset[MilestoneAction] = frozenset()     # what the viewer may do with it (``viewer_can``)


@dataclass(frozen=True)
class Standing:
    milestone: Milestone
    roles: frozenset[str]
    seat: Invitation | None      # the viewer's live invitation to this milestone's panel, if any


def panel_seat(uow: ReflectionsUnitOfWork, viewer: Viewer, milestone_id: str) -> Invitation | None:
    """The viewer's invitation to this milestone's panel (expired or not), or None."""
    guest_of = guest_invitation_id(viewer)
    if guest_of is not None:
        invitation = uow.milestones.invitation(guest_of)
        return invitation if invitation is not None and invitation.milestone_id == milestone_id else None
    if TEACHER in viewer.roles:
        return uow.milestones.educator_seat(milestone_id, viewer.subject)
    return None


def relation_to(uow: ReflectionsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer,
                student_id: str) -> Relation:
    if guest_invitation_id(viewer) is not None:
        return Relation()
    return uow.replicas.relation(viewer.subject, student_id, calendar.today(), viewer.roles)


def check_towards(uow: ReflectionsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer, action: MilestoneAction,
                  student_id: str, seat: Seat | None = None) -> frozenset[str]:
    """check_milestone over the viewer's roster relation, the roster asked before a refusal for want of one (a
    relation it knows but the replica has not received yet is NotYetReplicated: chassis.roster_replica.owner)."""
    today, now = calendar.today(), calendar.clock()
    return decide(uow.roster, viewer, student_id, today, relation_to(uow, calendar, viewer, student_id),
                  lambda known: check_milestone(viewer, action, student_id, known, seat, now))


def standing(uow: ReflectionsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer, action: MilestoneAction,
             milestone_id: str, for_update: bool = False) -> Standing:
    """The milestone and the viewer's roles towards it; the same refusal when it does not exist."""
    milestone = uow.milestones.get(milestone_id, for_update=for_update)
    if milestone is None:
        check_milestone(viewer, action, None, Relation(), None, calendar.clock())
    seat = panel_seat(uow, viewer, milestone.id)
    roles = check_towards(uow, calendar, viewer, action, milestone.student_id,
                          Seat(seat.id, link_end(seat, milestone), milestone.status == COMPLETED) if seat else None)
    return Standing(milestone, roles, seat)


def audit(uow: ReflectionsUnitOfWork, viewer: Viewer, action: str, student_id: str, detail: dict) -> None:
    """Audit what anyone other than the student reads or changes (panel guests included)."""
    if is_audited(viewer, student_id):
        uow.audit(viewer, action, [student_id], detail)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def view_of(uow: ReflectionsUnitOfWork, found: Standing) -> MilestoneView:
    """The milestone (re-read) as the viewer of ``found`` may see it; evidence deleted since is left out."""
    return milestone_view(uow, uow.milestones.get(found.milestone.id), sees_whole_panel(found.roles), found.seat,
                          found.roles)


def milestone_view(uow: ReflectionsUnitOfWork, milestone: Milestone, whole_panel: bool,
                   seat: Invitation | None, roles: frozenset[str] = frozenset()) -> MilestoneView:
    """The milestone as a viewer holding ``roles`` towards it may see it, and what they may do with it."""
    kind = uow.milestones.type(milestone.type_id)
    live = tuple(a for a in milestone.evidence_artifact_ids if uow.replicas.owner_of(a) == milestone.student_id)
    panel, sheets = uow.milestones.panel(milestone.id), uow.milestones.sheets(milestone.id)
    if not whole_panel:
        mine = seat.id if seat else ""
        panel, sheets = [p for p in panel if p.id == mine], [s for s in sheets if s.invitation_id == mine]
    if milestone.status == COMPLETED:        # its links ended when it completed
        panel = [replace(p, expires_at=link_end(p, milestone), ended=True) for p in panel]
    return MilestoneView(replace(milestone, evidence_artifact_ids=live), kind, uow.catalog.rubric(kind.rubric_id),
                         panel, sheets, whole_panel, milestone_actions(roles, milestone.status != COMPLETED))
