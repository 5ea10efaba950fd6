"""What a viewer may do with a showcase (the roster replica, the milestone panel replica, the table in
domain/showcases.py), refusals asking the roster first; the showcase's live items with their signed media URLs; and
the audit of every read or change by anyone but the student."""
from __future__ import annotations

from dataclasses import replace

from artifacts.domain.access import (
    DENIED,
    PANEL_GUEST,
    TEACHER,
    Role,
    Viewer,
    guest_invitation_id,
    is_audited,
    role_of,
)
from artifacts.domain.model import Artifact
from artifacts.domain.showcases import Showcase, ShowcaseAction, ShowcaseFields, actions
from artifacts.service_layer.media import Media
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork
from chassis.calendar import DistrictCalendar
from chassis.errors import PermissionDenied
from chassis.roster_replica.owner import decide


def allowed(uow: ArtifactsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer, student_id: str,
            action: ShowcaseAction, fields: ShowcaseFields | None = None) -> frozenset[ShowcaseAction]:
    """Every action the viewer may take on this showcase (``fields``; None: the student's showcases as a whole);
    PermissionDenied (one message, whether it exists or not) unless ``action`` is one of them."""
    today = calendar.today()
    relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
    if fields is not None and fields.milestone_id and viewer.roles & {PANEL_GUEST, TEACHER} \
            and role_of(viewer, student_id, relation) in (None, Role.PRIVACY_OFFICER):   # no standing but a seat
        invitation = guest_invitation_id(viewer) or ""
        seat = uow.showcases.panel_seat(fields.milestone_id, student_id, invitation,
                                        "" if invitation else viewer.subject, calendar.clock())
        relation = replace(relation, panel_reader=bool(seat))

    def rule(known) -> frozenset[ShowcaseAction]:
        can = actions(viewer, student_id, known, fields)
        if action not in can:
            raise PermissionDenied(DENIED)
        return can
    return decide(uow.roster, viewer, student_id, today, relation, rule)


def found(uow: ArtifactsUnitOfWork, showcase_id: str, for_update: bool = False) -> Showcase:
    showcase = uow.showcases.get(showcase_id, for_update=for_update)
    if showcase is None:
        raise PermissionDenied(DENIED)
    return showcase


def items(uow: ArtifactsUnitOfWork, media: Media, showcase: Showcase, with_urls: bool = True) -> list[Artifact]:
    """The showcase's live artifacts in its order (deleted ones drop out), with signed media URLs when asked."""
    out = []
    for artifact_id in uow.showcases.live_item_ids(showcase.id):
        artifact = uow.artifacts.get(artifact_id)
        if artifact is None or artifact.student_id != showcase.student_id:
            continue
        if with_urls:
            artifact.versions = uow.artifacts.versions(artifact_id)
            artifact.media = next((v.stored for v in artifact.versions if v.number == artifact.current_version),
                                  None)
            media.with_urls(artifact)
        out.append(artifact)
    showcase.fields = replace(showcase.fields, artifact_ids=tuple(a.id for a in out))
    return out


def audit(uow: ArtifactsUnitOfWork, viewer: Viewer, action: str, showcase: Showcase, detail: dict | None = None) -> None:
    if is_audited(viewer, showcase.student_id):
        uow.audit(viewer, action, [showcase.student_id], {"showcase_id": showcase.id, **(detail or {})})
