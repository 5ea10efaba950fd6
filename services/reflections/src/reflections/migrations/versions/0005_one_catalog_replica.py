"""one skills catalog replica: milestones read rubrics and scales from catalog_rubrics/catalog_scales; the milestone
rubric replica (rubrics, rubric_criteria, scales, scale_levels from 0003) goes. A rubric or scale only the old
tables knew is copied into the catalog first; a downgrade refills the old tables from the catalog. Plain SQL through
SQLAlchemy Core, so it runs on PostgreSQL and on SQLite (the embedded default).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 22:40:00
"""
import json

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_meta = sa.MetaData()
catalog_scales = sa.Table('catalog_scales', _meta, sa.Column('scale_id', sa.String(64)),
                          sa.Column('name', sa.String(200)), sa.Column('levels', sa.Text()))
catalog_rubrics = sa.Table('catalog_rubrics', _meta, sa.Column('rubric_id', sa.String(64)),
                           sa.Column('skill_id', sa.String(64)), sa.Column('scale_id', sa.String(64)),
                           sa.Column('name', sa.String(200)), sa.Column('criteria', sa.Text()))


def _old_tables(metadata: sa.MetaData) -> tuple[sa.Table, ...]:
    """The milestone rubric replica as 0003 created it."""
    key = sa.String(length=64)
    return (
        sa.Table('rubrics', metadata,
                 sa.Column('rubric_id', key, primary_key=True),
                 sa.Column('district_id', key, server_default='', nullable=False),
                 sa.Column('code', key, nullable=False),
                 sa.Column('scale_id', key, nullable=False),
                 sa.Column('skill_id', key, server_default='', nullable=False)),
        sa.Table('rubric_criteria', metadata,
                 sa.Column('rubric_id', key, primary_key=True),
                 sa.Column('position', sa.Integer(), primary_key=True),
                 sa.Column('code', key, nullable=False)),
        sa.Table('scales', metadata,
                 sa.Column('scale_id', key, primary_key=True),
                 sa.Column('district_id', key, server_default='', nullable=False),
                 sa.Column('code', key, nullable=False),
                 sa.Column('name', sa.String(length=255), nullable=False)),
        sa.Table('scale_levels', metadata,
                 sa.Column('scale_id', key, primary_key=True),
                 sa.Column('rank', sa.Integer(), primary_key=True),
                 sa.Column('name', sa.String(length=255), nullable=False)),
    )


def upgrade() -> None:
    bind = op.get_bind()
    rubrics, rubric_criteria, scales, scale_levels = _old_tables(sa.MetaData())
    known_scales = set(bind.execute(sa.select(catalog_scales.c.scale_id)).scalars())
    for scale in bind.execute(sa.select(scales)).all():
        if scale.scale_id not in known_scales:
            levels = bind.execute(sa.select(scale_levels).where(scale_levels.c.scale_id == scale.scale_id)
                                  .order_by(scale_levels.c.rank)).all()
            bind.execute(catalog_scales.insert().values(scale_id=scale.scale_id, name=scale.name, levels=json.dumps(
                [{"rank": level.rank, "name": level.name, "description": ""} for level in levels])))
    known_rubrics = set(bind.execute(sa.select(catalog_rubrics.c.rubric_id)).scalars())
    for rubric in bind.execute(sa.select(rubrics)).all():
        if rubric.rubric_id not in known_rubrics:
            codes = bind.execute(sa.select(rubric_criteria.c.code).where(rubric_criteria.c.rubric_id ==
                                 rubric.rubric_id).order_by(rubric_criteria.c.position)).scalars()
            bind.execute(catalog_rubrics.insert().values(
                rubric_id=rubric.rubric_id, skill_id=rubric.skill_id, scale_id=rubric.scale_id, name=rubric.code,
                criteria=json.dumps([{"code": c, "name": c, "descriptors": {}} for c in codes])))
    for table in ('rubric_criteria', 'rubrics', 'scale_levels', 'scales'):
        op.drop_table(table)


def downgrade() -> None:
    metadata = sa.MetaData(naming_convention={"pk": "pk_%(table_name)s"})        # the names 0003 gave them
    rubrics, rubric_criteria, scales, scale_levels = _old_tables(metadata)
    metadata.create_all(op.get_bind())
    bind = op.get_bind()
    for scale in bind.execute(sa.select(catalog_scales)).all():
        bind.execute(scales.insert().values(scale_id=scale.scale_id, code=scale.scale_id, name=scale.name))
        levels = json.loads(scale.levels)
        if levels:
            bind.execute(scale_levels.insert(), [{"scale_id": scale.scale_id, "rank": i + 1, "name": level["name"]}
                                                 for i, level in enumerate(levels)])
    for rubric in bind.execute(sa.select(catalog_rubrics)).all():
        bind.execute(rubrics.insert().values(rubric_id=rubric.rubric_id, code=rubric.name[:64],
                                             scale_id=rubric.scale_id, skill_id=rubric.skill_id))
        criteria = json.loads(rubric.criteria)
        if criteria:
            bind.execute(rubric_criteria.insert(), [{"rubric_id": rubric.rubric_id, "position": i, "code": c["code"]}
                                                    for i, c in enumerate(criteria)])
