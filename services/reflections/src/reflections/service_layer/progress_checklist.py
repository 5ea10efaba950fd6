"""The district's terms for points of progress (a district admin sets each term's due date; anyone signed in reads
them) and a section's checklist for a term: which of its students are done, missing or overdue, and which earlier
terms still miss someone. The checklist discloses students' records, so it is audited. A section the roster
replica has not received yet is a retryable condition for a teacher, not a refusal."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.calendar import DistrictCalendar
from chassis.errors import NotYetReplicated
from chassis.roster_replica.standing import in_span
from reflections.domain import progress as rules
from reflections.domain.progress import Term
from reflections.domain.progress_access import TEACHER, Viewer, check_section, check_terms, may_configure_terms
from reflections.service_layer.progress import PointsOfProgress, PointView, problem, teaches_section
from reflections.service_layer.unit_of_work import UowFactory

RETRY_S = 1          # a roster section event usually reaches this replica in well under a second


@dataclass(frozen=True)
class Row:
    student_id: str
    student_name: str
    status: str                     # done | missing | overdue
    point: PointView | None = None


@dataclass(frozen=True)
class Checklist:
    section_id: str
    school_year_id: str
    term: Term | None
    terms: list[Term]
    rows: list[Row]
    overdue: list[tuple[Term, list[str]]]       # earlier terms past due, with the students still missing

    @property
    def done_count(self) -> int:
        return sum(1 for r in self.rows if r.status == rules.DONE)


class ProgressTerms:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, points: PointsOfProgress) -> None:
        self.uow_factory, self.calendar, self.points = uow_factory, calendar, points

    def set_term(self, viewer: Viewer, school_year_id: str, name: str, due_on: str) -> Term:
        check_terms(viewer)
        with self.uow_factory() as uow:
            day = rules.validate_term(school_year_id, name, due_on,
                                      uow.progress.school_year_span(school_year_id.strip()))
            term = uow.progress.put_term(school_year_id.strip(), name.strip(), day, viewer.subject,
                                         self.calendar.clock())
            uow.commit()
        return term

    def terms(self, viewer: Viewer, school_year_id: str = "") -> tuple[list[Term], bool]:
        with self.uow_factory() as uow:
            return uow.progress.terms(school_year_id.strip()), may_configure_terms(viewer)

    def checklist(self, viewer: Viewer, section_id: str, term_id: str = "") -> Checklist:
        today = self.calendar.today()
        with self.uow_factory() as uow:
            known = uow.progress.section_year(section_id)
            teaches = teaches_section(uow, viewer.subject, section_id, today)
            if known is None and not teaches and TEACHER in viewer.roles and not viewer.is_admin:
                raise NotYetReplicated(f"this section has not reached this service yet; retry in {RETRY_S} s", RETRY_S)
            check_section(viewer, teaches)
            year = known or ""
            terms = uow.progress.terms(year) if year else []
            term = next((t for t in terms if t.id == term_id), None) if term_id else rules.current_term(terms, today)
            if term_id and term is None:
                raise problem("term_id", f"{term_id!r} is not a term of this section's school year")
            students = sorted({s for s, span in uow.progress.section_students(section_id) if in_span(span, today)})
            names = uow.replicas.names(students)
            students.sort(key=lambda s: (names.get(s, s).lower(), s))
            points = uow.progress.of_section(section_id, [t.id for t in terms])
            done = {(p.term_id, p.student_id): p for p in points}
            views = {(v.point.term_id, v.point.student_id): v
                     for v in self.points.views(uow, viewer, [p for p in points if term and p.term_id == term.id],
                                                may_edit=True)}
            rows = [Row(s, names.get(s, ""), rules.status_of((term.id, s) in done, term, today),
                        views.get((term.id, s))) for s in students] if term else []
            overdue = [(t, missing) for t in terms if t is not term and t.due_on < today
                       for missing in [[s for s in students if (t.id, s) not in done]] if missing]
            if students:
                uow.audit(viewer, "GetProgressChecklist", students, {"section_id": section_id,
                                                                     "term_id": term.id if term else ""})
            uow.commit()
        return Checklist(section_id, year, term, terms, rows, overdue)
