"""Merging people (and undoing it), imports, reopening a resolution, and the trash.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

The event kind is a CHECK-constrained text column; widening it recreates the event table on
SQLite (batch mode), which the app runs with foreign keys off. A person in the trash has
`trashed_at` set.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_OLD = ('person_added', 'person_edited', 'organization_added', 'organization_edited',
        'intro_proposed', 'consent_asked', 'consent_agreed', 'consent_declined', 'intro_made',
        'consent_overridden', 'risk_overridden', 'commitment_added', 'commitment_resolved',
        'intro_connected', 'intro_closed', 'note', 'person_forgotten', 'demo_loaded')
_NEW = _OLD + ('person_merged', 'person_unmerged', 'imported', 'commitment_reopened',
               'person_trashed', 'person_restored')


def _kind(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name='event_kind', native_enum=False, create_constraint=True,
                   length=32)


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(_OLD), type_=_kind(_NEW),
                              existing_nullable=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('trashed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('trashed_at')
    added = ", ".join(f"'{kind}'" for kind in _NEW[len(_OLD):])
    op.execute(f"DELETE FROM event WHERE kind IN ({added})")
    with op.batch_alter_table('event', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(_NEW), type_=_kind(_OLD),
                              existing_nullable=False)
