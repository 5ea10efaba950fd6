"""The reports: each reads aggregates for the viewer's filter and returns one suppressed Table (domain.report).

Rows drill down district -> school -> grade: without a school the rows are schools, with a school they are grades.
"""
from __future__ import annotations

from collections.abc import Callable

from reporting.adapters.reads import Scope
from reporting.domain.report import Column, RowSpec, Rule, Table, build_table

ROLES = (("student", "Added by students"), ("teacher", "Added by teachers"))
OUTCOMES = (("NOT_YET", "Not Yet"), ("APPROACHING", "Approaching"), ("READY", "Ready"), ("EXCELLING", "Excelling"))
KINDS = ("document", "image", "link", "audio", "video", "other")
GRADE_ORDER = ["IT", "PR", "PK", "TK", "KG", *(f"{n:02d}" for n in range(1, 14)), "PS", "UG", "Other"]


def grade_key(grade: str) -> tuple[int, str]:
    return (GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER), grade)


def grade_label(grade: str) -> str:
    return {"KG": "Kindergarten", "": "Unknown grade"}.get(grade, f"Grade {grade.lstrip('0') or grade}")


class Reports:
    """Builds each report over one unit's reads for a resolved scope and the configured rule."""

    def __init__(self, reads, scope: Scope, rule: Rule) -> None:
        self.reads, self.scope, self.rule = reads, scope, rule
        self.as_of = reads.as_of()
        self.school_names = reads.schools()

    # --- row dimensions ---
    @property
    def group(self) -> str:
        return "grade" if self.scope.school_id else "school"

    def _groups(self, keys) -> list[tuple[str, str, dict | None]]:
        """(key, label, drill filter) per row of the current dimension, in order."""
        s = self.scope
        if self.group == "school":
            ordered = sorted(set(keys), key=lambda k: (self.school_names.get(k, k), k))
            return [(k, self.school_names.get(k, k or "Unknown school"),
                     {"school_year_id": s.school_year_id, "school_id": k, "skill_id": s.skill_id}) for k in ordered]
        return [(k, grade_label(k), {"school_year_id": s.school_year_id, "school_id": s.school_id, "grade": k,
                                     "skill_id": s.skill_id} if k else None)
                for k in sorted(set(keys), key=grade_key)]

    def _build(self, name: str, title: str, label: str, counts: list[Column], shares: list[Column],
               specs: list[RowSpec], row_total: Column | None = None) -> Table:
        return build_table(name, title, label, counts, shares, specs, self.rule, self.as_of, row_total)

    # --- the reports ---
    def artifacts_by_skill(self) -> Table:
        data = self.reads.artifact_counts(self.scope, "skill")
        specs = [RowSpec(r.skill_id, r.name, [data.get(r.skill_id, {}).get(role, 0) for role, _ in ROLES],
                         colour=r.colour, drill={**self._filter(), "skill_id": r.skill_id})
                 for r in self.reads.skills() if not self.scope.skill_id or r.skill_id == self.scope.skill_id]
        return self._build("artifacts_by_skill", "Artifacts per skill", "Skill", _role_columns(), [], specs,
                           Column("all", "All artifacts"))

    def artifacts_by_grade(self) -> Table:
        data = self.reads.artifact_counts(self.scope, "grade")
        specs = [RowSpec(k, grade_label(k), [data[k].get(role, 0) for role, _ in ROLES],
                         drill={**self._filter(), "grade": k} if self.scope.school_id and k else None)
                 for k in sorted(data, key=grade_key)]
        return self._build("artifacts_by_grade", "Artifacts by grade level", "Grade", _role_columns(), [], specs,
                           Column("all", "All artifacts"))

    def artifacts_by_school(self) -> Table:
        data = self.reads.artifact_counts(Scope(self.scope.school_year_id, self.scope.school_id, self.scope.grade,
                                                self.scope.skill_id), "school")
        specs = [RowSpec(k, label, [data[k].get(role, 0) for role, _ in ROLES],
                         drill={**self._filter(), "school_id": k})
                 for k, label, _ in self._groups_of("school", data)]
        return self._build("artifacts_by_school", "Artifacts by school", "School", _role_columns(), [], specs,
                           Column("all", "All artifacts"))

    def artifacts_by_kind(self) -> Table:
        data = self.reads.artifact_counts(self.scope, "kind")
        specs = [RowSpec(k, k.capitalize(), [data.get(k, {}).get(role, 0) for role, _ in ROLES]) for k in KINDS]
        return self._build("artifacts_by_kind", "Artifacts by kind", "Kind", _role_columns(), [], specs,
                           Column("all", "All artifacts"))

    def participation(self) -> Table:
        enrolled = self.reads.enrolled(self.scope, self.group)
        with_skill = self.reads.participation(self.scope, self.group)
        skills = [r for r in self.reads.skills() if not self.scope.skill_id or r.skill_id == self.scope.skill_id]
        specs = [RowSpec(k, label, [enrolled[k]], [(with_skill.get((k, s.skill_id), 0), enrolled[k])
                                                   for s in skills], drill=drill)
                 for k, label, drill in self._groups(enrolled)]
        return self._build("participation", "Participation: students with evidence for each skill",
                           self.group.capitalize(), [Column("students", "Students enrolled")],
                           [Column(s.skill_id, s.name, "share") for s in skills], specs)

    def assessed_levels(self) -> Table:
        data = self.reads.latest_levels(self.scope)
        skills = [r for r in self.reads.skills() if not self.scope.skill_id or r.skill_id == self.scope.skill_id]
        ranks = sorted({rank for _, rank in data} | {lvl[0] for s in skills for lvl in self.reads.scale_levels(
            s.scale_id)})
        names = {lvl[0]: lvl[1] for s in skills for lvl in self.reads.scale_levels(s.scale_id)}
        proficient = _proficient_rank(names, ranks)
        specs = []
        for s in skills:
            counts = [data.get((s.skill_id, rank), 0) for rank in ranks]
            specs.append(RowSpec(s.skill_id, s.name, counts,
                                 [(sum(c for r, c in zip(ranks, counts, strict=True) if r >= proficient), sum(counts))],
                                 colour=s.colour))
        return self._build("assessed_levels", "Assessed levels: students' latest level per skill", "Skill",
                           [Column(f"level_{r}", names.get(r, f"Level {r}")) for r in ranks],
                           [Column("proficient", f"At or above {names.get(proficient, proficient)}", "share")],
                           specs, Column("assessed", "Students assessed"))

    def reflections_feedback(self) -> Table:
        data = self.reads.responses(self.scope, self.group)
        specs = [RowSpec(k, label, [data[k][0]], [(data[k][1], data[k][0]), (data[k][2], data[k][0])], drill=drill)
                 for k, label, drill in self._groups(data)]
        return self._build("reflections_feedback", "Reflections and feedback on artifacts", self.group.capitalize(),
                           [Column("artifacts", "Artifacts")],
                           [Column("reflection", "With a student reflection", "share"),
                            Column("feedback", "With teacher feedback", "share")], specs)

    def milestone_outcomes(self) -> Table:
        data = self.reads.milestone_outcomes(self.scope)
        types = self.reads.milestone_types()
        specs = []
        for code, grade in sorted({(c, g) for c, g, _ in data}, key=lambda cg: (cg[0], grade_key(cg[1]))):
            counts = [data.get((code, grade, o), 0) for o, _ in OUTCOMES]
            done = sum(counts)
            specs.append(RowSpec(f"{code}:{grade}", f"{types.get(code, code)}, {grade_label(grade)}", [done],
                                 [(c, done) for c in counts] + [(counts[2] + counts[3], done)]))
        return self._build("milestone_outcomes", "Milestone outcomes by type and grade", "Milestone and grade",
                           [Column("completed", "Completed")],
                           [Column(o.lower(), label, "share") for o, label in OUTCOMES] +
                           [Column("ready_or_excelling", "Ready or Excelling", "share")], specs)

    def transfers(self) -> Table:
        data = self.reads.transfers(self.scope)
        specs = [RowSpec(k, label, [data[k][0]], [(data[k][1], data[k][0])], drill=drill)
                 for k, label, drill in self._groups_of("school", data)]
        return self._build("transfers", "Students who changed school during the year", "Receiving school",
                           [Column("transferred", "Transferred in")],
                           [Column("continued", "Evidence continued after the move", "share")], specs)

    def _groups_of(self, group: str, keys) -> list[tuple[str, str, dict | None]]:
        ordered = sorted(set(keys), key=lambda k: (self.school_names.get(k, k), k))
        return [(k, self.school_names.get(k, k or "Unknown school"), {**self._filter(), "school_id": k})
                for k in ordered] if group == "school" else self._groups(keys)

    def _filter(self) -> dict:
        s = self.scope
        return {"school_year_id": s.school_year_id, "school_id": s.school_id, "grade": s.grade,
                "skill_id": s.skill_id}


def _role_columns() -> list[Column]:
    return [Column(role, label) for role, label in ROLES]


def _proficient_rank(names: dict[int, str], ranks: list[int]) -> int:
    """The district's "proficient" level: a level named Proficient (or Meeting/Ready), else the upper half."""
    for rank, name in names.items():
        if name.strip().lower() in ("proficient", "meeting", "meets", "ready"):
            return rank
    return ranks[len(ranks) // 2] if ranks else 0


REPORTS: dict[str, tuple[str, Callable[[Reports], Table]]] = {
    "artifacts_by_skill": ("Artifacts per skill", Reports.artifacts_by_skill),
    "artifacts_by_grade": ("Artifacts by grade level", Reports.artifacts_by_grade),
    "artifacts_by_school": ("Artifacts by school", Reports.artifacts_by_school),
    "artifacts_by_kind": ("Artifacts by kind", Reports.artifacts_by_kind),
    "participation": ("Participation by skill", Reports.participation),
    "assessed_levels": ("Assessed levels", Reports.assessed_levels),
    "reflections_feedback": ("Reflections and feedback", Reports.reflections_feedback),
    "milestone_outcomes": ("Milestone outcomes", Reports.milestone_outcomes),
    "transfers": ("Transfers", Reports.transfers),
}
