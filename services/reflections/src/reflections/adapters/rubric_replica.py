"""Replica of the skills service's rubrics and proficiency scales (fed by rubric_defined and scale_defined,
protos/skillfolio/events/v1/skills.proto): the criteria and scale levels a milestone's score sheet is checked
against. Tables live on the reflections metadata; ``RubricReplica`` reads and writes them."""
from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table, delete, insert, select
from sqlalchemy.orm import Session

from chassis.messaging.replica import upsert_statement

from reflections.adapters.orm import Key, metadata
from reflections.domain.milestones import Rubric

rubrics = Table(
    "rubrics", metadata,
    Column("rubric_id", Key, primary_key=True),
    Column("district_id", Key, nullable=False, server_default=""),
    Column("code", String(64), nullable=False),
    Column("scale_id", Key, nullable=False),
    Column("skill_id", Key, nullable=False, server_default=""),
)

rubric_criteria = Table(
    "rubric_criteria", metadata,
    Column("rubric_id", Key, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("code", String(64), nullable=False),
)

scales = Table(
    "scales", metadata,
    Column("scale_id", Key, primary_key=True),
    Column("district_id", Key, nullable=False, server_default=""),
    Column("code", String(64), nullable=False),
    Column("name", String(255), nullable=False),
)

scale_levels = Table(
    "scale_levels", metadata,
    Column("scale_id", Key, primary_key=True),
    Column("rank", Integer, primary_key=True),
    Column("name", String(255), nullable=False),
)


class RubricReplica:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _replace(self, table, key: dict, values: dict, children, child_key: str, rows: list[dict]) -> None:
        insert_ = upsert_statement(self.session, table).values(**key, **values)
        self.session.execute(insert_.on_conflict_do_update(index_elements=list(key), set_=values))
        self.session.execute(delete(children).where(children.c[child_key] == key[child_key]))
        if rows:
            self.session.execute(insert(children), rows)

    def put_rubric(self, rubric_id: str, district_id: str, code: str, scale_id: str, skill_id: str,
                   criteria: list[str]) -> None:
        self._replace(rubrics, {"rubric_id": rubric_id},
                      {"district_id": district_id, "code": code, "scale_id": scale_id, "skill_id": skill_id},
                      rubric_criteria, "rubric_id",
                      [{"rubric_id": rubric_id, "position": i, "code": c} for i, c in enumerate(criteria)])

    def put_scale(self, scale_id: str, district_id: str, code: str, name: str, level_names: list[str]) -> None:
        self._replace(scales, {"scale_id": scale_id}, {"district_id": district_id, "code": code, "name": name},
                      scale_levels, "scale_id",
                      [{"scale_id": scale_id, "rank": i + 1, "name": n} for i, n in enumerate(level_names)])

    def exists(self, rubric_id: str) -> bool:
        return self.session.execute(select(rubrics.c.rubric_id).where(rubrics.c.rubric_id == rubric_id)).first() \
            is not None

    def rubric(self, rubric_id: str) -> Rubric | None:
        """The rubric with its criteria and scale levels; None until the rubric is known (levels empty until its
        scale is)."""
        row = self.session.execute(select(rubrics.c.code, rubrics.c.scale_id, scales.c.name)
                                   .outerjoin(scales, scales.c.scale_id == rubrics.c.scale_id)
                                   .where(rubrics.c.rubric_id == rubric_id)).first()
        if row is None:
            return None
        criteria = self.session.execute(select(rubric_criteria.c.code).where(rubric_criteria.c.rubric_id == rubric_id)
                                        .order_by(rubric_criteria.c.position)).scalars()
        levels = self.session.execute(select(scale_levels.c.name).where(scale_levels.c.scale_id == row.scale_id)
                                      .order_by(scale_levels.c.rank)).scalars()
        return Rubric(rubric_id, row.code, row.name or row.code, tuple(criteria), tuple(levels))
