"""The artifacts' part of a student's passport (the per-student export): every live artifact with all its versions
and short-lived download URLs of their checked media, streamed in small batches (memory stays flat however large the
portfolio), for the student, their guardian, or a privacy officer with a stated reason. Every export is audited,
the student's own included, before the first artifact leaves."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import Action, Viewer, check
from artifacts.domain.model import Artifact
from artifacts.service_layer.media import Media
from artifacts.service_layer.unit_of_work import UowFactory
from chassis.calendar import DistrictCalendar
from chassis.errors import FieldProblem, InvalidArgument
from chassis.records_request import export_detail, stated_reason
from chassis.roster_replica.owner import decide

BATCH = 20        # artifacts per read: each batch's URLs are presigned just before the gateway fetches them


@dataclass(frozen=True)
class ExportSummary:
    artifact_count: int
    media_bytes: int


class PassportExport:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def start(self, viewer: Viewer, student_id: str, reason: str = "") -> ExportSummary:
        """Check the viewer may export the student's passport, audit the export, and say how large it is."""
        if not student_id:
            raise InvalidArgument("student_id: required", [FieldProblem("student_id", "required")])
        with self.uow_factory() as uow:
            today = self.calendar.today()
            relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
            role = decide(uow.roster, viewer, student_id, today, relation,
                          lambda known: check(viewer, Action.EXPORT, student_id, known))
            reason = stated_reason(role, reason)
            count, media_bytes = uow.artifacts.export_summary(student_id)
            uow.audit(viewer, "ExportPortfolio", [student_id],
                      export_detail(role, reason, artifact_count=count, media_bytes=media_bytes))
            uow.commit()
        return ExportSummary(count, media_bytes)

    def artifacts(self, student_id: str) -> Iterator[Artifact]:
        """Every live artifact of the student (after :meth:`start`), newest first, with versions and download URLs."""
        after: tuple | None = None
        while True:
            with self.uow_factory() as uow:
                batch = uow.artifacts.portfolio(PortfolioFilter(student_id=student_id), BATCH, after)
                versions = uow.artifacts.versions_of([artifact.id for artifact in batch])
                for artifact in batch:
                    artifact.versions = versions[artifact.id]
            for artifact in batch:
                yield self.media.with_urls(artifact)
            if len(batch) < BATCH:
                return
            after = (batch[-1].created_at.isoformat(), batch[-1].id)
