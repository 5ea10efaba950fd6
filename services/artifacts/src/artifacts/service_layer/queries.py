"""Artifact read use cases: one artifact with its versions, and a student's portfolio filtered and paged.

A refusal for want of a relation the roster replica may not have received yet asks the roster first (a retryable
NotYetReplicated when it knows one). Reads by anyone other than the student are audited in the same transaction as the read. Ready media come with
short-lived presigned URLs (thumbnail, media, per-version downloads), signed offline.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import (
    DENIED,
    PANEL_GUEST,
    TEACHER,
    Action,
    Viewer,
    ViewerCan,
    check,
    guest_invitation_id,
    is_allowed,
    is_audited,
    viewer_can,
)
from artifacts.domain.model import Artifact, Kind
from artifacts.service_layer.media import Media
from artifacts.service_layer.unit_of_work import UowFactory
from chassis.calendar import DistrictCalendar
from chassis.errors import FieldProblem, InvalidArgument, PermissionDenied
from chassis.paging import PageRequest, encode_token, query_fingerprint
from chassis.roster_replica.owner import decide


@dataclass(frozen=True)
class Page:
    items: list[Artifact] = field(default_factory=list)
    next_page_token: str = ""
    viewer_can: ViewerCan = ViewerCan()


class ArtifactQueries:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def get(self, viewer: Viewer, artifact_id: str) -> Artifact:
        with self.uow_factory() as uow:
            artifact = uow.artifacts.get(artifact_id)
            if artifact is None:
                raise PermissionDenied(DENIED)
            today = self.calendar.today()
            relation = uow.replicas.relation(viewer.subject, artifact.student_id, today, viewer.roles)
            panel_seat = self._panel_seat(uow, viewer, artifact, relation)
            decide(uow.roster, viewer, artifact.student_id, today, replace(relation, panel_reader=bool(panel_seat)),
                   lambda known: check(viewer, Action.VIEW, artifact.student_id, known))
            artifact.viewer_can = viewer_can(viewer, artifact.student_id, relation, artifact.added_by,
                                             read_only=artifact.origin is not None)
            artifact.versions = uow.artifacts.versions(artifact_id)
            artifact.media = next((v.stored for v in artifact.versions if v.number == artifact.current_version),
                                  None)
            if is_audited(viewer, artifact.student_id):
                uow.audit(viewer, "GetArtifact", [artifact.student_id],
                          {"artifact_id": artifact_id, **({"invitation_id": panel_seat} if panel_seat else {})})
                uow.commit()
        return self.media.with_urls(artifact)

    def _panel_seat(self, uow, viewer: Viewer, artifact: Artifact, relation) -> str:
        """The milestone panel invitation through which the viewer reads this artifact ("" when they need none or
        have none): a panel guest, or an invited educator who does not otherwise see the student."""
        if not viewer.roles & {PANEL_GUEST, TEACHER} or is_allowed(viewer, Action.VIEW, artifact.student_id,
                                                                   relation):
            return ""
        return uow.panels.grant(artifact.id, artifact.student_id, invitation_id=guest_invitation_id(viewer) or "",
                                person_id="" if guest_invitation_id(viewer) else viewer.subject,
                                now=self.calendar.clock()) or ""

    def portfolio(self, viewer: Viewer, f: PortfolioFilter, page_size: int = 0, page_token: str = "",
                  viewer_can_only: bool = False) -> Page:
        """One page of the portfolio and what the viewer may do with it (``viewer_can_only``: no artifacts)."""
        problems = [] if f.student_id else [FieldProblem("student_id", "required")]
        if f.kind and f.kind not in {k.value for k in Kind}:
            problems.append(FieldProblem("kind", f"{f.kind!r} is not one of {', '.join(k.value for k in Kind)}"))
        if len(f.title_query) > 200:
            problems.append(FieldProblem("title_query", "at most 200 characters"))
        if problems:
            raise InvalidArgument("not a valid portfolio query", problems)
        fingerprint = query_fingerprint("portfolio", f.student_id, f.title_query, sorted(f.skill_ids),
                                        f.school_year_id, f.kind, f.added_by)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.uow_factory() as uow:
            today = self.calendar.today()
            relation = uow.replicas.relation(viewer.subject, f.student_id, today, viewer.roles)
            decide(uow.roster, viewer, f.student_id, today, relation,
                   lambda known: check(viewer, Action.VIEW, f.student_id, known))
            can = viewer_can(viewer, f.student_id, relation)
            if viewer_can_only:
                return Page(viewer_can=can)
            items = uow.artifacts.portfolio(f, page.size + 1, page.after)      # with the current versions' media
            more, items = len(items) > page.size, items[:page.size]
            if is_audited(viewer, f.student_id):
                uow.audit(viewer, "ListPortfolio", [f.student_id],
                          {"artifact_ids": [a.id for a in items], "title_query": f.title_query,
                           "skill_ids": list(f.skill_ids), "school_year_id": f.school_year_id, "kind": f.kind})
                uow.commit()
        token = encode_token((items[-1].created_at.isoformat(), items[-1].id), fingerprint) if more else ""
        return Page(items=[self.media.with_urls(a) for a in items], next_page_token=token, viewer_can=can)
