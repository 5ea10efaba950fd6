"""goals and milestones (panel invitations, score sheets), the rubric/scale replica, people.grade_level

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 21:40:58.232692
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('goals',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('success_criteria', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('closing_reflection', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals'))
    )
    op.create_index('ix_goals_student_id', 'goals', ['student_id'], unique=False)
    op.create_table('milestone_types',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('rubric_id', sa.String(length=64), nullable=False),
    sa.Column('grade_levels', sa.String(length=255), server_default='', nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone_types')),
    sa.UniqueConstraint('code', name=op.f('uq_milestone_types_code'))
    )
    op.create_table('rubric_criteria',
    sa.Column('rubric_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('rubric_id', 'position', name=op.f('pk_rubric_criteria'))
    )
    op.create_table('rubrics',
    sa.Column('rubric_id', sa.String(length=64), nullable=False),
    sa.Column('district_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('scale_id', sa.String(length=64), nullable=False),
    sa.Column('skill_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('rubric_id', name=op.f('pk_rubrics'))
    )
    op.create_table('scale_levels',
    sa.Column('scale_id', sa.String(length=64), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('scale_id', 'rank', name=op.f('pk_scale_levels'))
    )
    op.create_table('scales',
    sa.Column('scale_id', sa.String(length=64), nullable=False),
    sa.Column('district_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('scale_id', name=op.f('pk_scales'))
    )
    op.create_table('goal_evidence',
    sa.Column('goal_id', sa.String(length=36), nullable=False),
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_evidence_goal_id_goals')),
    sa.PrimaryKeyConstraint('goal_id', 'artifact_id', name=op.f('pk_goal_evidence'))
    )
    op.create_table('goal_skills',
    sa.Column('goal_id', sa.String(length=36), nullable=False),
    sa.Column('skill_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_skills_goal_id_goals')),
    sa.PrimaryKeyConstraint('goal_id', 'skill_id', name=op.f('pk_goal_skills'))
    )
    op.create_table('milestones',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=64), nullable=False),
    sa.Column('type_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('scheduled_on', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), server_default='', nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_by', sa.String(length=64), server_default='', nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['type_id'], ['milestone_types.id'], name=op.f('fk_milestones_type_id_milestone_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestones'))
    )
    op.create_index('ix_milestones_student_id', 'milestones', ['student_id'], unique=False)
    op.create_table('milestone_evidence',
    sa.Column('milestone_id', sa.String(length=36), nullable=False),
    sa.Column('artifact_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestones.id'], name=op.f('fk_milestone_evidence_milestone_id_milestones')),
    sa.PrimaryKeyConstraint('milestone_id', 'artifact_id', name=op.f('pk_milestone_evidence'))
    )
    op.create_table('panel_invitations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('milestone_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('person_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('invited_by', sa.String(length=64), nullable=False),
    sa.Column('invited_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestones.id'], name=op.f('fk_panel_invitations_milestone_id_milestones')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_invitations')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_panel_invitations_token_sha256'))
    )
    op.create_index('ix_panel_invitations_milestone_id', 'panel_invitations', ['milestone_id'], unique=False)
    op.create_table('score_sheets',
    sa.Column('invitation_id', sa.String(length=36), nullable=False),
    sa.Column('milestone_id', sa.String(length=36), nullable=False),
    sa.Column('comment', sa.Text(), server_default='', nullable=False),
    sa.Column('scored_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['panel_invitations.id'], name=op.f('fk_score_sheets_invitation_id_panel_invitations')),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestones.id'], name=op.f('fk_score_sheets_milestone_id_milestones')),
    sa.PrimaryKeyConstraint('invitation_id', name=op.f('pk_score_sheets'))
    )
    op.create_index('ix_score_sheets_milestone_id', 'score_sheets', ['milestone_id'], unique=False)
    op.create_table('sheet_scores',
    sa.Column('invitation_id', sa.String(length=36), nullable=False),
    sa.Column('criterion_code', sa.String(length=64), nullable=False),
    sa.Column('level_rank', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['score_sheets.invitation_id'], name=op.f('fk_sheet_scores_invitation_id_score_sheets')),
    sa.PrimaryKeyConstraint('invitation_id', 'criterion_code', name=op.f('pk_sheet_scores'))
    )
    op.add_column('people', sa.Column('grade_level', sa.String(length=16), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('people') as batch:      # SQLite cannot drop a column in place
        batch.drop_column('grade_level')
    op.drop_table('sheet_scores')
    op.drop_index('ix_score_sheets_milestone_id', table_name='score_sheets')
    op.drop_table('score_sheets')
    op.drop_index('ix_panel_invitations_milestone_id', table_name='panel_invitations')
    op.drop_table('panel_invitations')
    op.drop_table('milestone_evidence')
    op.drop_index('ix_milestones_student_id', table_name='milestones')
    op.drop_table('milestones')
    op.drop_table('goal_skills')
    op.drop_table('goal_evidence')
    op.drop_table('scales')
    op.drop_table('scale_levels')
    op.drop_table('rubrics')
    op.drop_table('rubric_criteria')
    op.drop_table('milestone_types')
    op.drop_index('ix_goals_student_id', table_name='goals')
    op.drop_table('goals')
