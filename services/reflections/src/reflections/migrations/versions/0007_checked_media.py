"""recording media keeps the media check's checked copy (the only key served) and when its upload target expires

Upgrade: revisions judged ready before this revision have no checked copy (checked_key ''), so they are not served
until the events role re-checks them (copy to ``checked/``, sniff; see recording_sweep.py). Unfinished uploads get
an expiry seven days ahead (longer than any upload URL issued before): after it they are rejected as "upload not
completed" and their bytes deleted.

Revision ID: 0007
Revises: 0006
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('revision_media', sa.Column('checked_key', sa.String(length=512), server_default='',
                                              nullable=False))
    op.add_column('revision_media', sa.Column('upload_expires_at', sa.DateTime(timezone=True), nullable=True))
    media = sa.table('revision_media', sa.column('uploaded_at', sa.DateTime(timezone=True)),
                     sa.column('upload_expires_at', sa.DateTime(timezone=True)))
    op.execute(media.update().where(media.c.uploaded_at.is_(None)).values(
        upload_expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=7)))


def downgrade() -> None:
    op.drop_column('revision_media', 'upload_expires_at')    # plain DROP COLUMN, as 0004 (SQLite >= 3.35)
    op.drop_column('revision_media', 'checked_key')
