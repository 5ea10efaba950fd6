"""The one replica of the skills catalog in reflections, over one session: skills with their scale, scales with
their levels, rubrics with their criteria; plus school years and each artifact's school year, creation time and
skill tags.

Writes are called by service_layer/catalog_replication.py (newest-wins per entity is decided there); reads give the
domain's Instrument for a skill (assessments), a Rubric by id (milestones), which skill ids are not usable (goals)
and an artifact's tagged skills, with no call to the skills service.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import upsert_statement
from reflections.adapters.orm import (
    artifact_owners,
    artifact_skills,
    catalog_rubrics,
    catalog_scales,
    catalog_skills,
    school_years,
)
from reflections.domain.assessment import Criterion, Instrument, Level, Rubric, Scale


class CatalogReplica:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- writes (from events) ---
    def _upsert(self, table, key: dict, values: dict) -> None:
        statement = upsert_statement(self.session, table).values(**key, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=list(key), set_=values))

    def put_skill(self, skill_id: str, name: str, colour: str, scale_id: str, retired: bool) -> None:
        self._upsert(catalog_skills, {"skill_id": skill_id}, {"name": name, "colour": colour, "scale_id": scale_id,
                                                              "retired": retired, "deleted": False})

    def delete_skill(self, skill_id: str) -> None:
        self.session.execute(update(catalog_skills).where(catalog_skills.c.skill_id == skill_id)
                             .values(deleted=True))

    def put_scale(self, scale_id: str, name: str, levels: list[Level]) -> None:
        self._upsert(catalog_scales, {"scale_id": scale_id}, {"name": name, "levels": json.dumps(
            [{"rank": l.rank, "name": l.name, "description": l.description} for l in levels])})

    def put_rubric(self, rubric_id: str, skill_id: str, scale_id: str, name: str, criteria: list[Criterion]) -> None:
        self._upsert(catalog_rubrics, {"rubric_id": rubric_id}, {
            "skill_id": skill_id, "scale_id": scale_id, "name": name, "criteria": json.dumps(
                [{"code": c.code, "name": c.name, "descriptors": {str(k): v for k, v in c.descriptors.items()}}
                 for c in criteria])})

    def put_school_year(self, school_year_id: str, title: str, start_date: str, end_date: str) -> None:
        self._upsert(school_years, {"school_year_id": school_year_id},
                     {"title": title, "start_date": start_date, "end_date": end_date})

    def set_artifact_details(self, artifact_id: str, student_id: str, school_year_id: str,
                             skill_ids: list[str]) -> None:
        """The artifact's current school year and complete skill set (replacing the previous set)."""
        self.session.execute(update(artifact_owners).where(artifact_owners.c.artifact_id == artifact_id)
                             .values(school_year_id=school_year_id))
        self.session.execute(delete(artifact_skills).where(artifact_skills.c.artifact_id == artifact_id))
        if skill_ids:
            self.session.execute(insert(artifact_skills), [
                {"artifact_id": artifact_id, "skill_id": s, "student_id": student_id} for s in sorted(set(skill_ids))])

    def note_created(self, artifact_id: str, at: dt.datetime) -> None:
        """Keep the earliest time an artifact_added said (events may arrive out of order)."""
        self.session.execute(update(artifact_owners).where(
            artifact_owners.c.artifact_id == artifact_id,
            or_(artifact_owners.c.created_at.is_(None), artifact_owners.c.created_at > at)).values(created_at=at))

    # --- reads ---
    def is_tagged(self, artifact_id: str, skill_id: str) -> bool:
        return self.session.execute(select(artifact_skills.c.skill_id).where(
            artifact_skills.c.artifact_id == artifact_id, artifact_skills.c.skill_id == skill_id)).first() is not None

    def tagged_skills(self, artifact_id: str) -> list[tuple[str, str]]:
        """(skill_id, name) of the artifact's skills, by name (a skill the catalog does not know: its id)."""
        rows = self.session.execute(
            select(artifact_skills.c.skill_id, catalog_skills.c.name)
            .outerjoin(catalog_skills, catalog_skills.c.skill_id == artifact_skills.c.skill_id)
            .where(artifact_skills.c.artifact_id == artifact_id))
        return sorted(((r.skill_id, r.name or r.skill_id) for r in rows), key=lambda pair: (pair[1], pair[0]))

    def school_year_of(self, artifact_id: str) -> str:
        return self.session.execute(select(artifact_owners.c.school_year_id).where(
            artifact_owners.c.artifact_id == artifact_id)).scalar() or ""

    def _scale(self, scale_id: str) -> Scale | None:
        row = self.session.execute(select(catalog_scales).where(catalog_scales.c.scale_id == scale_id)).first()
        if row is None:
            return None
        return Scale(row.scale_id, row.name, [Level(int(l["rank"]), l["name"], l.get("description", ""))
                                              for l in json.loads(row.levels)])

    def _rubric(self, row) -> Rubric | None:
        scale = self._scale(row.scale_id)
        if scale is None:
            return None
        return Rubric(row.rubric_id, row.name, scale, [
            Criterion(c["code"], c["name"], {int(k): v for k, v in c["descriptors"].items()})
            for c in json.loads(row.criteria)])

    def knows_rubric(self, rubric_id: str) -> bool:
        return self.session.execute(select(catalog_rubrics.c.rubric_id).where(
            catalog_rubrics.c.rubric_id == rubric_id)).first() is not None

    def rubric(self, rubric_id: str) -> Rubric | None:
        """The rubric with its criteria and its scale; None until both the rubric and its scale are known here."""
        row = self.session.execute(select(catalog_rubrics).where(catalog_rubrics.c.rubric_id == rubric_id)).first()
        return self._rubric(row) if row is not None else None

    def unusable_skills(self, skill_ids: list[str]) -> dict[str, str]:
        """skill id -> why it cannot be chosen ("is not a skill of the district" / "is retired") for each of
        ``skill_ids`` the catalog does not offer; empty when all are live skills."""
        rows = self.session.execute(select(catalog_skills.c.skill_id, catalog_skills.c.retired).where(
            catalog_skills.c.skill_id.in_(set(skill_ids)), catalog_skills.c.deleted.is_(False)))
        retired = {r.skill_id: r.retired for r in rows}
        return {s: "is not a skill of the district" if s not in retired else "is retired"
                for s in skill_ids if retired.get(s, True)}

    def instrument(self, skill_id: str) -> Instrument | None:
        """The skill's scale and (first by name) rubric; None when the skill or its scale is not known here."""
        skill = self.session.execute(select(catalog_skills).where(catalog_skills.c.skill_id == skill_id,
                                                                  catalog_skills.c.deleted.is_(False))).first()
        if skill is None:
            return None
        rubric_row = self.session.execute(select(catalog_rubrics).where(catalog_rubrics.c.skill_id == skill_id)
                                          .order_by(catalog_rubrics.c.name, catalog_rubrics.c.rubric_id)).first()
        rubric = self._rubric(rubric_row) if rubric_row is not None else None
        scale = self._scale(skill.scale_id) if skill.scale_id else (rubric.scale if rubric else None)
        if scale is None:
            return None
        return Instrument(skill.skill_id, skill.name, scale, rubric)
