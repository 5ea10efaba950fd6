"""keyset order indexes: people by (family_name, given_name, id), sections by (title, id)

A page of a district-wide list becomes an index range scan instead of a sort of the whole table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:52:00
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_people_name_order', 'people', ['family_name', 'given_name', 'id'], unique=False)
    op.create_index('ix_sections_title_order', 'sections', ['title', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sections_title_order', table_name='sections')
    op.drop_index('ix_people_name_order', table_name='people')
