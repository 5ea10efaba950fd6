"""The gradebook use case in the artifacts service: a section's evidence counts per student and skill in a term,
for a teacher who CURRENTLY teaches the section (chassis.gradebook); the read is audited for every student."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from artifacts.adapters.gradebook_statements import EvidenceCell, GradebookReads
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from chassis.gradebook import read_section, term_span


@dataclass(frozen=True)
class EvidenceCounts:
    student_ids: list[str] = field(default_factory=list)
    cells: list[EvidenceCell] = field(default_factory=list)


def sql_reads(uow: ArtifactsUnitOfWork) -> GradebookReads:
    return GradebookReads(uow.session)


class GradebookQueries:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar,
                 reads_of: Callable[[ArtifactsUnitOfWork], GradebookReads] = sql_reads) -> None:
        self.uow_factory, self.calendar, self.reads_of = uow_factory, calendar, reads_of

    def evidence_counts(self, viewer: Viewer, section_id: str, from_date: str, to_date: str) -> EvidenceCounts:
        span = term_span(from_date, to_date, self.calendar.zone)
        with self.uow_factory() as uow:
            reads = self.reads_of(uow)
            students, found = read_section(uow, reads, viewer, section_id, self.calendar.today(),
                                           lambda ids: reads.evidence(ids, span), "GetEvidenceCounts",
                                           {"section_id": section_id, "from_date": from_date, "to_date": to_date})
        return EvidenceCounts(students, found)
