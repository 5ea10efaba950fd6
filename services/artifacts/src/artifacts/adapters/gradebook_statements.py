"""The gradebook's SQL in the artifacts service: per student and skill, the live artifacts tagged with the skill that
were added in a span, counted, with the newest one; and the section's facts from the roster replica."""
from __future__ import annotations

import functools
from typing import NamedTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from artifacts.adapters.orm import artifact_skills, artifacts, roster
from chassis.gradebook import Span
from chassis.roster_replica import section


class EvidenceCell(NamedTuple):     # a named tuple: a grid reads 35 x 5 of them per request
    student_id: str
    skill_id: str
    count: int
    latest_artifact_id: str
    latest_title: str


class GradebookReads(section.SectionReads):
    """What the gradebook use case reads, over one session (unit tests use an in-memory stand-in)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)

    def evidence(self, student_ids: list[str], span: Span) -> list[EvidenceCell]:
        """One cell per student and skill with evidence in the span (one query: counted and ranked by window)."""
        if not student_ids:
            return []
        params = {"students": student_ids, "start": span.start, "end": span.end}
        rows = self.session.execute(_evidence(span.start is not None, span.end is not None), params)
        return [EvidenceCell(r.student_id, r.skill_id, r.n, r.id, r.title) for r in rows]


@functools.cache
def _evidence(bounded_below: bool, bounded_above: bool) -> Select:
    """The evidence statement, built once per kind of span (a gradebook read then only binds its values)."""
    part = (artifacts.c.student_id, artifact_skills.c.skill_id)
    conditions = [artifacts.c.student_id.in_(bindparam("students", expanding=True)),
                  artifacts.c.deleted_at.is_(None), artifacts.c.status != "rejected"]
    if bounded_below:
        conditions.append(artifacts.c.created_at >= bindparam("start", type_=artifacts.c.created_at.type))
    if bounded_above:
        conditions.append(artifacts.c.created_at < bindparam("end", type_=artifacts.c.created_at.type))
    ranked = (select(artifacts.c.student_id, artifact_skills.c.skill_id, artifacts.c.id, artifacts.c.title,
                     func.count().over(partition_by=part).label("n"),
                     func.row_number().over(partition_by=part, order_by=(artifacts.c.created_at.desc(),
                                                                         artifacts.c.id.desc())).label("rn"))
              .join(artifact_skills, artifact_skills.c.artifact_id == artifacts.c.id)
              .where(*conditions).subquery())
    return (select(ranked.c.student_id, ranked.c.skill_id, ranked.c.n, ranked.c.id, ranked.c.title)
            .where(ranked.c.rn == 1).order_by(ranked.c.student_id, ranked.c.skill_id))
