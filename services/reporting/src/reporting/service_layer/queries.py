"""Report use cases: who may see what (domain.access over the people replica), the filter resolved and checked,
then the reports and the dashboard's headline figures, all suppressed by the service. Access is decided on every
call; what was computed for a resolved filter is kept while the read models are unchanged (service_layer.result_cache).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.access import Viewer
from chassis.errors import InvalidArgument
from reporting.adapters.reads import MemoReads, Scope
from reporting.domain.access import reach
from reporting.domain.report import Cell, Rule, Table
from reporting.domain.shares import share_figure
from reporting.service_layer.reports import GRADE_ORDER, REPORTS, Reports, grade_key
from reporting.service_layer.result_cache import ResultCache
from reporting.service_layer.unit_of_work import UowFactory


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    value: Cell


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    headlines: list[Headline]
    tables: list[Table]
    as_of: str
    rule: Rule


@dataclass(frozen=True)
class Options:
    school_years: list[tuple[str, str, bool]]        # id, title, current
    schools: list[tuple[str, str]]
    grades: list[str]
    skills: list[tuple[str, str, str, str]]          # id, name, colour, text colour
    fixed_school_id: str


class ReportQueries:
    def __init__(self, uows: UowFactory, rule: Rule, today=lambda: dt.date.today().isoformat(),
                 cache: ResultCache | None = None) -> None:
        self.uows, self.rule, self.today = uows, rule, today
        self.cache = cache or ResultCache()

    def _scope(self, viewer: Viewer | None, school_year_id: str, school_id: str, grade: str,
               skill_id: str, reads) -> Scope:
        viewer_reach = reach(viewer, reads.administered(viewer.subject) if viewer else frozenset())
        school_id = viewer_reach.narrow(school_id)
        years = reads.school_years()
        if school_year_id and school_year_id not in {y.school_year_id for y in years}:
            raise InvalidArgument(f"filter.school_year_id: unknown school year {school_year_id!r}")
        if school_id and school_id not in reads.schools():
            raise InvalidArgument(f"filter.school_id: unknown school {school_id!r}")
        if grade and grade not in GRADE_ORDER:
            raise InvalidArgument(f"filter.grade: {grade!r} is not a grade code (KG, 01 .. 12)")
        if skill_id and skill_id not in {s.skill_id for s in reads.skills()}:
            raise InvalidArgument(f"filter.skill_id: unknown skill {skill_id!r}")
        return Scope(school_year_id or self._current_year(years), school_id, grade, skill_id)

    def _current_year(self, years) -> str:
        today = self.today()
        current = [y.school_year_id for y in years if y.start_date <= today <= y.end_date]
        return current[0] if current else (years[-1].school_year_id if years else "")

    def report(self, viewer: Viewer | None, name: str, school_year_id: str = "", school_id: str = "",
               grade: str = "", skill_id: str = "") -> tuple[Scope, Table]:
        if name not in REPORTS:
            raise InvalidArgument(f"name: unknown report {name!r}; one of {', '.join(REPORTS)}")
        with self.uows() as uow:
            reads = MemoReads(uow.reads, self.cache)
            scope = self._scope(viewer, school_year_id, school_id, grade, skill_id, reads)
            return scope, self.cache.get(("report", name, scope), reads.state,
                                         lambda: REPORTS[name][1](Reports(reads, scope, self.rule)))

    def dashboard(self, viewer: Viewer | None, school_year_id: str = "", school_id: str = "", grade: str = "",
                  skill_id: str = "") -> Dashboard:
        with self.uows() as uow:
            reads = MemoReads(uow.reads, self.cache)
            scope = self._scope(viewer, school_year_id, school_id, grade, skill_id, reads)

            def compute() -> Dashboard:
                reports = Reports(reads, scope, self.rule)
                tables = [build(reports) for _, build in REPORTS.values()]
                return Dashboard(scope, self._headlines(reads, reports), tables, reports.as_of, self.rule)
            return self.cache.get(("dashboard", scope), reads.state, compute)

    def _headlines(self, reads, reports: Reports) -> list[Headline]:
        n, scope = self.rule.minimum, reports.scope
        responses = reads.responses(scope, reports.group)       # the reflections table's figures, summed
        artifacts = sum(v[0] for v in responses.values())
        enrolled = reads.enrolled(scope, None).get("", 0)
        with_evidence = reads.students_with_evidence(scope)
        return [
            Headline("artifacts", "Artifacts", _count(artifacts, n)),
            Headline("students", "Students enrolled", _count(enrolled, n)),
            Headline("students_with_evidence", "Students with evidence", _share(with_evidence, enrolled, n)),
            Headline("reflection_share", "Artifacts with a reflection",
                     _share(sum(v[1] for v in responses.values()), artifacts, n)),
            Headline("feedback_share", "Artifacts with teacher feedback",
                     _share(sum(v[2] for v in responses.values()), artifacts, n)),
        ]

    def options(self, viewer: Viewer | None) -> Options:
        with self.uows() as uow:
            reads = MemoReads(uow.reads, self.cache)
            viewer_reach = reach(viewer, reads.administered(viewer.subject) if viewer else frozenset())
            years = reads.school_years()
            current = self._current_year(years)
            schools = [(k, v) for k, v in reads.schools().items()
                       if viewer_reach.schools is None or k in viewer_reach.schools]
            fixed = next(iter(viewer_reach.schools)) if viewer_reach.schools and len(viewer_reach.schools) == 1 \
                else ""
            return Options([(y.school_year_id, y.title, y.school_year_id == current) for y in years], schools,
                           sorted(reads.grades(), key=grade_key),
                           [(s.skill_id, s.name, s.colour, s.text_colour) for s in reads.skills()], fixed)


def _count(value: int, minimum: int) -> Cell:
    if 0 < value < minimum:
        return Cell(display="*", suppressed=True, reason="small_cell")
    return Cell(count=value, display=str(value))


def _share(numerator: int, denominator: int, minimum: int) -> Cell:
    figure = share_figure(numerator, denominator, minimum)
    return Cell(share=figure.share, display=figure.display, suppressed=bool(figure.reason), reason=figure.reason)
