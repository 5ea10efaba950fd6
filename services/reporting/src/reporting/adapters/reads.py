"""The report queries: aggregates over the facts for one filter (school year, school, grade, skill), grouped by one
dimension. Portable SQL (PostgreSQL, and SQLite for the embedded default)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from reporting.adapters import orm

A, S, Y = orm.artifacts, orm.artifact_skills, orm.student_years


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


def _artifact_where(scope: Scope) -> list:
    out = [*_where(A, scope), A.c.deleted.is_(False)]
    if scope.skill_id:
        out.append(exists().where(S.c.artifact_id == A.c.artifact_id, S.c.skill_id == scope.skill_id))
    return out


GROUPS = {"school": "school_id", "grade": "grade_level", "kind": "kind"}


class ReportReads:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _rows(self, query) -> list:
        return list(self.session.execute(query))

    def artifact_counts(self, scope: Scope, group: str) -> dict[str, dict[str, int]]:
        """``{group key: {added_by_role: artifacts}}``; group "skill" counts skill tags (an artifact per skill)."""
        if group == "skill":
            key = S.c.skill_id
            source = A.join(S, S.c.artifact_id == A.c.artifact_id)
            where = [*_where(A, scope), A.c.deleted.is_(False)] + ([S.c.skill_id == scope.skill_id]
                                                                   if scope.skill_id else [])
        else:
            key, source, where = A.c[GROUPS[group]], A, _artifact_where(scope)
        out: dict[str, dict[str, int]] = {}
        for row in self._rows(select(key.label("k"), A.c.added_by_role, func.count()).select_from(source)
                              .where(*where).group_by(key, A.c.added_by_role)):
            out.setdefault(row[0], {})[row[1]] = row[2]
        return out

    def enrolled(self, scope: Scope, group: str | None) -> dict[str, int]:
        """Distinct students enrolled per group ("" key when ungrouped)."""
        key = Y.c[GROUPS[group]] if group else None
        columns = [key.label("k")] if key is not None else []
        query = select(*columns, func.count(Y.c.student_id.distinct())).where(*_where(Y, scope))
        rows = self._rows(query.group_by(key) if key is not None else query)
        return {(row[0] if key is not None else ""): row[-1] for row in rows}

    def participation(self, scope: Scope, group: str | None) -> dict[tuple[str, str], int]:
        """``{(group key, skill_id): students with at least one artifact tagged with the skill}``."""
        key = A.c[GROUPS[group]] if group else None
        columns = [key] if key is not None else []
        query = (select(*columns, S.c.skill_id, func.count(A.c.student_id.distinct()))
                 .select_from(A.join(S, S.c.artifact_id == A.c.artifact_id))
                 .where(*_where(A, scope), A.c.deleted.is_(False))
                 .group_by(*columns, S.c.skill_id))
        return {((row[0], row[1]) if key is not None else ("", row[0])): row[-1] for row in self._rows(query)}

    def students_with_evidence(self, scope: Scope) -> int:
        return self.session.execute(select(func.count(A.c.student_id.distinct())).where(
            *_artifact_where(scope))).scalar() or 0

    def responses(self, scope: Scope, group: str) -> dict[str, tuple[int, int, int]]:
        """``{group key: (artifacts, with a reflection, with feedback)}`` (joins on artifact_responses' key: one row
        per artifact and kind at most, so the counts are per artifact)."""
        reflection, feedback = orm.artifact_responses.alias("reflection"), orm.artifact_responses.alias("feedback")
        source = A.outerjoin(reflection, (reflection.c.artifact_id == A.c.artifact_id) &
                             (reflection.c.kind == "reflection")).outerjoin(
            feedback, (feedback.c.artifact_id == A.c.artifact_id) & (feedback.c.kind == "feedback"))
        key = A.c[GROUPS[group]]
        query = select(key, func.count(), func.count(reflection.c.artifact_id), func.count(feedback.c.artifact_id)
                       ).select_from(source).where(*_artifact_where(scope)).group_by(key)
        return {row[0]: (row[1], int(row[2] or 0), int(row[3] or 0)) for row in self._rows(query)}

    def latest_levels(self, scope: Scope) -> dict[tuple[str, int], int]:
        """``{(skill_id, level rank): students whose latest teacher-assessed level in the year is that rank}``."""
        T = orm.assessments
        ranked = select(T.c.skill_id, T.c.level_rank, T.c.school_id, T.c.grade_level, func.row_number().over(
            partition_by=(T.c.student_id, T.c.skill_id),
            order_by=(T.c.assessed_at.desc(), T.c.assessment_id.desc())).label("n")).where(
            T.c.school_year_id == scope.school_year_id,
            *([T.c.skill_id == scope.skill_id] if scope.skill_id else [])).subquery()
        query = select(ranked.c.skill_id, ranked.c.level_rank, func.count()).where(
            ranked.c.n == 1, *_where(ranked, scope, year=False)).group_by(ranked.c.skill_id, ranked.c.level_rank)
        return {(row[0], row[1]): row[2] for row in self._rows(query)}

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
        return sorted({g for g in self.session.execute(select(Y.c.grade_level).distinct()).scalars() if g})

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
    ``shared`` cache (service_layer.result_cache), the small lookups are also shared between calls while the read
    models' state (``generation``, read first) is unchanged; the values are not to be modified."""

    SHARED = frozenset({"school_years", "schools", "skills", "grades", "scale_levels", "milestone_types", "as_of"})

    def __init__(self, reads: ReportReads, shared=None) -> None:
        self._reads, self._memo, self._shared = reads, {}, shared
        self.state = reads.generation() if shared is not None else None

    def __getattr__(self, name: str):
        method = getattr(self._reads, name)

        def memoized(*args):
            key = (name, args)
            if key not in self._memo:
                self._memo[key] = self._shared.get(("reads", *key), self.state, lambda: method(*args)) \
                    if self._shared is not None and name in self.SHARED else method(*args)
            return self._memo[key]
        return memoized
