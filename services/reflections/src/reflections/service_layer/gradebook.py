"""The gradebook use case in the reflections service: a section's latest assessed levels per student and skill up
to a term's end, for a teacher who CURRENTLY teaches the section (chassis.gradebook); audited for every student."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from chassis.gradebook import read_section, term_span
from reflections.adapters.gradebook_statements import GradebookReads, LatestLevel
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


@dataclass(frozen=True)
class LatestLevels:
    student_ids: list[str] = field(default_factory=list)
    levels: list[LatestLevel] = field(default_factory=list)


def sql_reads(uow: ReflectionsUnitOfWork) -> GradebookReads:
    return GradebookReads(uow.session)


class GradebookQueries:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar,
                 reads_of: Callable[[ReflectionsUnitOfWork], GradebookReads] = sql_reads) -> None:
        self.uow_factory, self.calendar, self.reads_of = uow_factory, calendar, reads_of

    def latest_levels(self, viewer: Viewer, section_id: str, from_date: str, to_date: str) -> LatestLevels:
        span = term_span(from_date, to_date, self.calendar.zone)
        with self.uow_factory() as uow:
            reads = self.reads_of(uow)
            students, found = read_section(uow, reads, viewer, section_id, self.calendar.today(),
                                           lambda ids: reads.latest_levels(ids, span), "GetLatestLevels",
                                           {"section_id": section_id, "from_date": from_date, "to_date": to_date})
        return LatestLevels(students, found)
