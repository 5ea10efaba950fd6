"""amendment requests of comments, feedback and assessments (FERPA): a new table only, so safe on a live system.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 20:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('amendment_requests',
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('record_type', sa.String(length=16), nullable=False),
                    sa.Column('record_id', sa.String(length=36), nullable=False),
                    sa.Column('artifact_id', sa.String(length=36), nullable=False),
                    sa.Column('student_id', sa.String(length=64), nullable=False),
                    sa.Column('requester_id', sa.String(length=64), nullable=False),
                    sa.Column('requester_role', sa.String(length=16), nullable=False),
                    sa.Column('reason', sa.Text(), nullable=False),
                    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('status', sa.String(length=16), nullable=False),
                    sa.Column('decided_by', sa.String(length=64), server_default='', nullable=False),
                    sa.Column('decider_role', sa.String(length=16), server_default='', nullable=False),
                    sa.Column('decision_reason', sa.Text(), server_default='', nullable=False),
                    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
                    sa.Column('previous', sa.Text(), server_default='{}', nullable=False),
                    sa.Column('amended', sa.Text(), server_default='{}', nullable=False),
                    sa.Column('disagreement', sa.Text(), server_default='', nullable=False),
                    sa.Column('disagreement_at', sa.DateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_amendment_requests')))
    op.create_index('ix_amendment_requests_student_id', 'amendment_requests', ['student_id', 'requested_at'])
    op.create_index('ix_amendment_requests_record_id', 'amendment_requests', ['record_id'])


def downgrade() -> None:
    op.drop_index('ix_amendment_requests_record_id', table_name='amendment_requests')
    op.drop_index('ix_amendment_requests_student_id', table_name='amendment_requests')
    op.drop_table('amendment_requests')
