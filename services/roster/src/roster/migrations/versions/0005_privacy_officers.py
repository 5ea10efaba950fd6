"""privacy officers: the district's records-request role, granted by the operator CLI (never by a OneRoster import)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 20:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('privacy_officers',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('granted_by', sa.String(length=255), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_privacy_officers_person_id_people'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_privacy_officers'))
    )


def downgrade() -> None:
    op.drop_table('privacy_officers')
