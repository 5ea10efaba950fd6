"""rights at 18: people's birth dates (OneRoster demographics.csv), each district's rule for when guardians' access
passes to the student, the students whose rights have passed, and each guardian's access after that

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('people', sa.Column('birth_date', sa.Date(), nullable=True))
    op.create_table(
        'rights_settings',
        sa.Column('district_id', sa.String(length=36), nullable=False),
        sa.Column('guardian_access_ends', sa.String(length=16), nullable=False),
        sa.Column('updated_by', sa.String(length=255), server_default='', nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.PrimaryKeyConstraint('district_id', name=op.f('pk_rights_settings')),
    )
    op.create_table(
        'student_rights',
        sa.Column('student_id', sa.String(length=36), nullable=False),
        sa.Column('passed_on', sa.Date(), nullable=False),
        sa.Column('basis', sa.String(length=16), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.ForeignKeyConstraint(['student_id'], ['people.id'], name=op.f('fk_student_rights_student_id_people')),
        sa.PrimaryKeyConstraint('student_id', name=op.f('pk_student_rights')),
    )
    op.create_table(
        'guardian_access',
        sa.Column('guardian_id', sa.String(length=36), nullable=False),
        sa.Column('student_id', sa.String(length=36), nullable=False),
        sa.Column('granted', sa.Boolean(), nullable=False),
        sa.Column('decided_by', sa.String(length=255), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.ForeignKeyConstraint(['guardian_id'], ['people.id'], name=op.f('fk_guardian_access_guardian_id_people')),
        sa.ForeignKeyConstraint(['student_id'], ['people.id'], name=op.f('fk_guardian_access_student_id_people')),
        sa.PrimaryKeyConstraint('guardian_id', 'student_id', name=op.f('pk_guardian_access')),
    )
    op.create_index('ix_guardian_access_student_id', 'guardian_access', ['student_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_guardian_access_student_id', table_name='guardian_access')
    op.drop_table('guardian_access')
    op.drop_table('student_rights')
    op.drop_table('rights_settings')
    with op.batch_alter_table('people') as batch:    # SQLite (the embedded default) rebuilds the table
        batch.drop_column('birth_date')
