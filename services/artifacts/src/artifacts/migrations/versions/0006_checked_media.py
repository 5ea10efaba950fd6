"""version media keeps the media worker's checked copy (the only key served) and when its upload target expires

Upgrade: versions judged ready before this revision have no checked copy (checked_key ''), so nothing of theirs is
served until the media role re-checks them (copy to ``checked/``, sniff, strip, thumbnail; see media_sweep.py).
Unfinished uploads get an expiry seven days ahead (longer than any upload URL issued before): after it, the
media role rejects them as "upload not completed" and deletes their bytes.

Revision ID: 0006
Revises: 0005
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('version_media', sa.Column('checked_key', sa.String(length=512), server_default='',
                                             nullable=False))
    op.add_column('version_media', sa.Column('upload_expires_at', sa.DateTime(timezone=True), nullable=True))
    media = sa.table('version_media', sa.column('uploaded_at', sa.DateTime(timezone=True)),
                     sa.column('upload_expires_at', sa.DateTime(timezone=True)))
    op.execute(media.update().where(media.c.uploaded_at.is_(None)).values(
        upload_expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=7)))


def downgrade() -> None:
    with op.batch_alter_table('version_media') as batch:    # SQLite (the embedded default) rebuilds the table
        batch.drop_column('upload_expires_at')
        batch.drop_column('checked_key')
