"""The gradebook's SQL in the reflections service: per student and skill, the latest level a teacher assessed up to
a span's end (on a live artifact), whether it falls in the span; and the section's facts from the roster replica."""
from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from chassis.gradebook import Span
from chassis.roster_replica import section
from reflections.adapters.orm import artifact_owners, assessments, roster


class LatestLevel(NamedTuple):     # a named tuple: a grid reads 35 x 5 of them per request
    student_id: str
    skill_id: str
    level_rank: int
    level_name: str
    max_rank: int
    artifact_id: str
    assessed_at: dt.datetime
    in_range: bool


class GradebookReads(section.SectionReads):
    """What the gradebook use case reads, over one session (unit tests use an in-memory stand-in)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)

    def latest_levels(self, student_ids: list[str], span: Span) -> list[LatestLevel]:
        """One row per student and skill a teacher assessed before the span's end (one query, ranked by window)."""
        if not student_ids:
            return []
        rows = self.session.execute(_latest(span.end is not None), {"students": student_ids, "end": span.end})
        return [LatestLevel(r.student_id, r.skill_id, r.level_rank, r.level_name, r.max_rank, r.artifact_id,
                            _utc(r.assessed_at), span.start is None or _utc(r.assessed_at) >= span.start)
                for r in rows]


@functools.cache
def _latest(bounded_above: bool) -> Select:
    """The latest-levels statement, built once per kind of span (a gradebook read then only binds its values)."""
    part = (assessments.c.student_id, assessments.c.skill_id)
    conditions = [assessments.c.student_id.in_(bindparam("students", expanding=True)),
                  assessments.c.assessor_role == "teacher"]
    if bounded_above:
        conditions.append(assessments.c.assessed_at < bindparam("end", type_=assessments.c.assessed_at.type))
    ranked = (select(assessments.c.student_id, assessments.c.skill_id, assessments.c.level_rank,
                     assessments.c.level_name, assessments.c.max_rank, assessments.c.artifact_id,
                     assessments.c.assessed_at,
                     func.row_number().over(partition_by=part, order_by=(assessments.c.assessed_at.desc(),
                                                                         assessments.c.id.desc())).label("rn"))
              .join(artifact_owners, artifact_owners.c.artifact_id == assessments.c.artifact_id)
              .where(*conditions, artifact_owners.c.deleted.is_(False)).subquery())
    return select(ranked).where(ranked.c.rn == 1).order_by(ranked.c.student_id, ranked.c.skill_id)


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
