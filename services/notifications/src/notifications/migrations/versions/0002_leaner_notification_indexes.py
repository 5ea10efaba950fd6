"""leaner notification indexes: fewer index entries per inserted notification (issue 11 §4, fan-out)

- ix_notifications_coalesce (recipient_id, actor_id, student_id, kind, created_at) goes: the per-event coalescing
  lookup (recipient, actor, student, kind, created_at >= since) is served by ix_notifications_feed (recipient_id,
  created_at, id), a recipient's recent notifications being few; the batch path's lookup (the run's students'
  recent notifications) gets the narrower ix_notifications_student_recent (student_id, created_at) it lacked;
- ix_notifications_held, ix_notifications_delivery and ix_notifications_digest_due become partial: every query
  using them names a hold (held_by = an approval id), a delivery (delivery_id = an id) or a digest mode, so the
  rows they skip ('' holds, NULL deliveries, instant/none emails: most rows) are no longer indexed at all.

On PostgreSQL the indexes are built and dropped CONCURRENTLY (outside the migration's transaction), new ones before
the old ones go, so a live service keeps an index for each query throughout and no write is blocked.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 04:35:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

PARTIAL = {   # name: (columns, predicate)
    'ix_notifications_held': (['held_by'], "held_by <> ''"),
    'ix_notifications_delivery': (['delivery_id'], 'delivery_id IS NOT NULL'),
    'ix_notifications_digest_due': (['email_mode', 'email_due_at'], "email_mode IN ('daily', 'weekly')"),
}


def _replace(name: str, columns: list[str], predicate: str | None) -> None:
    """``name`` rebuilt over ``columns`` (partial where ``predicate``): on PostgreSQL the new one is built
    concurrently under a temporary name before the old one is dropped concurrently; SQLite (the embedded default)
    keeps plain indexes, dropped and made again."""
    if op.get_bind().dialect.name != 'postgresql':
        op.drop_index(name, table_name='notifications')
        op.create_index(name, 'notifications', columns)
        return
    where = {'postgresql_where': sa.text(predicate)} if predicate else {}
    op.create_index(f'{name}_next', 'notifications', columns, postgresql_concurrently=True, **where)
    op.drop_index(name, table_name='notifications', postgresql_concurrently=True)
    op.execute(f'ALTER INDEX {name}_next RENAME TO {name}')


def _concurrently() -> dict:
    return {'postgresql_concurrently': True} if op.get_bind().dialect.name == 'postgresql' else {}


def upgrade() -> None:
    with op.get_context().autocommit_block():
        options = _concurrently()
        op.create_index('ix_notifications_student_recent', 'notifications', ['student_id', 'created_at'], **options)
        op.drop_index('ix_notifications_coalesce', table_name='notifications', **options)
        for name, (columns, predicate) in PARTIAL.items():
            _replace(name, columns, predicate)


def downgrade() -> None:
    with op.get_context().autocommit_block():
        options = _concurrently()
        for name, (columns, _) in PARTIAL.items():
            _replace(name, columns, None)
        op.create_index('ix_notifications_coalesce', 'notifications',
                        ['recipient_id', 'actor_id', 'student_id', 'kind', 'created_at'], **options)
        op.drop_index('ix_notifications_student_recent', table_name='notifications', **options)
