"""idempotency keys: the first result of a create under an Idempotency-Key (chassis.idempotency), per principal,
operation and key, kept for SKILLFOLIO_IDEMPOTENCY_KEY_HOURS. A new table only: safe on a live system (nothing
existing is locked or rewritten), on PostgreSQL and on SQLite.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'idempotency_keys',
        sa.Column('principal', sa.String(length=200), nullable=False),
        sa.Column('operation', sa.String(length=200), nullable=False),
        sa.Column('key', sa.String(length=255), nullable=False),
        sa.Column('request_hash', sa.String(length=64), nullable=False),
        sa.Column('response', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('principal', 'operation', 'key', name='pk_idempotency_keys'))
    op.create_index('ix_idempotency_keys_created_at', 'idempotency_keys', ['created_at'])


def downgrade() -> None:
    op.drop_index('ix_idempotency_keys_created_at', table_name='idempotency_keys')
    op.drop_table('idempotency_keys')
