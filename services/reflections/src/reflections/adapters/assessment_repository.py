"""Storage of assessments, and the growth view's statements (tagged counts per skill and school year, with the skill
and year labels; assessed points over time, ids only; labels of anything only points name), each read from covering
indexes on the student alone (SQLAlchemy Core)."""
from __future__ import annotations

import json

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from reflections.adapters.orm import artifact_owners, artifact_skills, assessments, catalog_skills, school_years
from reflections.domain.assessment import Assessment, CriterionLevel
from reflections.domain.growth import Labels, Point, TaggedCount


class AssessmentsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, item: Assessment, max_rank: int) -> None:
        self.session.execute(insert(assessments).values(
            id=item.id, artifact_id=item.artifact_id, student_id=item.student_id, skill_id=item.skill_id,
            assessor_id=item.assessor_id, assessor_role=item.assessor_role, level_rank=item.level_rank,
            level_name=item.level_name, max_rank=max_rank, comment=item.comment, assessed_at=item.assessed_at,
            criterion_levels=json.dumps([{"criterion_code": c.criterion_code, "level_rank": c.level_rank}
                                         for c in item.criterion_levels])))

    def on_artifact(self, artifact_id: str) -> list[Assessment]:
        return self.on_artifacts([artifact_id]).get(artifact_id, [])

    def on_artifacts(self, artifact_ids: list[str]) -> dict[str, list[Assessment]]:
        """Each artifact's assessments (in assessment order), in one statement (an export's batch)."""
        rows = self.session.execute(select(assessments).where(assessments.c.artifact_id.in_(artifact_ids))
                                    .order_by(assessments.c.artifact_id, assessments.c.assessed_at, assessments.c.id))
        found: dict[str, list[Assessment]] = {}
        for r in rows:
            found.setdefault(r.artifact_id, []).append(Assessment(
                r.id, r.artifact_id, r.student_id, r.skill_id, r.assessor_id, r.assessor_role, r.level_rank,
                r.level_name, r.comment, r.assessed_at, [CriterionLevel(c["criterion_code"], int(c["level_rank"]))
                                                         for c in json.loads(r.criterion_levels)]))
        return found

    def tagged_counts(self, student_id: str) -> list[TaggedCount]:
        """Per skill and school year: how many of the student's live artifacts are tagged with the skill."""
        rows = self.session.execute(
            select(artifact_skills.c.skill_id, func.coalesce(catalog_skills.c.name, artifact_skills.c.skill_id),
                   func.coalesce(catalog_skills.c.colour, ""), artifact_owners.c.school_year_id,
                   func.coalesce(school_years.c.title, ""), func.coalesce(school_years.c.start_date, ""),
                   func.count())
            .join(artifact_owners, artifact_owners.c.artifact_id == artifact_skills.c.artifact_id)
            .outerjoin(catalog_skills, catalog_skills.c.skill_id == artifact_skills.c.skill_id)
            .outerjoin(school_years, school_years.c.school_year_id == artifact_owners.c.school_year_id)
            .where(artifact_skills.c.student_id == student_id, artifact_owners.c.student_id == student_id,
                   artifact_owners.c.deleted.is_(False))
            .group_by(artifact_skills.c.skill_id, catalog_skills.c.name, catalog_skills.c.colour,
                      artifact_owners.c.school_year_id, school_years.c.title, school_years.c.start_date)).all()
        return [TaggedCount(*row) for row in rows]

    def points(self, student_id: str) -> list[Point]:
        """Every assessment of the student's live artifacts, oldest first, with its skill and school year ids only
        (the labels come with the tagged counts): eight narrow columns, fetched in one go."""
        rows = self.session.execute(
            select(assessments.c.skill_id, artifact_owners.c.school_year_id, assessments.c.assessed_at,
                   assessments.c.level_rank, assessments.c.level_name, assessments.c.max_rank,
                   assessments.c.artifact_id, assessments.c.assessor_role)
            .join(artifact_owners, artifact_owners.c.artifact_id == assessments.c.artifact_id)
            .where(assessments.c.student_id == student_id, artifact_owners.c.student_id == student_id,
                   artifact_owners.c.deleted.is_(False))
            .order_by(assessments.c.assessed_at, assessments.c.id)).all()
        return [Point._make(row) for row in rows]

    def labels(self, skill_ids: set[str], school_year_ids: set[str]) -> Labels:
        """Names of skills and school years the tagged counts did not label (only asked for when there are some)."""
        skills = self.session.execute(select(catalog_skills.c.skill_id, catalog_skills.c.name, catalog_skills.c.colour)
                                      .where(catalog_skills.c.skill_id.in_(skill_ids))).all() if skill_ids else []
        years = self.session.execute(
            select(school_years.c.school_year_id, school_years.c.title, school_years.c.start_date)
            .where(school_years.c.school_year_id.in_(school_year_ids))).all() if school_year_ids else []
        return Labels({r.skill_id: (r.name, r.colour) for r in skills},
                      {r.school_year_id: (r.title, r.start_date) for r in years})
