"""Replica of where each skill belongs (fed by skills skill_* events, protos/skillfolio/events/v1/skills.proto) and
which district each school is in (roster school_* events, roster.proto): artifact tags are checked against it.
Its tables are in orm.py; ``SkillCatalog`` reads and writes them."""
from __future__ import annotations

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from artifacts.adapters.orm import school_districts, skill_places
from chassis.messaging.replica import upsert_statement

NOT_OURS = "is not a skill of the student's district"

class SkillCatalog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _upsert(self, table: Table, key: dict, values: dict) -> None:
        statement = upsert_statement(self.session, table).values(**key, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=list(key), set_=values))

    def put_skill(self, skill_id: str, district_id: str, school_id: str, deleted: bool) -> None:
        self._upsert(skill_places, {"skill_id": skill_id},
                     {"district_id": district_id, "school_id": school_id, "deleted": deleted})

    def put_school(self, school_id: str, district_id: str) -> None:
        self._upsert(school_districts, {"school_id": school_id}, {"district_id": district_id})

    def foreign_tags(self, skill_ids: list[str], school_id: str) -> dict[str, str]:
        """skill id -> why it cannot tag work of a student at ``school_id`` (another district's skill, another
        school's addition, deleted, or not a skill of the district at all). Empty when every tag belongs, and
        while this replica does not yet know the school's district or any of its skills (nothing to check
        against: the catalog is replicated before work is tagged)."""
        district = self.session.execute(select(school_districts.c.district_id).where(
            school_districts.c.school_id == school_id)).scalar()
        if not district or self.session.execute(select(skill_places.c.skill_id).where(
                skill_places.c.district_id == district, skill_places.c.deleted.is_(False)).limit(1)).first() is None:
            return {}
        rows = {r.skill_id: r for r in self.session.execute(select(skill_places).where(
            skill_places.c.skill_id.in_(set(skill_ids))))}
        reasons = {}
        for skill_id in skill_ids:
            row = rows.get(skill_id)
            if row is None or row.deleted:
                reasons[skill_id] = NOT_OURS
            elif row.district_id != district:
                reasons[skill_id] = "is a skill of another district"
            elif row.school_id and row.school_id != school_id:
                reasons[skill_id] = "is a skill of another school"
        return reasons
