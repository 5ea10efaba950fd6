"""assessments, the skills catalog replica, school years and artifact skill tags

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 21:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('artifact_owners') as batch:
        batch.add_column(sa.Column('school_year_id', sa.String(length=64), server_default='', nullable=False))
        batch.add_column(sa.Column('created_at', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_artifact_owners_student_id', 'artifact_owners', ['student_id'], unique=False,
                    postgresql_include=['artifact_id', 'school_year_id', 'deleted'])
    op.create_table('assessments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.Column('skill_id', sa.String(length=64), nullable=False),
    sa.Column('assessor_id', sa.String(length=64), nullable=False),
    sa.Column('assessor_role', sa.String(length=16), nullable=False),
    sa.Column('level_rank', sa.Integer(), nullable=False),
    sa.Column('level_name', sa.String(length=200), nullable=False),
    sa.Column('max_rank', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), server_default='', nullable=False),
    sa.Column('criterion_levels', sa.Text(), server_default='[]', nullable=False),
    sa.Column('assessed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    op.create_index('ix_assessments_artifact_id', 'assessments', ['artifact_id'], unique=False)
    op.create_index('ix_assessments_student_growth', 'assessments', ['student_id', 'assessed_at', 'id'], unique=False,
                    postgresql_include=['skill_id', 'artifact_id', 'level_rank', 'level_name', 'max_rank',
                                        'assessor_role'])
    op.create_table('artifact_skills',
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('skill_id', sa.String(length=64), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('artifact_id', 'skill_id', name=op.f('pk_artifact_skills'))
    )
    op.create_index('ix_artifact_skills_student_id', 'artifact_skills', ['student_id', 'skill_id', 'artifact_id'],
                    unique=False)
    op.create_table('catalog_skills',
    sa.Column('skill_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('colour', sa.String(length=16), server_default='', nullable=False),
    sa.Column('scale_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('retired', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('skill_id', name=op.f('pk_catalog_skills'))
    )
    op.create_table('catalog_scales',
    sa.Column('scale_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('levels', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('scale_id', name=op.f('pk_catalog_scales'))
    )
    op.create_table('catalog_rubrics',
    sa.Column('rubric_id', sa.String(length=64), nullable=False),
    sa.Column('skill_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('scale_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('rubric_id', name=op.f('pk_catalog_rubrics'))
    )
    op.create_index('ix_catalog_rubrics_skill_id', 'catalog_rubrics', ['skill_id'], unique=False)
    op.create_table('school_years',
    sa.Column('school_year_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), server_default='', nullable=False),
    sa.Column('start_date', sa.String(length=10), server_default='', nullable=False),
    sa.Column('end_date', sa.String(length=10), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('school_year_id', name=op.f('pk_school_years'))
    )


def downgrade() -> None:
    op.drop_table('school_years')
    op.drop_index('ix_catalog_rubrics_skill_id', table_name='catalog_rubrics')
    op.drop_table('catalog_rubrics')
    op.drop_table('catalog_scales')
    op.drop_table('catalog_skills')
    op.drop_index('ix_artifact_skills_student_id', table_name='artifact_skills')
    op.drop_table('artifact_skills')
    op.drop_index('ix_assessments_student_growth', table_name='assessments')
    op.drop_index('ix_assessments_artifact_id', table_name='assessments')
    op.drop_table('assessments')
    op.drop_index('ix_artifact_owners_student_id', table_name='artifact_owners')
    with op.batch_alter_table('artifact_owners') as batch:
        batch.drop_column('created_at')
        batch.drop_column('school_year_id')
