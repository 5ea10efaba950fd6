"""The report queries: aggregates over the facts for one filter (school year, school, grade, skill), grouped by one
dimension. Portable SQL (PostgreSQL, and SQLite for the embedded default)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from reporting.adapters import orm

A, C, P, L, N = orm.artifacts, orm.artifact_counts, orm.participation, orm.level_counts, orm.enrolment


@dataclass(frozen=True)
class Scope:
    """The filter a report covers (school "" = every school the viewer may see; grade/skill "" = all)."""

    school_year_id: str
    school_id: str = ""
    grade: str = ""
    skill_id: str = ""


def _where(table, scope: Scope, year: bool = True) -> list:
    out = [table.c.school_year_id == scope.school_year_id] if year else []
    if scope.school_id:
        out.append(table.c.school_id == scope.school_id)
    if scope.grade:
        out.append(table.c.grade_level == scope.grade)
    return out


def _level(table, scope: Scope, by: str | None = None) -> list:
    """A summary's rows at the filter's level: school and grade each the filter's value, else (for ``by``, the
    grouped column) every value, else ALL. So each figure is one row, never a sum over a level below."""
    out = [table.c.school_year_id == scope.school_year_id]
    for name, value in (("school_id", scope.school_id), ("grade_level", scope.grade)):
        out.append(table.c[name] == value if value else table.c[name] != orm.ALL if name == by
                   else table.c[name] == orm.ALL)
    return out


def _skill(table, scope: Scope):
    """A summary's rows for the skill filter ("" rows: every artifact once)."""
    return table.c.skill_id == scope.skill_id


GROUPS = {"school": "school_id", "grade": "grade_level", "kind": "kind"}


class ReportReads:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _rows(self, query) -> list:
        return list(self.session.execute(query))

    def artifact_counts(self, scope: Scope, group: str) -> dict[str, dict[str, int]]:
        """``{group key: {added_by_role: artifacts}}``; group "skill" counts skill tags (an artifact per skill).
        From the summary (orm.artifact_counts)."""
        if group == "skill":
            key, where = C.c.skill_id, [*_level(C, scope), C.c.skill_id != "",
                                        *([_skill(C, scope)] if scope.skill_id else [])]
        else:
            key, where = C.c[GROUPS[group]], [*_level(C, scope, GROUPS[group]), _skill(C, scope)]
        out: dict[str, dict[str, int]] = {}
        for row in self._rows(select(key.label("k"), C.c.added_by_role, func.sum(C.c.n)).where(*where)
                              .group_by(key, C.c.added_by_role).having(func.sum(C.c.n) > 0)):
            out.setdefault(row[0], {})[row[1]] = int(row[2])
        return out

    def enrolled(self, scope: Scope, group: str | None) -> dict[str, int]:
        """Distinct students enrolled per group ("" key when ungrouped): one summary row each (orm.enrolment)."""
        key = N.c[GROUPS[group]] if group else None
        columns = [key] if key is not None else []
        query = select(*columns, N.c.students).where(*_level(N, scope, GROUPS[group] if group else None))
        return {(row[0] if key is not None else ""): row[-1] for row in self._rows(query)}

    def participation(self, scope: Scope, group: str | None) -> dict[tuple[str, str], int]:
        """``{(group key, skill_id): students with at least one artifact tagged with the skill}``: one summary row
        each (orm.participation)."""
        key = P.c[GROUPS[group]] if group else None
        columns = [key] if key is not None else []
        query = select(*columns, P.c.skill_id, P.c.students).where(
            *_level(P, scope, GROUPS[group] if group else None), P.c.skill_id != "")
        return {((row[0], row[1]) if key is not None else ("", row[0])): row[-1] for row in self._rows(query)}

    def students_with_evidence(self, scope: Scope) -> int:
        return self.session.execute(select(func.sum(P.c.students)).where(
            *_level(P, scope), _skill(P, scope))).scalar() or 0

    def responses(self, scope: Scope, group: str) -> dict[str, tuple[int, int, int]]:
        """``{group key: (artifacts, with a reflection, with feedback)}``, from the summary (orm.artifact_counts)."""
        key = C.c[GROUPS[group]]
        query = select(key, func.sum(C.c.n), func.sum(C.c.reflected), func.sum(C.c.feedback)).where(
            *_level(C, scope, GROUPS[group]), _skill(C, scope)).group_by(key).having(func.sum(C.c.n) > 0)
        return {row[0]: (int(row[1]), int(row[2] or 0), int(row[3] or 0)) for row in self._rows(query)}

    def latest_levels(self, scope: Scope) -> dict[tuple[str, int], int]:
        """``{(skill_id, level rank): students whose latest teacher-assessed level in the year is that rank}``, from
        the summary (orm.level_counts: at the level where each student's latest assessment was made)."""
        query = select(L.c.skill_id, L.c.level_rank, L.c.students).where(
            *_level(L, scope), *([_skill(L, scope)] if scope.skill_id else []))
        return {(row[0], row[1]): int(row[2]) for row in self._rows(query)}

    def milestone_outcomes(self, scope: Scope) -> dict[tuple[str, str, str], int]:
        """``{(type code, grade, outcome): completed milestones}``."""
        M = orm.milestones
        query = select(M.c.type_code, M.c.grade_level, M.c.outcome, func.count()).where(*_where(M, scope)).group_by(
            M.c.type_code, M.c.grade_level, M.c.outcome)
        return {(row[0], row[1], row[2]): row[3] for row in self._rows(query)}

    def transfers(self, scope: Scope) -> dict[str, tuple[int, int]]:
        """``{receiving school: (students transferred in during the year, of whom with evidence added since)}``."""
        T = orm.transfers
        continued = exists().where(A.c.student_id == T.c.student_id, A.c.deleted.is_(False),
                                   A.c.added_at >= T.c.effective_date)
        where = [T.c.school_year_id == scope.school_year_id]
        if scope.school_id:
            where.append(T.c.to_school_id == scope.school_id)
        query = select(T.c.to_school_id, func.count(T.c.student_id.distinct()),
                       func.count(T.c.student_id.distinct()).filter(continued)).where(*where).group_by(T.c.to_school_id)
        return {row[0]: (row[1], row[2]) for row in self._rows(query)}

    # --- labels and options ---
    def schools(self) -> dict[str, str]:
        return {r.school_id: r.name for r in self._rows(select(orm.schools).order_by(orm.schools.c.name))}

    def school_years(self) -> list:
        return self._rows(select(orm.school_years).order_by(orm.school_years.c.start_date))

    def skills(self) -> list:
        return self._rows(select(orm.skills).where(orm.skills.c.active.is_(True)).order_by(orm.skills.c.code))

    def scale_levels(self, scale_id: str) -> list[tuple[int, str]]:
        raw = self.session.execute(select(orm.scales.c.levels).where(orm.scales.c.scale_id == scale_id)).scalar()
        return [tuple(level) for level in json.loads(raw)] if raw else []

    def milestone_types(self) -> dict[str, str]:
        return {r.code: r.name for r in self._rows(select(orm.milestone_types))}

    def grades(self) -> list[str]:
        return sorted(g for g in self.session.execute(select(N.c.grade_level).distinct()).scalars() if g and g != orm.ALL)

    def generation(self) -> tuple:
        """The read models' state: every source's newest event and change token (any applying commit renews one)."""
        F = orm.freshness
        return tuple(tuple(row) for row in self._rows(select(F.c.source, F.c.newest_event_at, F.c.changed)
                                                       .order_by(F.c.source)))

    def as_of(self) -> str:
        return self.session.execute(select(func.max(orm.freshness.c.newest_event_at))).scalar() or ""

    def administered(self, person_id: str) -> frozenset[str]:
        row = self.session.execute(select(orm.people).where(orm.people.c.person_id == person_id)).first()
        if row is None or not row.active or "school_admin" not in row.roles.split(",") or not row.primary_school_id:
            return frozenset()
        return frozenset({row.primary_school_id})


class MemoReads:
    """One use case's reads with each distinct call made once (the dashboard's reports share their lookups). With a
    ``shared`` cache (service_layer.result_cache), the lookups are also shared between calls while the read models
    of the sources they come from are unchanged (``generation``, read first: an artifact event does not renew the
    schools); the values are not to be modified."""

    SHARED = {"school_years": {"roster"}, "schools": {"roster"}, "grades": {"roster"}, "administered": {"roster"},
              "skills": {"skills"}, "scale_levels": {"skills"}, "milestone_types": {"reflections"}, "as_of": None}

    def __init__(self, reads: ReportReads, shared=None) -> None:
        self._reads, self._memo, self._shared = reads, {}, shared
        self.state = reads.generation() if shared is not None else None

    def _state_of(self, sources: set[str] | None) -> tuple:
        """The state of the read models fed by ``sources`` (None: all of them)."""
        return self.state if sources is None else tuple(row for row in self.state if row[0] in sources)

    def __getattr__(self, name: str):
        method = getattr(self._reads, name)

        def memoized(*args):
            key = (name, args)
            if key not in self._memo:
                self._memo[key] = self._shared.get(("reads", *key), self._state_of(self.SHARED[name]),
                                                   lambda: method(*args)) \
                    if self._shared is not None and name in self.SHARED else method(*args)
            return self._memo[key]
        return memoized
