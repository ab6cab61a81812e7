"""Events for merging two people (and undoing it) and for imports.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

The event kind is a CHECK-constrained text column; widening it recreates the event table on
SQLite (batch mode), which the app runs with foreign keys off.
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
_NEW = _OLD + ('person_merged', 'person_unmerged', 'imported')


def _kind(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name='event_kind', native_enum=False, create_constraint=True,
                   length=32)


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(_OLD), type_=_kind(_NEW),
                              existing_nullable=False)


def downgrade() -> None:
    op.execute("DELETE FROM event WHERE kind IN ('person_merged', 'person_unmerged', 'imported')")
    with op.batch_alter_table('event', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(_NEW), type_=_kind(_OLD),
                              existing_nullable=False)
